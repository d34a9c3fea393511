package dev.longtail.interest;

import java.util.List;
import java.util.Objects;

/**
 * Everything an interest model may read about one user.
 *
 * @param userId  the user; used for logging correlation only, never sent to a hosted model
 * @param items   what the user consumed, most recent first; {@code null} is read as none
 * @param reviews review texts the user wrote, most recent first, untrusted;
 *                {@code null} is read as none
 * @throws NullPointerException when {@code userId} or a list entry is {@code null}
 */
public record UserActivity(String userId, List<ConsumedItem> items, List<String> reviews) {

    public UserActivity {
        Objects.requireNonNull(userId, "userId");
        items = items == null ? List.of() : List.copyOf(items);
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
    }
}
