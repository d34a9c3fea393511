package dev.longtail.core;

import java.util.Arrays;
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
 *
 * <p>Long-tail items also get a relevance of their own, used by the tail aspect of the
 * re-ranking: the collaborative sum with its own neighbour balance (by default divided by the
 * tail item's whole count, so an item that the few people who consumed it share with this user
 * counts fully), calibrated per item by {@link TailCalibration}, plus the semantic part, and no
 * popularity prior. Ranked by the shared relevance, the same upper-tail items would win for many
 * users; ranked by this one, tail picks follow the user.
 *
 * <p>The pool holds the best items by relevance, the best long-tail items by tail relevance, and
 * for every taste its nearest items and nearest long-tail items, so tail items and items nobody
 * has consumed enter from the semantic side, not only through collaborative evidence.
 */
final class Relevance {

    final float[] collaborative;
    final float[] semantic;
    private final float[] dislike;
    final double collaborativeScale;
    private final double tailCollaborativeScale;
    final double semanticMean;
    final double semanticScale;
    private final Model model;
    private final TasteProfile profile;
    private final TopItems[] tasteNearest;
    private final TopItems[] tasteTail;
    private final Scratch scratch;

    /** Fixed, per-catalog inputs shared by all requests. */
    record Model(ItemIndex items, CoOccurrence co, RankingSettings settings,
            float[] popularityPrior, float[] ownBalance, float[] otherBalance,
            float[] tailRescale, float[] hubness) {
    }

    private Relevance(Model model, TasteProfile profile, Scratch scratch) {
        this.model = model;
        this.profile = profile;
        this.scratch = scratch;
        int perTaste = model.settings().candidatesPerTaste();
        int tastes = profile.tastes.size();
        tasteNearest = new TopItems[tastes];
        tasteTail = new TopItems[tastes];
        for (int t = 0; t < tastes; t++) {
            tasteNearest[t] = new TopItems((perTaste + 1) / 2);
            tasteTail[t] = new TopItems(perTaste / 2);
        }
        collaborative = collaborative(model, profile, scratch.zeroedCollaborative());
        semantic = scratch.semantic;
        dislike = profile.dislike == null ? null : scratch.dislike;
        if (tastes > 0 || dislike != null) {
            scan();
        }
        if (tastes == 0) {
            Arrays.fill(semantic, 0f);
        }
        double[] summary = summary(tastes > 0);
        collaborativeScale = summary[0];
        tailCollaborativeScale = summary[1];
        semanticMean = summary[2];
        semanticScale = summary[3] - summary[2];
    }

    /**
     * @param scratch the calling thread's working arrays; this relevance reads them until the
     *                request is answered
     */
    static Relevance of(Model model, TasteProfile profile, Scratch scratch) {
        return new Relevance(model, profile, scratch);
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

    /** The tail aspect's relevance of an item: no popularity prior, its own balance. */
    double tailScore(int item) {
        RankingSettings settings = model.settings();
        double collaborative = tailCollaborativeScale > 0
                ? collaborativeTail(item) / tailCollaborativeScale
                : 0;
        double semantic = semanticScale > 0
                ? (this.semantic[item] - model.hubness()[item] - semanticMean) / semanticScale
                : 0;
        return settings.tailCollaborativeWeight() * collaborative
                + settings.tailSemanticWeight() * semantic - dislikePenalty(item);
    }

    private double collaborativeTail(int item) {
        return collaborative[item] * model.tailRescale()[item];
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
        double tailCollaborativeFactor = tailCollaborativeScale > 0
                ? model.settings().tailCollaborativeWeight() / tailCollaborativeScale
                : 0;
        double tailSemanticFactor = semanticScale > 0
                ? model.settings().tailSemanticWeight() / semanticScale
                : 0;
        float[] tailRescale = model.tailRescale();
        float[] hubness = model.hubness();
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
            if (items.isTail(item)) {
                // The tail relevance without its dislike push and constant offset: enough to rank.
                float tailScore = (float) (tailCollaborativeFactor * collaborative[item]
                        * tailRescale[item]
                        + tailSemanticFactor * (semantic[item] - hubness[item]));
                if (tailScore > bestTail.threshold()) {
                    bestTail.offer(item, tailScore);
                }
            }
        }
        Pool.Builder pool = new Pool.Builder(items, scratch.pooled);
        pool.addAll(best.drainBestFirst());
        pool.addAll(bestTail.drainBestFirst());
        for (int t = 0; t < tasteNearest.length; t++) {
            pool.addAll(tasteNearest[t].drainBestFirst());
            pool.addAll(tasteTail[t].drainBestFirst());
        }
        return pool.build(this::adjustedScore, this::tailScore);
    }

    private double adjustedScore(int item) {
        return score(item) - dislikePenalty(item);
    }

    private double dislikePenalty(int item) {
        return dislike == null ? 0 : model.settings().dislikePush() * Math.max(0, dislike[item]);
    }

    private static float[] collaborative(Model model, TasteProfile profile, float[] scores) {
        CoOccurrence co = model.co();
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
        float hub = model.hubness()[item];
        float best = Float.NEGATIVE_INFINITY;
        for (int t = 0; t < count; t++) {
            float similarity = scratch[t][column];
            best = Math.max(best, similarity);
            if (similarity > tasteNearest[t].threshold()) {
                tasteNearest[t].offer(item, similarity);
            }
            if (tail && similarity - hub > tasteTail[t].threshold()) {
                tasteTail[t].offer(item, similarity - hub);
            }
        }
        return best;
    }

    /**
     * One pass over the unconsumed items: the largest collaborative sum, the largest tail
     * collaborative sum (rescaled for the tail aspect), and the semantic mean and maximum (both 0
     * when there is no taste).
     */
    private double[] summary(boolean anyTaste) {
        ItemIndex items = model.items();
        float[] tailRescale = model.tailRescale();
        double largest = 0;
        double largestTail = 0;
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        int counted = 0;
        for (int item = 0; item < semantic.length; item++) {
            if (profile.consumed[item]) {
                continue;
            }
            largest = Math.max(largest, collaborative[item]);
            if (items.isTail(item)) {
                largestTail = Math.max(largestTail, collaborative[item] * tailRescale[item]);
            }
            sum += semantic[item];
            max = Math.max(max, semantic[item]);
            counted++;
        }
        boolean semanticKnown = anyTaste && counted > 0;
        return new double[] {largest, largestTail, semanticKnown ? sum / counted : 0,
            semanticKnown ? max : 0};
    }
}
