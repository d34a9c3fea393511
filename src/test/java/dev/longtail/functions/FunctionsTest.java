package dev.longtail.functions;

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
import dev.longtail.embed.EmbedFunction;
import dev.longtail.feedback.FeedbackFunction;
import dev.longtail.feedback.InvalidFeedbackException;
import dev.longtail.ingest.IngestFunction;
import dev.longtail.ingest.IngestReport;
import dev.longtail.ingest.S3Notification;
import dev.longtail.recommend.RecommendFunction;
import dev.longtail.store.EventStore;
import dev.longtail.store.StatsStore;
import dev.longtail.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The four functions end to end on the sample events in {@code events/}: a real dynalite server,
 * the real in-process embedding model, and the SQS batches split one message per call as the
 * Lambda runtime does.
 */
class FunctionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "longtail-catalog-3f1c2a9e-7d41-4b8a-9e26-5c0d8f4a1b77";

    private TestStack stack;

    @BeforeEach
    void freshTables() {
        stack = TestStack.fresh();
    }

    @Test
    void ingestDecodesTheKeyReportsTheBadRowAndKeepsTheGoodOnes() throws Exception {
        stack.put(BUCKET, "uploads/spring catalog@v2.csv", Path.of("events/objects/spring-catalog-v2.csv"));

        IngestReport report = ingest("s3-put-catalog.json");

        assertEquals("uploads/spring catalog@v2.csv", report.key());
        assertEquals(1, report.rejected());
        assertEquals(6, report.rejections().get(0).line());
        assertEquals("title", report.rejections().get(0).field());
        assertEquals(report.rowsRead() - 1, report.itemsNew());
        assertTrue(Files.exists(stack.objects.resolve(BUCKET)
                .resolve("reports/uploads/spring catalog@v2.csv.report.json")));
    }

    @Test
    void reuploadingTheSameCatalogChangesNothingAndEmbedsNothing() throws Exception {
        stack.put(BUCKET, "uploads/spring catalog@v2.csv", Path.of("events/objects/spring-catalog-v2.csv"));
        IngestReport first = ingest("s3-put-catalog.json");
        int embedMessages = stack.embedQueue.size();

        IngestReport second = ingest("s3-put-catalog.json");

        assertTrue(first.itemsNew() > 0);
        assertEquals(0, second.itemsNew());
        assertEquals(0, second.itemsChanged());
        assertEquals(first.itemsNew(), second.itemsUnchanged());
        assertEquals(embedMessages, stack.embedQueue.size());
    }

    @Test
    void embedStoresVectorsOnceAndSkipsUnchangedText() throws Exception {
        loadSpringCatalog();
        EmbedFunction embed = new EmbedFunction(stack.components);

        int again = 0;
        for (SQSMessage message : stack.embedQueue.takeBatch()) {
            again += embed.embed(message).embedded();
        }

        assertEquals(0, again);
    }

    @Test
    void feedbackBatchFailsOnlyTheMalformedMessage() {
        FeedbackFunction feedback = new FeedbackFunction(stack.components);
        List<String> failures = new ArrayList<>();

        for (SQSMessage message : TestStack.event("sqs-feedback-batch.json", SQSEvent.class).getRecords()) {
            try {
                feedback.feedback(message);
            } catch (InvalidFeedbackException e) {
                failures.add(message.getMessageId());
                assertEquals("userId", e.field());
            }
        }

        assertEquals(List.of("5a0c0000-0000-4000-8000-000000000009"), failures);
        EventStore events = new EventStore(TestStack.dynamo(), stack.tables);
        assertEquals(4, events.history("1").size());
        assertEquals(2, events.history("7").size());
    }

    @Test
    void redeliveredEventCountsOnce() {
        FeedbackFunction feedback = new FeedbackFunction(stack.components);
        List<Integer> applied = new ArrayList<>();

        for (SQSMessage message : TestStack.event("sqs-feedback-duplicate.json", SQSEvent.class).getRecords()) {
            applied.add(feedback.feedback(message).applied());
        }
        SQSMessage again = TestStack.event("sqs-feedback-duplicate.json", SQSEvent.class).getRecords().get(0);
        applied.add(feedback.feedback(again).applied());

        assertEquals(List.of(1, 0, 0), applied);
        StatsStore.Counts counts = new StatsStore(TestStack.dynamo(), stack.tables).load();
        assertEquals(1, counts.popularity().values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void runWithABadEventAppliesTheGoodOnesThenFailsNamingTheBadOne() {
        FeedbackFunction feedback = new FeedbackFunction(stack.components);
        SQSMessage message = new SQSMessage();
        message.setMessageId("run-1");
        message.setBody("""
                {"events":[
                 {"eventId":"a","userId":"9","itemId":"1","type":"rating","value":5,"timestamp":"2018-01-01T00:00:00Z"},
                 {"eventId":"b","userId":"9","itemId":"2","type":"rating","value":9,"timestamp":"2018-01-02T00:00:00Z"},
                 {"eventId":"c","userId":"9","itemId":"3","type":"like","timestamp":"2018-01-03T00:00:00Z"}]}
                """);

        InvalidFeedbackException first = assertThrows(InvalidFeedbackException.class,
                () -> feedback.feedback(message));
        InvalidFeedbackException retried = assertThrows(InvalidFeedbackException.class,
                () -> feedback.feedback(message));

        assertEquals("events[1].value", first.field());
        assertEquals("events[1].value", retried.field());
        assertEquals(2, new EventStore(TestStack.dynamo(), stack.tables).history("9").size());
        StatsStore.Counts counts = new StatsStore(TestStack.dynamo(), stack.tables).load();
        assertEquals(1, counts.popularity().get("1"));
        assertEquals(1, counts.popularity().get("3"));
        assertEquals(1, counts.coCounts().get("3").get("1"));
    }

    @Test
    void recommendAnswersListsBadParametersAndUnknownItems() throws Exception {
        loadSpringCatalog();
        RecommendFunction recommend = new RecommendFunction(stack.components);

        JsonNode list = body(recommend.recommend(http("http-recommendations.json")), 200);
        APIGatewayV2HTTPResponse badCount = recommend.recommend(http("http-bad-count.json"));
        APIGatewayV2HTTPResponse unknown = recommend.recommend(http("http-unknown-item.json"));

        assertTrue(list.path("coldStart").asBoolean());
        assertEquals(5, list.path("items").size());
        for (JsonNode item : list.path("items")) {
            assertFalse(item.path("title").asText().isEmpty());
            assertFalse(item.path("reason").asText().isEmpty());
            assertTrue(item.has("popularity") && item.has("longTail") && item.has("score"));
        }
        JsonNode bad = body(badCount, 400);
        assertEquals("count", bad.path("parameter").asText());
        assertEquals("abc", bad.path("value").asText());
        assertEquals(404, unknown.getStatusCode());
    }

    @Test
    void similarItemsOfAKnownItemExcludeTheItemItself() throws Exception {
        loadSpringCatalog();
        RecommendFunction recommend = new RecommendFunction(stack.components);
        APIGatewayV2HTTPEvent request = http("http-similar.json");
        request.setRawPath("/items/sp-001/similar");

        JsonNode similar = body(recommend.recommend(request), 200);

        assertTrue(similar.path("items").size() > 0);
        for (JsonNode item : similar.path("items")) {
            assertFalse(item.path("itemId").asText().equals("sp-001"));
        }
    }

    @Test
    void malformedEmbedMessageIsRejectedNamingTheField() {
        SQSMessage message = new SQSMessage();
        message.setMessageId("m-1");
        message.setBody("{\"kind\":\"items\",\"itemIds\":[]}");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EmbedFunction(stack.components).embed(message));

        assertTrue(e.getMessage().startsWith("itemIds"), e.getMessage());
    }

    private void loadSpringCatalog() throws Exception {
        stack.put(BUCKET, "uploads/spring catalog@v2.csv", Path.of("events/objects/spring-catalog-v2.csv"));
        ingest("s3-put-catalog.json");
        EmbedFunction embed = new EmbedFunction(stack.components);
        for (List<SQSMessage> batch = stack.embedQueue.takeBatch(); !batch.isEmpty();
                batch = stack.embedQueue.takeBatch()) {
            for (SQSMessage message : batch) {
                embed.embed(message);
            }
        }
        stack.embedQueue.sendAll(List.of(dev.longtail.embed.EmbedMessage.forItems(List.of("sp-001", "sp-002"))));
    }

    private IngestReport ingest(String event) {
        List<IngestReport> reports = new IngestFunction(stack.components)
                .ingest(TestStack.event(event, S3Notification.class));
        assertEquals(1, reports.size());
        return reports.get(0);
    }

    private static APIGatewayV2HTTPEvent http(String file) {
        return TestStack.event(file, APIGatewayV2HTTPEvent.class);
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response, int status) throws Exception {
        assertEquals(status, response.getStatusCode(), response.getBody());
        return JSON.readTree(response.getBody());
    }
}
