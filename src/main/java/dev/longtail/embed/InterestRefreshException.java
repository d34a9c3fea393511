package dev.longtail.embed;

import dev.longtail.interest.InterestModelException;

/**
 * A user's interest summary could not be refreshed now but may be later: the embed message
 * fails so that the queue delivers it again. Whatever summary was stored before stays in use.
 */
public final class InterestRefreshException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final InterestModelException.Kind kind;

    /**
     * @param userId the user whose refresh failed
     * @param cause  the model's failure; its message names kinds and counts only
     */
    public InterestRefreshException(String userId, InterestModelException cause) {
        super("interest summary of user " + userId + " not refreshed, will be retried: "
                + cause.getMessage());
        this.kind = cause.kind();
    }

    /** Why the model failed. */
    public InterestModelException.Kind kind() {
        return kind;
    }
}
