package dev.longtail.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.local.MemoryQueue;
import dev.longtail.store.ProfileStore.Noted;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefreshTriggerTest {

    private final MemoryQueue queue = new MemoryQueue("embed");
    private final RefreshTrigger trigger = new RefreshTrigger(queue, 3, 10);

    @Test
    void firstSummaryIsAskedForAtTheFirstThreshold() {
        assertFalse(trigger.afterEvents("7", new Noted(List.of(), 2, 1, false)));
        assertTrue(trigger.afterEvents("7", new Noted(List.of(), 3, 1, false)));
        assertFalse(trigger.afterEvents("7", new Noted(List.of(), 4, 1, false)));

        assertEquals(1, queue.size());
        assertEquals("{\"kind\":\"profile\",\"userId\":\"7\"}", queue.takeBatch().get(0).getBody());
    }

    @Test
    void laterSummariesWaitForTheRefreshThresholdOnly() {
        assertFalse(trigger.afterEvents("7", new Noted(List.of(), 3, 1, true)));
        assertTrue(trigger.afterEvents("7", new Noted(List.of(), 10, 1, true)));
        assertFalse(trigger.afterEvents("7", new Noted(List.of(), 20, 1, true)));

        assertEquals(1, queue.size());
    }

    @Test
    void aRunOfEventsThatJumpsOverTheThresholdAsksOnce() {
        assertTrue(trigger.afterEvents("7", new Noted(List.of(), 40, 40, false)));
        assertFalse(trigger.afterEvents("7", new Noted(List.of(), 80, 40, false)));
    }

    @Test
    void rejectsThresholdBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RefreshTrigger(queue, 0, 10));

        assertTrue(e.getMessage().contains("first 0"), e.getMessage());
    }
}
