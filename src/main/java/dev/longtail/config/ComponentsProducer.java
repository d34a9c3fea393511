package dev.longtail.config;

import dev.longtail.core.RankingSettings;
import dev.longtail.interest.ChatSettings;
import dev.longtail.llm.Embedder;
import dev.longtail.objects.S3Objects;
import dev.longtail.queue.MessageQueue;
import dev.longtail.queue.SqsQueue;
import dev.longtail.store.Tables;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Makes the one {@link Components} of a deployed function from its configuration. */
@ApplicationScoped
public class ComponentsProducer {

    private static final Logger LOG = Logger.getLogger(ComponentsProducer.class);

    @Produces
    @ApplicationScoped
    Components components(LongtailConfig config) {
        LongtailConfig.Aws endpoints = config.aws();
        AwsClients aws = new AwsClients(endpoints.endpoint(), endpoints.s3Endpoint(),
                endpoints.sqsEndpoint(), endpoints.region());
        LongtailConfig.Table t = config.table();
        Tables tables = new Tables(t.items(), t.vectors(), t.events(), t.stats(), t.profiles());
        Supplier<SqsClient> sqs = memo(aws::sqs);
        LongtailConfig.Embedding embedding = config.embedding();
        String space = embedding.baseUrl().isPresent()
                ? embedding.model().toLowerCase(java.util.Locale.ROOT) + "/" + embedding.dimension()
                : Embedder.DEFAULT_SPACE;
        return new Components(tables, aws.dynamo(), () -> new S3Objects(aws.s3()),
                () -> queue(sqs, config.queue().embed(), "longtail.queue.embed"),
                () -> queue(sqs, config.queue().feedback(), "longtail.queue.feedback"),
                () -> embedder(embedding, config.llm(), aws),
                space, ranking(config),
                interestSettings(config));
    }

    private static InterestSettings interestSettings(LongtailConfig config) {
        LongtailConfig.Interest interest = config.interest();
        boolean onFeedback = config.queue().embed().isPresent();
        if (!onFeedback) {
            LOG.warn("longtail.queue.embed is not set: feedback does not ask for interest summaries");
        }
        InterestSettings settings = new InterestSettings(Optional.empty(),
                interest.firstRefreshAfter(), interest.refreshAfter(), onFeedback);
        LongtailConfig.Chat chat = config.chat();
        if (chat.baseUrl().isEmpty()) {
            return settings;
        }
        // The key is resolved on first use: only the embed function ever asks the chat model.
        return settings.withChat(() -> new ChatSettings(chat.baseUrl().get(), chat.model(),
                ApiKeys.resolve(config.llm()), Duration.ofSeconds(chat.timeoutSeconds()),
                chat.maxAttempts(), chat.sendReviews()));
    }

    private static MessageQueue queue(Supplier<SqsClient> sqs, Optional<String> url, String property) {
        String queueUrl = url.orElseThrow(() -> new IllegalStateException(property
                + " is not set: this function sends to that queue (set the environment variable "
                + property.toUpperCase(java.util.Locale.ROOT).replace('.', '_') + ")"));
        return new SqsQueue(sqs.get(), queueUrl);
    }

    private static Embedder embedder(LongtailConfig.Embedding embedding, LongtailConfig.Llm llm, AwsClients aws) {
        if (embedding.baseUrl().isEmpty()) {
            return Embedder.inProcess();
        }
        return Embedder.hosted(embedding.baseUrl().get(), embedding.model(), ApiKeys.resolve(llm),
                embedding.dimension(), Duration.ofSeconds(embedding.timeoutSeconds()));
    }

    private static <T> Supplier<T> memo(Supplier<T> maker) {
        Object[] holder = new Object[1];
        return () -> {
            synchronized (holder) {
                if (holder[0] == null) {
                    holder[0] = maker.get();
                }
                @SuppressWarnings("unchecked")
                T value = (T) holder[0];
                return value;
            }
        };
    }

    private static RankingSettings ranking(LongtailConfig config) {
        RankingSettings defaults = RankingSettings.defaults();
        return config.tailWeight().isPresent()
                ? defaults.withDefaultTailWeight(config.tailWeight().getAsDouble()) : defaults;
    }
}
