package dev.longtail.lambda;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The feedback function behind the real Lambda entry point (Funqy's stream handler, driven by
 * the Quarkus mock event server on loopback): the runtime splits the SQS batch into one call per
 * message and reports exactly the malformed message as a batch item failure.
 */
@QuarkusTest
@TestProfile(LambdaProfiles.Feedback.class)
class FeedbackLambdaTest {

    @Test
    void onlyTheMalformedMessageIsReportedAsABatchItemFailure() throws Exception {
        String batch = Files.readString(Path.of("events/sqs-feedback-batch.json"));

        given().contentType("application/json").body(batch).when().post().then().statusCode(200)
                .body("batchItemFailures.itemIdentifier", contains("5a0c0000-0000-4000-8000-000000000009"));
    }

    @Test
    void redeliveredBatchFailsNothingAndCountsNothingTwice() throws Exception {
        String batch = Files.readString(Path.of("events/sqs-feedback-duplicate.json"));

        given().contentType("application/json").body(batch).when().post().then().statusCode(200)
                .body("batchItemFailures", empty());
        given().contentType("application/json").body(batch).when().post().then().statusCode(200)
                .body("batchItemFailures", empty());
    }
}
