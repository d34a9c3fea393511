package dev.longtail.interest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineInterestModelTest {

    private static final Instant NOW = Instant.parse("2018-09-26T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /**
     * Ten items: scifi on 2, drama on 5, romance on 3, space on 1. Smoothed base rates
     * (count + 1) / 12: scifi 0.25, drama 0.5, romance 1/3, space 1/6.
     */
    private static final TagBaseRates CATALOG = TagBaseRates.fromItemTags(List.of(
            List.of("scifi", "space"), List.of("scifi", "drama"), List.of("romance", "drama"),
            List.of("drama"), List.of("drama"), List.of("drama", "romance"), List.of("romance"),
            List.of(), List.of(), List.of()));

    private final OfflineInterestModel model = new OfflineInterestModel(CATALOG, CLOCK);

    private static ConsumedItem item(Double rating, String... tags) {
        return new ConsumedItem("title", List.of(tags), "movie", rating);
    }

    private static UserActivity activity(ConsumedItem... items) {
        return new UserActivity("7", List.of(items), List.of());
    }

    @Test
    void baseRatesAreLaplaceSmoothedShares() {
        assertEquals(10, CATALOG.itemCount());
        assertEquals(5, CATALOG.count("drama"));
        assertEquals(0.25, CATALOG.baseRate("scifi"), 1e-12);
        assertEquals(1.0 / 12, CATALOG.baseRate("western"), 1e-12);
        assertEquals(0.5, TagBaseRates.fromItemTags(List.of()).baseRate("anything"), 1e-12);
    }

    @Test
    void baseRatesCountEachItemOncePerCanonicalTag() {
        TagBaseRates rates = TagBaseRates.fromItemTags(List.of(
                List.of("Sci-Fi", " sci-fi ", "SCI-FI"), List.of("Time  Travel")));
        assertEquals(1, rates.count("sci-fi"));
        assertEquals(1, rates.count("time travel"));
    }

    @Test
    void storedCountsAreCheckedAgainstItemTotal() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TagBaseRates.of(java.util.Map.of("jazz", 11), 10));
        assertTrue(e.getMessage().contains("was 11"), e.getMessage());
        assertEquals(4, TagBaseRates.of(java.util.Map.of("Jazz", 4), 10).count("jazz"));
    }

    @Test
    void ratingsMapToPreferencesAroundThreeStars() {
        assertEquals(1.0, OfflineInterestModel.preference(item(5.0)), 1e-12);
        assertEquals(0.5, OfflineInterestModel.preference(item(4.0)), 1e-12);
        assertEquals(0.0, OfflineInterestModel.preference(item(3.0)), 1e-12);
        assertEquals(-1.0, OfflineInterestModel.preference(item(0.5)), 1e-12);
        assertEquals(0.5, OfflineInterestModel.preference(item(null)), 1e-12);
    }

    /**
     * Liked: A (scifi, space) at 5 stars, s = 1; B (scifi, drama) at 4, s = 0.5.
     * Disliked: C (romance, drama) at 1, s = -1. Positive mass P = 1.5, so p(t) has
     * denominator P + 2 = 3.5.
     * scifi: net 1.5, p = (1.5 + 2 * 0.25) / 3.5 = 0.571429, weight 0.571429 - 0.25 = 0.321.
     * space: net 1, p = (1 + 2 / 6) / 3.5 = 0.380952, weight 0.380952 - 0.166667 = 0.214.
     * drama: net 0.5 - 1 < 0, p = 1 / 3.5 < 0.5: no interest; romance likewise.
     */
    @Test
    void weighsTagsByExcessOverCatalogRate() throws InterestModelException {
        InterestSummary summary = model.summarise(activity(
                item(5.0, "scifi", "space"), item(4.0, "scifi", "drama"), item(1.0, "romance", "drama")));

        assertEquals(List.of(new WeightedInterest("scifi", 0.321), new WeightedInterest("space", 0.214)),
                summary.interests());
        assertEquals("Enjoys scifi and space; tends to rate romance and drama low.", summary.sentence());
        assertEquals("offline", summary.source());
        assertEquals(NOW, summary.createdAt());
    }

    /**
     * Three unrated drama items, s = 0.5 each: P = 1.5, net 1.5,
     * p = (1.5 + 2 * 0.5) / 3.5 = 0.714286, weight 0.714286 - 0.5 = 0.214.
     * One unrated space item alone: P = 0.5, p = (0.5 + 2 / 6) / 2.5 = 0.333333, weight 0.167.
     */
    @Test
    void unratedConsumptionCountsAsMildInterest() throws InterestModelException {
        InterestSummary drama = model.summarise(activity(
                item(null, "drama"), item(null, "drama"), item(null, "drama")));
        assertEquals(List.of(new WeightedInterest("drama", 0.214)), drama.interests());

        InterestSummary space = model.summarise(activity(item(null, "space")));
        assertEquals(List.of(new WeightedInterest("space", 0.167)), space.interests());
    }

    /**
     * One 5-star item per tag. Rare space (b = 1/6) with one item: P = 2,
     * p = (1 + 1/3) / 4 = 0.333, weight 0.167; common drama (b = 0.5) on all three
     * items: p = (2 + 1) / 4 = 0.75, weight 0.25. Repeated evidence for the common tag
     * outweighs a single hit on the rare one.
     */
    @Test
    void repeatedEvidenceForCommonTagBeatsSingleHitOnRareTag() throws InterestModelException {
        InterestSummary summary = model.summarise(activity(
                item(5.0, "drama", "space"), item(5.0, "drama")));
        assertEquals(List.of(new WeightedInterest("drama", 0.25), new WeightedInterest("space", 0.167)),
                summary.interests());
    }

    @Test
    void tagUnknownToCatalogUsesSmoothedZeroCount() throws InterestModelException {
        // western: b = 1/12; P = 1, p = (1 + 2/12) / 3 = 0.388889, weight 0.305556.
        InterestSummary summary = model.summarise(activity(item(5.0, "Western")));
        assertEquals(List.of(new WeightedInterest("western", 0.306)), summary.interests());
    }

    @Test
    void keepsAtMostEightInterestsHeaviestFirstTiesByName() throws InterestModelException {
        List<String> tags = new ArrayList<>();
        for (char c = 'j'; c >= 'a'; c--) {
            tags.add("tag " + c);
        }
        InterestSummary summary = model.summarise(activity(item(5.0, tags.toArray(String[]::new))));
        assertEquals(8, summary.interests().size());
        assertEquals("tag a", summary.interests().get(0).phrase());
        assertEquals("tag h", summary.interests().get(7).phrase());
        assertEquals("Enjoys tag a, tag b and tag c.", summary.sentence());
    }

    @Test
    void sameActivityGivesSameSummary() throws InterestModelException {
        UserActivity activity = activity(item(4.5, "scifi", "space", "drama"), item(2.0, "romance"),
                item(null, "drama", "noir"), item(3.5, "space"));
        InterestSummary first = model.summarise(activity);
        List<ConsumedItem> shuffled = new ArrayList<>(activity.items());
        Collections.reverse(shuffled);
        assertEquals(first, model.summarise(activity));
        assertEquals(first, new OfflineInterestModel(CATALOG, CLOCK).summarise(activity));
        assertEquals(first.interests(), model.summarise(new UserActivity("8", shuffled, null)).interests());
        assertEquals(InterestSummaryJson.toJson(first), InterestSummaryJson.toJson(model.summarise(activity)));
    }

    @Test
    void onlyLowRatingsGiveNoSignal() {
        InterestModelException e = assertThrows(InterestModelException.class,
                () -> model.summarise(activity(item(1.0, "drama"), item(2.0, "scifi"))));
        assertEquals(InterestModelException.Kind.NO_SIGNAL, e.kind());
        assertEquals(false, e.retryable());
    }

    @Test
    void noItemsOrNoTagsGiveNoSignal() {
        assertThrows(InterestModelException.class, () -> model.summarise(activity()));
        assertThrows(InterestModelException.class, () -> model.summarise(activity(item(5.0))));
    }

    @Test
    void longTagsAreCutAndSentenceStaysWithinLimit() throws InterestModelException {
        String[] tags = new String[5];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = (char) ('a' + i) + "x".repeat(80);
        }
        InterestSummary summary = model.summarise(activity(item(5.0, tags), item(1.0, "drama", "romance")));
        assertEquals(60, summary.interests().get(0).phrase().length());
        assertTrue(summary.sentence().length() <= 300, summary.sentence());
    }
}
