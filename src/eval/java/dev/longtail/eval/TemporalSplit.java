package dev.longtail.eval;

import dev.longtail.eval.Dataset.Event;
import java.util.Arrays;

/**
 * Per-user temporal hold-out: each user's latest {@code share} of interactions (rounded, at
 * least one) is the test part, everything before it the training part. A user with a single
 * interaction has an empty training part.
 *
 * @param train per user, oldest first
 * @param test  per user, oldest first
 */
record TemporalSplit(Event[][] train, Event[][] test) {

    /** Share of each user's interactions held out. */
    static final double SHARE = 0.2;

    /**
     * @param events per user, sorted by time
     * @param share  held-out share, greater than 0 and below 1
     */
    static TemporalSplit of(Event[][] events, double share) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("held-out share must be between 0 and 1, was "
                    + share);
        }
        Event[][] train = new Event[events.length][];
        Event[][] test = new Event[events.length][];
        for (int u = 0; u < events.length; u++) {
            int n = events[u].length;
            int held = n == 0 ? 0 : Math.max(1, (int) Math.round(share * n));
            train[u] = Arrays.copyOfRange(events[u], 0, n - held);
            test[u] = Arrays.copyOfRange(events[u], n - held, n);
        }
        return new TemporalSplit(train, test);
    }

    /** Distinct test items of a user, ascending. */
    int[] testItems(int user) {
        return Arrays.stream(test[user]).mapToInt(Event::item).distinct().sorted().toArray();
    }
}
