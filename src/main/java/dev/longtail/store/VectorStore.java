package dev.longtail.store;

import static dev.longtail.store.Attributes.b;
import static dev.longtail.store.Attributes.n;
import static dev.longtail.store.Attributes.s;
import static dev.longtail.store.Attributes.text;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Item vectors, packed as little-endian float32 bytes. Vectors live in an <em>embedding space</em>
 * named after the model and its dimension ({@code all-minilm-l6-v2-q/384}); vectors of different
 * spaces never meet, because every read names its space. Within a space, rows are spread over
 * {@link #SHARDS} partitions so that a cold start can read them all in parallel.
 */
public final class VectorStore {

    /** Partitions per embedding space. */
    public static final int SHARDS = 16;

    private final DynamoDbClient dynamo;
    private final String table;

    public VectorStore(DynamoDbClient dynamo, Tables tables) {
        this.dynamo = dynamo;
        this.table = tables.vectors();
    }

    /** A stored vector and the digest of the text it was computed from. */
    public record StoredVector(String itemId, float[] vector, String textHash) {
    }

    /** Stores (or replaces) one item's vector in {@code space}. */
    public void put(String space, String itemId, float[] vector, String textHash) {
        dynamo.putItem(b -> b.tableName(table).item(row(space, itemId, vector, textHash)));
    }

    /** Stores many vectors of one space in batches. */
    public void putAll(String space, List<StoredVector> vectors) {
        List<Map<String, AttributeValue>> rows = new ArrayList<>();
        for (StoredVector v : vectors) {
            rows.add(row(space, v.itemId(), v.vector(), v.textHash()));
        }
        Batches.putAll(dynamo, table, rows);
    }

    /** The digest of the text behind each of {@code itemIds}' vectors in {@code space}, if any. */
    public Map<String, String> textHashes(String space, List<String> itemIds) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String id : itemIds) {
            keys.add(Map.of("shard", s(shard(space, id)), "itemId", s(id)));
        }
        Map<String, String> hashes = new HashMap<>();
        for (Map<String, AttributeValue> row : Batches.getAll(dynamo, table, keys)) {
            hashes.put(text(row, "itemId"), text(row, "textHash"));
        }
        return hashes;
    }

    public Optional<StoredVector> get(String space, String itemId) {
        Map<String, AttributeValue> row = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("shard", s(shard(space, itemId)), "itemId", s(itemId)))).item();
        return row == null || row.isEmpty() ? Optional.empty() : Optional.of(fromRow(row));
    }

    /**
     * Reads every vector of {@code space}, querying all shards in parallel.
     *
     * @throws StoreException when a shard cannot be read
     */
    public List<StoredVector> loadAll(String space) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<StoredVector>>> shards = new ArrayList<>();
            for (int k = 0; k < SHARDS; k++) {
                String shard = space + "#" + k;
                shards.add(pool.submit(() -> loadShard(shard)));
            }
            List<StoredVector> all = new ArrayList<>();
            for (Future<List<StoredVector>> shard : shards) {
                all.addAll(shard.get());
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while loading vectors of " + space);
        } catch (ExecutionException e) {
            throw new StoreException("could not load vectors of " + space + ": " + e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private List<StoredVector> loadShard(String shard) {
        List<StoredVector> vectors = new ArrayList<>();
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#shard = :s").expressionAttributeNames(Map.of("#shard", "shard"))
                .expressionAttributeValues(Map.of(":s", s(shard))).build();
        dynamo.queryPaginator(query).items().forEach(row -> vectors.add(fromRow(row)));
        return vectors;
    }

    static String shard(String space, String itemId) {
        return space + "#" + Math.floorMod(itemId.hashCode(), SHARDS);
    }

    private static Map<String, AttributeValue> row(
            String space, String itemId, float[] vector, String textHash) {
        return Map.of("shard", s(shard(space, itemId)), "itemId", s(itemId),
                "v", b(pack(vector)), "dim", n(vector.length), "space", s(space),
                "textHash", s(textHash));
    }

    private static StoredVector fromRow(Map<String, AttributeValue> row) {
        return new StoredVector(text(row, "itemId"), unpack(row.get("v").b().asByteArray()),
                text(row, "textHash"));
    }

    /** Packs a vector as little-endian float32 bytes. */
    public static byte[] pack(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    /** Reads back what {@link #pack} wrote. */
    public static float[] unpack(byte[] bytes) {
        if (bytes.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("a packed vector has a multiple of 4 bytes, not " + bytes.length);
        }
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
