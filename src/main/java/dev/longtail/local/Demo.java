package dev.longtail.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longtail.config.Components;
import dev.longtail.core.RankingSettings;
import dev.longtail.embed.EmbedFunction;
import dev.longtail.feedback.FeedbackFunction;
import dev.longtail.ingest.IngestFunction;
import dev.longtail.ingest.IngestReport;
import dev.longtail.ingest.S3Notification;
import dev.longtail.llm.Embedder;
import dev.longtail.objects.LocalObjects;
import dev.longtail.recommend.RecommendFunction;
import dev.longtail.store.TableSetup;
import dev.longtail.store.Tables;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Runs Longtail's whole job on this machine: a DynamoDB-compatible server (dynalite) on
 * 127.0.0.1, the MovieLens files uploaded through the ingest function, every queued message
 * delivered to the embed and feedback functions as SQS batches, recommendations printed for a
 * few users, and then the recommend routes served over HTTP until stopped.
 *
 * <pre>java ... dev.longtail.local.Demo [--data DIR] [--port 8080] [--users 1,2,3] [--no-serve]</pre>
 */
public final class Demo {

    private static final String BUCKET = "catalog";
    private static final List<String> FILES = List.of("movies.csv", "tags.csv", "ratings.csv");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FEEDBACK_CONCURRENCY = 4;
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("dev.longtail");

    private final DemoOptions options;
    private final MemoryQueue embedQueue = new MemoryQueue("longtail-embed");
    private final MemoryQueue feedbackQueue = new MemoryQueue("longtail-feedback");

    private Demo(DemoOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        // One log line per message would bury the demo's own progress lines.
        QUIET.setLevel(java.util.logging.Level.WARNING);
        new Demo(DemoOptions.parse(args)).run();
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        Path work = Files.createTempDirectory("longtail-demo");
        say("Starting dynalite on 127.0.0.1 ...");
        try (Dynalite dynalite = Dynalite.start(Path.of("."))) {
            DynamoDbClient dynamo = new dev.longtail.config.AwsClients(Optional.of(dynalite.endpoint()),
                    Optional.empty()).dynamo();
            Tables tables = Tables.defaults();
            TableSetup.createAll(dynamo, tables);
            say("dynalite at " + dynalite.endpoint() + ", tables created");

            Components components = new Components(tables, dynamo, () -> new LocalObjects(work),
                    () -> embedQueue, () -> feedbackQueue, Embedder::inProcess, Embedder.DEFAULT_SPACE,
                    RankingSettings.defaults());
            upload(work, components);
            deliverEmbeds(new EmbedFunction(components));
            deliverFeedback(new FeedbackFunction(components));
            summariseInterests(new EmbedFunction(components));
            RecommendFunction recommend = new RecommendFunction(components);
            printRecommendations(recommend);
            say(String.format("Whole run: %.1f s, peak heap %d MB", (System.nanoTime() - started) / 1e9,
                    peakHeapMegabytes()));
            if (options.serve()) {
                LocalHttp.serve(options.port(), recommend::recommend);
            }
        }
    }

    private void upload(Path work, Components components) throws IOException {
        IngestFunction ingest = new IngestFunction(components);
        for (String file : FILES) {
            String key = "uploads/ml-latest-small/" + file;
            Path target = work.resolve(BUCKET).resolve(key);
            Files.createDirectories(target.getParent());
            Files.copy(options.data().resolve(file), target);
            long t = System.nanoTime();
            say("Ingesting " + file + " ...");
            for (IngestReport report : ingest.ingest(notification(key))) {
                say(String.format("  %s: %,d rows, %,d new items, %,d changed, %,d tags, %,d interactions"
                        + " queued, %,d rejected (%.1f s); report in %s", file, report.rowsRead(),
                        report.itemsNew(), report.itemsChanged(), report.tagsApplied(),
                        report.interactionsQueued(), report.rejected(), (System.nanoTime() - t) / 1e9,
                        work.resolve(BUCKET).resolve("reports/" + key + ".report.json")));
            }
        }
    }

    /** The notification S3 sends for a put: the key form-encoded, as S3 does. */
    private static S3Notification notification(String key) throws IOException {
        String encoded = URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
        String event = """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
                "eventName":"ObjectCreated:Put","s3":{"s3SchemaVersion":"1.0",
                "bucket":{"name":"%s","arn":"arn:aws:s3:::%s"},"object":{"key":"%s","size":0}}}]}
                """.formatted(BUCKET, BUCKET, encoded);
        return JSON.readValue(event, S3Notification.class);
    }

