package dev.longtail.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TailCalibrationTest {

    /** Popularity 4, 2, 1, 3; item 0 shares 2 users with item 1 and 1 with item 2. */
    private static final ItemIndex ITEMS = Catalogs.index(new int[] {4, 2, 1, 3},
            new float[][] {Catalogs.axis(2, 0), Catalogs.axis(2, 1), Catalogs.axis(2, 0),
                Catalogs.axis(2, 1)});
    private static final CoOccurrence CO =
            CoOccurrence.builder(4).add(0, 1, 2).add(0, 2, 1).build();

    @Test
    void dividesByTheEvidenceOfAnAverageConsumption() {
        float[] factors = TailCalibration.factors(ITEMS, CO, 0.5, 1);

        // E_0 = (2 * sqrt(2) + 1 * sqrt(1)) / 4 = 0.9571
        assertEquals(1 / 0.95711, factors[0], 1e-4);
        // E_1 = 2 * sqrt(4) / 2 = 2
        assertEquals(0.5, factors[1], 1e-6);
        // E_2 = 1 * sqrt(4) / 1 = 2
        assertEquals(0.5, factors[2], 1e-6);
    }

    @Test
    void leavesAnItemWithoutCoConsumptionAlone() {
        assertEquals(1f, TailCalibration.factors(ITEMS, CO, 0.5, 1)[3]);
    }

    @Test
    void exponentSetsHowStronglyItDivides() {
        assertEquals(Math.sqrt(0.5), TailCalibration.factors(ITEMS, CO, 0.5, 0.5)[1], 1e-6);
        assertArrayEquals(new float[] {1, 1, 1, 1}, TailCalibration.factors(ITEMS, CO, 0.5, 0));
    }

    @Test
    void balanceOneCountsEveryNeighbourOnce() {
        // E_0 = (2 + 1) / 4 with n_i^0 = 1
        assertEquals(4 / 3.0, TailCalibration.factors(ITEMS, CO, 1, 1)[0], 1e-5);
    }
}
