package dev.longtail.interest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a user is interested in: a few weighted phrases and one readable sentence, with the
 * model that wrote it and when. Instances are always valid; a half-filled summary cannot exist.
 *
 * @param interests 1..{@value #MAX_INTERESTS} interests, phrases unique ignoring case, in the
 *                  order the model ranked them (strongest first for the offline model)
 * @param sentence  readable summary, 1..{@value #MAX_SENTENCE_LENGTH} printable characters
 * @param source    which model wrote it, e.g. {@code offline} or {@code hosted:gpt-4o-mini};
 *                  1..{@value WeightedInterest#MAX_PHRASE_LENGTH} printable characters
 * @param createdAt when it was written
 * @throws InvalidSummaryException when a component is missing or out of range
 */
public record InterestSummary(
        List<WeightedInterest> interests, String sentence, String source, Instant createdAt) {

    /** Most interests a summary may hold. */
    public static final int MAX_INTERESTS = 8;

    /** Longest accepted sentence, in code points. */
    public static final int MAX_SENTENCE_LENGTH = 300;

    public InterestSummary {
        interests = checkInterests(interests);
        Text.requirePrintable("sentence", sentence, MAX_SENTENCE_LENGTH);
        Text.requirePrintable("source", source, WeightedInterest.MAX_PHRASE_LENGTH);
        if (createdAt == null) {
            throw new InvalidSummaryException("createdAt is missing");
        }
    }

    private static List<WeightedInterest> checkInterests(List<WeightedInterest> interests) {
        if (interests == null) {
            throw new InvalidSummaryException("interests is missing");
        }
        if (interests.isEmpty() || interests.size() > MAX_INTERESTS) {
            throw new InvalidSummaryException("interests must hold 1.." + MAX_INTERESTS
                    + " entries, held " + interests.size());
        }
        Set<String> seen = new HashSet<>();
        List<WeightedInterest> copy = new ArrayList<>(interests.size());
        for (int i = 0; i < interests.size(); i++) {
            WeightedInterest interest = interests.get(i);
            if (interest == null) {
                throw new InvalidSummaryException("interests[" + i + "] is missing");
            }
            if (!seen.add(interest.phrase().toLowerCase(Locale.ROOT))) {
                throw new InvalidSummaryException("interests[" + i + "] repeats an earlier phrase");
            }
            copy.add(interest);
        }
        return List.copyOf(copy);
    }
}
