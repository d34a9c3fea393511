package dev.longtail.interest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Infers interests from the tags of what a user consumed and how they rated it, without any
 * network call. Same activity, base rates and clock give the same summary.
 *
 * <p>Each consumed item gets a preference {@code s} in {@code [-1, 1]}: {@code (rating - 3) / 2}
 * clamped, so 5 stars is 1, 3 is neutral and 1 or less is -1; an unrated item counts
 * {@value #UNRATED_PREFERENCE} because consuming it says something. For each tag {@code t}:
 * <ul>
 *   <li>{@code pos(t)} and {@code neg(t)}: summed positive and negative preference of the
 *       user's items carrying {@code t}; {@code P}: summed positive preference of all items;</li>
 *   <li>{@code b(t)}: the catalog's Laplace-smoothed base rate
 *       ({@link TagBaseRates#baseRate});</li>
 *   <li>{@code p(t) = (max(0, pos(t) - neg(t)) + m b(t)) / (P + m)}: the share of the user's
 *       liked history carrying {@code t}, smoothed towards the base rate with a Dirichlet
 *       prior of strength {@code m = }{@value #PRIOR_STRENGTH} items, so low ratings count
 *       against a tag and a single item cannot make it certain;</li>
 *   <li>lift {@code p(t) / b(t)}: a tag is an interest only when it exceeds 1, that is when the
 *       user picks it more often than the catalog offers it;</li>
 *   <li>weight {@code p(t) - b(t)}, in {@code (0, 1)}: the part of the user's rate not
 *       explained by chance, which balances strong evidence for common tags against thin
 *       evidence for rare ones. Rounded to 3 decimals.</li>
 * </ul>
 * The {@value InterestSummary#MAX_INTERESTS} heaviest tags are kept (ties by name). Reviews
 * and item types are not read: this model has no language understanding.
 */
public final class OfflineInterestModel implements InterestModel {

    /** Source recorded on the summaries this model writes. */
    public static final String NAME = "offline";

    /** Strength, in items, of the prior pulling a user's tag rate towards the catalog's. */
    public static final double PRIOR_STRENGTH = 2.0;

    /** Preference given to an item consumed without a rating, in {@code [-1, 1]}. */
    public static final double UNRATED_PREFERENCE = 0.5;

    private static final double NEUTRAL_RATING = 3.0;
    private static final int LIKED_IN_SENTENCE = 3;
    private static final int DISLIKED_IN_SENTENCE = 2;

    private final TagBaseRates baseRates;
    private final Clock clock;

    /**
     * @param baseRates how common each tag is in the catalog
     * @param clock     stamps the summaries' creation time
     */
    public OfflineInterestModel(TagBaseRates baseRates, Clock clock) {
        this.baseRates = Objects.requireNonNull(baseRates, "baseRates");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * @throws InterestModelException of kind {@code NO_SIGNAL} when no tag's lift exceeds 1,
     *                                e.g. no items, no tags or only low ratings
     */
    @Override
    public InterestSummary summarise(UserActivity activity) throws InterestModelException {
        Evidence evidence = Evidence.of(activity.items());
        List<WeightedInterest> interests = interests(evidence);
        if (interests.isEmpty()) {
            throw new InterestModelException(InterestModelException.Kind.NO_SIGNAL,
                    "no tag is over-represented in " + activity.items().size() + " items");
        }
        String sentence = sentence(interests, evidence.disliked());
        return new InterestSummary(interests, sentence, NAME, clock.instant());
    }

    /** Preference in {@code [-1, 1]} expressed by consuming {@code item}. */
    static double preference(ConsumedItem item) {
        if (item.rating() == null) {
            return UNRATED_PREFERENCE;
        }
        return Math.max(-1, Math.min(1, (item.rating() - NEUTRAL_RATING) / 2));
    }

    private List<WeightedInterest> interests(Evidence evidence) {
        List<Map.Entry<String, Double>> scored = new ArrayList<>();
        evidence.tags.forEach((tag, mass) -> {
            double weight = userRate(mass, evidence.positiveMass, tag) - baseRates.baseRate(tag);
            if (weight > 0) {
                scored.add(Map.entry(tag, weight));
            }
        });
        scored.sort(Map.Entry.<String, Double>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()));
        List<WeightedInterest> interests = new ArrayList<>();
        for (Map.Entry<String, Double> entry : scored) {
            double rounded = Math.round(entry.getValue() * 1000) / 1000.0;
            if (rounded > 0 && interests.size() < InterestSummary.MAX_INTERESTS) {
                interests.add(new WeightedInterest(entry.getKey(), rounded));
            }
        }
        return interests;
    }

    private double userRate(TagMass mass, double positiveMass, String tag) {
        double net = Math.max(0, mass.positive - mass.negative);
        return (net + PRIOR_STRENGTH * baseRates.baseRate(tag)) / (positiveMass + PRIOR_STRENGTH);
    }

    private static String sentence(List<WeightedInterest> interests, List<String> disliked) {
        List<String> liked = interests.stream().map(WeightedInterest::phrase).toList();
        // Tags may be up to 60 characters: list fewer of them until the sentence fits.
        for (int likedShown = LIKED_IN_SENTENCE; likedShown >= 1; likedShown--) {
            for (int dislikedShown = DISLIKED_IN_SENTENCE; dislikedShown >= 0; dislikedShown--) {
                String sentence = phrase(head(liked, likedShown), head(disliked, dislikedShown));
                if (sentence.length() <= InterestSummary.MAX_SENTENCE_LENGTH) {
                    return sentence;
                }
            }
        }
        return "Enjoys " + liked.get(0) + ".";
    }

    private static String phrase(List<String> liked, List<String> disliked) {
        String sentence = "Enjoys " + join(liked);
        if (!disliked.isEmpty()) {
            sentence += "; tends to rate " + join(disliked) + " low";
        }
        return sentence + ".";
    }

    private static List<String> head(List<String> list, int n) {
        return list.subList(0, Math.min(n, list.size()));
    }

    private static String join(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1))
                + " and " + words.get(words.size() - 1);
    }

    /** Summed positive and negative preference of the items carrying one tag. */
    private static final class TagMass {
        private double positive;
        private double negative;
    }

    /** A user's preferences aggregated per canonical tag. */
    private static final class Evidence {
        private final Map<String, TagMass> tags = new TreeMap<>();
        private double positiveMass;

        static Evidence of(List<ConsumedItem> items) {
            Evidence evidence = new Evidence();
            for (ConsumedItem item : items) {
                double s = preference(item);
                evidence.positiveMass += Math.max(0, s);
                for (String tag : TagBaseRates.distinct(item.tags())) {
                    TagMass mass = evidence.tags.computeIfAbsent(tag, t -> new TagMass());
                    mass.positive += Math.max(0, s);
                    mass.negative += Math.max(0, -s);
                }
            }
            return evidence;
        }

        /** Tags whose negative preference outweighs the positive, most disliked first. */
        List<String> disliked() {
            return tags.entrySet().stream()
                    .filter(e -> e.getValue().negative > e.getValue().positive)
                    .sorted(Comparator.comparingDouble(
                                    (Map.Entry<String, TagMass> e) ->
                                            e.getValue().positive - e.getValue().negative)
                            .thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }
}
