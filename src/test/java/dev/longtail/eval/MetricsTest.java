package dev.longtail.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    /* One hit at rank 2 of two relevant items: (1 / log2 3) / (1 + 1 / log2 3) = 0.3869. */
    @Test
    void ndcgDiscountsAHitByItsRank() {
        double ndcg = Metrics.ndcg(new int[] {5, 3, 9}, new int[] {3, 7}, 10);

        assertEquals((1 / LOG2_3) / (1 + 1 / LOG2_3), ndcg, 1e-12);
        assertEquals(0.3869, ndcg, 1e-4);
        assertEquals(1.0, Metrics.ndcg(new int[] {7, 3}, new int[] {3, 7}, 10), 1e-12);
    }

    @Test
    void recallCountsFoundRelevantItems() {
        assertEquals(0.5, Metrics.recall(new int[] {5, 3, 9}, new int[] {3, 7}), 1e-12);
        assertEquals(0.0, Metrics.recall(new int[] {5}, new int[0]), 1e-12);
    }

    @Test
    void tailRecallLooksOnlyAtRelevantTailItems() {
        boolean[] tail = {false, false, false, false, false, false, false, true, false, true};

        assertEquals(0.0, Metrics.tailRecall(new int[] {5, 3, 9}, new int[] {3, 7}, tail), 1e-12);
        assertEquals(1.0, Metrics.tailRecall(new int[] {7}, new int[] {3, 7}, tail), 1e-12);
        assertTrue(Double.isNaN(Metrics.tailRecall(new int[] {3}, new int[] {3}, tail)));
    }

    @Test
    void coverageIsTheShareOfTheCatalogShown() {
        assertEquals(0.6, Metrics.coverage(List.of(new int[] {0, 1}, new int[] {1, 2}), 5), 1e-12);
    }

    /* Tail shares 1/2 and 2/2 average to 0.75. */
    @Test
    void apltAveragesTheTailShareOfEachList() {
        boolean[] tail = {false, false, true, true};

        assertEquals(0.75, Metrics.aplt(List.of(new int[] {0, 2}, new int[] {2, 3}), tail), 1e-12);
    }

    /*
     * Exposure 3, 1, 0, 0 sorted ascending is 0, 0, 1, 3; sum over i of (2i - n - 1) x_i is
     * 1 * 1 + 3 * 3 = 10, divided by n * total = 16 gives 0.625.
     */
    @Test
    void giniMeasuresHowUnevenExposureIs() {
        List<int[]> skewed = List.of(new int[] {0}, new int[] {0}, new int[] {0}, new int[] {1});
        List<int[]> even = List.of(new int[] {0, 1}, new int[] {2, 3});

        assertEquals(0.625, Metrics.gini(skewed, 4), 1e-12);
        assertEquals(0.0, Metrics.gini(even, 4), 1e-12);
    }

    /* Item 0 seen by all 3 users: -log2(4/4) = 0; item 1 by none: -log2(1/4) = 2; mean 1. */
    @Test
    void noveltyIsTheMeanSelfInformation() {
        assertEquals(1.0, Metrics.novelty(List.of(new int[] {0, 1}), new int[] {3, 0}, 3), 1e-12);
    }
}
