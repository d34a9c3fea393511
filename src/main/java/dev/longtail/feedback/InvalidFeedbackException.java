package dev.longtail.feedback;

/** A feedback message that can never be applied; retrying it cannot help. */
public final class InvalidFeedbackException extends RuntimeException {

    private final String field;

    public InvalidFeedbackException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
