package dev.longtail.feedback;

import dev.longtail.core.Signals;
import dev.longtail.store.Digests;
import dev.longtail.store.EventStore;
import dev.longtail.store.ProfileStore;
import dev.longtail.store.StatsStore;
import dev.longtail.store.UserEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies feedback events: counts each item's popularity and its co-consumption with the items
 * the user liked just before, then records the events in the user's history. A user's events are
 * applied as a run: one read of which are already recorded, one update of the user's profile, one
 * counter update per event and batched writes of the records.
 *
 * <p>Exactly once without transactions: event records are written last and checked first, so a
 * redelivery of a finished run is skipped; the profile update is conditional on the run's id and
 * every counter update on the event's id not being among the ids last applied to that row, so a
 * redelivery of a run that failed half-way completes it without counting anything twice.
 */
public final class FeedbackService {

    /** How many of the given events were applied now and how many had been before. */
    public record Result(int applied, int duplicates) {
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
     * Applies the events, each user's in the given order.
     *
     * @throws InvalidFeedbackException when an event's type and value make no signal (checked for
     *     all events before anything is written)
     */
    public Result applyAll(List<UserEvent> all) {
        Map<String, List<UserEvent>> byUser = new LinkedHashMap<>();
        for (UserEvent event : all) {
            weight(event);
            byUser.computeIfAbsent(event.userId(), u -> new ArrayList<>()).add(event);
        }
        int applied = 0;
        for (List<UserEvent> run : byUser.values()) {
            applied += applyRun(run);
        }
        return new Result(applied, all.size() - applied);
    }

    private int applyRun(List<UserEvent> run) {
        String userId = run.get(0).userId();
        Set<String> recorded = events.recordedAmong(userId, run.stream().map(UserEvent::eventId).toList());
        Map<String, UserEvent> fresh = new LinkedHashMap<>();
        for (UserEvent event : run) {
            if (!recorded.contains(event.eventId())) {
                fresh.putIfAbsent(event.eventId(), event);
            }
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        List<UserEvent> todo = new ArrayList<>(fresh.values());
        List<String> liked = todo.stream().filter(e -> weight(e) > 0).map(UserEvent::itemId).toList();
        // Known shortcoming: if the record write below fails part-way, the retry sees a smaller
        // fresh set, hence another run id, and notes those events in the profile (recent items,
        // summary counter) a second time; the item counters stay exact through their own guards.
        Optional<ProfileStore.Noted> noted = profiles.noteEvents(userId, runId(todo), liked, todo.size());
        List<String> window = new ArrayList<>(noted.map(ProfileStore.Noted::recent)
                .orElseGet(() -> profiles.recent(userId)));
        for (UserEvent event : todo) {
            boolean likes = weight(event) > 0;
            stats.count(event.itemId(), event.eventId(), likes ? others(window, event.itemId()) : List.of());
            if (likes) {
                window.add(event.itemId());
                if (window.size() > ProfileStore.RECENT) {
                    window.remove(0);
                }
            }
        }
        events.recordAll(todo);
        // Known shortcoming: when this send fails the redelivered run is already noted and sends
        // nothing; the summary then waits for the next threshold crossing.
        noted.ifPresent(n -> refresh.afterEvents(userId, n));
        return todo.size();
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

    /** The same id for the same events, whichever message carried them. */
    static String runId(List<UserEvent> run) {
        return run.size() == 1 ? run.get(0).eventId()
                : "run-" + Digests.of(12, run.stream().map(UserEvent::eventId).toList());
    }
}
