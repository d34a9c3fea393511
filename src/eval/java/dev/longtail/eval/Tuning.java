package dev.longtail.eval;

import dev.longtail.core.RankingSettings;
import dev.longtail.core.Recommender;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Coordinate search of Longtail's relevance weights on the validation split: each setting in
 * turn takes the grid value with the best NDCG@10 at tail weight 0, two rounds over all.
 */
final class Tuning {

    private static final Map<String, double[]> GRID = new LinkedHashMap<>();

    static {
        GRID.put("semanticWeight", new double[] {0, 0.1, 0.2, 0.3, 0.5, 0.8});
        GRID.put("popularityWeight", new double[] {0, 0.1, 0.2, 0.4, 0.6, 1.0});
        GRID.put("neighbourBalance", new double[] {0.3, 0.5, 0.7, 0.9});
        GRID.put("recencyHalfLife", new double[] {2, 3, 5, 10, 20, 50});
        GRID.put("recencyFloor", new double[] {0, 0.1, 0.3, 0.6});
    }

    private Tuning() {
    }

    static RankingSettings relevanceWeights(Fold fold, RankingSettings start,
            Map<String, String> facts) {
        RankingSettings best = start;
        double bestNdcg = ndcg(fold, best);
        for (int round = 0; round < 2; round++) {
            for (Map.Entry<String, double[]> setting : GRID.entrySet()) {
                for (double value : setting.getValue()) {
                    RankingSettings candidate = with(best, setting.getKey(), value);
                    double ndcg = ndcg(fold, candidate);
                    if (ndcg > bestNdcg) {
                        best = candidate;
                        bestNdcg = ndcg;
                    }
                }
                System.out.printf(Locale.ROOT, "tuning %s -> %s (validation NDCG@10 %.4f)%n",
                        setting.getKey(), best, bestNdcg);
            }
        }
        facts.put("tuned relevance settings", best + String.format(Locale.ROOT,
                ", validation NDCG@10 %.4f", bestNdcg));
        return best;
    }

    private static double ndcg(Fold fold, RankingSettings settings) {
        Recommender recommender = new Recommender(fold.training.index, fold.training.co, settings);
        return fold.evaluate("tuning", "validation",
                Evaluation.longtailRanker(recommender, fold, 0)).ndcg();
    }

    static RankingSettings with(RankingSettings s, String name, double value) {
        double semantic = name.equals("semanticWeight") ? value : s.semanticWeight();
        double popularity = name.equals("popularityWeight") ? value : s.popularityWeight();
        double balance = name.equals("neighbourBalance") ? value : s.neighbourBalance();
        double halfLife = name.equals("recencyHalfLife") ? value : s.recencyHalfLife();
        double floor = name.equals("recencyFloor") ? value : s.recencyFloor();
        return new RankingSettings(s.defaultTailWeight(), s.collaborativeWeight(), semantic,
                popularity, balance, halfLife, floor, s.historyLimit(), s.tasteClusters(),
                s.itemsPerTaste(), s.candidates(), s.candidatesPerTaste(), s.tailInterestFloor(),
                s.aspectCoverage(), s.nearDuplicateSimilarity(), s.dislikePush(),
                s.tailCollaborativeWeight(), s.tailSemanticWeight(), s.tailNeighbourBalance(),
                s.tailCalibration());
    }
}
