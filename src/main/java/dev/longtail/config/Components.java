package dev.longtail.config;

import dev.longtail.core.RankingSettings;
import dev.longtail.embed.EmbedService;
import dev.longtail.feedback.FeedbackService;
import dev.longtail.ingest.IngestService;
import dev.longtail.llm.Embedder;
import dev.longtail.objects.ObjectStore;
import dev.longtail.queue.MessageQueue;
import dev.longtail.recommend.RecommendApi;
import dev.longtail.recommend.RecommendService;
import dev.longtail.store.EventStore;
import dev.longtail.store.ItemStore;
import dev.longtail.store.ProfileStore;
import dev.longtail.store.StatsStore;
import dev.longtail.store.Tables;
import dev.longtail.store.VectorStore;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the services of the four functions from their parts. The deployed functions get it from
 * CDI ({@link ComponentsProducer}); the local demo builds one by hand. Each service is made on
 * first use, so a function pays only for what it uses (the recommend function never loads the
 * embedding model).
 */
public final class Components {

    private final Tables tables;
    private final DynamoDbClient dynamo;
    private final Supplier<ObjectStore> objects;
    private final Supplier<MessageQueue> embedQueue;
    private final Supplier<MessageQueue> feedbackQueue;
    private final Lazy<Embedder> embedder;
    private final String space;
    private final RankingSettings ranking;
    private final Lazy<IngestService> ingest = new Lazy<>(this::newIngest);
    private final Lazy<EmbedService> embed = new Lazy<>(this::newEmbed);
    private final Lazy<FeedbackService> feedback = new Lazy<>(this::newFeedback);
    private final Lazy<RecommendApi> recommend = new Lazy<>(this::newRecommend);

    /**
     * @param space the embedding space of {@code embedder}, known without loading the model
     */
    public Components(Tables tables, DynamoDbClient dynamo, Supplier<ObjectStore> objects,
            Supplier<MessageQueue> embedQueue, Supplier<MessageQueue> feedbackQueue,
            Supplier<Embedder> embedder, String space, RankingSettings ranking) {
        this.tables = tables;
        this.dynamo = dynamo;
        this.objects = objects;
        this.embedQueue = embedQueue;
        this.feedbackQueue = feedbackQueue;
        this.embedder = new Lazy<>(embedder);
        this.space = space;
        this.ranking = ranking;
    }

    public IngestService ingest() {
        return ingest.get();
    }

    public EmbedService embed() {
        return embed.get();
    }

    public FeedbackService feedback() {
        return feedback.get();
    }

    public RecommendApi recommend() {
        return recommend.get();
    }

    public Tables tables() {
        return tables;
    }

    private IngestService newIngest() {
        return new IngestService(objects.get(), new ItemStore(dynamo, tables), embedQueue.get(),
                feedbackQueue.get());
    }

    private EmbedService newEmbed() {
        return new EmbedService(new ItemStore(dynamo, tables), new VectorStore(dynamo, tables),
                new StatsStore(dynamo, tables), embedder.get());
    }

    private FeedbackService newFeedback() {
        return new FeedbackService(new EventStore(dynamo, tables), new ProfileStore(dynamo, tables),
                new StatsStore(dynamo, tables));
    }

    private RecommendApi newRecommend() {
        EventStore events = new EventStore(dynamo, tables);
        ProfileStore profiles = new ProfileStore(dynamo, tables);
        RecommendService service = new RecommendService(new ItemStore(dynamo, tables),
                new VectorStore(dynamo, tables), new StatsStore(dynamo, tables), events, profiles,
                space, ranking, Duration.ofMinutes(5), Clock.systemUTC());
        return new RecommendApi(service, events, profiles);
    }

    /** A value made once, on first use, by any thread. */
    private static final class Lazy<T> implements Supplier<T> {
        private final Supplier<T> maker;
        private volatile T value;

        Lazy(Supplier<T> maker) {
            this.maker = maker;
        }

        @Override
        public T get() {
            T result = value;
            if (result == null) {
                synchronized (this) {
                    result = value;
                    if (result == null) {
                        result = maker.get();
                        value = result;
                    }
                }
            }
            return result;
        }
    }
}
