package dev.longtail.core;

/**
 * Picks the final list from a {@link Pool}, trading relevance for long-tail exposure and
 * keeping near-duplicates apart.
 *
 * <p>The trade-off is popularity-aware xQuAD (explicit query aspect diversification, Santos,
 * Macdonald and Ounis 2010, applied to head and tail aspects by Abdollahpouri, Burke and
 * Mobasher 2019). Each step picks the candidate j maximising
 * <pre>
 *   (1 - w) * r(j) + w * P(c(j) | u) * r(j) * prod over chosen i in c(j) of (1 - k * r(i))
 * </pre>
 * where w is the tail weight, r the relevance (0..1), c(j) the item's aspect (head or tail),
 * {@code P(tail | u)} the user's tail interest (their own tail share, at least a floor) and k
 * the aspect coverage per chosen item. With w = 0 the list is the relevance order; as w grows,
 * each aspect's value drops as it gets covered, so relevant tail items take turns with head ones.
 *
 * <p>On top, in the spirit of maximal marginal relevance, a candidate whose vector is nearly
 * identical to an already chosen item's loses one full point, which sends near-duplicates
 * behind every distinct candidate. The check runs lazily, only for the current winner.
 */
final class TailReranker {

    private static final double DUPLICATE_PENALTY = 1;

    private TailReranker() {
    }

    /**
     * @param tailInterest {@code P(tail | u)}, 0..1
     * @return positions within the pool in list order, at most {@code count}
     */
    static int[] rerank(ItemIndex items, Pool pool, int count, double tailWeight,
            double tailInterest, RankingSettings settings) {
        int size = pool.size();
        int[] chosen = new int[Math.min(count, size)];
        boolean[] taken = new boolean[size];
        boolean[] duplicate = new boolean[size];
        int[] checkedAgainst = new int[size];
        double[] coverLeft = {1, 1};
        double[] interest = {1 - tailInterest, tailInterest};
        int picked = 0;
        while (picked < chosen.length) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < size; c++) {
                if (taken[c]) {
                    continue;
                }
                double r = pool.relevance(c);
                int aspect = items.isTail(pool.item(c)) ? 1 : 0;
                double value = (1 - tailWeight) * r + tailWeight * interest[aspect] * r * coverLeft[aspect]
                        - (duplicate[c] ? DUPLICATE_PENALTY : 0);
                if (value > bestValue) {
                    best = c;
                    bestValue = value;
                }
            }
            if (!duplicate[best] && checkedAgainst[best] < picked) {
                duplicate[best] = nearDuplicate(pool, chosen, checkedAgainst[best], picked, best,
                        settings.nearDuplicateSimilarity());
                checkedAgainst[best] = picked;
                if (duplicate[best]) {
                    continue;
                }
            }
            taken[best] = true;
            chosen[picked++] = best;
            int aspect = items.isTail(pool.item(best)) ? 1 : 0;
            coverLeft[aspect] *= 1 - settings.aspectCoverage() * pool.relevance(best);
        }
        return chosen;
    }

    private static boolean nearDuplicate(Pool pool, int[] chosen, int from, int to, int candidate,
            double threshold) {
        float[] vector = pool.vector(candidate);
        for (int p = from; p < to; p++) {
            float[] other = pool.vector(chosen[p]);
            if (Vectors.dot(vector, 0, other, 0, vector.length) >= threshold) {
                return true;
            }
        }
        return false;
    }
}
