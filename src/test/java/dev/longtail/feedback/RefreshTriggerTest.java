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
        assertFalse(trigger.afterEvent("7", new Noted(List.of(), 2, false)));
        assertTrue(trigger.afterEvent("7", new Noted(List.of(), 3, false)));
        assertFalse(trigger.afterEvent("7", new Noted(List.of(), 4, false)));

        assertEquals(1, queue.size());
        assertEquals("{\"kind\":\"profile\",\"userId\":\"7\"}", queue.takeBatch().get(0).getBody());
    }

    @Test
    void laterSummariesWaitForTheRefreshThresholdOnly() {
        assertFalse(trigger.afterEvent("7", new Noted(List.of(), 3, true)));
        assertTrue(trigger.afterEvent("7", new Noted(List.of(), 10, true)));
        assertFalse(trigger.afterEvent("7", new Noted(List.of(), 20, true)));

        assertEquals(1, queue.size());
    }

    @Test
    void rejectsThresholdBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RefreshTrigger(queue, 0, 10));

        assertTrue(e.getMessage().contains("first 0"), e.getMessage());
    }
}
