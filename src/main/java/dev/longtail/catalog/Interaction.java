package dev.longtail.catalog;

import java.time.Instant;

/**
 * One interaction from an uploaded interaction log, before it becomes a feedback event.
 *
 * @param userId    the user's id
 * @param itemId    the item's id
 * @param type      one of {@code view, click, like, rating, purchase, review}
 * @param value     the rating for {@code rating}, otherwise {@code null}
 * @param text      review text for {@code review}, otherwise {@code null}
 * @param timestamp when it happened
 */
public record Interaction(
        String userId, String itemId, String type, Double value, String text, Instant timestamp) {
}
