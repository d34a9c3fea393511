package dev.longtail.interest;

import java.time.Duration;
import java.util.Optional;

/**
 * An interest model could not produce a summary. The {@link Kind} tells the caller what to do:
 * a {@linkplain #retryable() retryable} failure should leave the job for a later attempt (after
 * {@link #retryAfter()} when present) while the last good summary, or the offline model's,
 * stands in; a permanent one should not be retried with the same input.
 *
 * <p>Messages carry kinds, status codes and counts only, never prompts, answers or keys, and
 * no cause is attached for the same reason: the underlying exceptions quote response bodies.
 */
public class InterestModelException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why no summary was produced. */
    public enum Kind {
        /** HTTP 429; {@link #retryAfter()} holds the server's requested delay when it sent one. */
        RATE_LIMITED(true),
        /** The model did not answer within the configured timeout (or HTTP 408). */
        TIMEOUT(true),
        /** HTTP 5xx. */
        SERVER_ERROR(true),
        /** The model endpoint could not be reached (connection refused, reset, DNS). */
        UNREACHABLE(true),
        /** Every answer broke the summary structure, was empty or echoed the prompt. */
        INVALID_ANSWER(false),
        /** HTTP 4xx other than 408/429: key, model name or request is wrong. */
        REJECTED(false),
        /** The activity holds nothing to infer an interest from. */
        NO_SIGNAL(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Kind kind;
    private final Duration retryAfter;

    /**
     * @param kind       why it failed
     * @param message    what failed, without any prompt, answer or key
     * @param retryAfter delay the server asked for, or {@code null} when it gave none
     */
    public InterestModelException(Kind kind, String message, Duration retryAfter) {
        super(kind + ": " + message);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    /** @see #InterestModelException(Kind, String, Duration) */
    public InterestModelException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** @return whether the same request may succeed later */
    public boolean retryable() {
        return kind.retryable;
    }

    /** @return the delay the server asked for before the next attempt, when it gave one */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
