package dev.longtail.interest;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * LangChain4j HTTP client on the JDK's {@code java.net.http}, differing from LangChain4j's
 * own JDK client in one respect: a non-2xx answer is thrown as {@link ModelHttpException},
 * which keeps the {@code Retry-After} delay (LangChain4j 1.19's {@code HttpException} keeps
 * only the status and body). Response bodies of failed calls are dropped, never logged.
 *
 * <p>Only plain request/response calls are supported; streaming is not used by this project.
 */
final class HeaderAwareHttpClient implements HttpClient {

    private final java.net.http.HttpClient delegate;
    private final Duration readTimeout;
    private final Clock clock;

    private HeaderAwareHttpClient(Builder builder) {
        this.delegate = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(builder.connectTimeout)
                .build();
        this.readTimeout = builder.readTimeout;
        this.clock = builder.clock;
    }

    /** @param clock reads {@code Retry-After} dates against this clock */
    static Builder builder(Clock clock) {
        return new Builder(clock);
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = delegate.send(toJdk(request), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (IOException e) {
            throw new ModelUnreachableException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnreachableException(new InterruptedIOException("interrupted"));
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            Duration delay = retryAfter(response.headers(), clock).orElse(null);
            throw new ModelHttpException(status, delay);
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(status)
                .headers(response.headers().map())
                .body(new String(response.body(), StandardCharsets.UTF_8))
                .build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser,
            ServerSentEventListener listener) {
        throw new UnsupportedOperationException("streaming responses are not supported");
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder()
                .uri(URI.create(request.url()))
                .timeout(readTimeout);
        request.headers().forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
        if (request.method() == HttpMethod.POST) {
            String body = request.body() == null ? "" : request.body();
            builder.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        } else {
            builder.method(request.method().name(),
                    java.net.http.HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    /**
     * Reads the requested delay: OpenAI's {@code retry-after-ms} (milliseconds) when present,
     * else {@code Retry-After} as delta-seconds or an HTTP date (a past date is zero).
     *
     * @return the delay, or empty when neither header is present and readable
     */
    static Optional<Duration> retryAfter(HttpHeaders headers, Clock clock) {
        Optional<String> millis = headers.firstValue("retry-after-ms");
        if (millis.isPresent()) {
            try {
                double value = Double.parseDouble(millis.get().strip());
                if (value >= 0 && Double.isFinite(value)) {
                    return Optional.of(Duration.ofMillis((long) Math.ceil(value)));
                }
            } catch (NumberFormatException e) {
                // Fall through to Retry-After, which the server may also have sent.
            }
        }
        return headers.firstValue("retry-after").flatMap(value -> parseRetryAfter(value, clock));
    }

    static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        String trimmed = value.strip();
        if (trimmed.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
        }
        try {
            ZonedDateTime date = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration delay = Duration.between(clock.instant(), date.toInstant());
            return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The endpoint could not be reached or the connection broke before an answer arrived. */
    static final class ModelUnreachableException extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        ModelUnreachableException(IOException cause) {
            super(cause.getClass().getSimpleName(), cause);
        }
    }

    /** Collects the timeouts LangChain4j sets before building the client. */
    static final class Builder implements HttpClientBuilder {

        private final Clock clock;
        private Duration connectTimeout = Duration.ofSeconds(15);
        private Duration readTimeout = Duration.ofSeconds(60);

        private Builder(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            if (timeout != null) {
                this.connectTimeout = timeout;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            if (timeout != null) {
                this.readTimeout = timeout;
            }
            return this;
        }

        @Override
        public HttpClient build() {
            return new HeaderAwareHttpClient(this);
        }
    }
}
