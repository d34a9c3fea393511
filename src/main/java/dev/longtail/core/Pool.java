package dev.longtail.core;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * Candidates for one request: distinct item positions with their relevance rescaled to 0..1
 * over the pool (the best candidate 1, the worst 0). Candidate vectors are copied out of the
 * blocked index on first use, so the few comparisons made after the scan read contiguous rows.
 */
final class Pool {

    private final ItemIndex index;
    private final int[] items;
    private final double[] relevance;
    private final float[][] vectors;

    private Pool(ItemIndex index, int[] items, double[] relevance) {
        this.index = index;
        this.items = items;
        this.relevance = relevance;
        this.vectors = new float[items.length][];
    }

    int size() {
        return items.length;
    }

    int item(int candidate) {
        return items[candidate];
    }

    double relevance(int candidate) {
        return relevance[candidate];
    }

    /** The candidate's unit vector; callers must not modify it. */
    float[] vector(int candidate) {
        if (vectors[candidate] == null) {
            vectors[candidate] = index.vector(items[candidate]);
        }
        return vectors[candidate];
    }

    /** Collects distinct positions in the order first offered. */
    static final class Builder {

        private final ItemIndex index;
        private final boolean[] seen;
        private int[] items = new int[64];
        private int size;

        Builder(ItemIndex index) {
            this.index = index;
            seen = new boolean[index.size()];
        }

        void addAll(int[] positions) {
            for (int item : positions) {
                if (!seen[item]) {
                    seen[item] = true;
                    if (size == items.length) {
                        items = Arrays.copyOf(items, size * 2);
                    }
                    items[size++] = item;
                }
            }
        }

        Pool build(IntToDoubleFunction score) {
            int[] kept = Arrays.copyOf(items, size);
            double[] raw = new double[size];
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < size; i++) {
                raw[i] = score.applyAsDouble(kept[i]);
                low = Math.min(low, raw[i]);
                high = Math.max(high, raw[i]);
            }
            double[] scaled = new double[size];
            for (int i = 0; i < size; i++) {
                scaled[i] = high > low ? (raw[i] - low) / (high - low) : 1;
            }
            return new Pool(index, kept, scaled);
        }
    }
}
