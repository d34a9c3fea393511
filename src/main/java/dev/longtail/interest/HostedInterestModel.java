package dev.longtail.interest;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Asks an OpenAI-compatible chat model for a user's {@link InterestSummary}.
 *
 * <p>Before anything leaves the process, titles, tags and reviews pass the {@link Redactor},
 * and reviews are left out entirely unless {@link ChatSettings#sendReviews()}. Untrusted text
 * travels only in the data section of the user message ({@link InterestPrompt}). An answer is
 * accepted only when it is exactly the summary structure and does not echo the system prompt;
 * a rejected answer is asked for again while attempts remain and is never stored in part.
 *
 * <p>LangChain4j's own retry is switched off (it ignores {@code Retry-After}); this class
 * retries rate limits, timeouts, 5xx and unreachable endpoints with {@link RetryPolicy}, reading
 * {@code Retry-After} through {@link HeaderAwareHttpClient}. When attempts run out, or the
 * server asks for a longer wait than the policy allows, it throws a
 * {@link InterestModelException#retryable() retryable} {@link InterestModelException} carrying
 * the requested delay, so the caller can keep the last good summary, fall back to
 * {@link OfflineInterestModel} and reschedule the job.
 *
 * <p>Logs carry counts, the model name, outcome and milliseconds; never prompts, answers,
 * reviews or the key.
 */
public final class HostedInterestModel implements InterestModel {

    private static final Logger LOG = Logger.getLogger(HostedInterestModel.class);

    /** Wait after the first failure that came without {@code Retry-After}. */
    static final Duration FIRST_BACKOFF = Duration.ofMillis(250);

    private final ChatModel chatModel;
    private final String name;
    private final InterestPrompt prompt;
    private final RetryPolicy retryPolicy;
    private final Clock clock;

    /**
     * @param settings endpoint, model, key, timeout and retry limits
     * @param redactor cleans text before it is sent
     * @param clock    stamps summaries and reads {@code Retry-After} dates
     */
    public HostedInterestModel(ChatSettings settings, Redactor redactor, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.name = "hosted:" + settings.modelName();
        this.prompt = new InterestPrompt(Objects.requireNonNull(redactor, "redactor"),
                settings.sendReviews());
        this.retryPolicy = new RetryPolicy(settings.maxAttempts(), FIRST_BACKOFF,
                settings.maxRetryWait());
        this.chatModel = OpenAiChatModel.builder()
                .httpClientBuilder(HeaderAwareHttpClient.builder(clock))
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.modelName())
                .timeout(settings.timeout())
                .maxRetries(0)
                // Known shortcoming: JSON mode is always requested; a compatible server without
                // response_format support answers 400 (REJECTED). No setting turns it off yet.
                .responseFormat("json_object")
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Asks the model, retrying as described on the class. Blocks for at most
     * {@code maxAttempts} times the timeout plus the waits between attempts (each at most
     * {@code maxRetryWait}); safe to call from several threads.
     *
     * @throws InterestModelException {@code NO_SIGNAL} when there is nothing to send;
     *                                {@code INVALID_ANSWER} when every answer was rejected;
     *                                {@code REJECTED} on a 4xx other than 408/429; else a
     *                                retryable kind once the {@link RetryPolicy} gives up
     */
    @Override
    public InterestSummary summarise(UserActivity activity) throws InterestModelException {
        InterestPrompt.UserMessage message = prompt.userMessage(activity);
        if (message.isEmpty()) {
            throw new InterestModelException(InterestModelException.Kind.NO_SIGNAL,
                    "no items" + (activity.reviews().isEmpty() ? "" : " and no sendable reviews"));
        }
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(InterestPrompt.SYSTEM),
                        UserMessage.from(message.text()))
                .build();
        long start = System.nanoTime();
        Outcome outcome = callWithRetries(request);
        logOutcome(message, outcome, start);
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.summary();
    }

    /** The accepted summary or the final failure, and how many calls it took. */
    private record Outcome(InterestSummary summary, InterestModelException failure, int attempts) {
    }

    private Outcome callWithRetries(ChatRequest request) {
        for (int attempt = 1; ; attempt++) {
            InterestModelException failure;
            try {
                String answer = chatModel.chat(request).aiMessage().text();
                return new Outcome(accept(answer), null, attempt);
            } catch (InterestModelException e) {
                failure = e;
            } catch (RuntimeException e) {
                failure = classify(e);
            }
            LOG.debugf("interest model %s attempt %d of %d failed: %s", name, attempt,
                    retryPolicy.maxAttempts(), failure.kind());
            if (!mayRetry(attempt, failure)) {
                return new Outcome(null, failure, attempt);
            }
        }
    }

    /** Waits as the policy says and returns {@code true}, or returns {@code false} to stop. */
    private boolean mayRetry(int attempt, InterestModelException failure) {
        boolean invalidAnswer = failure.kind() == InterestModelException.Kind.INVALID_ANSWER;
        if (!failure.retryable() && !invalidAnswer) {
            return false;
        }
        Duration retryAfter = failure.retryAfter().orElse(null);
        Optional<Duration> delay = retryPolicy.nextDelay(attempt, retryAfter);
        if (delay.isEmpty()) {
            return false;
        }
        // A model that broke the structure is asked again at once; waiting would not help it.
        if (invalidAnswer) {
            return true;
        }
        try {
            Thread.sleep(delay.get().toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private InterestSummary accept(String answer) throws InterestModelException {
        InterestSummary summary;
        try {
            summary = InterestSummaryJson.fromModelAnswer(answer, name, clock.instant());
        } catch (InvalidSummaryException e) {
            throw new InterestModelException(InterestModelException.Kind.INVALID_ANSWER,
                    e.getMessage());
        }
        if (InterestPrompt.leaksPrompt(summary)) {
            throw new InterestModelException(InterestModelException.Kind.INVALID_ANSWER,
                    "answer repeats the instructions");
        }
        return summary;
    }

    /** Maps what LangChain4j threw to a kind, keeping only the status and requested delay. */
    static InterestModelException classify(RuntimeException thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ModelHttpException http) {
                return fromStatus(http.statusCode(), http.retryAfter().orElse(null));
            }
            if (t instanceof HttpException http) {
                return fromStatus(http.statusCode(), null);
            }
            if (t instanceof TimeoutException || t instanceof java.net.http.HttpTimeoutException) {
                return new InterestModelException(InterestModelException.Kind.TIMEOUT,
                        "no answer within the timeout");
            }
            if (t instanceof HeaderAwareHttpClient.ModelUnreachableException) {
                return new InterestModelException(InterestModelException.Kind.UNREACHABLE,
                        t.getClass().getSimpleName());
            }
        }
        // What is left is a 2xx body LangChain4j could not read as a chat completion.
        return new InterestModelException(InterestModelException.Kind.INVALID_ANSWER,
                "unreadable response (" + thrown.getClass().getSimpleName() + ")");
    }

    private static InterestModelException fromStatus(int status, Duration retryAfter) {
        InterestModelException.Kind kind;
        if (status == 429) {
            // Known shortcoming: OpenAI also answers 429 for an exhausted quota, which no retry
            // cures; telling the two apart needs the error body, which is deliberately dropped.
            kind = InterestModelException.Kind.RATE_LIMITED;
        } else if (status == 408) {
            kind = InterestModelException.Kind.TIMEOUT;
        } else if (status >= 500) {
            kind = InterestModelException.Kind.SERVER_ERROR;
        } else {
            kind = InterestModelException.Kind.REJECTED;
        }
        return new InterestModelException(kind, "HTTP " + status, retryAfter);
    }

    private void logOutcome(InterestPrompt.UserMessage message, Outcome outcome, long startNanos) {
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        String format = "interest summary model=%s outcome=%s attempts=%d items=%d reviews=%d"
                + " redactions=%d ms=%d";
        if (outcome.failure() == null) {
            LOG.infof(format, name, "OK", outcome.attempts(), message.items(), message.reviews(),
                    message.replacements(), millis);
        } else {
            LOG.warnf(format, name, outcome.failure().kind(), outcome.attempts(), message.items(),
                    message.reviews(), message.replacements(), millis);
        }
    }
}
