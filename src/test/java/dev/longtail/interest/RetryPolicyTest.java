package dev.longtail.interest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2018-09-26T10:00:00Z"),
            ZoneOffset.UTC);

    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(1));

    @Test
    void backsOffExponentiallyUpToMaxWait() {
        assertEquals(Optional.of(Duration.ofMillis(250)), policy.nextDelay(1, null));
        assertEquals(Optional.of(Duration.ofMillis(500)), policy.nextDelay(2, null));
        assertEquals(Optional.of(Duration.ofSeconds(1)), policy.nextDelay(3, null));
        assertEquals(Duration.ofSeconds(1), policy.backoff(60));
    }

    @Test
    void stopsWhenAttemptsAreUsedUp() {
        assertEquals(Optional.empty(), policy.nextDelay(4, null));
        assertEquals(Optional.empty(), policy.nextDelay(4, Duration.ZERO));
    }

    @Test
    void honoursRetryAfterUpToMaxWaitAndStopsBeyondIt() {
        assertEquals(Optional.of(Duration.ofSeconds(1)), policy.nextDelay(1, Duration.ofSeconds(1)));
        assertEquals(Optional.of(Duration.ZERO), policy.nextDelay(1, Duration.ZERO));
        assertEquals(Optional.empty(), policy.nextDelay(1, Duration.ofMillis(1001)));
    }

    @Test
    void rejectsNonsenseLimits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
        assertTrue(e.getMessage().contains("was 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(1, Duration.ofMillis(-1), Duration.ZERO));
    }

    @Test
    void readsRetryAfterAsSecondsOrHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(7)),
                HeaderAwareHttpClient.parseRetryAfter(" 7 ", CLOCK));
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                HeaderAwareHttpClient.parseRetryAfter("Wed, 26 Sep 2018 10:01:30 GMT", CLOCK));
        assertEquals(Optional.of(Duration.ZERO),
                HeaderAwareHttpClient.parseRetryAfter("Wed, 26 Sep 2018 09:00:00 GMT", CLOCK));
        assertEquals(Optional.empty(), HeaderAwareHttpClient.parseRetryAfter("-3", CLOCK));
        assertEquals(Optional.empty(), HeaderAwareHttpClient.parseRetryAfter("soon", CLOCK));
    }

    @Test
    void prefersMillisecondHeaderWhenReadable() {
        assertEquals(Optional.of(Duration.ofMillis(1501)), retryAfter(Map.of(
                "retry-after-ms", List.of("1500.2"), "retry-after", List.of("2"))));
        assertEquals(Optional.of(Duration.ofSeconds(2)), retryAfter(Map.of(
                "retry-after-ms", List.of("x"), "Retry-After", List.of("2"))));
        assertEquals(Optional.empty(), retryAfter(Map.of()));
    }

    private static Optional<Duration> retryAfter(Map<String, List<String>> headers) {
        return HeaderAwareHttpClient.retryAfter(HttpHeaders.of(headers, (a, b) -> true), CLOCK);
    }
}
