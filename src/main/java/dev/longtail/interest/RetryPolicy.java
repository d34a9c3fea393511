package dev.longtail.interest;

import java.time.Duration;
import java.util.Optional;

/**
 * When to try a failed model call again: at most {@code maxAttempts} calls, exponential backoff
 * from {@code firstBackoff} doubling per attempt, and a server's {@code Retry-After} honoured
 * as given as long as it is at most {@code maxWait}. A longer requested delay ends the attempts
 * at once, so the caller can reschedule the whole job instead of holding a Lambda idle.
 *
 * <p>The backoff has no jitter: each summary job is retried by one caller, and the queue that
 * feeds the jobs already spreads retries of different users over time.
 *
 * @param maxAttempts  calls in all, at least 1
 * @param firstBackoff wait after the first failure without {@code Retry-After}, zero or more
 * @param maxWait      longest single wait, zero or more
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxWait) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was "
                    + maxAttempts);
        }
        if (firstBackoff.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("waits must be zero or more, were " + firstBackoff
                    + " and " + maxWait);
        }
    }

    /**
     * @param attemptsMade calls made so far, at least 1
     * @param retryAfter   delay the server asked for, or {@code null}
     * @return how long to wait before the next call, or empty to give up now: attempts are used
     *         up or the server asked for more than {@code maxWait}
     */
    public Optional<Duration> nextDelay(int attemptsMade, Duration retryAfter) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        if (retryAfter != null) {
            return retryAfter.compareTo(maxWait) > 0 ? Optional.empty() : Optional.of(retryAfter);
        }
        return Optional.of(backoff(attemptsMade));
    }

    /** @return {@code firstBackoff * 2^(attemptsMade - 1)}, at most {@code maxWait} */
    public Duration backoff(int attemptsMade) {
        int doublings = Math.min(Math.max(attemptsMade - 1, 0), 20);
        Duration backoff = firstBackoff.multipliedBy(1L << doublings);
        return backoff.compareTo(maxWait) > 0 ? maxWait : backoff;
    }
}