    private void deliverEmbeds(EmbedFunction embed) {
        int total = embedQueue.size();
        say(String.format("Embedding items: %,d messages on the embed queue (in-process all-MiniLM-L6-v2) ...",
                total));
        long t = System.nanoTime();
        int done = 0;
        int embedded = 0;
        for (List<SQSMessage> batch = embedQueue.takeBatch(); !batch.isEmpty(); batch = embedQueue.takeBatch()) {
            for (SQSMessage message : batch) {
                embedded += embed.embed(message).embedded();
            }
            done += batch.size();
            if (done % 50 == 0 || done == total) {
                progress("embed", done, total, t);
            }
        }
        say(String.format("  %,d items embedded in %.1f s", embedded, (System.nanoTime() - t) / 1e9));
    }

    /** Delivers the profile messages the feedback asked for: one interest summary per user. */
    private void summariseInterests(EmbedFunction embed) {
        int total = embedQueue.size();
        say(String.format("Summarising interests: %,d profile messages (offline model) ...", total));
        long t = System.nanoTime();
        for (List<SQSMessage> batch = embedQueue.takeBatch(); !batch.isEmpty(); batch = embedQueue.takeBatch()) {
            batch.forEach(embed::embed);
        }
        say(String.format("  %,d summaries in %.1f s", total, (System.nanoTime() - t) / 1e9));
    }

    /**
     * Delivers the feedback queue as Lambda does: batches of ten messages, several batches at
     * once ({@link #FEEDBACK_CONCURRENCY}), one call per message. Ingest sends an uploaded log as
     * runs of up to 100 events of one user per message.
     *
     * <p>Known shortcoming: this is most of the demo's run time (about 3 minutes for MovieLens'
     * 100,836 ratings on 2 cores), because every event still costs one conditional counter update
     * and dynalite serves requests on a single thread.
     */
    private void deliverFeedback(FeedbackFunction feedback) throws InterruptedException {
        int total = feedbackQueue.size();
        say(String.format("Applying feedback: %,d messages on the feedback queue ...", total));
        long t = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger events = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(FEEDBACK_CONCURRENCY);
        for (int w = 0; w < FEEDBACK_CONCURRENCY; w++) {
            pool.execute(() -> {
                for (List<SQSMessage> batch = feedbackQueue.takeBatch(); !batch.isEmpty();
                        batch = feedbackQueue.takeBatch()) {
                    for (SQSMessage message : batch) {
                        try {
                            events.addAndGet(feedback.feedback(message).applied());
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                        }
                        int n = done.incrementAndGet();
                        if (n % 100 == 0 || n == total) {
                            progress("feedback messages", n, total, t);
                        }
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        say(String.format("  %,d events applied from %,d messages, %,d messages failed, in %.1f s",
                events.get(), done.get() - failed.get(), failed.get(), (System.nanoTime() - t) / 1e9));
    }

    private void printRecommendations(RecommendFunction recommend) throws IOException {
        for (String user : options.users()) {
            APIGatewayV2HTTPResponse response = recommend.recommend(LocalHttp.event("GET",
                    "/users/" + user + "/recommendations", Map.of("count", "10")));
            JsonNode body = JSON.readTree(response.getBody());
            say("");
            say(String.format("User %s: %d of %d recommendations are long-tail%s", user,
                    body.path("longTailCount").asInt(), body.path("items").size(),
                    body.path("coldStart").asBoolean() ? " (cold start)" : ""));
            for (JsonNode item : body.path("items")) {
                say(String.format("  %-4s %-50.50s %6.3f  pop %4d  %s", item.path("longTail").asBoolean()
                        ? "TAIL" : "", item.path("title").asText(), item.path("score").asDouble(),
                        item.path("popularity").asInt(), item.path("reason").asText()));
            }
        }
    }

    private static void progress(String step, int done, int total, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        say(String.format("  %s: %,d / %,d (%.0f%%), %.0f per second", step, done, total,
                100.0 * done / Math.max(1, total), done / Math.max(seconds, 1e-3)));
    }

    private static long peakHeapMegabytes() {
        long peak = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Command-line options of the demo. */
    record DemoOptions(Path data, int port, List<String> users, boolean serve) {

        static DemoOptions parse(String[] args) {
            Path data = Path.of("data/ml-latest-small");
            int port = 8080;
            List<String> users = List.of("1", "42", "414");
            boolean serve = true;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data" -> data = Path.of(value(args, ++i, "--data"));
                    case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                    case "--users" -> users = List.of(value(args, ++i, "--users").split(","));
                    case "--no-serve" -> serve = false;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; expected --data DIR, --port N, --users a,b,c or --no-serve");
                }
            }
            return new DemoOptions(data, port, new ArrayList<>(users), serve);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
