package dev.longtail.eval;

import dev.longtail.core.Interest;
import dev.longtail.core.RankingSettings;
import dev.longtail.core.Recommendation;
import dev.longtail.core.Recommender;
import dev.longtail.eval.Dataset.Event;
import dev.longtail.eval.RankSysRerankers.CandidateSource;
import dev.longtail.eval.RankSysRerankers.Candidates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The offline evaluation: reads a data set, splits every user's history in time, embeds the
 * items, tunes Longtail's default tail weight on a validation split carved from the training
 * part, then scores every system on the held-out part.
 */
final class Evaluation {

    /**
     * Tail weights of the Longtail curve and of the validation search for the default, 0 to 1
     * in steps of 0.05 (whole hundredths, so that 0.65 prints and compares as 0.65).
     */
    static final double[] TAIL_WEIGHTS =
            IntStream.rangeClosed(0, 20).mapToDouble(step -> step * 5 / 100.0).toArray();
    /** Popularity penalty exponents of the peers' curves. */
    static final double[] PENALTIES = {0.25, 0.5, 1.0};
    /** Trade-offs of the RankSys re-rankers. */
    static final double[] RERANK_LAMBDAS = {0.25, 0.5, 0.75, 1.0};
    /** The default tail weight keeps at least this share of validation NDCG at weight 0. */
    static final double NDCG_KEPT = 0.9;
    static final int CANDIDATES = 100;

    /**
     * @param data        data set folder
     * @param cache       folder of the embedding cache
     * @param sampleUsers evaluate only this many users (spread over the id range); 0 for all
     * @param threads     worker threads
     * @param easeMinCount  EASE models only items with at least this many training interactions
     * @param easeLambda  EASE's L2 regularisation
     * @param tune        also tune the relevance weights on the validation split
     */
    record Options(Path data, Path cache, int sampleUsers, int threads, int easeMinCount,
            double easeLambda, boolean tune) {
    }

    /** What a run produced, for the report. */
    record Outcome(List<Result> results, Map<String, String> facts, RankingSettings settings) {
    }

    private final Options options;
    private final EvalDataReader reader;
    private final List<InterestSource> interestSources;
    private final Map<String, String> facts = new java.util.LinkedHashMap<>();

    Evaluation(Options options, EvalDataReader reader, List<InterestSource> interestSources) {
        this.options = options;
        this.reader = reader;
        this.interestSources = interestSources;
    }

    Outcome run() throws IOException {
        long start = System.nanoTime();
        EvalData raw = reader.read(options.data());
        Dataset data = Dataset.of(raw).sample(options.sampleUsers());
        TemporalSplit split = TemporalSplit.of(data.events, TemporalSplit.SHARE);
        Map<String, Set<String>> heldOut = ItemTexts.heldOut(data, split);
        List<List<String>> tags = ItemTexts.topTags(raw.movies(), raw.tags(), heldOut);
        EmbeddingCache embeddings = new EmbeddingCache(options.cache());
        float[] vectors = embeddings.vectors(ItemTexts.of(raw.movies(), tags));
        describe(data, split);
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        try {
            TemporalSplit validation = TemporalSplit.of(split.train(), TemporalSplit.SHARE);
            Fold tuning = new Fold(new Training(data, validation.train(), vectors,
                    EmbeddingCache.DIMENSION), relevant(validation), pool);
            RankingSettings settings = options.tune()
                    ? Tuning.relevanceWeights(tuning, RankingSettings.defaults(), facts)
                    : RankingSettings.defaults();
            settings = settings.withDefaultTailWeight(chooseTailWeight(tuning, settings));
            Training training =
                    new Training(data, split.train(), vectors, EmbeddingCache.DIMENSION);
            Fold test = new Fold(training, relevant(split), pool);
            List<Result> results = new ArrayList<>(peers(test, settings));
            results.addAll(longtail(test, settings));
            results.addAll(withInterests(test, settings, data, tags, embeddings));
            double seconds = (System.nanoTime() - start) / 1e9;
            facts.put("run time", String.format(Locale.ROOT, "%.0f s", seconds));
            return new Outcome(results, facts, settings);
        } finally {
            pool.shutdown();
        }
    }

