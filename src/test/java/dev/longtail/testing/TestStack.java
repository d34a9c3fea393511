package dev.longtail.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longtail.config.AwsClients;
import dev.longtail.config.Components;
import dev.longtail.core.RankingSettings;
import dev.longtail.llm.Embedder;
import dev.longtail.local.Dynalite;
import dev.longtail.local.MemoryQueue;
import dev.longtail.objects.LocalObjects;
import dev.longtail.objects.ObjectStore;
import dev.longtail.queue.MessageQueue;
import dev.longtail.store.TableSetup;
import dev.longtail.store.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A real dynalite server on 127.0.0.1, shared by every test in the JVM, and per test a fresh set
 * of tables, an objects folder and in-memory queues wired into {@link Components} exactly as the
 * deployed functions are, with the real in-process embedding model.
 */
public final class TestStack {

    private static final AtomicInteger TABLE_SETS = new AtomicInteger();
    private static Dynalite dynalite;
    private static DynamoDbClient dynamo;
    private static Embedder embedder;

    public final Tables tables;
    public final Path objects;
    public final MemoryQueue embedQueue = new MemoryQueue("embed");
    public final MemoryQueue feedbackQueue = new MemoryQueue("feedback");
    public final Components components;

    private TestStack(Tables tables, Path objects) {
        this.tables = tables;
        this.objects = objects;
        this.components = components(new LocalObjects(objects), embedQueue);
    }

    /**
     * Components on this stack's tables that read uploads from and write reports to
     * {@code objects} (S3 through a local server, say) and send embed requests to
     * {@code embedQueue}; feedback still goes to the in-memory {@link #feedbackQueue}.
     */
    public Components components(ObjectStore objects, MessageQueue embedQueue) {
        return new Components(tables, dynamo(), () -> objects, () -> embedQueue,
                () -> feedbackQueue, TestStack::embedder, Embedder.DEFAULT_SPACE,
                RankingSettings.defaults());
    }

    /** A new, empty set of tables on the shared server. */
    public static TestStack fresh() {
        int n = TABLE_SETS.incrementAndGet();
        Tables tables = new Tables("items-" + n, "vectors-" + n, "events-" + n, "stats-" + n, "profiles-" + n);
        TableSetup.createAll(dynamo(), tables);
        try {
            return new TestStack(tables, Files.createTempDirectory("longtail-objects"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized DynamoDbClient dynamo() {
        if (dynamo == null) {
            dynamo = new AwsClients(Optional.of(dynalite().endpoint()), Optional.empty()).dynamo();
        }
        return dynamo;
    }

    public static synchronized Dynalite dynalite() {
        if (dynalite == null) {
            dynalite = Dynalite.start(Path.of("."));
        }
        return dynalite;
    }

    public static synchronized Embedder embedder() {
        if (embedder == null) {
            embedder = Embedder.inProcess();
        }
        return embedder;
    }

    /** Places a file in the objects folder, as an upload would. */
    public void put(String bucket, String key, Path source) throws IOException {
        Path target = objects.resolve(bucket).resolve(key);
        Files.createDirectories(target.getParent());
        Files.copy(source, target);
    }

    /** Reads a sample event from {@code events/} as the Lambda runtime would deserialise it. */
    public static <T> T event(String file, Class<T> type) {
        try {
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .configure(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
                    .readValue(Path.of("events", file).toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
