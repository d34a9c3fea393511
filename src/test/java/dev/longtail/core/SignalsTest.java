package dev.longtail.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignalsTest {

    @Test
    void ratingsMapLinearlyAroundTheNeutralPoint() {
        assertEquals(1.0, Signals.weight("rating", 5.0), 1e-9);
        assertEquals(0.0, Signals.weight("rating", 2.25), 1e-9);
        assertEquals(-0.6364, Signals.weight("rating", 0.5), 1e-4);
        assertEquals(0.2727, Signals.weight("rating", 3.0), 1e-4);
    }

    @Test
    void purchaseCountsMoreThanView() {
        assertTrue(Signals.weight("purchase", null) > Signals.weight("like", null));
        assertTrue(Signals.weight("like", null) > Signals.weight("view", null));
        assertTrue(Signals.weight("view", null) > Signals.weight("click", null));
        assertEquals(0.6, Signals.weight("review", null), 1e-9);
        assertEquals(1.0, Signals.weight("review", 5.0), 1e-9);
    }

    @Test
    void rejectsUnknownSignalType() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Signals.weight("watch", null));

        assertEquals("signal type must be one of view, click, like, rating, purchase, review; "
                + "was 'watch'", error.getMessage());
    }

    @Test
    void rejectsRatingOutsideTheStarScale() {
        IllegalArgumentException high = assertThrows(IllegalArgumentException.class,
                () -> Signals.weight("rating", 6.0));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Signals.weight("rating", null));

        assertEquals("rating must be 0.5..5 stars, was 6.0", high.getMessage());
        assertEquals("rating must be 0.5..5 stars, was null", missing.getMessage());
    }
}