    private void describe(Dataset data, TemporalSplit split) {
        long train = Arrays.stream(split.train()).mapToLong(e -> e.length).sum();
        long test = Arrays.stream(split.test()).mapToLong(e -> e.length).sum();
        facts.put("data", options.data().toString());
        facts.put("catalog", String.format(Locale.ROOT, "%,d items", data.items()));
        facts.put("users", String.format(Locale.ROOT, "%,d%s", data.users(),
                options.sampleUsers() > 0 ? " (sample)" : ""));
        facts.put("interactions", String.format(Locale.ROOT, "%,d training, %,d held out", train, test));
    }

    private static int[][] relevant(TemporalSplit split) {
        int[][] relevant = new int[split.test().length][];
        for (int u = 0; u < relevant.length; u++) {
            relevant[u] = split.testItems(u);
        }
        return relevant;
    }

    /** The largest tail weight whose validation NDCG keeps {@link #NDCG_KEPT} of weight 0's. */
    private double chooseTailWeight(Fold fold, RankingSettings settings) {
        Recommender recommender = new Recommender(fold.training.index, fold.training.co, settings);
        double base = fold.evaluate("w=0", "validation", longtailRanker(recommender, fold, 0)).ndcg();
        double chosen = 0;
        StringBuilder curve = new StringBuilder();
        for (double weight : TAIL_WEIGHTS) {
            Result result =
                    fold.evaluate("w", "validation", longtailRanker(recommender, fold, weight));
            curve.append(String.format(Locale.ROOT, "%s%.2f: NDCG %.4f, TailRecall %.4f",
                    curve.length() == 0 ? "" : "; ", weight, result.ndcg(), result.tailRecall()));
            if (result.ndcg() >= NDCG_KEPT * base) {
                chosen = weight;
            }
        }
        facts.put("validation curve (Longtail)", curve.toString());
        facts.put("default tail weight", String.format(Locale.ROOT,
                "%.2f, the largest whose validation NDCG@10 keeps %.0f%% of weight 0's", chosen,
                100 * NDCG_KEPT));
        return chosen;
    }

    private List<Result> peers(Fold fold, RankingSettings settings) {
        Training training = fold.training;
        List<Result> results = new ArrayList<>();
        results.add(fold.evaluate("MostPopular", "MostPopular",
                Ranking.of(Baselines.mostPopular(training), training)));
        Ease ease = new Ease(training, options.easeMinCount(), options.easeLambda());
        facts.put("EASE", String.format(Locale.ROOT, "lambda %.0f over the %,d items with at least "
                + "%d training interactions (a dense inverse of all items would not fit the time "
                + "budget); it never recommends other items", options.easeLambda(),
                ease.restrictedItems(), options.easeMinCount()));
        Map<String, Scorer> scorers = new java.util.LinkedHashMap<>();
        scorers.put("ItemKNN", Baselines.itemKnn(training));
        scorers.put("EASE", ease.scorer());
        scorers.put("Content", Baselines.contentOnly(training));
        for (Map.Entry<String, Scorer> scorer : scorers.entrySet()) {
            String family = scorer.getKey() + " / pop^a";
            results.add(fold.evaluate(scorer.getKey(), family, Ranking.of(scorer.getValue(), training)));
            for (double exponent : PENALTIES) {
                results.add(fold.evaluate(String.format(Locale.ROOT, "%s / pop^%.2f", scorer.getKey(),
                        exponent), family, Baselines.popularityPenalty(scorer.getValue(), training,
                        exponent, CANDIDATES)));
            }
        }
        RankSysRerankers rankSys = new RankSysRerankers(training);
        Recommender relevanceOnly = new Recommender(training.index, training.co, settings);
        Map<String, CandidateSource> sources = new java.util.LinkedHashMap<>();
        sources.put("EASE", RankSysRerankers.fromScorer(ease.scorer(), training));
        sources.put("Longtail relevance", longtailCandidates(relevanceOnly, training));
        for (Map.Entry<String, CandidateSource> source : sources.entrySet()) {
            for (double lambda : RERANK_LAMBDAS) {
                results.add(fold.evaluate(String.format(Locale.ROOT, "RankSys xQuAD(%s) l=%.2f",
                        source.getKey(), lambda), "RankSys xQuAD on " + source.getKey(),
                        rankSys.xquad(source.getValue(), lambda, CANDIDATES)));
            }
            for (double lambda : RERANK_LAMBDAS) {
                results.add(fold.evaluate(String.format(Locale.ROOT, "RankSys PC(%s) l=%.2f",
                        source.getKey(), lambda), "RankSys PC on " + source.getKey(),
                        rankSys.popularityComplement(source.getValue(), lambda, CANDIDATES)));
            }
        }
        return results;
    }

