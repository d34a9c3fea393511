package dev.longtail.eval;

import dev.longtail.core.Interest;
import java.util.List;
import java.util.function.Function;

/**
 * Supplies a user's interests from their training history, to evaluate Longtail with
 * interest summaries. Implementations are found with {@link java.util.ServiceLoader} (list the
 * class in {@code META-INF/services/dev.longtail.eval.InterestSource} on the test class path)
 * and each adds one row, "Longtail + &lt;name&gt;", at the tuned default tail weight.
 */
public interface InterestSource {

    /** Short name for the report row. */
    String name();

    /**
     * Called once before any {@link #interests} call with what the catalog says about every
     * item, for sources that compare a user with the whole catalog. Does nothing by default.
     *
     * @param itemTags per catalog item, its genres followed by its most frequent tags
     */
    default void catalog(List<List<String>> itemTags) {
    }

    /**
     * @param history the user's training history only, oldest first
     * @param embed   turns texts into vectors of the items' embedding space (cached on disk)
     * @return the user's interests, may be empty
     */
    List<Interest> interests(UserHistory history, Function<List<String>, List<float[]>> embed);

    /** What a user consumed before the held-out part. */
    record UserHistory(String userId, List<ConsumedItem> items) {
    }

    /**
     * One consumed item.
     *
     * @param stars the rating, 0.5..5
     * @param tags  the item's most frequent tags (without the held-out users' own tags)
     */
    record ConsumedItem(String itemId, String title, List<String> genres, List<String> tags,
            double stars, long timestampMillis) {
    }
}
