package dev.longtail.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longtail.config.Components;
import dev.longtail.embed.EmbedFunction;
import dev.longtail.ingest.IngestFunction;
import dev.longtail.ingest.IngestReport;
import dev.longtail.ingest.S3Notification;
import dev.longtail.llm.Embedder;
import dev.longtail.objects.S3Objects;
import dev.longtail.queue.SqsQueue;
import dev.longtail.store.ItemStore;
import dev.longtail.store.VectorStore;
import dev.longtail.testing.LocalS3;
import dev.longtail.testing.LocalSqs;
import dev.longtail.testing.TestStack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Ingest and embed wired as deployed, on real local servers: the upload is read from and the
 * report written to an S3-compatible server (S3Proxy), embed requests cross an SQS-compatible
 * queue (ElasticMQ), and the tables live in dynalite.
 */
class LocalAwsTest {

    private static final String BUCKET = "longtail-catalog-3f1c2a9e-7d41-4b8a-9e26-5c0d8f4a1b77";
    private static final String KEY = "uploads/spring catalog@v2.csv";
    private static final List<String> GOOD_ITEMS =
            List.of("sp-001", "sp-002", "sp-003", "sp-004", "sp-006");

    private TestStack stack;
    private LocalS3 s3;
    private LocalSqs sqs;
    private String embedQueueUrl;
    private Components components;

    @BeforeEach
    void freshServers() {
        stack = TestStack.fresh();
        s3 = LocalS3.shared().bucket(BUCKET);
        sqs = LocalSqs.shared();
        embedQueueUrl = sqs.queue("embed-" + UUID.randomUUID());
        components = stack.components(new S3Objects(s3.client()),
                new SqsQueue(sqs.client(), embedQueueUrl));
        s3.client().putObject(b -> b.bucket(BUCKET).key(KEY),
                RequestBody.fromFile(Path.of("events/objects/spring-catalog-v2.csv")));
    }

    @Test
    void ingestReadsTheUploadFromS3AndWritesItsReportBesideIt() throws Exception {
        IngestReport report = ingest();

        assertEquals(KEY, report.key());
        assertEquals(Set.copyOf(GOOD_ITEMS),
                new ItemStore(TestStack.dynamo(), stack.tables).getAll(itemIds()).keySet());
        assertEquals(1, report.rejected());
        assertEquals(6, report.rejections().get(0).line());
        assertEquals("title", report.rejections().get(0).field());
        JsonNode written = new ObjectMapper().readTree(s3.client().getObjectAsBytes(
                b -> b.bucket(BUCKET).key("reports/" + KEY + ".report.json")).asByteArray());
        assertEquals(KEY, written.path("key").asText());
        assertEquals(6, written.path("rejections").path(0).path("line").asInt());
    }

    @Test
    void embedRequestsCrossTheQueueAndEveryIngestedItemGetsAVector() {
        ingest();
        EmbedFunction embed = new EmbedFunction(components);

        int messages = 0;
        for (List<Message> batch = receive(); !batch.isEmpty(); batch = receive()) {
            for (Message message : batch) {
                embed.embed(asLambdaMessage(message));
                sqs.client().deleteMessage(b -> b.queueUrl(embedQueueUrl)
                        .receiptHandle(message.receiptHandle()));
                messages++;
            }
        }

        assertTrue(messages > 0);
        VectorStore vectors = new VectorStore(TestStack.dynamo(), stack.tables);
        Set<String> embedded = new TreeSet<>();
        vectors.loadAll(Embedder.DEFAULT_SPACE).forEach(v -> embedded.add(v.itemId()));
        assertEquals(new TreeSet<>(GOOD_ITEMS), embedded);
        assertFalse(embedded.contains("sp-005"));
    }

    private IngestReport ingest() {
        List<IngestReport> reports = new IngestFunction(components)
                .ingest(TestStack.event("s3-put-catalog.json", S3Notification.class));
        assertEquals(1, reports.size());
        return reports.get(0);
    }

    private static List<String> itemIds() {
        List<String> ids = new ArrayList<>(GOOD_ITEMS);
        ids.add("sp-005");
        return ids;
    }

    private List<Message> receive() {
        return sqs.client().receiveMessage(b -> b.queueUrl(embedQueueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(0)).messages();
    }

    /** The message as the Lambda runtime hands it to the function. */
    private SQSMessage asLambdaMessage(Message message) {
        SQSMessage lambda = new SQSMessage();
        lambda.setMessageId(message.messageId());
        lambda.setReceiptHandle(message.receiptHandle());
        lambda.setBody(message.body());
        lambda.setEventSource("aws:sqs");
        return lambda;
    }
}
