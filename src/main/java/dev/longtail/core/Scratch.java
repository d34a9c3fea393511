package dev.longtail.core;

import java.util.Arrays;

/**
 * Catalog-sized working arrays that one thread reuses from request to request, so that a request
 * allocates nothing in proportion to the catalog (at 100,000 items that would be about 1.5 MB
 * of garbage per request, and collection pauses in the slowest percentile).
 *
 * <p>Not thread-safe: {@link Recommender} keeps one per thread. The boolean arrays are handed
 * out all false and must be cleared by whoever set entries in them; the float arrays are
 * overwritten by their users.
 */
final class Scratch {

    final float[] collaborative;
    final float[] semantic;
    final float[] dislike;
    final boolean[] consumed;
    final boolean[] pooled;

    Scratch(int items) {
        collaborative = new float[items];
        semantic = new float[items];
        dislike = new float[items];
        consumed = new boolean[items];
        pooled = new boolean[items];
    }

    /** The collaborative array, zeroed for a new sum. */
    float[] zeroedCollaborative() {
        Arrays.fill(collaborative, 0f);
        return collaborative;
    }
}
