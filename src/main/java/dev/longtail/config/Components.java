package dev.longtail.config;

import dev.longtail.core.RankingSettings;
import dev.longtail.embed.EmbedService;
import dev.longtail.embed.InterestService;
import dev.longtail.feedback.FeedbackService;
import dev.longtail.feedback.RefreshTrigger;
import dev.longtail.ingest.IngestService;
import dev.longtail.interest.HostedInterestModel;
import dev.longtail.interest.InterestModel;
import dev.longtail.interest.OfflineInterestModel;
import dev.longtail.interest.Redactor;
import dev.longtail.interest.TagBaseRates;
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
import java.util.ArrayList;
import java.util.List;
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
    private final InterestSettings interestSettings;
    private final Lazy<OfflineInterestModel> offlineModel = new Lazy<>(this::newOfflineModel);
    private final Lazy<InterestModel> interestModel = new Lazy<>(this::newInterestModel);
    private final Lazy<InterestService> interests = new Lazy<>(this::newInterests);
    private final Lazy<IngestService> ingest = new Lazy<>(this::newIngest);
    private final Lazy<EmbedService> embed = new Lazy<>(this::newEmbed);
    private final Lazy<FeedbackService> feedback = new Lazy<>(this::newFeedback);
    private final Lazy<RecommendApi> recommend = new Lazy<>(this::newRecommend);

    /** Components with the offline interest model and the default refresh thresholds. */
    public Components(Tables tables, DynamoDbClient dynamo, Supplier<ObjectStore> objects,
            Supplier<MessageQueue> embedQueue, Supplier<MessageQueue> feedbackQueue,
            Supplier<Embedder> embedder, String space, RankingSettings ranking) {
        this(tables, dynamo, objects, embedQueue, feedbackQueue, embedder, space, ranking,
                InterestSettings.offline());
    }

    /**
     * @param space the embedding space of {@code embedder}, known without loading the model
     * @param interestSettings which model writes interest summaries, and how often
     */
    public Components(Tables tables, DynamoDbClient dynamo, Supplier<ObjectStore> objects,
            Supplier<MessageQueue> embedQueue, Supplier<MessageQueue> feedbackQueue,
            Supplier<Embedder> embedder, String space, RankingSettings ranking,
            InterestSettings interestSettings) {
        this.tables = tables;
        this.dynamo = dynamo;
        this.objects = objects;
        this.embedQueue = embedQueue;
        this.feedbackQueue = feedbackQueue;
        this.embedder = new Lazy<>(embedder);
        this.space = space;
        this.ranking = ranking;
        this.interestSettings = interestSettings;
    }

    public IngestService ingest() {
        return ingest.get();
    }

    public EmbedService embed() {
        return embed.get();
    }

    /** The interest summary refresh of the embed function. */
    public InterestService interests() {
        return interests.get();
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
                new StatsStore(dynamo, tables), refreshTrigger());
    }

    private RefreshTrigger refreshTrigger() {
        if (!interestSettings.onFeedback()) {
            return RefreshTrigger.none();
        }
        return new RefreshTrigger(embedQueue.get(), interestSettings.firstRefreshAfter(),
                interestSettings.refreshAfter());
    }

    private InterestService newInterests() {
        return new InterestService(new EventStore(dynamo, tables), new ItemStore(dynamo, tables),
                new ProfileStore(dynamo, tables), embedder.get(), interestModel, offlineModel,
                Clock.systemUTC());
    }

    private InterestModel newInterestModel() {
        if (interestSettings.chat().isEmpty()) {
            return offlineModel.get();
        }
        return new HostedInterestModel(interestSettings.chat().get().get(), new Redactor(),
                Clock.systemUTC());
    }

    /**
     * Tag base rates are counted over the catalog once per warm container. Known shortcoming:
     * items ingested later are not counted until the container is replaced, which shifts the
     * offline model's lifts a little on a growing catalog.
     */
    private OfflineInterestModel newOfflineModel() {
        List<List<String>> itemTags = new ArrayList<>();
        new ItemStore(dynamo, tables).scan(item -> itemTags.add(InterestService.tags(item)));
        return new OfflineInterestModel(TagBaseRates.fromItemTags(itemTags), Clock.systemUTC());
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
