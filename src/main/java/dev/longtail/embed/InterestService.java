package dev.longtail.embed;

import dev.longtail.interest.ConsumedItem;
import dev.longtail.interest.InterestModel;
import dev.longtail.interest.InterestModelException;
import dev.longtail.interest.InterestSummary;
import dev.longtail.interest.UserActivity;
import dev.longtail.interest.WeightedInterest;
import dev.longtail.llm.Embedder;
import dev.longtail.store.Digests;
import dev.longtail.store.EventStore;
import dev.longtail.store.ItemStore;
import dev.longtail.store.ProfileStore;
import dev.longtail.store.ProfileStore.RefreshState;
import dev.longtail.store.ProfileStore.StoredInterests;
import dev.longtail.store.StoredItem;
import dev.longtail.store.UserEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Refreshes a user's interest summary from their recorded events: asks the configured
 * {@link InterestModel}, embeds each phrase in the items' embedding space and stores both.
 *
 * <p>Nothing is asked when the history is the one the stored summary was made from and that
 * summary came from the configured model in the current space. When the model fails, the stored
 * summary stays; a user without one gets the offline model's summary meanwhile, so
 * recommendations never wait for a hosted model. A {@linkplain InterestModelException#retryable()
 * retryable} failure is rethrown as {@link InterestRefreshException} so the message is delivered
 * again; a permanent one is not retried.
 */
public final class InterestService {

    private final EventStore events;
    private final ItemStore items;
    private final ProfileStore profiles;
    private final Embedder embedder;
    private final Supplier<InterestModel> model;
    private final Supplier<? extends InterestModel> offline;
    private final Clock clock;

    /**
     * @param model   the model to ask (hosted when configured, else the offline one)
     * @param offline the offline model, standing in when {@code model} fails for a user without
     *                a summary; made on first use
     */
    public InterestService(EventStore events, ItemStore items, ProfileStore profiles,
            Embedder embedder, Supplier<InterestModel> model,
            Supplier<? extends InterestModel> offline, Clock clock) {
        this.events = events;
        this.items = items;
        this.profiles = profiles;
        this.embedder = embedder;
        this.model = model;
        this.offline = offline;
        this.clock = clock;
    }

    /** What a refresh did. */
    public enum Outcome {
        /** A new summary was stored. */
        REFRESHED,
        /** The stored summary was made from the same history by the same model. */
        UNCHANGED,
        /** The model failed; the stored summary (or the offline model's) stands. */
        KEPT,
        /** The user has no recorded events. */
        NO_HISTORY,
        /** The history says nothing about interests (no summary could be made). */
        NO_SIGNAL
    }

    /**
     * @throws InterestRefreshException when the model failed in a way that may pass; the
     *     message should be delivered again
     * @throws dev.longtail.llm.EmbeddingException when the phrases cannot be embedded
     */
    public Outcome refresh(String userId) {
        // The counter is read before the history: events counted later stay on it.
        RefreshState state = profiles.refreshState(userId);
        List<UserEvent> history = events.history(userId);
        if (history.isEmpty()) {
            return Outcome.NO_HISTORY;
        }
        String digest = digest(history);
        InterestModel asked = model.get();
        if (upToDate(state, digest, asked)) {
            profiles.markRefreshed(userId, state.sinceSummary(), clock.instant());
            return Outcome.UNCHANGED;
        }
        UserActivity activity = activity(userId, history);
        try {
            store(userId, asked.summarise(activity), digest, state);
            return Outcome.REFRESHED;
        } catch (InterestModelException e) {
            return fallBack(userId, activity, digest, state, e);
        }
    }

    private boolean upToDate(RefreshState state, String digest, InterestModel asked) {
        return state.interests().isPresent() && digest.equals(state.historyDigest())
                && state.interests().get().summary().source().equals(asked.name())
                && state.interests().get().space().equals(embedder.space());
    }

    private Outcome fallBack(String userId, UserActivity activity, String digest,
            RefreshState state, InterestModelException failure) {
        Outcome outcome = failure.kind() == InterestModelException.Kind.NO_SIGNAL
                ? Outcome.NO_SIGNAL : Outcome.KEPT;
        InterestModel standIn = offline.get();
        if (state.interests().isEmpty() && !standIn.name().equals(model.get().name())) {
            try {
                store(userId, standIn.summarise(activity), digest, state);
            } catch (InterestModelException noSignal) {
                profiles.markRefreshed(userId, state.sinceSummary(), clock.instant());
            }
        } else {
            profiles.markRefreshed(userId, state.sinceSummary(), clock.instant());
        }
        if (failure.retryable()) {
            throw new InterestRefreshException(userId, failure);
        }
        return outcome;
    }

    private void store(String userId, InterestSummary summary, String digest, RefreshState state) {
        List<String> phrases = summary.interests().stream().map(WeightedInterest::phrase).toList();
        List<float[]> vectors = embedder.embedAll(phrases);
        profiles.storeInterests(userId, new StoredInterests(summary, embedder.space(), vectors),
                digest, state.sinceSummary(), clock.instant());
    }

    /** What the models may read: consumed catalog items, newest first, and review texts. */
    private UserActivity activity(String userId, List<UserEvent> history) {
        Map<String, Double> ratings = new LinkedHashMap<>();
        List<String> reviews = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            UserEvent event = history.get(i);
            if (!ratings.containsKey(event.itemId()) || ratings.get(event.itemId()) == null) {
                ratings.put(event.itemId(), rating(event));
            }
            if ("review".equals(event.type()) && event.text() != null) {
                reviews.add(event.text());
            }
        }
        Map<String, StoredItem> catalog = items.getAll(ratings.keySet());
        List<ConsumedItem> consumed = new ArrayList<>();
        ratings.forEach((itemId, rating) -> {
            StoredItem item = catalog.get(itemId);
            if (item != null) {
                consumed.add(new ConsumedItem(item.title(), tags(item),
                        item.attributes().get("type"), rating));
            }
        });
        return new UserActivity(userId, consumed, reviews);
    }

    private static Double rating(UserEvent event) {
        boolean rated = "rating".equals(event.type()) && event.value() != null
                && event.value() >= 0 && event.value() <= ConsumedItem.MAX_RATING;
        return rated ? event.value() : null;
    }

    /** @return the item's catalog tags followed by its user tags: what the offline model counts */
    public static List<String> tags(StoredItem item) {
        List<String> tags = new ArrayList<>(item.tags());
        tags.addAll(item.userTags());
        return tags;
    }

    /** Digest of the history: equal digests mean the same recorded events. */
    static String digest(List<UserEvent> history) {
        // Event ids are unique per user and an event never changes once recorded.
        return Digests.of(16, history.stream().map(UserEvent::eventId).toList());
    }
}
