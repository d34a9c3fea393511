package dev.longtail.interest;

/**
 * Thrown when an interest summary, or the JSON it is read from, breaks the summary's
 * structure: wrong number of interests, a phrase or sentence of the wrong length or with
 * unprintable characters, a weight outside {@code (0, 1]}, unknown or missing JSON fields.
 *
 * <p>The message names the offending field and, for numbers and lengths, its value. It never
 * quotes free text taken from the input, because that text may come from users or a model.
 */
public class InvalidSummaryException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the field */
    public InvalidSummaryException(String message) {
        super(message);
    }
}
