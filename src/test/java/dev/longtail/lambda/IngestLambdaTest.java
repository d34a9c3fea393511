package dev.longtail.lambda;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longtail.config.AwsClients;
import dev.longtail.store.ItemStore;
import dev.longtail.store.Tables;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The ingest function behind the real Lambda entry point, fed the sample S3 notification: it
 * reads the upload from an S3-compatible server, stores the good rows in dynalite, reports the
 * bad one, writes its report back to S3 and queues the new items on an SQS-compatible server.
 */
@QuarkusTest
@TestProfile(LambdaProfiles.Ingest.class)
class IngestLambdaTest {

    private static final String KEY = "uploads/spring catalog@v2.csv";
    private static final Set<String> GOOD_ITEMS =
            Set.of("sp-001", "sp-002", "sp-003", "sp-004", "sp-006");

    @Test
    void uploadIsIngestedReportedAndItsNewItemsQueuedForEmbedding() throws Exception {
        AwsClients aws = LambdaTests.aws();
        S3Client s3 = aws.s3();
        s3.putObject(b -> b.bucket(LocalAwsResource.BUCKET).key(KEY),
                RequestBody.fromFile(Path.of("events/objects/spring-catalog-v2.csv")));

        given().contentType("application/json").body(LambdaTests.event("s3-put-catalog.json"))
                .when().post().then().statusCode(200)
                .body("key", contains(KEY))
                .body("[0].rejected", equalTo(1))
                .body("[0].rejections[0].line", equalTo(6))
                .body("[0].rejections[0].field", equalTo("title"));

        ItemStore items = new ItemStore(aws.dynamo(), Tables.defaults());
        assertEquals(GOOD_ITEMS, items.getAll(List.of("sp-001", "sp-002", "sp-003", "sp-004",
                "sp-005", "sp-006")).keySet());
        JsonNode report = new ObjectMapper().readTree(s3.getObjectAsBytes(b -> b
                .bucket(LocalAwsResource.BUCKET).key("reports/" + KEY + ".report.json")).asByteArray());
        assertEquals(1, report.path("rejected").asInt());
        String embedQueue = LambdaTests.queueUrl("longtail.queue.embed");
        String queued = aws.sqs().getQueueAttributes(b -> b.queueUrl(embedQueue)
                .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings()
                .get("ApproximateNumberOfMessages");
        assertTrue(Integer.parseInt(queued) > 0, "embed messages queued: " + queued);
    }
}
