package dev.longtail.interest;

import java.util.List;
import java.util.Objects;

/**
 * Something a user consumed, as an interest model sees it.
 *
 * @param title  display title; may be {@code null} when the catalog has none
 * @param tags   the item's tags or genres; {@code null} is read as none; no {@code null} entries
 * @param type   kind of item ({@code movie}, {@code book}, ...); may be {@code null}
 * @param rating the user's rating on the catalog's 0..5 scale, or {@code null} when the user
 *               consumed the item without rating it
 * @throws IllegalArgumentException when the rating is outside 0..5 or a tag is {@code null}
 */
public record ConsumedItem(String title, List<String> tags, String type, Double rating) {

    /** Highest rating on the catalog's scale. */
    public static final double MAX_RATING = 5.0;

    public ConsumedItem {
        if (tags == null) {
            tags = List.of();
        } else if (tags.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("tags of item '" + title + "' hold a null entry");
        } else {
            tags = List.copyOf(tags);
        }
        if (rating != null && !(rating >= 0 && rating <= MAX_RATING)) {
            throw new IllegalArgumentException("rating must be in 0.." + MAX_RATING + ", was "
                    + rating);
        }
    }
}
