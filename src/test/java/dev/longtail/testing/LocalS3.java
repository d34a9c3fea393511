package dev.longtail.testing;

import dev.longtail.config.AwsClients;
import java.net.URI;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible server (S3Proxy over jclouds' in-memory blob store) on 127.0.0.1 and a free
 * port, shared by every test in the JVM. It checks AWS signatures against the fixed local
 * credentials that {@link AwsClients} uses with an endpoint override, so a client signing with
 * anything else is refused as it would be by S3.
 */
public final class LocalS3 {

    private static final String IDENTITY = "local";
    private static LocalS3 shared;

    private final S3Proxy proxy;
    private final S3Client client;

    private LocalS3(S3Proxy proxy) {
        this.proxy = proxy;
        this.client = new AwsClients(Optional.of(endpoint(proxy)), Optional.empty()).s3();
    }

    /** The shared server, started on first use; it stops with the JVM. */
    public static synchronized LocalS3 shared() {
        if (shared == null) {
            shared = new LocalS3(start());
        }
        return shared;
    }

    /** @return for example {@code http://127.0.0.1:41234} */
    public URI endpoint() {
        return endpoint(proxy);
    }

    /** A client of this server, as the functions build theirs for a local endpoint. */
    public S3Client client() {
        return client;
    }

    /** Creates the bucket unless it exists. */
    public LocalS3 bucket(String name) {
        if (client.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(name))) {
            client.createBucket(b -> b.bucket(name));
        }
        return this;
    }

    private static URI endpoint(S3Proxy proxy) {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    private static S3Proxy start() {
        Properties properties = new Properties();
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials(IDENTITY, IDENTITY).overrides(properties)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, IDENTITY, IDENTITY)
                .ignoreUnknownHeaders(true).build();
        try {
            proxy.start();
            // start() returns before Jetty has bound its port.
            while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
                Thread.sleep(5);
            }
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start on 127.0.0.1", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(proxy)));
        return proxy;
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception e) {
            // The JVM is exiting; there is nobody left to tell.
        }
    }
}
