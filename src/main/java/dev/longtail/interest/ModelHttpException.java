package dev.longtail.interest;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * A non-2xx answer from the model endpoint, with the delay the server asked for. LangChain4j
 * wraps it (as the cause of a {@code RateLimitException}, {@code InternalServerException},
 * ...), which is how {@link HostedInterestModel} recovers the {@code Retry-After} value that
 * LangChain4j's own {@link HttpException} does not carry.
 *
 * <p>The message holds the status only: error bodies may echo the request.
 */
public class ModelHttpException extends HttpException {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    /**
     * @param statusCode HTTP status, 300..599
     * @param retryAfter delay from {@code Retry-After}/{@code retry-after-ms}, or {@code null}
     */
    public ModelHttpException(int statusCode, Duration retryAfter) {
        super(statusCode, "HTTP " + statusCode);
        this.retryAfter = retryAfter;
    }

    /** @return the delay the server asked for, when it sent a readable one */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
