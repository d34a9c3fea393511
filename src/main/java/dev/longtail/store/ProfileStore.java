package dev.longtail.store;

import static dev.longtail.store.Attributes.b;
import static dev.longtail.store.Attributes.n;
import static dev.longtail.store.Attributes.number;
import static dev.longtail.store.Attributes.s;
import static dev.longtail.store.Attributes.text;
import static dev.longtail.store.Attributes.texts;

import dev.longtail.interest.InterestSummary;
import dev.longtail.interest.InterestSummaryJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * One row per user: the items they liked most recently (the window co-consumption is counted in),
 * how many events arrived since their interest summary was last made, and that summary with its
 * interest vectors.
 *
 * <p>Summary attributes: {@code summary} (the {@link InterestSummaryJson} form), {@code summaryAt}
 * (epoch milliseconds), {@code summaryModel} (the summary's source), {@code historyDigest} (of
 * the events it was made from), {@code interestSpace} and {@code interestVectors} (one packed
 * float32 vector per interest, in order, see {@link VectorStore#pack}), and {@code refreshedAt}
 * (epoch milliseconds of the last refresh attempt, whatever its outcome).
 */
public final class ProfileStore {

    /** How many recent liked items count as consumed "together" with the next one. */
    public static final int RECENT = 20;

    private final DynamoDbClient dynamo;
    private final String table;

    public ProfileStore(DynamoDbClient dynamo, Tables tables) {
        this.dynamo = dynamo;
        this.table = tables.profiles();
    }

    /**
     * What noting a run of events found.
     *
     * @param recent       the recent liked items before this event, oldest first
     * @param sinceSummary events counted since the last summary refresh, these included
     * @param added        how many events were noted now
     * @param refreshed    whether a summary refresh was ever attempted for the user
     */
    public record Noted(List<String> recent, long sinceSummary, int added, boolean refreshed) {
    }

    /**
     * A user's interest summary with its phrases embedded.
     *
     * @param summary the summary
     * @param space   embedding space of the vectors (that of the item vectors they were made for)
     * @param vectors one vector per interest of the summary, in the same order
     * @throws IllegalArgumentException when the counts of vectors and interests differ
     */
    public record StoredInterests(InterestSummary summary, String space, List<float[]> vectors) {

        public StoredInterests {
            vectors = List.copyOf(vectors);
            if (vectors.size() != summary.interests().size()) {
                throw new IllegalArgumentException("one vector per interest is needed: "
                        + summary.interests().size() + " interests, " + vectors.size() + " vectors");
            }
        }
    }

    /**
     * What a summary refresh reads before it starts.
     *
     * @param sinceSummary  events counted since the last refresh
     * @param historyDigest digest of the history the stored summary was made from, or
     *                      {@code null}
     * @param interests     the stored summary, if any
     */
    public record RefreshState(long sinceSummary, String historyDigest,
            Optional<StoredInterests> interests) {
    }

    /**
     * What deleting a user's row removed.
     *
     * @param profile   whether there was a row
     * @param interests whether it held an interest summary
     */
    public record Erased(boolean profile, boolean interests) {
    }

    /**
     * Notes a run of the user's events, applied as one: counts them, and appends the liked items
     * among them to the recent items. Applying the same run (the same {@code runId}) twice
     * changes nothing.
     *
     * @param runId      an id of this run of events, derived from their event ids
     * @param likedItems the items of the liked events, oldest first
     * @param events     how many events the run holds
     * @return the recent items before this run and the counter after it, or empty when this run
     *     had already been applied
     */
    public Optional<Noted> noteEvents(String userId, String runId, List<String> likedItems,
            int events) {
        Map<String, AttributeValue> key = Map.of("userId", s(userId));
        Map<String, AttributeValue> values = new HashMap<>(Guard.values(runId));
        values.put(":count", n(events));
        String set = "SET " + Guard.APPEND;
        if (!likedItems.isEmpty()) {
            set += ", recent = list_append(if_not_exists(recent, :none), :items)";
            values.put(":items", AttributeValue.fromL(likedItems.stream().map(Attributes::s).toList()));
        }
        String expression = set + " ADD sinceSummary :count";
        try {
            UpdateItemResponse response = dynamo.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression(expression).conditionExpression(Guard.CONDITION)
                    .expressionAttributeValues(values).returnValues(ReturnValue.ALL_OLD));
            Map<String, AttributeValue> old = response.attributes();
            List<String> recent = texts(old, "recent");
            trim(key, recent.size() + likedItems.size(), texts(old, "g").size() + 1);
            return Optional.of(new Noted(
                    recent.subList(Math.max(0, recent.size() - RECENT), recent.size()),
                    number(old, "sinceSummary", 0) + events, events, old.containsKey("refreshedAt")));
        } catch (ConditionalCheckFailedException alreadyApplied) {
            return Optional.empty();
        }
    }

    /** The user's recent liked items, oldest first; empty for an unknown user. */
    public List<String> recent(String userId) {
        Map<String, AttributeValue> row = row(userId);
        List<String> recent = texts(row, "recent");
        return recent.subList(Math.max(0, recent.size() - RECENT), recent.size());
    }

    /** The user's stored interests; empty when there are none (or the user is unknown). */
    public Optional<StoredInterests> interests(String userId) {
        Map<String, AttributeValue> row = dynamo.getItem(b -> b.tableName(table)
                .consistentRead(true).key(Map.of("userId", s(userId)))
                .projectionExpression("summary, interestSpace, interestVectors")).item();
        return interests(row == null ? Map.of() : row);
    }

    /** Reads the counter and the stored summary, at the start of a refresh. */
    public RefreshState refreshState(String userId) {
        Map<String, AttributeValue> row = row(userId);
        return new RefreshState(number(row, "sinceSummary", 0), text(row, "historyDigest"),
                interests(row));
    }

    /**
     * Stores a new summary and takes the {@code seen} events off the counter, so that events
     * counted while the summary was made still count towards the next refresh.
     *
     * @param historyDigest digest of the history the summary was made from
     * @param seen          the counter as read by {@link #refreshState} before the refresh
     * @return false when nothing was stored: the row was deleted meanwhile, or another refresh
     *     took events off the counter first (its summary is as new as this one)
     */
    public boolean storeInterests(String userId, StoredInterests interests, String historyDigest,
            long seen, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":summary", s(InterestSummaryJson.toJson(interests.summary())));
        values.put(":at", n(interests.summary().createdAt().toEpochMilli()));
        values.put(":model", s(interests.summary().source()));
        values.put(":digest", s(historyDigest));
        values.put(":space", s(interests.space()));
        values.put(":vectors", AttributeValue.fromL(
                interests.vectors().stream().map(v -> b(VectorStore.pack(v))).toList()));
        return refreshed(userId, "summary = :summary, summaryAt = :at, summaryModel = :model,"
                + " historyDigest = :digest, interestSpace = :space, interestVectors = :vectors, ",
                values, seen, now);
    }

    /**
     * Notes a refresh that stored nothing new: takes the {@code seen} events off the counter and
     * keeps whatever summary is stored.
     *
     * @return false when the row was deleted or another refresh reset the counter meanwhile
     */
    public boolean markRefreshed(String userId, long seen, Instant now) {
        return refreshed(userId, "", new HashMap<>(), seen, now);
    }

    /**
     * Deletes the user's row, with the recent items, counters and interest summary in it.
     *
     * @return what was removed
     */
    public Erased delete(String userId) {
        Map<String, AttributeValue> old = dynamo.deleteItem(b -> b.tableName(table)
                .key(Map.of("userId", s(userId))).returnValues(ReturnValue.ALL_OLD)).attributes();
        boolean existed = old != null && !old.isEmpty();
        return new Erased(existed, existed && old.containsKey("summary"));
    }

    private boolean refreshed(String userId, String set, Map<String, AttributeValue> values,
            long seen, Instant now) {
        values.put(":now", n(now.toEpochMilli()));
        values.put(":seen", n(seen));
        values.put(":taken", n(-seen));
        String expression = "SET " + set + "refreshedAt = :now ADD sinceSummary :taken";
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Map.of("userId", s(userId)))
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(userId) AND sinceSummary >= :seen")
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException movedOn) {
            return false;
        }
    }

    private static Optional<StoredInterests> interests(Map<String, AttributeValue> row) {
        String json = text(row, "summary");
        if (json == null) {
            return Optional.empty();
        }
        List<float[]> vectors = new ArrayList<>();
        for (AttributeValue packed : row.get("interestVectors").l()) {
            vectors.add(VectorStore.unpack(packed.b().asByteArray()));
        }
        return Optional.of(new StoredInterests(InterestSummaryJson.fromJson(json),
                text(row, "interestSpace"), vectors));
    }

    Map<String, AttributeValue> row(String userId) {
        Map<String, AttributeValue> row = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("userId", s(userId)))).item();
        return row == null ? Map.of() : row;
    }

    private void trim(Map<String, AttributeValue> key, int recentSize, int guardSize) {
        Guard.trimIfLong(dynamo, table, key, guardSize);
        if (recentSize < 2 * RECENT) {
            return;
        }
        // Each REMOVE path counts against the expression size; trim at most a few hundred at once.
        int drop = Math.min(recentSize - RECENT, 300);
        StringBuilder remove = new StringBuilder("REMOVE ");
        for (int i = 0; i < drop; i++) {
            remove.append(i == 0 ? "" : ", ").append("recent[").append(i).append(']');
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression(remove.toString())
                    .conditionExpression("size(recent) = :size")
                    .expressionAttributeValues(Map.of(":size", n(recentSize))));
        } catch (ConditionalCheckFailedException movedOn) {
            // A newer event changed the list; it trims the list itself.
        }
    }
}
