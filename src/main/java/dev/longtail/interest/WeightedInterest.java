package dev.longtail.interest;

/**
 * One thing a user is interested in, with how strongly.
 *
 * @param phrase short description, 1..{@value #MAX_PHRASE_LENGTH} printable characters
 *               (code points), not blank
 * @param weight strength in {@code (0, 1]}; 1 is the strongest possible interest
 * @throws InvalidSummaryException when either component is out of range
 */
public record WeightedInterest(String phrase, double weight) {

    /** Longest accepted phrase, in code points. */
    public static final int MAX_PHRASE_LENGTH = 60;

    public WeightedInterest {
        Text.requirePrintable("phrase", phrase, MAX_PHRASE_LENGTH);
        // The negated form also rejects NaN.
        if (!(weight > 0 && weight <= 1)) {
            throw new InvalidSummaryException("weight must be in (0, 1], was " + weight);
        }
    }
}
