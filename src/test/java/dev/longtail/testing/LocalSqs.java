package dev.longtail.testing;

import dev.longtail.config.AwsClients;
import java.net.URI;
import java.util.Optional;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An SQS-compatible server (ElasticMQ, in memory) on 127.0.0.1 and a free port, shared by
 * every test in the JVM.
 */
public final class LocalSqs {

    private static LocalSqs shared;

    private final URI endpoint;
    private final SqsClient client;

    private LocalSqs(URI endpoint) {
        this.endpoint = endpoint;
        this.client = new AwsClients(Optional.of(endpoint), Optional.empty()).sqs();
    }

    /** The shared server, started on first use; it stops with the JVM. */
    public static synchronized LocalSqs shared() {
        if (shared == null) {
            SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                    .start();
            int port = server.waitUntilStarted().localAddress().getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndWait));
            shared = new LocalSqs(URI.create("http://127.0.0.1:" + port));
        }
        return shared;
    }

    /** @return for example {@code http://127.0.0.1:41234} */
    public URI endpoint() {
        return endpoint;
    }

    /** A client of this server, as the functions build theirs for a local endpoint. */
    public SqsClient client() {
        return client;
    }

    /** Creates the queue (or finds the existing one) and returns its URL. */
    public String queue(String name) {
        return client.createQueue(b -> b.queueName(name)).queueUrl();
    }
}
