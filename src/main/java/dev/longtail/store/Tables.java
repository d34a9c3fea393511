package dev.longtail.store;

/**
 * Names of the DynamoDB tables Longtail uses.
 *
 * @param items    catalog items, key {@code itemId}
 * @param vectors  item vectors, key {@code shard} + {@code itemId}
 * @param events   each user's feedback events, key {@code userId} + {@code eventId}
 * @param stats    popularity and co-consumption counters, key {@code key}
 * @param profiles per-user recent items and interest summaries, key {@code userId}
 */
public record Tables(String items, String vectors, String events, String stats, String profiles) {

    /** The names used when nothing else is configured. */
    public static Tables defaults() {
        return new Tables("longtail-items", "longtail-vectors", "longtail-events", "longtail-stats",
                "longtail-profiles");
    }
}
