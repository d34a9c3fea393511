package dev.longtail.eval;

import dev.longtail.core.Interaction;
import dev.longtail.core.Vectors;

/** The simple peers: most popular, item-based k-nearest neighbours and content only. */
final class Baselines {

    private Baselines() {
    }

    /** Training interaction count. */
    static Scorer mostPopular(Training training) {
        return user -> {
            float[] scores = new float[training.items()];
            for (int item = 0; item < scores.length; item++) {
                scores[item] = training.itemCounts[item];
            }
            return scores;
        };
    }

    /**
     * Item-based neighbourhood scoring with cosine similarity over binary consumption:
     * {@code score(j) = sum over consumed i of co(i,j) / sqrt(n_i * n_j)}, all neighbours kept.
     */
    static Scorer itemKnn(Training training) {
        return user -> {
            float[] scores = new float[training.items()];
            for (int item : training.userItems[user]) {
                double own = Math.sqrt(training.itemCounts[item]);
                training.co.forEachNeighbour(item, (other, count) -> scores[other] +=
                        (float) (count / (own * Math.sqrt(training.itemCounts[other]))));
            }
            return scores;
        };
    }

    /**
     * Cosine similarity of each item's vector to the user's profile vector, the preference
     * weighted sum of their consumed items' vectors (disliked items subtract).
     */
    static Scorer contentOnly(Training training) {
        int dimension = training.index.dimension();
        return user -> {
            float[] profile = new float[dimension];
            for (Interaction interaction : training.histories.get(user)) {
                float[] vector = training.index.vector(interaction.item());
                for (int k = 0; k < dimension; k++) {
                    profile[k] += (float) (interaction.weight() * vector[k]);
                }
            }
            Vectors.normalise(profile, 0, dimension);
            float[] scores = new float[training.items()];
            training.index.similarities(profile, scores);
            return scores;
        };
    }

    /**
     * Re-scores the {@code candidates} best items of {@code base} as
     * {@code s / (1 + n)^exponent}, where s is the base score rescaled to 0..1 over the
     * candidates (plus a small floor so the worst candidate keeps a chance) and n the item's
     * training count.
     */
    static Ranker popularityPenalty(Scorer base, Training training, double exponent, int candidates) {
        return (user, k) -> {
            float[] scores = base.scores(user);
            int[] pool = Ranking.top(scores, training.userItems[user], candidates);
            if (pool.length == 0) {
                return pool;
            }
            float high = scores[pool[0]];
            float low = scores[pool[pool.length - 1]];
            float[] penalised = new float[scores.length];
            java.util.Arrays.fill(penalised, Float.NEGATIVE_INFINITY);
            for (int item : pool) {
                double scaled = high > low ? (scores[item] - low) / (high - low) : 1;
                penalised[item] = (float) ((scaled + 1e-3)
                        / Math.pow(1 + training.itemCounts[item], exponent));
            }
            return Ranking.top(penalised, training.userItems[user], k);
        };
    }
}
