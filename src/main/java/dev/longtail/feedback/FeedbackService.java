package dev.longtail.feedback;

import dev.longtail.core.Signals;
import dev.longtail.store.EventStore;
import dev.longtail.store.ProfileStore;
import dev.longtail.store.StatsStore;
import dev.longtail.store.UserEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Applies one feedback event: counts the item's popularity and its co-consumption with the items
 * the user liked just before, then records the event in the user's history.
 *
 * <p>Exactly once without transactions: the event record is written last and checked first, so a
 * redelivery of a finished event is skipped; and every counter update is conditional on the event
 * id not being among the ids last applied to that row, so a redelivery of an event that failed
 * half-way completes it without counting any part twice.
 */
public final class FeedbackService {

    /** What became of an event. */
    public enum Outcome {
        /** Counted and recorded now. */
        APPLIED,
        /** Already recorded before; nothing changed. */
        DUPLICATE
    }

    private final EventStore events;
    private final ProfileStore profiles;
    private final StatsStore stats;
    private final RefreshTrigger refresh;

    /**
     * @param refresh asks for interest summaries once enough events arrived
     */
    public FeedbackService(EventStore events, ProfileStore profiles, StatsStore stats,
            RefreshTrigger refresh) {
        this.events = events;
        this.profiles = profiles;
        this.stats = stats;
        this.refresh = refresh;
    }

    /**
     * @throws InvalidFeedbackException when the event's type and value make no signal
     */
    public Outcome apply(UserEvent event) {
        boolean liked = weight(event) > 0;
        if (events.recorded(event.userId(), event.eventId())) {
            return Outcome.DUPLICATE;
        }
        Optional<ProfileStore.Noted> noted =
                profiles.noteEvent(event.userId(), event.itemId(), event.eventId(), liked);
        List<String> before = noted.map(ProfileStore.Noted::recent)
                .orElseGet(() -> profiles.recent(event.userId()));
        stats.count(event.itemId(), event.eventId(), liked ? others(before, event.itemId()) : List.of());
        events.record(event);
        // Known shortcoming: when this send fails the redelivered event is already noted and
        // sends nothing; the summary then waits for the next threshold crossing.
        noted.ifPresent(n -> refresh.afterEvent(event.userId(), n));
        return Outcome.APPLIED;
    }

    private static double weight(UserEvent event) {
        try {
            return Signals.weight(event.type(), event.value());
        } catch (IllegalArgumentException e) {
            throw new InvalidFeedbackException(event.value() == null ? "type" : "value", e.getMessage());
        }
    }

    private static List<String> others(List<String> recent, String itemId) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>(recent);
        distinct.remove(itemId);
        return new ArrayList<>(distinct);
    }
}
