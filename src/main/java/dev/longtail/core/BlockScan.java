package dev.longtail.core;

import java.util.Arrays;

/**
 * The inner loop of every brute-force similarity scan over an {@link ItemIndex}'s blocked
 * vectors: the dot products of one block of {@link ItemIndex#BLOCK} items with several queries
 * at once. Each block is read from memory once however many queries there are.
 */
final class BlockScan {

    private static final int ROWS = 4;

    private BlockScan() {
    }

    /** Scratch space for {@code queries} queries; one per scan, not shared between threads. */
    static float[][] scratch(int queries) {
        return new float[queries + ROWS][ItemIndex.BLOCK];
    }

    /**
     * Writes {@code scratch[q][j]} = dot(query q, item j of the block).
     *
     * @param blocked    the index's blocked vectors
     * @param block      block number
     * @param dimension  vector dimension
     * @param queries    {@code queryCount} queries packed row after row
     * @param scratch    from {@link #scratch} with at least {@code queryCount} queries
     */
    static void dots(float[] blocked, int block, int dimension, float[] queries, int queryCount,
            float[][] scratch) {
        for (int q = 0; q < queryCount; q++) {
            Arrays.fill(scratch[q], 0f);
        }
        int base = block * ItemIndex.BLOCK * dimension;
        int k = 0;
        for (; k + ROWS <= dimension; k += ROWS) {
            fourDimensions(blocked, base, k, dimension, queries, queryCount, scratch);
        }
        for (; k < dimension; k++) {
            oneDimension(blocked, base, k, dimension, queries, queryCount, scratch);
        }
    }

    /*
     * Rows are copied to offset 0 of the scratch first: the JIT vectorises these loops only when
     * all arrays are walked from the same start. Four dimensions per pass quarter the loads and
     * stores of the running sums.
     */
    private static void fourDimensions(float[] blocked, int base, int k, int dimension,
            float[] queries, int queryCount, float[][] scratch) {
        final int width = ItemIndex.BLOCK;
        float[] v0 = scratch[queryCount];
        float[] v1 = scratch[queryCount + 1];
        float[] v2 = scratch[queryCount + 2];
        float[] v3 = scratch[queryCount + 3];
        int row = base + k * width;
        System.arraycopy(blocked, row, v0, 0, width);
        System.arraycopy(blocked, row + width, v1, 0, width);
        System.arraycopy(blocked, row + 2 * width, v2, 0, width);
        System.arraycopy(blocked, row + 3 * width, v3, 0, width);
        for (int q = 0; q < queryCount; q++) {
            int at = q * dimension + k;
            float w0 = queries[at];
            float w1 = queries[at + 1];
            float w2 = queries[at + 2];
            float w3 = queries[at + 3];
            float[] sums = scratch[q];
            for (int j = 0; j < width; j++) {
                sums[j] += (w0 * v0[j] + w1 * v1[j]) + (w2 * v2[j] + w3 * v3[j]);
            }
        }
    }

    private static void oneDimension(float[] blocked, int base, int k, int dimension,
            float[] queries, int queryCount, float[][] scratch) {
        final int width = ItemIndex.BLOCK;
        float[] values = scratch[queryCount];
        System.arraycopy(blocked, base + k * width, values, 0, width);
        for (int q = 0; q < queryCount; q++) {
            float weight = queries[q * dimension + k];
            float[] sums = scratch[q];
            for (int j = 0; j < width; j++) {
                sums[j] += weight * values[j];
            }
        }
    }
}
