package dev.longtail.interest;

/** Turns a user's activity into an {@link InterestSummary}. */
public interface InterestModel {

    /**
     * @param activity what the user consumed, rated and wrote
     * @return a valid summary, never {@code null}
     * @throws InterestModelException when no summary can be made now; see
     *                                {@link InterestModelException#retryable()}
     */
    InterestSummary summarise(UserActivity activity) throws InterestModelException;

    /** @return short model name recorded as a summary's source, e.g. {@code offline} */
    String name();
}
