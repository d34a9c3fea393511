package dev.longtail.store;

import static dev.longtail.store.Attributes.decimal;
import static dev.longtail.store.Attributes.n;
import static dev.longtail.store.Attributes.number;
import static dev.longtail.store.Attributes.s;
import static dev.longtail.store.Attributes.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Each user's recorded feedback events: the history recommendations are made from. */
public final class EventStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public EventStore(DynamoDbClient dynamo, Tables tables) {
        this.dynamo = dynamo;
        this.table = tables.events();
    }

    /**
     * Which of the user's event ids are already recorded, read in batches of 100.
     *
     * @return the recorded ones among {@code eventIds}
     */
    public Set<String> recordedAmong(String userId, Collection<String> eventIds) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String eventId : new LinkedHashSet<>(eventIds)) {
            keys.add(Map.of("userId", s(userId), "eventId", s(eventId)));
        }
        Set<String> recorded = new HashSet<>();
        for (Map<String, AttributeValue> row : Batches.getAll(dynamo, table, keys)) {
            recorded.add(text(row, "eventId"));
        }
        return recorded;
    }

    /** Records the events in batches of 25; recording an event again changes nothing. */
    public void recordAll(List<UserEvent> events) {
        List<Map<String, AttributeValue>> rows = new ArrayList<>();
        for (UserEvent event : events) {
            rows.add(toRow(event));
        }
        Batches.putAll(dynamo, table, rows);
    }

    private static Map<String, AttributeValue> toRow(UserEvent event) {
        Map<String, AttributeValue> row = new HashMap<>();
        row.put("userId", s(event.userId()));
        row.put("eventId", s(event.eventId()));
        row.put("itemId", s(event.itemId()));
        row.put("type", s(event.type()));
        row.put("at", n(event.timestamp().toEpochMilli()));
        if (event.value() != null) {
            row.put("value", n(event.value()));
        }
        if (event.text() != null) {
            row.put("text", s(event.text()));
        }
        return row;
    }

    /** The user's recorded events, oldest first; empty for an unknown user. */
    public List<UserEvent> history(String userId) {
        List<UserEvent> events = new ArrayList<>();
        dynamo.queryPaginator(byUser(userId)).items().forEach(row -> events.add(fromRow(row)));
        events.sort((a, b) -> a.timestamp().compareTo(b.timestamp()));
        return events;
    }

    /**
     * Deletes every recorded event of the user.
     *
     * @return how many events were deleted
     */
    public int deleteUser(String userId) {
        List<WriteRequest> deletes = new ArrayList<>();
        int deleted = 0;
        for (Map<String, AttributeValue> row : dynamo.queryPaginator(
                byUser(userId).toBuilder().projectionExpression("userId, eventId").build()).items()) {
            deletes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                    .key(Map.of("userId", row.get("userId"), "eventId", row.get("eventId"))).build())
                    .build());
            if (deletes.size() == Batches.WRITE_LIMIT) {
                Batches.write(dynamo, table, deletes);
                deleted += deletes.size();
                deletes = new ArrayList<>();
            }
        }
        if (!deletes.isEmpty()) {
            Batches.write(dynamo, table, deletes);
            deleted += deletes.size();
        }
        return deleted;
    }

    private QueryRequest byUser(String userId) {
        return QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("userId = :u")
                .expressionAttributeValues(Map.of(":u", s(userId))).build();
    }

    private static UserEvent fromRow(Map<String, AttributeValue> row) {
        return new UserEvent(text(row, "eventId"), text(row, "userId"), text(row, "itemId"),
                text(row, "type"), decimal(row, "value"), text(row, "text"),
                Instant.ofEpochMilli(number(row, "at", 0)));
    }
}
