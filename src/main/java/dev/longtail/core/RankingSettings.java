package dev.longtail.core;

/**
 * Tuning of {@link Recommender}. The defaults were chosen on a validation split carved from the
 * training part of MovieLens (never on its test split); see the offline evaluation.
 *
 * @param defaultTailWeight       tail weight used when a caller gives none, 0..1
 * @param collaborativeWeight     weight of co-consumption evidence in relevance, 0 or more
 * @param semanticWeight          weight of vector similarity to the user's tastes, 0 or more
 * @param popularityWeight        weight of the log-popularity prior, 0 or more
 * @param neighbourBalance        exponent a in {@code co(i,j) / (n_i^a * n_j^(1-a))}, 0..1;
 *                                0.5 is cosine, lower values favour less popular neighbours
 * @param recencyHalfLife         number of newer interactions after which an interaction counts
 *                                half as much (above the floor), greater than 0
 * @param recencyFloor            share of its weight the oldest interaction keeps, 0..1
 * @param historyLimit            newest distinct interactions used for scoring, at least 1
 *                                (all are still excluded from the results)
 * @param tasteClusters           most taste clusters formed from a history, 1..8
 * @param itemsPerTaste           history items per taste cluster before another is formed,
 *                                at least 1
 * @param candidates              candidates kept by relevance before re-ranking, at least 1
 * @param candidatesPerTaste      extra candidates retrieved by similarity for every taste and
 *                                interest, half of them from the tail, 0 or more
 * @param tailInterestFloor       least share of attention given to the tail aspect in the
 *                                re-ranking, 0..1; a user whose history is more tail-heavy gets
 *                                their own share
 * @param aspectCoverage          how much one chosen item of relevance 1 satisfies its aspect
 *                                (head or tail), 0..1
 * @param nearDuplicateSimilarity cosine similarity above which an item counts as a near
 *                                duplicate of one already chosen, 0..1
 * @param dislikePush             how far items similar to disliked ones are pushed down, 0 or more
 * @param tailCollaborativeWeight weight of co-consumption evidence in the tail aspect's own
 *                                relevance (which has no popularity prior), 0 or more
 * @param tailSemanticWeight      weight of vector similarity in the tail aspect's relevance,
 *                                0 or more
 * @param tailNeighbourBalance    exponent a of {@code co(i,j) / (n_i^a * n_j^(1-a))} in the tail
 *                                aspect's relevance, 0..1; 0 divides by the tail item's whole
 *                                count, so an item few people consumed counts fully when those
 *                                few share the user's history
 * @param tailCalibration         exponent b by which the tail aspect divides an item's
 *                                co-consumption evidence by what an average consumption would
 *                                give it ({@link TailCalibration}), 0..1; 0 leaves it as is,
 *                                higher values hold back tail items that are near everyone
 */
public record RankingSettings(
        double defaultTailWeight,
        double collaborativeWeight,
        double semanticWeight,
        double popularityWeight,
        double neighbourBalance,
        double recencyHalfLife,
        double recencyFloor,
        int historyLimit,
        int tasteClusters,
        int itemsPerTaste,
        int candidates,
        int candidatesPerTaste,
        double tailInterestFloor,
        double aspectCoverage,
        double nearDuplicateSimilarity,
        double dislikePush,
        double tailCollaborativeWeight,
        double tailSemanticWeight,
        double tailNeighbourBalance,
        double tailCalibration) {

    /** @throws IllegalArgumentException naming the first setting outside its range */
    public RankingSettings {
        unit("defaultTailWeight", defaultTailWeight);
        nonNegative("collaborativeWeight", collaborativeWeight);
        nonNegative("semanticWeight", semanticWeight);
        nonNegative("popularityWeight", popularityWeight);
        unit("neighbourBalance", neighbourBalance);
        if (!(recencyHalfLife > 0)) {
            throw new IllegalArgumentException("recencyHalfLife must be positive, was "
                    + recencyHalfLife);
        }
        unit("recencyFloor", recencyFloor);
        atLeast("historyLimit", historyLimit, 1);
        atLeast("tasteClusters", tasteClusters, 1);
        if (tasteClusters > 8) {
            throw new IllegalArgumentException("tasteClusters must be 1..8, was " + tasteClusters);
        }
        atLeast("itemsPerTaste", itemsPerTaste, 1);
        atLeast("candidates", candidates, 1);
        atLeast("candidatesPerTaste", candidatesPerTaste, 0);
        unit("tailInterestFloor", tailInterestFloor);
        unit("aspectCoverage", aspectCoverage);
        unit("nearDuplicateSimilarity", nearDuplicateSimilarity);
        nonNegative("dislikePush", dislikePush);
        nonNegative("tailCollaborativeWeight", tailCollaborativeWeight);
        nonNegative("tailSemanticWeight", tailSemanticWeight);
        unit("tailNeighbourBalance", tailNeighbourBalance);
        unit("tailCalibration", tailCalibration);
    }

    /** The tuned defaults. */
    public static RankingSettings defaults() {
        return new RankingSettings(0.65, 1.0, 0.1, 0.2, 0.5, 3, 0.1, 500, 3, 5, 200, 20,
                0.8, 0.5, 0.95, 0.5, 1.0, 0.6, 0.0, 0.5);
    }

    /** These settings with another default tail weight. */
    public RankingSettings withDefaultTailWeight(double weight) {
        return new RankingSettings(weight, collaborativeWeight, semanticWeight, popularityWeight,
                neighbourBalance, recencyHalfLife, recencyFloor, historyLimit, tasteClusters,
                itemsPerTaste, candidates, candidatesPerTaste, tailInterestFloor, aspectCoverage,
                nearDuplicateSimilarity, dislikePush, tailCollaborativeWeight, tailSemanticWeight,
                tailNeighbourBalance, tailCalibration);
    }

    private static void unit(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be 0..1, was " + value);
        }
    }

    private static void nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be 0 or more, was " + value);
        }
    }

    private static void atLeast(String name, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(name + " must be at least " + least + ", was "
                    + value);
        }
    }
}
