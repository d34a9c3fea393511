package dev.longtail.interest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterestSummaryTest {

    private static final Instant NOW = Instant.parse("2018-09-26T10:00:00Z");

    private static InterestSummary summary(List<WeightedInterest> interests, String sentence) {
        return new InterestSummary(interests, sentence, "offline", NOW);
    }

    @Test
    void acceptsWeightOfExactlyOne() {
        assertEquals(1.0, new WeightedInterest("jazz", 1.0).weight());
    }

    @Test
    void rejectsWeightsOutsideZeroToOne() {
        for (double weight : new double[] {0, -0.1, 1.0001, Double.NaN, Double.POSITIVE_INFINITY}) {
            InvalidSummaryException e = assertThrows(InvalidSummaryException.class,
                    () -> new WeightedInterest("jazz", weight));
            assertTrue(e.getMessage().contains(Double.toString(weight)), e.getMessage());
        }
    }

    @Test
    void rejectsEmptyBlankAndOverlongPhrases() {
        assertThrows(InvalidSummaryException.class, () -> new WeightedInterest("", 0.5));
        assertThrows(InvalidSummaryException.class, () -> new WeightedInterest("   ", 0.5));
        assertThrows(InvalidSummaryException.class, () -> new WeightedInterest(null, 0.5));
        String sixty = "x".repeat(60);
        assertEquals(sixty, new WeightedInterest(sixty, 0.5).phrase());
        InvalidSummaryException e = assertThrows(InvalidSummaryException.class,
                () -> new WeightedInterest(sixty + "x", 0.5));
        assertTrue(e.getMessage().contains("was 61 characters"), e.getMessage());
    }

    @Test
    void rejectsControlAndInvisibleCharactersInPhrases() {
        assertThrows(InvalidSummaryException.class, () -> new WeightedInterest("jazz\nrock", 0.5));
        assertThrows(InvalidSummaryException.class, () -> new WeightedInterest("ja\u200Bzz", 0.5));
        InvalidSummaryException e = assertThrows(InvalidSummaryException.class,
                () -> new WeightedInterest("jazz\u202E", 0.5));
        assertTrue(e.getMessage().contains("U+202E"), e.getMessage());
    }

    @Test
    void countsPhraseLengthInCodePoints() {
        String emoji = "\uD83C\uDFB7".repeat(60);
        assertEquals(emoji, new WeightedInterest(emoji, 0.5).phrase());
    }

    @Test
    void requiresOneToEightInterests() {
        WeightedInterest jazz = new WeightedInterest("jazz", 0.5);
        assertThrows(InvalidSummaryException.class, () -> summary(List.of(), "Likes music."));
        assertThrows(InvalidSummaryException.class, () -> summary(null, "Likes music."));
        List<WeightedInterest> nine = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(new WeightedInterest("genre " + i, 0.5));
        }
        InvalidSummaryException e = assertThrows(InvalidSummaryException.class,
                () -> summary(nine, "Likes music."));
        assertTrue(e.getMessage().contains("held 9"), e.getMessage());
        assertEquals(8, summary(nine.subList(0, 8), "Likes music.").interests().size());
        assertThrows(InvalidSummaryException.class,
                () -> summary(Collections.singletonList(null), "Likes music."));
        assertEquals(1, summary(List.of(jazz), "Likes music.").interests().size());
    }

    @Test
    void rejectsRepeatedPhrasesIgnoringCase() {
        assertThrows(InvalidSummaryException.class, () -> summary(List.of(
                new WeightedInterest("Jazz", 0.5), new WeightedInterest("jazz", 0.4)), "Likes jazz."));
    }

    @Test
    void boundsSentenceLength() {
        List<WeightedInterest> jazz = List.of(new WeightedInterest("jazz", 0.5));
        assertEquals(300, summary(jazz, "s".repeat(300)).sentence().length());
        assertThrows(InvalidSummaryException.class, () -> summary(jazz, "s".repeat(301)));
        assertThrows(InvalidSummaryException.class, () -> summary(jazz, ""));
        assertThrows(InvalidSummaryException.class,
                () -> new InterestSummary(jazz, "Likes jazz.", "offline", null));
        assertThrows(InvalidSummaryException.class,
                () -> new InterestSummary(jazz, "Likes jazz.", " ", NOW));
    }

    @Test
    void interestListCannotBeChangedAfterConstruction() {
        List<WeightedInterest> source = new java.util.ArrayList<>(
                List.of(new WeightedInterest("jazz", 0.5)));
        InterestSummary summary = summary(source, "Likes jazz.");
        source.clear();
        assertEquals(1, summary.interests().size());
        assertThrows(UnsupportedOperationException.class, () -> summary.interests().clear());
    }

    @Test
    void storedJsonRoundTrips() {
        InterestSummary summary = new InterestSummary(List.of(new WeightedInterest("space opera", 0.8),
                new WeightedInterest("\"quoted\" noir", 0.25)), "Enjoys space opera.", "hosted:m", NOW);
        String json = InterestSummaryJson.toJson(summary);
        assertEquals("{\"interests\":[{\"phrase\":\"space opera\",\"weight\":0.8},"
                + "{\"phrase\":\"\\\"quoted\\\" noir\",\"weight\":0.25}],"
                + "\"sentence\":\"Enjoys space opera.\",\"source\":\"hosted:m\","
                + "\"createdAt\":\"2018-09-26T10:00:00Z\"}", json);
        assertEquals(summary, InterestSummaryJson.fromJson(json));
    }

    @Test
    void readsWellFormedModelAnswer() {
        InterestSummary summary = InterestSummaryJson.fromModelAnswer(
                "{\"interests\":[{\"phrase\":\"jazz\",\"weight\":1}],\"sentence\":\"Likes jazz.\"}",
                "hosted:m", NOW);
        assertEquals(List.of(new WeightedInterest("jazz", 1.0)), summary.interests());
        assertEquals("hosted:m", summary.source());
        assertEquals(NOW, summary.createdAt());
    }

    @Test
    void rejectsModelAnswersThatAreNotExactlyTheStructure() {
        String[] answers = {
            null,
            "",
            "  ",
            "not json",
            "<summary><interest>jazz</interest></summary>",
            "[]",
            "{\"interests\":[{\"phrase\":\"jazz\",\"weight\":0.5}]}",
            "{\"interests\":[{\"phrase\":\"jazz\",\"weight\":0.5}],\"sentence\":\"s\",\"extra\":1}",
            "{\"interests\":[{\"phrase\":\"jazz\",\"weight\":\"0.5\"}],\"sentence\":\"s\"}",
            "{\"interests\":[{\"phrase\":\"jazz\",\"weight\":0.5,\"why\":\"x\"}],\"sentence\":\"s\"}",
            "{\"interests\":[{\"phrase\":\"jazz\"}],\"sentence\":\"s\"}",
            "{\"interests\":[\"jazz\"],\"sentence\":\"s\"}",
            "{\"interests\":{\"phrase\":\"jazz\",\"weight\":0.5},\"sentence\":\"s\"}",
            "{\"interests\":[{\"phrase\":\"jazz\",\"weight\":0.5}],\"sentence\":42}",
            "{\"interests\":[{\"phrase\":\"jazz\",\"weight\":0.5}],\"sentence\":null}",
            "{\"interests\":[],\"sentence\":\"s\"}",
            "{\"interests\":[{\"phrase\":\"jazz\",\"weight\":0.5}],\"sentence\":\"s\"} trailing",
            "{\"interests\":[{\"phrase\":\"jazz\",\"weight\":0.5}],\"sentence\":\"a\",\"sentence\":\"b\"}",
            "```json\n{\"interests\":[{\"phrase\":\"jazz\",\"weight\":0.5}],\"sentence\":\"s\"}\n```",
        };
        for (String answer : answers) {
            assertThrows(InvalidSummaryException.class,
                    () -> InterestSummaryJson.fromModelAnswer(answer, "hosted:m", NOW),
                    String.valueOf(answer));
        }
    }

    @Test
    void storedFormRequiresSourceAndIsoTimestamp() {
        String interests = "{\"interests\":[{\"phrase\":\"jazz\",\"weight\":0.5}],\"sentence\":\"s\"";
        assertThrows(InvalidSummaryException.class, () -> InterestSummaryJson.fromJson(interests + "}"));
        InvalidSummaryException e = assertThrows(InvalidSummaryException.class,
                () -> InterestSummaryJson.fromJson(
                        interests + ",\"source\":\"offline\",\"createdAt\":\"yesterday\"}"));
        assertTrue(e.getMessage().contains("createdAt"), e.getMessage());
    }

    @Test
    void parseErrorsDoNotQuoteTheInput() {
        InvalidSummaryException e = assertThrows(InvalidSummaryException.class,
                () -> InterestSummaryJson.fromModelAnswer("secret-prompt-words {", "m", NOW));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }
}
