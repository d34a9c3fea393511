package dev.longtail.core;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * Candidates for one request: distinct item positions with their relevance rescaled to 0..1
 * over the pool (the best candidate 1, the worst 0), plus the raw relevance.
 */
record Pool(int[] items, double[] relevance, double[] raw) {

    int size() {
        return items.length;
    }

    /** Collects distinct positions in the order first offered. */
    static final class Builder {

        private final boolean[] seen;
        private int[] items = new int[64];
        private int size;

        Builder(int catalogSize) {
            seen = new boolean[catalogSize];
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
            return new Pool(kept, scaled, raw);
        }
    }
}
