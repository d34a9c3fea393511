package dev.longtail.lambda;

import dev.longtail.store.TableSetup;
import dev.longtail.store.Tables;
import dev.longtail.testing.LocalS3;
import dev.longtail.testing.LocalSqs;
import dev.longtail.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/**
 * Points a Quarkus test application at local servers on 127.0.0.1, each AWS client at its own:
 * DynamoDB at dynalite (with the default table names), S3 at S3Proxy (with the catalog bucket of
 * the sample events) and SQS at ElasticMQ (with an embed and a feedback queue of this run).
 */
public class LocalAwsResource implements QuarkusTestResourceLifecycleManager {

    /** The bucket the sample S3 events name. */
    public static final String BUCKET = "longtail-catalog-3f1c2a9e-7d41-4b8a-9e26-5c0d8f4a1b77";

    @Override
    public Map<String, String> start() {
        TableSetup.createAll(TestStack.dynamo(), Tables.defaults());
        LocalS3 s3 = LocalS3.shared().bucket(BUCKET);
        LocalSqs sqs = LocalSqs.shared();
        String run = UUID.randomUUID().toString();
        return Map.of(
                "longtail.aws.endpoint", TestStack.dynalite().endpoint().toString(),
                "longtail.aws.s3-endpoint", s3.endpoint().toString(),
                "longtail.aws.sqs-endpoint", sqs.endpoint().toString(),
                "longtail.queue.embed", sqs.queue("embed-" + run),
                "longtail.queue.feedback", sqs.queue("feedback-" + run));
    }

    @Override
    public void stop() {
        // The servers are shared by all tests and stop with the JVM.
    }
}
