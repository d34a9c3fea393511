package dev.longtail.config;

import dev.longtail.interest.ChatSettings;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How interest summaries are made and how often.
 *
 * @param chat              the hosted chat model, made on first use (its key may have to be
 *                          fetched); empty for the offline model
 * @param firstRefreshAfter events before a user's first summary is asked for, 1 or more
 * @param refreshAfter      events between later refreshes, 1 or more
 * @param onFeedback        whether feedback asks for refreshes (it needs the embed queue)
 */
public record InterestSettings(Optional<Supplier<ChatSettings>> chat, int firstRefreshAfter,
        int refreshAfter, boolean onFeedback) {

    /** Events before a user's first summary when nothing else is configured. */
    public static final int DEFAULT_FIRST_REFRESH_AFTER = 3;

    /** Events between refreshes when nothing else is configured. */
    public static final int DEFAULT_REFRESH_AFTER = 10;

    public InterestSettings {
        Objects.requireNonNull(chat, "chat");
    }

    /** The offline model with the default thresholds. */
    public static InterestSettings offline() {
        return new InterestSettings(Optional.empty(), DEFAULT_FIRST_REFRESH_AFTER,
                DEFAULT_REFRESH_AFTER, true);
    }

    /** These settings with the hosted chat model. */
    public InterestSettings withChat(Supplier<ChatSettings> settings) {
        return new InterestSettings(Optional.of(settings), firstRefreshAfter, refreshAfter,
                onFeedback);
    }
}
