package dev.longtail.eval;

import dev.longtail.core.Interest;
import dev.longtail.interest.InterestModelException;
import dev.longtail.interest.InterestSummary;
import dev.longtail.interest.OfflineInterestModel;
import dev.longtail.interest.TagBaseRates;
import dev.longtail.interest.UserActivity;
import dev.longtail.interest.WeightedInterest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Interests written by the {@link OfflineInterestModel} from a user's training history (genres
 * and tags of what they rated, with the stars), each phrase embedded with the items' model: the
 * summaries the deployed service makes when no chat model is configured.
 */
public final class OfflineInterests implements InterestSource {

    private static final Clock FIXED = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    private OfflineInterestModel model;

    @Override
    public String name() {
        return "offline interests";
    }

    @Override
    public void catalog(List<List<String>> itemTags) {
        model = new OfflineInterestModel(TagBaseRates.fromItemTags(itemTags), FIXED);
    }

    /**
     * @throws IllegalStateException when {@link #catalog} was not called first
     */
    @Override
    public List<Interest> interests(UserHistory history,
            Function<List<String>, List<float[]>> embed) {
        if (model == null) {
            throw new IllegalStateException("catalog(...) must be called before interests(...)");
        }
        InterestSummary summary;
        try {
            summary = model.summarise(activity(history));
        } catch (InterestModelException noSignal) {
            return List.of();
        }
        List<WeightedInterest> phrases = summary.interests();
        List<float[]> vectors = embed.apply(phrases.stream().map(WeightedInterest::phrase).toList());
        List<Interest> interests = new ArrayList<>(phrases.size());
        for (int i = 0; i < phrases.size(); i++) {
            interests.add(new Interest(phrases.get(i).phrase(), phrases.get(i).weight(),
                    vectors.get(i)));
        }
        return interests;
    }

    /** The history as the model reads it: most recent first, genres and tags together. */
    private static UserActivity activity(UserHistory history) {
        // The nested ConsumedItem of InterestSource is the evaluation's; this one is the model's.
        List<dev.longtail.interest.ConsumedItem> items = new ArrayList<>(history.items().size());
        for (int i = history.items().size() - 1; i >= 0; i--) {
            InterestSource.ConsumedItem item = history.items().get(i);
            List<String> tags = new ArrayList<>(item.genres());
            tags.addAll(item.tags());
            items.add(new dev.longtail.interest.ConsumedItem(item.title(), tags, "movie", item.stars()));
        }
        return new UserActivity(history.userId(), items, List.of());
    }
}
