package dev.longtail.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class WeightedKMeansTest {

    @Test
    void smallDistantGroupGetsItsOwnCluster() {
        float s = (float) Math.sqrt(0.5);
        float[][] vectors = {{1, 0, 0}, {s, s, 0}, {s, 0, s}, {0.9f, 0.436f, 0}, {0, 0, 1}};
        double[] weights = {3, 2, 2, 2, 0.5};

        int[] assignment = WeightedKMeans.cluster(vectors, weights, 2, 4);

        assertArrayEquals(new int[] {0, 0, 0, 0, 1}, assignment);
    }
}
