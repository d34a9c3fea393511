package dev.longtail.core;

import java.util.Arrays;

/**
 * The inner loop of every brute-force similarity scan over an {@link ItemIndex}'s blocked
 * vectors: the dot products of one block of {@link ItemIndex#BLOCK} items with several queries
 * at once. Each block is read from memory once however many queries there are.
 */
final class BlockScan {

    private BlockScan() {
    }

    /**
     * Writes {@code acc[q * BLOCK + j]} = dot(query q, item j of the block).
     *
     * @param blocked   the index's blocked vectors
     * @param block     block number
     * @param dimension vector dimension
     * @param queries   {@code queryCount} queries packed row after row
     * @param acc       at least {@code queryCount * BLOCK} floats, overwritten
     */
    static void dots(float[] blocked, int block, int dimension, float[] queries, int queryCount,
            float[] acc) {
        final int width = ItemIndex.BLOCK;
        Arrays.fill(acc, 0, queryCount * width, 0f);
        int base = block * width * dimension;
        for (int k = 0; k < dimension; k++) {
            int row = base + k * width;
            for (int q = 0; q < queryCount; q++) {
                float weight = queries[q * dimension + k];
                int out = q * width;
                // A plain multiply-add over consecutive floats, which the JIT vectorises.
                for (int j = 0; j < width; j++) {
                    acc[out + j] += weight * blocked[row + j];
                }
            }
        }
    }
}
