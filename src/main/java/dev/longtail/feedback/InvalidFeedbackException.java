package dev.longtail.feedback;

/** A feedback message that can never be applied; retrying it cannot help. */
public final class InvalidFeedbackException extends RuntimeException {

    private final String field;
    private final String reason;

    public InvalidFeedbackException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
