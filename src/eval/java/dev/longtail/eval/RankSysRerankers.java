package dev.longtail.eval;

import es.uam.eps.ir.ranksys.core.Recommendation;
import es.uam.eps.ir.ranksys.core.feature.FeatureData;
import es.uam.eps.ir.ranksys.core.feature.SimpleFeatureData;
import es.uam.eps.ir.ranksys.core.preference.PreferenceData;
import es.uam.eps.ir.ranksys.core.preference.SimplePreferenceData;
import es.uam.eps.ir.ranksys.diversity.intentaware.FeatureIntentModel;
import es.uam.eps.ir.ranksys.diversity.intentaware.ScoresAspectModel;
import es.uam.eps.ir.ranksys.diversity.intentaware.reranking.XQuAD;
import es.uam.eps.ir.ranksys.novdiv.reranking.Reranker;
import es.uam.eps.ir.ranksys.novelty.longtail.PCItemNovelty;
import es.uam.eps.ir.ranksys.novelty.longtail.reranking.PCItemNoveltyReranker;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jooq.lambda.tuple.Tuple;
import org.ranksys.core.util.tuples.Tuple2od;
import org.ranksys.core.util.tuples.Tuples;

/**
 * The RankSys 0.4.3 re-rankers as peers, applied to another system's candidate lists:
 * xQuAD with head and tail as the two aspects (user intents from the share of head and tail
 * items in their training history) and the popularity-complement novelty re-ranker.
 */
final class RankSysRerankers {

    /** A candidate list with scores, best first. */
    record Candidates(int[] items, double[] scores) {
    }

    /** Produces a user's candidate list. */
    @FunctionalInterface
    interface CandidateSource {
        Candidates candidates(int user, int count);
    }

    private final Training training;
    private final PreferenceData<Integer, Integer> preferences;
    private final FeatureData<Integer, String, Double> aspects;

    RankSysRerankers(Training training) {
        this.training = training;
        List<org.jooq.lambda.tuple.Tuple3<Integer, Integer, Double>> rows = new ArrayList<>();
        for (int u = 0; u < training.users(); u++) {
            for (int item : training.userItems[u]) {
                rows.add(Tuple.tuple(u, item, 1.0));
            }
        }
        preferences = SimplePreferenceData.load(rows.stream());
        aspects = SimpleFeatureData.load(IntStream.range(0, training.items()).boxed()
                .map(i -> Tuple.tuple(i, training.index.isTail(i) ? "tail" : "head", 1.0)));
    }

    /** xQuAD over head/tail aspects at trade-off {@code lambda}. */
    Ranker xquad(CandidateSource source, double lambda, int candidates) {
        FeatureIntentModel<Integer, Integer, String> intents =
                new FeatureIntentModel<>(preferences, aspects);
        Reranker<Integer, Integer> reranker =
                new XQuAD<>(new ScoresAspectModel<>(intents), lambda, candidates, true);
        return rerank(source, reranker, candidates);
    }

    /** Popularity-complement novelty re-ranking at trade-off {@code lambda}. */
    Ranker popularityComplement(CandidateSource source, double lambda, int candidates) {
        Reranker<Integer, Integer> reranker =
                new PCItemNoveltyReranker<>(lambda, new PCItemNovelty<>(preferences), true);
        return rerank(source, reranker, candidates);
    }

    private Ranker rerank(CandidateSource source, Reranker<Integer, Integer> reranker,
            int candidates) {
        return (user, k) -> {
            Candidates list = source.candidates(user, candidates);
            if (!preferences.containsUser(user) || list.items().length == 0) {
                return java.util.Arrays.copyOf(list.items(), Math.min(k, list.items().length));
            }
            List<Tuple2od<Integer>> scored = new ArrayList<>();
            for (int i = 0; i < list.items().length; i++) {
                scored.add(Tuples.tuple(Integer.valueOf(list.items()[i]), list.scores()[i]));
            }
            Recommendation<Integer, Integer> reranked =
                    reranker.rerankRecommendation(new Recommendation<>(user, scored), k);
            return reranked.getItems().stream().limit(k).mapToInt(Tuple2od::v1).toArray();
        };
    }

    /** Candidates from a dense scorer. */
    static CandidateSource fromScorer(Scorer scorer, Training training) {
        return (user, count) -> {
            float[] scores = scorer.scores(user);
            int[] items = Ranking.top(scores, training.userItems[user], count);
            double[] values = new double[items.length];
            for (int i = 0; i < items.length; i++) {
                values[i] = scores[items[i]];
            }
            return new Candidates(items, values);
        };
    }
}
