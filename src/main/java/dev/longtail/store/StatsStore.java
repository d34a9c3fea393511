package dev.longtail.store;

import static dev.longtail.store.Attributes.n;
import static dev.longtail.store.Attributes.number;
import static dev.longtail.store.Attributes.s;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Counters the collaborative signals come from, in {@link #SHARDS} rows per item
 * ({@code item#<id>#<shard>}, the shard chosen by the event id, so that a popular item's rows stay
 * small and cheap to update): {@code n}, how many events touched the item, and one attribute
 * {@code c:<other id>} per item consumed shortly before it by the same user. Reads add the shards
 * up. Co-consumption is written on the later item's rows only and made symmetric when read.
 * A row {@code catalog} holds a version that changes whenever item vectors change.
 *
 * <p>Known limit: each shard row is one DynamoDB item (400 KB at most), room for about 25,000
 * distinct neighbours; an item co-consumed with far more distinct items than that in one shard
 * needs more shards or counts pruned to its strongest neighbours.
 */
public final class StatsStore {

    /** Rows per item that its counters are spread over. */
    public static final int SHARDS = 8;

    private static final String ITEM_PREFIX = "item#";
    private static final String CO_PREFIX = "c:";
    private static final Map<String, AttributeValue> CATALOG_KEY = Map.of("key", s("catalog"));

    private final DynamoDbClient dynamo;
    private final String table;

    public StatsStore(DynamoDbClient dynamo, Tables tables) {
        this.dynamo = dynamo;
        this.table = tables.stats();
    }

    /** Popularity and co-consumption counts of every item, as read by {@link #load}. */
    public record Counts(Map<String, Integer> popularity, Map<String, Map<String, Integer>> coCounts) {
    }

    /**
     * Counts one event on {@code itemId}: its popularity, and one co-consumption with each of
     * {@code before}. Applying the same event id again changes nothing.
     *
     * @return false when this event had already been counted
     */
    public boolean count(String itemId, String eventId, List<String> before) {
        Map<String, AttributeValue> key = Map.of("key",
                s(ITEM_PREFIX + itemId + "#" + Math.floorMod(eventId.hashCode(), SHARDS)));
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>(Guard.values(eventId));
        values.put(":one", n(1));
        StringBuilder add = new StringBuilder("ADD n :one");
        for (int i = 0; i < before.size(); i++) {
            names.put("#c" + i, CO_PREFIX + before.get(i));
            add.append(", #c").append(i).append(" :one");
        }
        try {
            UpdateItemResponse response = dynamo.updateItem(b -> {
                b.tableName(table).key(key).updateExpression("SET " + Guard.APPEND + " " + add)
                        .conditionExpression(Guard.CONDITION).expressionAttributeValues(values)
                        .returnValues(ReturnValue.UPDATED_NEW);
                if (!names.isEmpty()) {
                    b.expressionAttributeNames(names);
                }
            });
            Guard.trimIfLong(dynamo, table, key, response.attributes().get("g").l().size());
            return true;
        } catch (ConditionalCheckFailedException alreadyCounted) {
            return false;
        }
    }

    /** Reads all counters; co-consumption is returned as written (later item to earlier ones). */
    public Counts load() {
        Map<String, Integer> popularity = new HashMap<>();
        Map<String, Map<String, Integer>> co = new HashMap<>();
        dynamo.scanPaginator(ScanRequest.builder().tableName(table).build()).items().forEach(row -> {
            String key = row.get("key").s();
            if (!key.startsWith(ITEM_PREFIX)) {
                return;
            }
            String itemId = key.substring(ITEM_PREFIX.length(), key.lastIndexOf('#'));
            popularity.merge(itemId, (int) number(row, "n", 0), Integer::sum);
            Map<String, Integer> neighbours = co.computeIfAbsent(itemId, id -> new HashMap<>());
            row.forEach((name, value) -> {
                if (name.startsWith(CO_PREFIX)) {
                    neighbours.merge(name.substring(CO_PREFIX.length()), Integer.parseInt(value.n()),
                            Integer::sum);
                }
            });
        });
        return new Counts(popularity, co);
    }

    /** A number that changes whenever an item vector is written or removed. */
    public long catalogVersion() {
        Map<String, AttributeValue> row = dynamo.getItem(b -> b.tableName(table).key(CATALOG_KEY)
                .consistentRead(true)).item();
        return row == null ? 0 : number(row, "version", 0);
    }

    /** Marks the catalog as changed, so that recommenders reload their snapshot. */
    public void bumpCatalogVersion() {
        dynamo.updateItem(b -> b.tableName(table).key(CATALOG_KEY).updateExpression("ADD version :one")
                .expressionAttributeValues(Map.of(":one", n(1))));
    }
}
