package dev.longtail.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/**
 * Longtail's settings, under {@code longtail.*}; each can be set by environment variable
 * ({@code LONGTAIL_TABLE_ITEMS} for {@code longtail.table.items} and so on).
 */
@ConfigMapping(prefix = "longtail")
public interface LongtailConfig {

    Table table();

    Queue queue();

    Aws aws();

    Embedding embedding();

    Llm llm();

    Chat chat();

    Interest interest();

    /**
     * Tail weight of requests that name none: 0 (plain relevance) to 1. Unset, the weight chosen
     * on the validation split of the offline evaluation applies ({@code RankingSettings.defaults()}).
     */
    java.util.OptionalDouble tailWeight();

    /** Table names. */
    interface Table {
        @WithDefault("longtail-items")
        String items();

        @WithDefault("longtail-vectors")
        String vectors();

        @WithDefault("longtail-events")
        String events();

        @WithDefault("longtail-stats")
        String stats();

        @WithDefault("longtail-profiles")
        String profiles();
    }

    /** Queue URLs; a function that sends to a queue fails at its first send without one. */
    interface Queue {
        Optional<String> embed();

        Optional<String> feedback();
    }

    /** Where the AWS clients point; left empty in AWS, set for local servers. */
    interface Aws {
        /** Endpoint of every AWS service, e.g. one local server speaking all three protocols. */
        Optional<URI> endpoint();

        /** Endpoint of S3 alone, taking precedence over {@link #endpoint()}. */
        Optional<URI> s3Endpoint();

        /** Endpoint of SQS alone, taking precedence over {@link #endpoint()}. */
        Optional<URI> sqsEndpoint();

        Optional<String> region();
    }

    /** The embedding model; with no base URL the in-process model is used. */
    interface Embedding {
        Optional<String> baseUrl();

        @WithDefault("text-embedding-3-small")
        String model();

        @WithDefault("1536")
        int dimension();

        @WithDefault("30")
        int timeoutSeconds();
    }

    /** The chat model writing interest summaries; with no base URL the offline model does. */
    interface Chat {
        /** OpenAI-compatible API base including the version path, e.g. https://host/v1. */
        Optional<String> baseUrl();

        @WithDefault("gpt-4o-mini")
        String model();

        /** Connect and read timeout of one attempt. */
        @WithDefault("20")
        int timeoutSeconds();

        /** Attempts per summary including the first, 1 to 10. */
        @WithDefault("3")
        int maxAttempts();

        /** Whether review texts may be sent (after redaction) at all. */
        @WithDefault("false")
        boolean sendReviews();
    }

    /** When interest summaries are refreshed. */
    interface Interest {
        /** Events since the last refresh that ask for the next one. */
        @WithDefault("10")
        int refreshAfter();

        /** Events that ask for a user's first summary. */
        @WithDefault("3")
        int firstRefreshAfter();
    }

    /** Credentials of the hosted language models. */
    interface Llm {
        /** The key itself, for local use only; deployed functions use {@link #apiKeySecret()}. */
        Optional<String> apiKey();

        /** ARN or name of a Secrets Manager secret whose value is the key. */
        Optional<String> apiKeySecret();
    }
}