    private List<Result> longtail(Fold fold, RankingSettings settings) {
        Recommender recommender = new Recommender(fold.training.index, fold.training.co, settings);
        List<Result> results = new ArrayList<>();
        for (double weight : TAIL_WEIGHTS) {
            results.add(fold.evaluate(String.format(Locale.ROOT, "Longtail w=%.2f", weight),
                    "Longtail", longtailRanker(recommender, fold, weight)));
        }
        results.add(fold.evaluate(String.format(Locale.ROOT, "Longtail default (w=%.2f)",
                settings.defaultTailWeight()), "Longtail default",
                longtailRanker(recommender, fold, settings.defaultTailWeight())));
        return results;
    }

    private List<Result> withInterests(Fold fold, RankingSettings settings, Dataset data,
            List<List<String>> tags, EmbeddingCache embeddings) {
        List<Result> results = new ArrayList<>();
        Recommender recommender = new Recommender(fold.training.index, fold.training.co, settings);
        for (InterestSource source : interestSources) {
            source.catalog(itemTags(data, tags));
            List<List<Interest>> interests = new ArrayList<>();
            for (int u = 0; u < fold.training.users(); u++) {
                interests.add(source.interests(history(data, fold.training.events[u], u, tags),
                        texts -> embedAll(embeddings, texts)));
            }
            results.add(fold.evaluate("Longtail + " + source.name(), "Longtail + interests",
                    (user, k) -> ids(recommender.recommend(fold.training.histories.get(user),
                            interests.get(user), k, settings.defaultTailWeight()))));
        }
        return results;
    }

    private static List<List<String>> itemTags(Dataset data, List<List<String>> tags) {
        List<List<String>> itemTags = new ArrayList<>(data.items());
        for (int i = 0; i < data.items(); i++) {
            List<String> all = new ArrayList<>(data.movies.get(i).genres());
            all.addAll(tags.get(i));
            itemTags.add(all);
        }
        return itemTags;
    }

    private static List<float[]> embedAll(EmbeddingCache embeddings, List<String> texts) {
        try {
            float[] packed = embeddings.vectors(texts);
            List<float[]> vectors = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                vectors.add(Arrays.copyOfRange(packed, i * EmbeddingCache.DIMENSION,
                        (i + 1) * EmbeddingCache.DIMENSION));
            }
            return vectors;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static InterestSource.UserHistory history(Dataset data, Event[] events, int user,
            List<List<String>> tags) {
        List<InterestSource.ConsumedItem> items = new ArrayList<>();
        for (Event event : events) {
            EvalData.Movie movie = data.movies.get(event.item());
            items.add(new InterestSource.ConsumedItem(movie.id(), movie.title(), movie.genres(),
                    tags.get(event.item()), event.stars(), event.timestampMillis()));
        }
        return new InterestSource.UserHistory(data.userIds[user], items);
    }

    static Ranker longtailRanker(Recommender recommender, Fold fold, double tailWeight) {
        return (user, k) -> ids(recommender.recommend(fold.training.histories.get(user), List.of(),
                k, tailWeight));
    }

    private static CandidateSource longtailCandidates(Recommender recommender, Training training) {
        return (user, count) -> {
            List<Recommendation> list = recommender.recommend(training.histories.get(user),
                    List.of(), Math.min(count, Recommender.MAX_COUNT), 0);
            double[] scores = list.stream().mapToDouble(Recommendation::score).toArray();
            return new Candidates(ids(list), scores);
        };
    }

    private static int[] ids(List<Recommendation> list) {
        return list.stream().mapToInt(Recommendation::item).toArray();
    }
}
