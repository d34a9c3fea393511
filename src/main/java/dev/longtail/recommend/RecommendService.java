package dev.longtail.recommend;

import dev.longtail.core.Interaction;
import dev.longtail.core.Interest;
import dev.longtail.core.ItemIndex;
import dev.longtail.core.RankingSettings;
import dev.longtail.core.Recommendation;
import dev.longtail.core.Signals;
import dev.longtail.interest.WeightedInterest;
import dev.longtail.store.EventStore;
import dev.longtail.store.ItemStore;
import dev.longtail.store.ProfileStore;
import dev.longtail.store.StatsStore;
import dev.longtail.store.UserEvent;
import dev.longtail.store.VectorStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers recommendation requests from an in-memory catalog snapshot that lives across warm
 * invocations. The snapshot is read again when the catalog version changes (new or changed item
 * vectors), checked at most every {@link #VERSION_CHECK_INTERVAL}, and at the latest after
 * {@code maxAge}, so popularity and co-consumption counts follow the feedback.
 */
public final class RecommendService {

    static final Duration VERSION_CHECK_INTERVAL = Duration.ofSeconds(2);

    private final ItemStore items;
    private final VectorStore vectors;
    private final StatsStore stats;
    private final EventStore events;
    private final ProfileStore profiles;
    private final String space;
    private final RankingSettings settings;
    private final Duration maxAge;
    private final Clock clock;
    private volatile CatalogSnapshot snapshot;
    private volatile long lastVersionCheck;

    public RecommendService(ItemStore items, VectorStore vectors, StatsStore stats, EventStore events,
            ProfileStore profiles, String space, RankingSettings settings, Duration maxAge, Clock clock) {
        this.items = items;
        this.vectors = vectors;
        this.stats = stats;
        this.events = events;
        this.profiles = profiles;
        this.space = space;
        this.settings = settings;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** A user's list, and whether it was made without any history. */
    public record UserList(List<Recommendation> items, ItemIndex index, boolean coldStart) {
    }

    /** The default tail weight for requests that name none. */
    public double defaultTailWeight() {
        return settings.defaultTailWeight();
    }

    /**
     * @param count      1 to 100
     * @param tailWeight 0 (plain relevance) to 1 (most tail exposure)
     */
    public UserList forUser(String userId, int count, double tailWeight) {
        CatalogSnapshot current = snapshot();
        List<Interaction> history = history(current.index(), events.history(userId));
        List<Recommendation> list = current.recommender().recommend(history, interests(userId), count,
                tailWeight);
        return new UserList(list, current.index(), history.isEmpty());
    }

    /** @return items like {@code itemId}, or empty when the item has no vector (unknown) */
    public Optional<UserList> similar(String itemId, int count) {
        CatalogSnapshot current = snapshot();
        int item = current.index().indexOf(itemId);
        if (item < 0) {
            return Optional.empty();
        }
        return Optional.of(new UserList(current.recommender().similar(item, count), current.index(), false));
    }

    /**
     * Interests from the user's stored summary; none when there is no summary yet or its vectors
     * belong to another embedding space than the items'.
     */
    List<Interest> interests(String userId) {
        Optional<ProfileStore.StoredInterests> stored = profiles.interests(userId);
        if (stored.isEmpty() || !stored.get().space().equals(space)) {
            return List.of();
        }
        List<WeightedInterest> phrases = stored.get().summary().interests();
        List<Interest> interests = new ArrayList<>(phrases.size());
        for (int i = 0; i < phrases.size(); i++) {
            interests.add(new Interest(phrases.get(i).phrase(), phrases.get(i).weight(),
                    stored.get().vectors().get(i)));
        }
        return interests;
    }

    private static List<Interaction> history(ItemIndex index, List<UserEvent> events) {
        List<Interaction> history = new ArrayList<>(events.size());
        for (UserEvent event : events) {
            int item = index.indexOf(event.itemId());
            if (item >= 0) {
                history.add(new Interaction(item, Signals.weight(event.type(), event.value()),
                        event.timestamp().toEpochMilli()));
            }
        }
        return history;
    }

    /** The current snapshot, reloading it when stale. */
    CatalogSnapshot snapshot() {
        long now = clock.millis();
        CatalogSnapshot current = snapshot;
        if (current == null || now - current.loadedAtMillis() > maxAge.toMillis()) {
            return reload(now);
        }
        if (now - lastVersionCheck >= VERSION_CHECK_INTERVAL.toMillis()) {
            lastVersionCheck = now;
            if (stats.catalogVersion() != current.version()) {
                return reload(now);
            }
        }
        return current;
    }

    private synchronized CatalogSnapshot reload(long now) {
        CatalogSnapshot current = snapshot;
        if (current != null && current.loadedAtMillis() >= now) {
            return current;
        }
        snapshot = CatalogSnapshot.load(items, vectors, stats, space, settings, clock.millis());
        lastVersionCheck = now;
        return snapshot;
    }
}
