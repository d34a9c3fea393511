package dev.longtail.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CoOccurrenceTest {

    @Test
    void addsCountsSymmetrically() {
        CoOccurrence co = CoOccurrence.builder(4).add(0, 2, 3).add(2, 0, 1).add(3, 0, 5).build();

        assertEquals(4, co.count(0, 2));
        assertEquals(4, co.count(2, 0));
        assertEquals(5, co.count(0, 3));
        assertEquals(0, co.count(1, 2));
        assertArrayEquals(new int[] {2, 3}, co.neighbours(0));
        assertArrayEquals(new int[] {0}, co.neighbours(3));
        assertArrayEquals(new int[0], co.neighbours(1));
    }

    @Test
    void keepsManyPairsApart() {
        CoOccurrence.Builder builder = CoOccurrence.builder(300);
        for (int a = 0; a < 300; a++) {
            for (int b = a + 1; b < 300; b += 7) {
                builder.add(a, b, a + b);
            }
        }
        CoOccurrence co = builder.build();

        assertEquals(17 + 88, co.count(88, 17));
        assertEquals(0, co.count(150, 17));
        assertEquals(5 + 293, co.count(5, 293));
    }

    @Test
    void visitsNeighboursInOrderWithTheirCounts() {
        CoOccurrence co = CoOccurrence.builder(4).add(2, 1, 3).add(2, 3, 1).add(0, 2, 7).build();
        StringBuilder seen = new StringBuilder();

        co.forEachNeighbour(2, (neighbour, count) -> seen.append(neighbour).append(':').append(count)
                .append(' '));

        assertEquals("0:7 1:3 3:1 ", seen.toString());
    }

    @Test
    void emptyHasNoNeighbours() {
        CoOccurrence co = CoOccurrence.empty(3);

        assertEquals(3, co.items());
        assertEquals(0, co.count(0, 1));
    }

    @Test
    void rejectsPairOfAnItemWithItself() {
        CoOccurrence.Builder builder = CoOccurrence.builder(3);

        IllegalArgumentException self = assertThrows(IllegalArgumentException.class,
                () -> builder.add(1, 1, 1));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> builder.add(1, 3, 1));

        assertEquals("an item cannot co-occur with itself: 1", self.getMessage());
        assertEquals("item 3 is outside 0..2", outside.getMessage());
    }
}
