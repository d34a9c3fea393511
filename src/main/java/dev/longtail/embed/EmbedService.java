package dev.longtail.embed;

import dev.longtail.llm.Embedder;
import dev.longtail.store.ItemStore;
import dev.longtail.store.StatsStore;
import dev.longtail.store.StoredItem;
import dev.longtail.store.VectorStore;
import dev.longtail.store.VectorStore.StoredVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Computes item vectors for items whose text has no vector yet in the embedder's space, and
 * stores them. An item whose text did not change since its vector was made is not embedded
 * again, so a repeated or redundant request costs two reads.
 */
public final class EmbedService {

    private final ItemStore items;
    private final VectorStore vectors;
    private final StatsStore stats;
    private final Embedder embedder;

    public EmbedService(ItemStore items, VectorStore vectors, StatsStore stats, Embedder embedder) {
        this.items = items;
        this.vectors = vectors;
        this.stats = stats;
        this.embedder = embedder;
    }

    /** What one request did. */
    public record Result(int requested, int embedded, int unchanged, int unknown) {
    }

    /**
     * @param itemIds items to bring up to date; ids not in the catalog are counted as unknown
     * @throws dev.longtail.llm.EmbeddingException when the model fails (nothing is stored then)
     */
    public Result embedItems(List<String> itemIds) {
        Map<String, StoredItem> found = items.getAll(itemIds);
        Map<String, String> current = vectors.textHashes(embedder.space(), new ArrayList<>(found.keySet()));
        List<StoredItem> stale = new ArrayList<>();
        for (StoredItem item : found.values()) {
            if (!item.textHash().equals(current.get(item.id()))) {
                stale.add(item);
            }
        }
        if (!stale.isEmpty()) {
            List<float[]> computed = embedder.embedAll(stale.stream().map(StoredItem::embeddingText).toList());
            List<StoredVector> rows = new ArrayList<>();
            for (int i = 0; i < stale.size(); i++) {
                rows.add(new StoredVector(stale.get(i).id(), computed.get(i), stale.get(i).textHash()));
            }
            vectors.putAll(embedder.space(), rows);
            stats.bumpCatalogVersion();
        }
        int unknown = (int) itemIds.stream().distinct().filter(id -> !found.containsKey(id)).count();
        return new Result(itemIds.size(), stale.size(), found.size() - stale.size(), unknown);
    }
}
