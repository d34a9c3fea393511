package dev.longtail.store;

import static dev.longtail.store.Attributes.s;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Makes an update of one row apply at most once per event, without transactions: the row keeps
 * the ids of the last events applied to it in a list {@code g}, and an update is conditional on
 * its event id not being in that list. The list is trimmed to its newest {@link #KEEP} ids once
 * it holds {@link #TRIM_AT}, so a redelivery is recognised as long as fewer than {@code KEEP}
 * other events reached the same row in between; the caller's event record catches later ones.
 */
final class Guard {

    static final int KEEP = 64;
    static final int TRIM_AT = 2 * KEEP;

    static final String CONDITION = "(attribute_not_exists(g) OR NOT contains(g, :eid))";
    static final String APPEND = "g = list_append(if_not_exists(g, :none), :eids)";

    private Guard() {
    }

    /** Values the condition and the append need, for an event id. */
    static Map<String, AttributeValue> values(String eventId) {
        return Map.of(":eid", s(eventId), ":eids", AttributeValue.fromL(List.of(s(eventId))),
                ":none", AttributeValue.fromL(List.of()));
    }

    /** Drops the oldest ids once the list reached {@link #TRIM_AT}; a no-op below that. */
    static void trimIfLong(DynamoDbClient dynamo, String table, Map<String, AttributeValue> key,
            int guardSize) {
        if (guardSize < TRIM_AT) {
            return;
        }
        StringJoiner remove = new StringJoiner(", ", "REMOVE ", "");
        for (int i = 0; i < guardSize - KEEP; i++) {
            remove.add("g[" + i + "]");
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression(remove.toString())
                    .conditionExpression("size(g) = :size")
                    .expressionAttributeValues(Map.of(":size", Attributes.n(guardSize))));
        } catch (ConditionalCheckFailedException movedOn) {
            // Another event changed the list meanwhile; the next update trims it.
        }
    }
}
