package dev.longtail.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ItemIndexTest {

    /** 600 items span three storage blocks, the last one partly filled. */
    private static ItemIndex threeBlocks() {
        int n = 600;
        int[] popularity = new int[n];
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            popularity[i] = i;
            rows[i] = new float[] {i, 1, -i % 7};
        }
        return Catalogs.index(popularity, rows);
    }

    @Test
    void keepsEveryVectorAcrossBlocks() {
        ItemIndex items = threeBlocks();

        float[] last = items.vector(599);
        double norm = Math.sqrt(599.0 * 599 + 1 + 4 * 4);

        assertArrayEquals(new float[] {(float) (599 / norm), (float) (1 / norm), (float) (-4 / norm)},
                last, 1e-6f);
        assertArrayEquals(new float[] {0, 1, 0}, items.vector(0), 1e-6f);
    }

    @Test
    void scanAgreesWithSingleSimilarities() {
        ItemIndex items = threeBlocks();
        float[] query = {0.6f, 0.8f, 0};
        float[] all = new float[items.size()];

        items.similarities(query, all);

        for (int i : new int[] {0, 255, 256, 511, 512, 599}) {
            assertEquals(items.similarity(i, query), all[i], 1e-5);
        }
        assertEquals(1.0, items.similarity(5, 5), 1e-5);
    }

    @Test
    void marksTheLeastPopularFourFifthsAsTail() {
        ItemIndex items = threeBlocks();

        assertFalse(items.isTail(480));
        assertTrue(items.isTail(479));
        assertTrue(items.isTail(0));
    }
}
