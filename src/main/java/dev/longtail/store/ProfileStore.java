package dev.longtail.store;

import static dev.longtail.store.Attributes.n;
import static dev.longtail.store.Attributes.number;
import static dev.longtail.store.Attributes.s;
import static dev.longtail.store.Attributes.texts;

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
 * how many events arrived since their interest summary was last made, and that summary.
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
     * Notes a run of the user's events, applied as one: counts them, and appends the liked items
     * among them to the recent items. Applying the same run (the same {@code runId}) twice
     * changes nothing.
     *
     * @param runId      an id of this run of events, derived from their event ids
     * @param likedItems the items of the liked events, oldest first
     * @param events     how many events the run holds
     * @return the recent items before this run, oldest first, or empty when this run had already
     *     been applied
     */
    public Optional<List<String>> noteEvents(String userId, String runId, List<String> likedItems,
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
            return Optional.of(recent.subList(Math.max(0, recent.size() - RECENT), recent.size()));
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

    /** Events counted since the user's interest summary was last made. */
    public long eventsSinceSummary(String userId) {
        return number(row(userId), "sinceSummary", 0);
    }

    /**
     * Deletes the user's row.
     *
     * @return whether there was one
     */
    public boolean delete(String userId) {
        Map<String, AttributeValue> old = dynamo.deleteItem(b -> b.tableName(table)
                .key(Map.of("userId", s(userId))).returnValues(ReturnValue.ALL_OLD)).attributes();
        return old != null && !old.isEmpty();
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
