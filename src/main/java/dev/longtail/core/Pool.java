package dev.longtail.core;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * Candidates for one request: distinct item positions with their relevance rescaled to 0..1
 * over the pool (the best candidate 1, the worst 0) and, for long-tail candidates, their tail
 * relevance rescaled to 0..1 over the tail candidates alone. Candidate vectors are copied out of the
 * blocked index on first use, so the few comparisons made after the scan read contiguous rows.
 */
final class Pool {

    private final ItemIndex index;
    private final int[] items;
    private final double[] relevance;
    private final double[] tailRelevance;
    private final float[][] vectors;

    private Pool(ItemIndex index, int[] items, double[] relevance, double[] tailRelevance) {
        this.index = index;
        this.items = items;
        this.relevance = relevance;
        this.tailRelevance = tailRelevance;
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

    boolean isTail(int candidate) {
        return index.isTail(items[candidate]);
    }

    /** Relevance within the tail, 0..1 (1 for the best tail candidate); 0 for a head candidate. */
    double tailRelevance(int candidate) {
        return tailRelevance[candidate];
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

        /** @param seen all false, catalog-sized; {@link #build} leaves it all false again */
        Builder(ItemIndex index, boolean[] seen) {
            this.index = index;
            this.seen = seen;
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

        /**
         * @param score     relevance of any candidate
         * @param tailScore the tail aspect's relevance, asked for long-tail candidates only
         */
        Pool build(IntToDoubleFunction score, IntToDoubleFunction tailScore) {
            int[] kept = Arrays.copyOf(items, size);
            for (int item : kept) {
                seen[item] = false;
            }
            double[] relevance = new double[size];
            double[] tailRelevance = new double[size];
            for (int i = 0; i < size; i++) {
                relevance[i] = score.applyAsDouble(kept[i]);
                tailRelevance[i] = index.isTail(kept[i])
                        ? tailScore.applyAsDouble(kept[i])
                        : Double.NaN;
            }
            rescale(relevance);
            rescale(tailRelevance);
            return new Pool(index, kept, relevance, tailRelevance);
        }

        /** Maps the non-NaN values onto 0..1 (all 1 when they are equal) and NaN to 0. */
        private static void rescale(double[] values) {
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (double value : values) {
                if (!Double.isNaN(value)) {
                    low = Math.min(low, value);
                    high = Math.max(high, value);
                }
            }
            for (int i = 0; i < values.length; i++) {
                if (Double.isNaN(values[i])) {
                    values[i] = 0;
                } else {
                    values[i] = high > low ? (values[i] - low) / (high - low) : 1;
                }
            }
        }
    }
}
