package dev.longtail.core;

import java.util.List;

/**
 * The relevance of every catalog item to one {@link TasteProfile}, and the candidate pool taken
 * from it. Relevance adds three signals, each brought to a comparable scale:
 * <ul>
 *   <li>collaborative: {@code sum over history items i of w_i * co(i,j) / (n_i^a * n_j^(1-a))},
 *       divided by its largest value (item-based neighbourhood scoring with an asymmetric
 *       cosine);</li>
 *   <li>semantic: the best cosine of item j to any of the user's tastes, rescaled so the
 *       catalog mean is 0 and the best item 1;</li>
 *   <li>popularity: {@code log(1 + n_j) / log(1 + max n)}.</li>
 * </ul>
 * The pool holds the best items by relevance, the best long-tail items by relevance, and for
 * every taste its nearest items and nearest long-tail items, so tail items and items nobody has
 * consumed enter from the semantic side, not only through collaborative evidence.
 */
final class Relevance {

    final float[] collaborative;
    final float[] semantic;
    private final float[] dislike;
    final double collaborativeScale;
    final double semanticMean;
    final double semanticScale;
    private final Model model;
    private final TasteProfile profile;
    private final TopItems[] tasteNearest;
    private final TopItems[] tasteTail;

    /** Fixed, per-catalog inputs shared by all requests. */
    record Model(ItemIndex items, CoOccurrence co, RankingSettings settings,
            float[] popularityPrior, float[] ownBalance, float[] otherBalance) {
    }

    private Relevance(Model model, TasteProfile profile) {
        // Known shortcoming: each request allocates a few arrays as long as the catalog (about
        // 1.3 MB at 100,000 items), which is what makes the 99th percentile jump with garbage
        // collection at that size; per-thread scratch arrays would remove it.
        this.model = model;
        this.profile = profile;
        int n = model.items().size();
        int perTaste = model.settings().candidatesPerTaste();
        int tastes = profile.tastes.size();
        tasteNearest = new TopItems[tastes];
        tasteTail = new TopItems[tastes];
        for (int t = 0; t < tastes; t++) {
            tasteNearest[t] = new TopItems((perTaste + 1) / 2);
            tasteTail[t] = new TopItems(perTaste / 2);
        }
        collaborative = collaborative(model, profile);
        semantic = new float[n];
        dislike = profile.dislike == null ? null : new float[n];
        if (tastes > 0 || dislike != null) {
            scan();
        }
        collaborativeScale = largestUnconsumed(collaborative);
        double[] meanAndMax = meanAndMax(semantic, tastes > 0);
        semanticMean = meanAndMax[0];
        semanticScale = meanAndMax[1] - meanAndMax[0];
    }

    static Relevance of(Model model, TasteProfile profile) {
        return new Relevance(model, profile);
    }

    double collaborativePart(int item) {
        return collaborativeOf(collaborative[item]);
    }

    double semanticPart(int item) {
        return semanticOf(semantic[item]);
    }

    private double collaborativeOf(double raw) {
        return collaborativeScale > 0
                ? model.settings().collaborativeWeight() * raw / collaborativeScale
                : 0;
    }

    private double semanticOf(double raw) {
        return semanticScale > 0
                ? model.settings().semanticWeight() * (raw - semanticMean) / semanticScale
                : 0;
    }

    double popularityPart(int item) {
        return model.settings().popularityWeight() * model.popularityPrior()[item];
    }

    double score(int item) {
        return collaborativePart(item) + semanticPart(item) + popularityPart(item);
    }

