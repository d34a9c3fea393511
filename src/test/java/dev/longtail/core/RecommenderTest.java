package dev.longtail.core;

import static dev.longtail.core.Catalogs.axis;
import static dev.longtail.core.Catalogs.index;
import static dev.longtail.core.Catalogs.liked;
import static dev.longtail.core.Catalogs.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RecommenderTest {

    private static List<Integer> itemsOf(List<Recommendation> list) {
        return list.stream().map(Recommendation::item).toList();
    }

    /*
     * Items 0 and 1 are head (popularity 10), 2..4 tail. With only collaborative evidence and
     * neighbour balance 0.5: item 1 scores 8 / (sqrt 10 * sqrt 10) = 0.8, item 2 scores
     * 2 / (sqrt 10 * 1) = 0.632, so pool relevance is 1 and 0.79. At tail weight 1 and tail
     * interest 0.8 the head item is worth 0.2 * 1 and the tail item, the best of its aspect,
     * 0.8 * 1: only the tail item makes a list of one. In a list of two both are shown by
     * relevance.
     */
    @Test
    void tailItemOutranksPopularWhenTailWeightIsHigh() {
        ItemIndex items = index(new int[] {10, 10, 1, 1, 0}, new float[][] {
            axis(5, 0), axis(5, 1), axis(5, 2), axis(5, 3), axis(5, 4)});
        CoOccurrence co = CoOccurrence.builder(5).add(0, 1, 8).add(0, 2, 2).build();
        Recommender recommender = new Recommender(items, co, settings(1, 0, 0, 0.8));
        List<Interaction> history = List.of(liked(0, 1));

        List<Recommendation> relevanceOnly = recommender.recommend(history, List.of(), 1, 0);
        List<Recommendation> tailFirst = recommender.recommend(history, List.of(), 1, 1);
        List<Recommendation> both = recommender.recommend(history, List.of(), 2, 1);

        assertEquals(List.of(1), itemsOf(relevanceOnly));
        assertEquals(List.of(2), itemsOf(tailFirst));
        assertEquals(0.790, tailFirst.get(0).score(), 1e-3);
        assertEquals(List.of(1, 2), itemsOf(both));
    }

    /*
     * One liked item (axis 0) gives one taste. Semantic cosines of items 1..4 are 0.707, 0,
     * 0.6, 0 (mean 0.327, best 0.707, rescaled 1, -0.859, 0.719, -0.859). Collaborative:
     * 1/(2*2) = 0.25, 2/(2*1) = 1, 0, 1/(2*sqrt 2) = 0.354. Popularity prior log(1+n)/log 5:
     * 1, 0.431, 0, 0.683. Relevance 1*collab + 0.5*semantic + 0.2*popularity:
     * 0.950, 0.657, 0.360, 0.061, an order none of the three signals gives alone.
     */
    @Test
    void tailWeightZeroGivesRelevanceOrder() {
        ItemIndex items = index(new int[] {4, 4, 1, 0, 2}, new float[][] {
            axis(4, 0), {1, 1, 0, 0}, axis(4, 1), {0.6f, 0, 0.8f, 0}, axis(4, 3)});
        CoOccurrence co = CoOccurrence.builder(5).add(0, 1, 1).add(0, 2, 2).add(0, 4, 1).build();
        Recommender recommender = new Recommender(items, co, settings(1, 0.5, 0.2, 0.5));

        List<Recommendation> list = recommender.recommend(List.of(liked(0, 1)), List.of(), 4, 0);

        assertEquals(List.of(1, 2, 3, 4), itemsOf(list));
        assertEquals(1.0, list.get(0).score(), 1e-3);
        assertEquals(0.670, list.get(1).score(), 1e-3);
        assertEquals(0.336, list.get(2).score(), 1e-3);
        assertEquals(0.0, list.get(3).score(), 1e-3);
    }

    @Test
    void excludesConsumedItems() {
        ItemIndex items = index(new int[] {5, 4, 3, 2, 1, 0}, new float[][] {
            axis(6, 0), axis(6, 1), axis(6, 2), axis(6, 3), axis(6, 4), axis(6, 5)});
        CoOccurrence co = CoOccurrence.builder(6).add(0, 1, 3).add(2, 3, 1).build();
        Recommender recommender = new Recommender(items, co, RankingSettings.defaults());
        List<Interaction> history = List.of(liked(0, 1), new Interaction(2, -0.8, 2), liked(0, 3));

        List<Integer> list = itemsOf(recommender.recommend(history, List.of(), 100, 0.5));

        assertEquals(Set.of(1, 3, 4, 5), Set.copyOf(list));
        assertEquals(4, list.size());
    }

    @Test
    void workingArraysReusedByTheNextCallCarryNothingOver() {
        ItemIndex items = index(new int[] {5, 4, 3, 2, 1, 0}, new float[][] {
            axis(6, 0), axis(6, 1), axis(6, 2), axis(6, 3), axis(6, 4), axis(6, 5)});
        CoOccurrence co = CoOccurrence.builder(6).add(0, 1, 3).add(2, 3, 1).build();
        Recommender reused = new Recommender(items, co, RankingSettings.defaults());
        reused.recommend(List.of(liked(0, 1), liked(3, 2)), List.of(), 100, 0.5);

        List<Interaction> next = List.of(liked(1, 1));
        List<Integer> list = itemsOf(reused.recommend(next, List.of(), 100, 0.5));

        Recommender fresh = new Recommender(items, co, RankingSettings.defaults());
        assertEquals(itemsOf(fresh.recommend(next, List.of(), 100, 0.5)), list);
        assertEquals(Set.of(0, 2, 3, 4, 5), Set.copyOf(list));
    }

    /*
     * Items 0 and 1 are the head. Tail item 5 was consumed by 5 users, 3 of whom also consumed the
     * user's item 0; tail item 7 by a single user, who also consumed item 0. By the shared
     * relevance (cosine balance, popularity prior) item 5 leads; the tail aspect divides by the
     * tail item's whole count (3/5 against 1/1), so its first pick is item 7.
     */
    @Test
    void tailPickFollowsItsFewConsumersNotItsPopularity() {
        float[][] rows = new float[10][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = axis(10, i);
        }
        ItemIndex items = index(new int[] {100, 90, 80, 70, 60, 5, 5, 1, 1, 1}, rows);
        CoOccurrence co = CoOccurrence.builder(10).add(0, 5, 3).add(0, 7, 1).build();
        Recommender recommender = new Recommender(items, co, settings(1, 0, 0.2, 0.8));

        List<Recommendation> byRelevance = recommender.recommend(List.of(liked(0, 1)), List.of(),
                2, 0);
        List<Recommendation> tailFirst = recommender.recommend(List.of(liked(0, 1)), List.of(),
                1, 1);

        assertEquals(5, byRelevance.get(0).item());
        assertEquals(List.of(7), itemsOf(tailFirst));
    }

    /*
     * Items 1..3 point almost the same way (cosine 0.995) and are the most relevant; item 4 is
     * distinct and less relevant. Only one of the three twins may lead.
     */
    @Test
    void nearDuplicatesDoNotCrowdTheTop() {
        ItemIndex items = index(new int[] {3, 3, 3, 3, 3}, new float[][] {
            axis(3, 0), {1, 0.1f, 0}, {1, 0.1f, 0.01f}, {1, 0.11f, 0}, {0.5f, 0, 1}});
        Recommender recommender = new Recommender(items, CoOccurrence.empty(5),
                settings(0, 1, 0, 0.5));

        List<Integer> list = itemsOf(recommender.recommend(List.of(liked(0, 1)), List.of(), 3, 0));

        assertEquals(4, list.get(1));
        assertTrue(Set.of(1, 2, 3).contains(list.get(0)));
        assertTrue(Set.of(1, 2, 3).contains(list.get(2)));
    }

    /*
     * Six recent items around axis 0 and two older ones around axis 4. Averaged into one vector
     * the second taste would lose to every first-taste candidate (cosine about 0.3 against
     * 0.85); as its own cluster it brings its candidates into the top four.
     */
    @Test
    void userWithTwoTastesGetsBoth() {
        float[][] rows = new float[16][];
        for (int i = 0; i < 6; i++) {
            rows[i] = axis(8, 0);
            rows[i][1 + i % 3] = 0.2f + 0.05f * i;
        }
        rows[6] = new float[] {0, 0, 0, 0, 1, 0, 0.3f, 0};
        rows[7] = new float[] {0, 0, 0, 0, 1, 0, 0, 0.3f};
        for (int c = 8; c < 14; c++) {
            rows[c] = axis(8, 0);
            rows[c][1 + c % 3] = 0.55f;
            rows[c][5] = 0.2f * (c - 8);
        }
        rows[14] = new float[] {0, 0, 0, 0, 1, 0, 0.5f, 0.1f};
        rows[15] = new float[] {0, 0, 0, 0, 1, 0.3f, 0, 0.5f};
        int[] popularity = new int[16];
        java.util.Arrays.fill(popularity, 2);
        Recommender recommender = new Recommender(index(popularity, rows), CoOccurrence.empty(16),
                RankingSettings.defaults());
        List<Interaction> history = List.of(liked(6, 1), liked(7, 2), liked(0, 10), liked(1, 11),
                liked(2, 12), liked(3, 13), liked(4, 14), liked(5, 15));

        List<Recommendation> list = recommender.recommend(history, List.of(), 4, 0);

        Recommendation second = list.stream().filter(r -> r.item() >= 14).findFirst().orElseThrow();
        assertTrue(Set.of("similar to T6, which you liked", "similar to T7, which you liked")
                .contains(second.reason()), second.reason());
    }

    /*
     * Item 4 was never consumed but points almost the way of the liked item (cosine 0.96).
     * Relevance: item 1 has all the collaborative evidence (1 - 0.1 + 0.1 = 1.0); item 4 has
     * the best semantic score (0.3) and no popularity; item 2 has a little of everything
     * (0.268 - 0.1 + 0.078 = 0.246).
     */
    @Test
    void itemWithoutInteractionsCanBeRecommended() {
        ItemIndex items = index(new int[] {9, 9, 5, 4, 0}, new float[][] {
            axis(4, 0), axis(4, 1), axis(4, 2), axis(4, 3), {1, 0, 0.3f, 0}});
        CoOccurrence co = CoOccurrence.builder(5).add(0, 1, 5).add(0, 2, 1).build();
        Recommender recommender = new Recommender(items, co, settings(1, 0.3, 0.1, 0.8));

        List<Recommendation> list = recommender.recommend(List.of(liked(0, 1)), List.of(), 2, 0);

        assertEquals(List.of(1, 4), itemsOf(list));
        assertEquals("similar to T0, which you liked", list.get(1).reason());
    }

    @Test
    void everyRecommendationCarriesAReason() {
        ItemIndex items = index(new int[] {9, 9, 5, 4, 0, 1}, new float[][] {
            axis(4, 0), axis(4, 1), axis(4, 2), axis(4, 3), {1, 0, 0.3f, 0}, {0, 0, 1, 1}});
        CoOccurrence co = CoOccurrence.builder(6).add(0, 1, 5).add(0, 2, 1).build();
        Recommender recommender = new Recommender(items, co, RankingSettings.defaults());
        Interest noir = new Interest("noir thrillers", 1, new float[] {0, 0, 0.7f, 0.7f});

        List<Recommendation> list = recommender.recommend(List.of(liked(0, 1)), List.of(noir), 5, 0);
        List<Recommendation> coldStart = recommender.recommend(List.of(), List.of(), 6, 0.3);

        assertTrue(list.stream().allMatch(r -> !r.reason().isBlank()));
        assertEquals("popular with people who liked T0", list.get(0).reason());
        assertTrue(list.stream()
                .anyMatch(r -> r.reason().equals("matches your interest in noir thrillers")));
        assertTrue(coldStart.stream().allMatch(r -> !r.reason().isBlank()));
        assertEquals(Set.of("popular now", "a lesser-known pick with a loyal audience",
                "new in the catalog"),
                coldStart.stream().map(Recommendation::reason).collect(Collectors.toSet()));
    }

    @Test
    void coldStartMixesPopularAndTailItems() {
        int n = 20;
        int[] popularity = new int[n];
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            popularity[i] = n - i;
            rows[i] = axis(n, i);
        }
        Recommender recommender = new Recommender(index(popularity, rows), CoOccurrence.empty(n),
                RankingSettings.defaults());
        ItemIndex items = index(popularity, rows);

        List<Integer> list = itemsOf(recommender.recommend(List.of(), List.of(), 6, 0.5));

        assertTrue(list.stream().anyMatch(items::isTail), list.toString());
        assertTrue(list.stream().anyMatch(i -> !items.isTail(i)), list.toString());
    }

    /*
     * Item 2 is closer to the liked item than item 1 (cosine 0.74 against 0.71) but also close
     * to the disliked item 3 (0.67), which costs it half of that.
     */
    @Test
    void dislikedItemPushesSimilarItemsDown() {
        ItemIndex items = index(new int[] {3, 3, 3, 3, 3, 3}, new float[][] {
            axis(3, 0), {1, 1, 0}, {1.1f, 0, 1}, axis(3, 2), axis(3, 1), {0, 1, 0.2f}});
        Recommender recommender = new Recommender(items, CoOccurrence.empty(6), settings(0, 1, 0, 0.5));
        List<Interaction> history = List.of(liked(0, 1), new Interaction(3, -1, 2));

        List<Integer> list = itemsOf(recommender.recommend(history, List.of(), 2, 0));

        assertEquals(List.of(1, 2), list);
    }

    @Test
    void similarLeavesOutTheItemItself() {
        ItemIndex items = index(new int[] {4, 3, 2, 1}, new float[][] {
            axis(3, 0), {1, 0.5f, 0}, axis(3, 1), axis(3, 2)});
        CoOccurrence co = CoOccurrence.builder(4).add(0, 2, 2).build();
        Recommender recommender = new Recommender(items, co, RankingSettings.defaults());

        List<Recommendation> list = recommender.similar(0, 3);

        assertFalse(itemsOf(list).contains(0));
        assertEquals(3, list.size());
        assertEquals("popular with people who liked T0", list.get(0).reason());
    }

    @Test
    void rejectsCountAndTailWeightOutOfRange() {
        ItemIndex items = index(new int[] {1, 1}, new float[][] {axis(2, 0), axis(2, 1)});
        Recommender recommender = new Recommender(items, CoOccurrence.empty(2), RankingSettings.defaults());

        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> recommender.recommend(List.of(), List.of(), 101, 0));
        IllegalArgumentException weight = assertThrows(IllegalArgumentException.class,
                () -> recommender.recommend(List.of(), List.of(), 5, 1.5));
        IllegalArgumentException item = assertThrows(IllegalArgumentException.class,
                () -> recommender.similar(7, 5));

        assertEquals("count must be 1..100, was 101", count.getMessage());
        assertEquals("tailWeight must be 0..1, was 1.5", weight.getMessage());
        assertEquals("item 7 is outside 0..1", item.getMessage());
    }
}
