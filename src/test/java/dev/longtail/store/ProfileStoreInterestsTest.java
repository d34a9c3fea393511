package dev.longtail.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.interest.InterestSummary;
import dev.longtail.interest.WeightedInterest;
import dev.longtail.store.ProfileStore.StoredInterests;
import dev.longtail.testing.TestStack;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileStoreInterestsTest {

    private static final Instant NOW = Instant.parse("2018-09-26T10:00:00Z");

    private final ProfileStore profiles = new ProfileStore(TestStack.dynamo(), TestStack.fresh().tables);

    @Test
    void storingASummaryKeepsEventsCountedMeanwhile() {
        note("7", 3);
        long seen = profiles.refreshState("7").sinceSummary();
        note("7", 1);

        assertTrue(profiles.storeInterests("7", interests(), "digest-1", seen, NOW));

        ProfileStore.RefreshState state = profiles.refreshState("7");
        assertEquals(1, state.sinceSummary());
        assertEquals("digest-1", state.historyDigest());
        StoredInterests stored = state.interests().orElseThrow();
        assertEquals(interests().summary(), stored.summary());
        assertEquals("space/3", stored.space());
        assertArrayEquals(new float[] {0.6f, 0.8f, 0f}, stored.vectors().get(0));
    }

    @Test
    void refreshNeverRecreatesADeletedUser() {
        note("8", 3);
        long seen = profiles.refreshState("8").sinceSummary();
        profiles.delete("8");

        assertFalse(profiles.storeInterests("8", interests(), "digest-1", seen, NOW));
        assertTrue(profiles.interests("8").isEmpty());
        assertFalse(profiles.delete("8").profile());
    }

    @Test
    void deleteSaysWhetherASummaryWentWithTheRow() {
        note("9", 1);
        profiles.storeInterests("9", interests(), "digest-1", 1, NOW);

        ProfileStore.Erased erased = profiles.delete("9");

        assertTrue(erased.profile());
        assertTrue(erased.interests());
    }

    private void note(String userId, int events) {
        for (int i = 0; i < events; i++) {
            profiles.noteEvents(userId, userId + "-" + System.nanoTime(), List.of("item-" + i), 1);
        }
    }

    private static StoredInterests interests() {
        InterestSummary summary = new InterestSummary(List.of(new WeightedInterest("space opera", 0.9)),
                "Enjoys space opera.", "offline", NOW);
        return new StoredInterests(summary, "space/3", List.of(new float[] {0.6f, 0.8f, 0f}));
    }
}
