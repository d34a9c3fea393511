package dev.longtail.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * One train/held-out pair ready for scoring systems: the training part, every user's relevant
 * (held-out) items, the long-tail flags and the niche users.
 */
final class Fold {

    static final int K = 10;
    /** Share of users, by long-tail share of their training history, counted as niche. */
    static final double NICHE_SHARE = 0.2;

    final Training training;
    final int[][] relevant;
    final boolean[] tail;
    final boolean[] niche;
    private final ForkJoinPool pool;

    Fold(Training training, int[][] relevant, ForkJoinPool pool) {
        this.training = training;
        this.relevant = relevant;
        this.pool = pool;
        tail = new boolean[training.items()];
        for (int i = 0; i < tail.length; i++) {
            tail[i] = training.index.isTail(i);
        }
        niche = nicheUsers();
    }

    private boolean[] nicheUsers() {
        int users = training.users();
        double[] share = new double[users];
        for (int u = 0; u < users; u++) {
            int[] items = training.userItems[u];
            share[u] = items.length == 0 ? 0
                    : (double) Arrays.stream(items).filter(i -> tail[i]).count() / items.length;
        }
        Integer[] order = IntStream.range(0, users).boxed()
                .sorted(Comparator.comparingDouble((Integer u) -> -share[u]).thenComparing(u -> u))
                .toArray(Integer[]::new);
        boolean[] niche = new boolean[users];
        for (int r = 0; r < Math.round(users * NICHE_SHARE); r++) {
            niche[order[r]] = true;
        }
        return niche;
    }

    /** Runs the system for every user with held-out items and computes its metrics. */
    Result evaluate(String system, String family, Ranker ranker) {
        int[] users = IntStream.range(0, relevant.length).filter(u -> relevant[u].length > 0).toArray();
        int[][] lists = new int[users.length][];
        try {
            pool.submit(() -> IntStream.range(0, users.length).parallel()
                    .forEach(i -> lists[i] = ranker.recommend(users[i], K))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation of " + system + " was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("evaluation of " + system + " failed", e.getCause());
        }
        return score(system, family, users, lists);
    }

    Result score(String system, String family, int[] users, int[][] lists) {
        double[] ndcg = new double[3];
        double[] tailRecall = new double[3];
        int[] tailUsers = new int[3];
        int[] counted = new int[3];
        double recall = 0;
        for (int i = 0; i < users.length; i++) {
            int u = users[i];
            int group = niche[u] ? 2 : 1;
            double userNdcg = Metrics.ndcg(lists[i], relevant[u], K);
            double userTail = Metrics.tailRecall(lists[i], relevant[u], tail);
            recall += Metrics.recall(lists[i], relevant[u]);
            for (int g : new int[] {0, group}) {
                ndcg[g] += userNdcg;
                counted[g]++;
                if (!Double.isNaN(userTail)) {
                    tailRecall[g] += userTail;
                    tailUsers[g]++;
                }
            }
        }
        List<int[]> all = new ArrayList<>(Arrays.asList(lists));
        int items = training.items();
        return new Result(system, family, mean(ndcg[0], counted[0]), mean(recall, users.length),
                mean(tailRecall[0], tailUsers[0]), Metrics.coverage(all, items),
                Metrics.aplt(all, tail), Metrics.gini(all, items),
                Metrics.novelty(all, training.itemCounts, training.users()),
                mean(ndcg[1], counted[1]), mean(ndcg[2], counted[2]),
                mean(tailRecall[1], tailUsers[1]), mean(tailRecall[2], tailUsers[2]));
    }

    private static double mean(double sum, int count) {
        return count == 0 ? Double.NaN : sum / count;
    }
}
