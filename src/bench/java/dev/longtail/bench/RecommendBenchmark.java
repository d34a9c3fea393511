package dev.longtail.bench;

import dev.longtail.core.CoOccurrence;
import dev.longtail.core.Interaction;
import dev.longtail.core.ItemIndex;
import dev.longtail.core.RankingSettings;
import dev.longtail.core.Recommender;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * In-process latency of {@link Recommender#recommend} on synthetic catalogs, next to two bare
 * brute-force scans over the same packed vectors: the scan of the same work a request does (its
 * three taste queries and its dislike direction, four queries in one pass), which is the fair
 * bound, and the single-query scan for reference.
 *
 * <p>Synthetic items are 384-dimensional vectors drawn around 300 topic centres, with Zipf-like
 * popularity and about 20 co-consumed neighbours each; users hold 60 interactions from three
 * topics. Single-threaded; each size is warmed up before it is measured.
 *
 * <p>Arguments: item counts to measure, default {@code 10000 100000}.
 */
public final class RecommendBenchmark {

    private static final int DIMENSION = 384;
    private static final int TOPICS = 300;
    private static final int USERS = 64;

    private RecommendBenchmark() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0
                ? new int[] {10_000, 100_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.println("| items | recommend p50 ms | recommend p99 ms "
                + "| same-work scan (4 queries) p50 ms | single-query scan p50 ms "
                + "| same-work scan / recommend (p50) | single-query scan / recommend (p50) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (int size : sizes) {
            measure(size);
        }
        // Wall-clock percentiles suffer when other processes share the cores; say how busy it was.
        System.out.printf(Locale.ROOT, "%d cores, system load average %.1f%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void measure(int size) {
        SplittableRandom random = new SplittableRandom(size);
        ItemIndex items = catalog(size, random);
        Recommender recommender = new Recommender(items, coOccurrence(size, random),
                RankingSettings.defaults());
        List<List<Interaction>> users = users(size, random);
        int runs = size <= 10_000 ? 2000 : 300;
        float[] query = items.vector(0);
        float[] out = new float[size];
        // A user of the benchmark has three taste clusters and a dislike direction.
        float[][] queries = {items.vector(0), items.vector(1), items.vector(2), items.vector(3)};
        float[][] outs = new float[queries.length][size];
        Runnable[] recommend = {null};
        int[] next = {0};
        recommend[0] = () -> recommender.recommend(users.get(next[0]++ % USERS), List.of(), 20,
                0.3);
        Runnable scan = () -> items.similarities(query, out);
        Runnable multiScan = () -> items.similarities(queries, outs);
        timings(recommend[0], runs);
        timings(scan, runs);
        timings(multiScan, runs);
        double[] recommendMillis = timings(recommend[0], runs);
        double[] scanMillis = timings(scan, runs);
        double[] multiMillis = timings(multiScan, runs);
        double recommend50 = percentile(recommendMillis, 50);
        System.out.println(String.format(Locale.ROOT,
                "| %,d | %.2f | %.2f | %.2f | %.2f | %.0f%% | %.0f%% |", size, recommend50,
                percentile(recommendMillis, 99), percentile(multiMillis, 50),
                percentile(scanMillis, 50), 100 * percentile(multiMillis, 50) / recommend50,
                100 * percentile(scanMillis, 50) / recommend50));
    }

    private static double[] timings(Runnable task, int runs) {
        double[] millis = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            task.run();
            millis[r] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static double percentile(double[] sorted, int percent) {
        int at = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, at)];
    }

    private static ItemIndex catalog(int size, SplittableRandom random) {
        float[][] topics = new float[TOPICS][DIMENSION];
        for (float[] topic : topics) {
            for (int k = 0; k < DIMENSION; k++) {
                topic[k] = (float) gaussian(random);
            }
        }
        String[] ids = new String[size];
        String[] titles = new String[size];
        int[] popularity = new int[size];
        float[] vectors = new float[size * DIMENSION];
        for (int i = 0; i < size; i++) {
            ids[i] = "i" + i;
            titles[i] = "Item " + i;
            popularity[i] = (int) (10_000 / Math.pow(1 + random.nextInt(size), 0.8));
            float[] topic = topics[i % TOPICS];
            for (int k = 0; k < DIMENSION; k++) {
                vectors[i * DIMENSION + k] = topic[k] + 0.8f * (float) gaussian(random);
            }
        }
        return new ItemIndex(ids, titles, popularity, vectors, DIMENSION);
    }

    private static CoOccurrence coOccurrence(int size, SplittableRandom random) {
        CoOccurrence.Builder builder = CoOccurrence.builder(size);
        for (int i = 0; i < size; i++) {
            for (int k = 0; k < 10; k++) {
                int other = (i + TOPICS * (1 + random.nextInt(size / TOPICS - 1))) % size;
                builder.add(i, other, 1 + random.nextInt(30));
            }
        }
        return builder.build();
    }

    private static List<List<Interaction>> users(int size, SplittableRandom random) {
        List<List<Interaction>> users = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            List<Interaction> history = new ArrayList<>();
            int[] tastes = {random.nextInt(TOPICS), random.nextInt(TOPICS), random.nextInt(TOPICS)};
            for (int h = 0; h < 60; h++) {
                int topic = tastes[h % 3 == 0 ? 0 : h % 5 == 0 ? 2 : 1];
                int item = topic + TOPICS * random.nextInt(size / TOPICS);
                history.add(new Interaction(item, random.nextDouble(-0.2, 1), 1_000L * h));
            }
            users.add(history);
        }
        return users;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
