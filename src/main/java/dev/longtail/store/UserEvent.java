package dev.longtail.store;

import java.time.Instant;

/**
 * One feedback event of a user, as recorded in the user's history.
 *
 * @param eventId   the producer's id of the event; the same id is never counted twice
 * @param userId    who acted
 * @param itemId    on what
 * @param type      one of {@code view, click, like, rating, purchase, review}
 * @param value     the rating for {@code rating}, otherwise {@code null}
 * @param text      the review text for {@code review}, otherwise {@code null}
 * @param timestamp when it happened
 */
public record UserEvent(String eventId, String userId, String itemId, String type, Double value,
        String text, Instant timestamp) {
}
