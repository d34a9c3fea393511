package dev.longtail.interest;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach an OpenAI-compatible chat model and how hard to try.
 *
 * @param baseUrl      API base including the version path, e.g. {@code https://host/v1};
 *                     {@code http} or {@code https}
 * @param modelName    model to ask, not blank
 * @param apiKey       sent as {@code Authorization: Bearer <apiKey>}; not blank; never printed
 *                     by {@link #toString()}
 * @param timeout      connect and read timeout of one attempt, positive
 * @param maxAttempts  attempts per summary including the first, 1..10
 * @param sendReviews  whether review text may be sent at all (after redaction); when
 *                     {@code false} only titles, tags, types and ratings leave the process
 * @param maxRetryWait longest wait between attempts, also the cap on an honoured
 *                     {@code Retry-After}; a longer requested delay ends the attempts at once.
 *                     Zero or more
 * @throws IllegalArgumentException naming the first bad value
 */
public record ChatSettings(String baseUrl, String modelName, String apiKey, Duration timeout,
        int maxAttempts, boolean sendReviews, Duration maxRetryWait) {

    /** Wait cap used by the six-argument constructor. */
    public static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofSeconds(10);

    /** Most attempts accepted, to bound the time one summary can take. */
    public static final int MAX_ATTEMPTS = 10;

    public ChatSettings {
        requireHttpUrl(baseUrl);
        if (modelName == null || modelName.isBlank()) {
            throw new IllegalArgumentException("modelName must not be blank, was '"
                    + modelName + "'");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("maxAttempts must be in 1.." + MAX_ATTEMPTS
                    + ", was " + maxAttempts);
        }
        Objects.requireNonNull(maxRetryWait, "maxRetryWait");
        if (maxRetryWait.isNegative()) {
            throw new IllegalArgumentException("maxRetryWait must be zero or more, was "
                    + maxRetryWait);
        }
    }

    /** Settings with {@link #DEFAULT_MAX_RETRY_WAIT}. */
    public ChatSettings(String baseUrl, String modelName, String apiKey, Duration timeout,
            int maxAttempts, boolean sendReviews) {
        this(baseUrl, modelName, apiKey, timeout, maxAttempts, sendReviews,
                DEFAULT_MAX_RETRY_WAIT);
    }

    private static void requireHttpUrl(String baseUrl) {
        try {
            URI uri = new URI(Objects.requireNonNull(baseUrl, "baseUrl"));
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                throw new IllegalArgumentException("baseUrl must be an http(s) URL, was "
                        + baseUrl);
            }
            if (uri.getUserInfo() != null) {
                throw new IllegalArgumentException("baseUrl must not carry credentials");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl is not a URL: " + e.getMessage());
        }
    }

    /** Shows every setting except the key. */
    @Override
    public String toString() {
        return "ChatSettings[baseUrl=" + baseUrl + ", modelName=" + modelName
                + ", apiKey=***, timeout=" + timeout + ", maxAttempts=" + maxAttempts
                + ", sendReviews=" + sendReviews + ", maxRetryWait=" + maxRetryWait + "]";
    }
}
