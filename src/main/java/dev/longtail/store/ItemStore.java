package dev.longtail.store;

import static dev.longtail.store.Attributes.list;
import static dev.longtail.store.Attributes.map;
import static dev.longtail.store.Attributes.s;
import static dev.longtail.store.Attributes.text;
import static dev.longtail.store.Attributes.textMap;
import static dev.longtail.store.Attributes.texts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** The catalog table: one row per item, keyed by the catalog's id. */
public final class ItemStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public ItemStore(DynamoDbClient dynamo, Tables tables) {
        this.dynamo = dynamo;
        this.table = tables.items();
    }

    /** Reads the stored items among {@code ids}, keyed by id; unknown ids are absent. */
    public Map<String, StoredItem> getAll(Collection<String> ids) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String id : ids) {
            keys.add(Map.of("itemId", s(id)));
        }
        Map<String, StoredItem> found = new HashMap<>();
        for (Map<String, AttributeValue> row : Batches.getAll(dynamo, table, keys)) {
            StoredItem item = fromRow(row);
            found.put(item.id(), item);
        }
        return found;
    }

    public Optional<StoredItem> get(String id) {
        Map<String, AttributeValue> row = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("itemId", s(id))).consistentRead(true)).item();
        return row == null || row.isEmpty() ? Optional.empty() : Optional.of(fromRow(row));
    }

    /**
     * Writes {@code item} only if the stored row still has {@code expectedHash} (or, when it is
     * {@code null}, only if there is no row yet), so that two uploads touching the same item never
     * overwrite each other's changes unseen.
     *
     * @return false when the stored row changed meanwhile; read it again and merge
     */
    public boolean putIfUnchanged(StoredItem item, String expectedHash) {
        try {
            dynamo.putItem(b -> {
                b.tableName(table).item(toRow(item));
                if (expectedHash == null) {
                    b.conditionExpression("attribute_not_exists(itemId)");
                } else {
                    b.conditionExpression("textHash = :h").expressionAttributeValues(
                            Map.of(":h", s(expectedHash)));
                }
            });
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    /** Writes new items in batches of 25, retrying what DynamoDB leaves unprocessed. */
    public void putAll(List<StoredItem> newItems) {
        List<Map<String, AttributeValue>> rows = new ArrayList<>();
        for (StoredItem item : newItems) {
            rows.add(toRow(item));
        }
        Batches.putAll(dynamo, table, rows);
    }

    /** Calls {@code each} for every stored item, page by page. */
    public void scan(Consumer<StoredItem> each) {
        dynamo.scanPaginator(ScanRequest.builder().tableName(table).build()).items()
                .forEach(row -> each.accept(fromRow(row)));
    }

    private static Map<String, AttributeValue> toRow(StoredItem item) {
        Map<String, AttributeValue> row = new HashMap<>();
        row.put("itemId", s(item.id()));
        row.put("title", s(item.title()));
        row.put("description", s(item.description()));
        row.put("tags", list(item.tags()));
        row.put("userTags", list(item.userTags()));
        row.put("attributes", map(item.attributes()));
        row.put("textHash", s(item.textHash()));
        return row;
    }

    private static StoredItem fromRow(Map<String, AttributeValue> row) {
        return new StoredItem(text(row, "itemId"), text(row, "title", ""), text(row, "description", ""),
                texts(row, "tags"), texts(row, "userTags"), textMap(row, "attributes"));
    }
}
