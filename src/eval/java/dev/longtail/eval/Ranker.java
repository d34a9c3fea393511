package dev.longtail.eval;

/** A system under evaluation, fitted on one training part. */
@FunctionalInterface
interface Ranker {

    /**
     * @param user user position in the training part
     * @param k    list length
     * @return up to {@code k} item positions, best first, none from the user's training part
     */
    int[] recommend(int user, int k);
}