    /**
     * Candidate positions (unconsumed, distinct) and their relevance, with items similar to the
     * user's dislikes pushed down.
     */
    Pool pool() {
        ItemIndex items = model.items();
        int candidates = model.settings().candidates();
        TopItems best = new TopItems(candidates);
        TopItems bestTail = new TopItems(candidates / 2);
        double collaborativeFactor = collaborativeOf(1);
        double semanticOffset = semanticOf(0);
        double semanticFactor = semanticOf(1) - semanticOffset;
        double popularityFactor = model.settings().popularityWeight();
        float[] prior = model.popularityPrior();
        for (int item = 0; item < items.size(); item++) {
            if (profile.consumed[item]) {
                continue;
            }
            // The same sum as score(item), with the per-request constants hoisted.
            float score = (float) (collaborativeFactor * collaborative[item]
                    + semanticFactor * semantic[item] + semanticOffset
                    + popularityFactor * prior[item]);
            if (score > best.threshold()) {
                best.offer(item, score);
            }
            if (score > bestTail.threshold() && items.isTail(item)) {
                bestTail.offer(item, score);
            }
        }
        Pool.Builder pool = new Pool.Builder(items);
        pool.addAll(best.drainBestFirst());
        pool.addAll(bestTail.drainBestFirst());
        for (int t = 0; t < tasteNearest.length; t++) {
            pool.addAll(tasteNearest[t].drainBestFirst());
            pool.addAll(tasteTail[t].drainBestFirst());
        }
        return pool.build(this::adjustedScore);
    }

    private double adjustedScore(int item) {
        double score = score(item);
        if (dislike != null) {
            score -= model.settings().dislikePush() * Math.max(0, dislike[item]);
        }
        return score;
    }

    private static float[] collaborative(Model model, TasteProfile profile) {
        CoOccurrence co = model.co();
        float[] scores = new float[model.items().size()];
        for (int h = 0; h < profile.history.length; h++) {
            int item = profile.history[h];
            double weight = profile.historyWeights[h] / model.ownBalance()[item];
            for (int slot = co.rowStart(item); slot < co.rowEnd(item); slot++) {
                int other = co.neighbourAt(slot);
                scores[other] += (float) (weight * co.countAt(slot) / model.otherBalance()[other]);
            }
        }
        return scores;
    }

    /**
     * Scores every item against all tastes, and the dislike direction when there is one, in one
     * pass over the blocked vectors.
     */
    private void scan() {
        ItemIndex items = model.items();
        int n = items.size();
        int dimension = items.dimension();
        List<Taste> tastes = profile.tastes;
        int count = tastes.size();
        int queryCount = count + (dislike == null ? 0 : 1);
        float[] queries = new float[queryCount * dimension];
        for (int t = 0; t < count; t++) {
            System.arraycopy(tastes.get(t).query(), 0, queries, t * dimension, dimension);
        }
        if (dislike != null) {
            System.arraycopy(profile.dislike, 0, queries, count * dimension, dimension);
        }
        float[][] scratch = BlockScan.scratch(queryCount);
        for (int block = 0; block < ItemIndex.blocks(n); block++) {
            BlockScan.dots(items.blockedVectors(), block, dimension, queries, queryCount, scratch);
            int first = block * ItemIndex.BLOCK;
            int last = Math.min(n, first + ItemIndex.BLOCK);
            for (int item = first; item < last; item++) {
                semantic[item] = count == 0 ? 0f : collect(item, scratch, item - first, count);
            }
            if (dislike != null) {
                System.arraycopy(scratch[count], 0, dislike, first, last - first);
            }
        }
    }

    private float collect(int item, float[][] scratch, int column, int count) {
        if (profile.consumed[item]) {
            return 0f;
        }
        boolean tail = model.items().isTail(item);
        float best = Float.NEGATIVE_INFINITY;
        for (int t = 0; t < count; t++) {
            float similarity = scratch[t][column];
            best = Math.max(best, similarity);
            if (similarity > tasteNearest[t].threshold()) {
                tasteNearest[t].offer(item, similarity);
            }
            if (tail && similarity > tasteTail[t].threshold()) {
                tasteTail[t].offer(item, similarity);
            }
        }
        return best;
    }

    private double largestUnconsumed(float[] scores) {
        double largest = 0;
        for (int item = 0; item < scores.length; item++) {
            if (!profile.consumed[item]) {
                largest = Math.max(largest, scores[item]);
            }
        }
        return largest;
    }

    private double[] meanAndMax(float[] scores, boolean any) {
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        int counted = 0;
        for (int item = 0; item < scores.length; item++) {
            if (!profile.consumed[item]) {
                sum += scores[item];
                max = Math.max(max, scores[item]);
                counted++;
            }
        }
        return any && counted > 0 ? new double[] {sum / counted, max} : new double[] {0, 0};
    }
}
