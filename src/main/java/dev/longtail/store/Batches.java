package dev.longtail.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Batch reads and writes that retry what DynamoDB leaves unprocessed, with exponential backoff,
 * until everything is done or the attempts run out.
 */
final class Batches {

    static final int WRITE_LIMIT = 25;
    static final int READ_LIMIT = 100;
    private static final int MAX_ATTEMPTS = 8;
    private static final long FIRST_BACKOFF_MILLIS = 25;

    private Batches() {
    }

    /** Puts all items, in chunks of 25. */
    static void putAll(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += WRITE_LIMIT) {
            List<WriteRequest> chunk = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + WRITE_LIMIT))) {
                chunk.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            write(dynamo, table, chunk);
        }
    }

    /** Writes one chunk of at most 25 requests, retrying the unprocessed ones. */
    static void write(DynamoDbClient dynamo, String table, List<WriteRequest> chunk) {
        Map<String, List<WriteRequest>> pending = Map.of(table, chunk);
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            backOffIfPending(pending.isEmpty(), attempt, table);
        }
    }

    /**
     * Reads the items with the given keys, in chunks of 100.
     *
     * @return the items found, in no particular order; keys without an item are simply absent
     */
    static List<Map<String, AttributeValue>> getAll(
            DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += READ_LIMIT) {
            Map<String, KeysAndAttributes> pending = new HashMap<>();
            pending.put(table, KeysAndAttributes.builder().consistentRead(true)
                    .keys(keys.subList(from, Math.min(keys.size(), from + READ_LIMIT))).build());
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(request));
                found.addAll(response.responses().getOrDefault(table, List.of()));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                backOffIfPending(pending.isEmpty(), attempt, table);
            }
        }
        return found;
    }

    private static void backOffIfPending(boolean done, int attempt, String table) {
        if (done) {
            return;
        }
        if (attempt >= MAX_ATTEMPTS) {
            throw new StoreException("table " + table + " left items unprocessed after "
                    + attempt + " attempts");
        }
        try {
            Thread.sleep(FIRST_BACKOFF_MILLIS << Math.min(attempt, 6));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while retrying a batch on " + table);
        }
    }
}
