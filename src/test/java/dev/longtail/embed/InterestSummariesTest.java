package dev.longtail.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longtail.config.Components;
import dev.longtail.config.InterestSettings;
import dev.longtail.core.RankingSettings;
import dev.longtail.feedback.FeedbackFunction;
import dev.longtail.feedback.FeedbackMessage;
import dev.longtail.interest.ChatSettings;
import dev.longtail.interest.InterestModelException;
import dev.longtail.llm.Embedder;
import dev.longtail.objects.LocalObjects;
import dev.longtail.recommend.RecommendFunction;
import dev.longtail.store.ItemStore;
import dev.longtail.store.StoredItem;
import dev.longtail.store.UserEvent;
import dev.longtail.testing.OpenAiStub;
import dev.longtail.testing.TestStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Interest summaries end to end: feedback through the feedback function asks for a refresh, the
 * embed function makes the summary (hosted model on a local stub, or the offline model), and the
 * recommend function uses and shows it.
 */
class InterestSummariesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPACE_OPERA = "{\"interests\":[{\"phrase\":\"space opera\","
            + "\"weight\":0.9},{\"phrase\":\"home cooking\",\"weight\":0.5}],"
            + "\"sentence\":\"Cooks at home and dreams of space opera.\"}";

    private TestStack stack;
    private OpenAiStub stub;
    private int events;

    @BeforeEach
    void catalog() {
        stack = TestStack.fresh();
        stub = OpenAiStub.start().answerChatWith(SPACE_OPERA);
        List<StoredItem> items = List.of(
                item("c1", "Bread at Home", "cooking", "baking"),
                item("c2", "Weeknight Pasta", "cooking", "italian food"),
                item("c3", "Soup Season", "cooking", "comfort food"),
                item("c4", "One-Pan Dinners", "cooking", "quick meals"),
                item("s1", "Starfall Armada", "space opera", "science fiction"),
                item("s2", "The Nebula Crown", "space opera", "science fiction"),
                item("g1", "Rose Pruning Guide", "garden", "flowers"),
                item("j1", "Jazz Standards Songbook", "music", "jazz"),
                item("h1", "Mountain Trails of the Alps", "hiking", "travel"),
                item("k1", "Chess Openings Explained", "games", "chess"));
        new ItemStore(TestStack.dynamo(), stack.tables).putAll(items);
        stack.components.embed().embedItems(items.stream().map(StoredItem::id).toList());
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void hostedSummaryIsStoredShownAndCitedByRecommendations() throws Exception {
        Components hosted = hosted(3);

        rate(hosted, "7", 5.0, "c1", "c2", "c3");
        assertEquals(1, stack.embedQueue.size());
        deliverEmbeds(hosted);

        JsonNode interests = get(hosted, "/users/7/interests", 200);
        assertEquals("space opera", interests.path("interests").get(0).path("phrase").asText());
        assertEquals(0.9, interests.path("interests").get(0).path("weight").asDouble());
        assertEquals("hosted:test-chat", interests.path("source").asText());
        assertFalse(interests.path("sentence").asText().isEmpty());
        Instant.parse(interests.path("createdAt").asText());
        JsonNode list = get(hosted, "/users/7/recommendations?count=5", 200);
        assertTrue(reasonFor(list, "s1").equals("matches your interest in space opera")
                || reasonFor(list, "s2").equals("matches your interest in space opera"),
                list.toString());
        assertEquals(1, chatRequests());
    }

    @Test
    void offlineSummaryServesWhenNoChatModelIsConfigured() throws Exception {
        rate(stack.components, "1", 5.0, "s1", "s2", "c1");
        stack.embedQueue.takeBatch();

        for (SQSMessage message : TestStack.event("sqs-embed-batch.json", SQSEvent.class)
                .getRecords()) {
            new EmbedFunction(stack.components).embed(message);
        }

        JsonNode interests = get(stack.components, "/users/1/interests", 200);
        assertEquals("offline", interests.path("source").asText());
        List<String> phrases = new ArrayList<>();
        interests.path("interests").forEach(i -> phrases.add(i.path("phrase").asText()));
        assertTrue(phrases.contains("space opera"), phrases.toString());
        JsonNode list = get(stack.components, "/users/1/recommendations?count=7", 200);
        assertEquals(7, list.path("items").size());
        assertEquals(0, stub.requests().size());
    }

    @Test
    void unchangedHistoryAsksTheModelOnce() throws Exception {
        Components hosted = hosted(3);
        rate(hosted, "7", 4.0, "c1", "c2", "c3");
        deliverEmbeds(hosted);

        InterestService.Outcome again = hosted.interests().refresh("7");

        assertEquals(InterestService.Outcome.UNCHANGED, again);
        assertEquals(1, chatRequests());
    }

    @Test
    void rateLimitFailsTheMessageAndTheOfflineSummaryStandsInUntilTheRetry() throws Exception {
        Components hosted = hosted(1);
        rate(hosted, "7", 5.0, "c1", "c2", "c3");
        stub.enqueue(OpenAiStub.Response.rateLimited());
        SQSMessage profile = stack.embedQueue.takeBatch().get(0);

        InterestRefreshException failed = assertThrows(InterestRefreshException.class,
                () -> new EmbedFunction(hosted).embed(profile));
        JsonNode meanwhile = get(hosted, "/users/7/interests", 200);
        new EmbedFunction(hosted).embed(profile);

        assertEquals(InterestModelException.Kind.RATE_LIMITED, failed.kind());
        assertEquals("offline", meanwhile.path("source").asText());
        assertEquals("hosted:test-chat", get(hosted, "/users/7/interests", 200)
                .path("source").asText());
        assertEquals(2, chatRequests());
    }

    @Test
    void serverErrorFailsTheMessageAndKeepsTheLastGoodSummary() throws Exception {
        Components hosted = hosted(1);
        JsonNode before = summaryThenOneMoreEvent(hosted);
        stub.enqueue(OpenAiStub.Response.serverError());

        InterestRefreshException failed = assertThrows(InterestRefreshException.class,
                () -> hosted.interests().refresh("7"));

        assertEquals(InterestModelException.Kind.SERVER_ERROR, failed.kind());
        assertEquals(before, get(hosted, "/users/7/interests", 200));
    }

    @Test
    void invalidAnswerKeepsTheLastGoodSummaryWithoutRetrying() throws Exception {
        Components hosted = hosted(1);
        JsonNode before = summaryThenOneMoreEvent(hosted);
        stub.enqueue(OpenAiStub.Response.chat("this is not JSON"));

        InterestService.Outcome outcome = hosted.interests().refresh("7");

        assertEquals(InterestService.Outcome.KEPT, outcome);
        assertEquals(before, get(hosted, "/users/7/interests", 200));
    }

    @Test
    void burstOfFeedbackQueuesOneProfileMessage() {
        String[] items = {"c1", "c2", "c3", "c4", "s1", "s2", "g1", "j1", "h1", "k1"};
        FeedbackFunction feedback = new FeedbackFunction(stack.components);

        for (int i = 0; i < 50; i++) {
            feedback.feedback(message(new UserEvent("burst-" + i, "9", items[i % items.length],
                    "view", null, null, Instant.ofEpochSecond(1_537_956_000L + i))));
        }

        assertEquals(1, stack.embedQueue.size());
        assertEquals(EmbedMessage.forProfile("9"), stack.embedQueue.takeBatch().get(0).getBody());
    }

    @Test
    void laterRefreshWaitsForTheConfiguredNumberOfEvents() {
        rate(stack.components, "7", 5.0, "c1", "c2", "c3");
        deliverEmbeds(stack.components);

        rate(stack.components, "7", 4.0, "s1", "s2", "g1", "j1", "h1", "k1", "c4");
        int afterSeven = stack.embedQueue.size();
        rate(stack.components, "7", 4.0, "c1", "c2", "c3");

        assertEquals(0, afterSeven);
        assertEquals(1, stack.embedQueue.size());
    }

    @Test
    void deletingTheUserRemovesTheSummary() throws Exception {
        rate(stack.components, "610", 5.0, "s1", "s2", "c1");
        deliverEmbeds(stack.components);
        get(stack.components, "/users/610/interests", 200);

        APIGatewayV2HTTPResponse deleted = new RecommendFunction(stack.components)
                .recommend(TestStack.event("http-delete-user.json", APIGatewayV2HTTPEvent.class));

        JsonNode body = JSON.readTree(deleted.getBody());
        assertEquals(3, body.path("eventsDeleted").asInt());
        assertTrue(body.path("profileDeleted").asBoolean());
        assertTrue(body.path("interestsDeleted").asBoolean());
        get(stack.components, "/users/610/interests", 404);
    }

    /** @return the summary made from three ratings, before a fourth rating changed the history */
    private JsonNode summaryThenOneMoreEvent(Components hosted) throws Exception {
        rate(hosted, "7", 5.0, "c1", "c2", "c3");
        deliverEmbeds(hosted);
        JsonNode before = get(hosted, "/users/7/interests", 200);
        rate(hosted, "7", 2.0, "g1");
        return before;
    }

    private Components hosted(int maxAttempts) {
        InterestSettings settings = InterestSettings.offline().withChat(() -> new ChatSettings(
                stub.baseUrl(), "test-chat", "test-key", Duration.ofSeconds(5), maxAttempts,
                false));
        return new Components(stack.tables, TestStack.dynamo(), () -> new LocalObjects(stack.objects),
                () -> stack.embedQueue, () -> stack.feedbackQueue, TestStack::embedder,
                Embedder.DEFAULT_SPACE, RankingSettings.defaults(), settings);
    }

    private void rate(Components components, String userId, double stars, String... itemIds) {
        FeedbackFunction feedback = new FeedbackFunction(components);
        for (String itemId : itemIds) {
            events++;
            feedback.feedback(message(new UserEvent("e-" + events, userId, itemId, "rating",
                    stars, null, Instant.ofEpochSecond(1_537_956_000L + events))));
        }
    }

    private void deliverEmbeds(Components components) {
        EmbedFunction embed = new EmbedFunction(components);
        for (List<SQSMessage> batch = stack.embedQueue.takeBatch(); !batch.isEmpty();
                batch = stack.embedQueue.takeBatch()) {
            batch.forEach(embed::embed);
        }
    }

    private long chatRequests() {
        return stub.requests().stream().filter(r -> r.path().endsWith("/chat/completions")).count();
    }

    private static SQSMessage message(UserEvent event) {
        SQSMessage message = new SQSMessage();
        message.setMessageId("m-" + event.eventId());
        message.setBody(FeedbackMessage.write(event));
        return message;
    }

    private static JsonNode get(Components components, String pathAndQuery, int status)
            throws Exception {
        APIGatewayV2HTTPEvent request = TestStack.event("http-interests.json",
                APIGatewayV2HTTPEvent.class);
        int query = pathAndQuery.indexOf('?');
        request.setRawPath(query < 0 ? pathAndQuery : pathAndQuery.substring(0, query));
        request.setRawQueryString(query < 0 ? "" : pathAndQuery.substring(query + 1));
        request.setQueryStringParameters(null);
        APIGatewayV2HTTPResponse response = new RecommendFunction(components).recommend(request);
        assertEquals(status, response.getStatusCode(), response.getBody());
        return JSON.readTree(response.getBody());
    }

    private static String reasonFor(JsonNode list, String itemId) {
        for (JsonNode item : list.path("items")) {
            if (item.path("itemId").asText().equals(itemId)) {
                return item.path("reason").asText();
            }
        }
        return "";
    }

    private static StoredItem item(String id, String title, String... tags) {
        return new StoredItem(id, title, "", List.of(tags), List.of(), Map.of());
    }
}
