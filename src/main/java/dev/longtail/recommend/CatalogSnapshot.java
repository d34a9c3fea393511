package dev.longtail.recommend;

import dev.longtail.core.CoOccurrence;
import dev.longtail.core.ItemIndex;
import dev.longtail.core.RankingSettings;
import dev.longtail.core.Recommender;
import dev.longtail.store.ItemStore;
import dev.longtail.store.StatsStore;
import dev.longtail.store.StoredItem;
import dev.longtail.store.VectorStore;
import dev.longtail.store.VectorStore.StoredVector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the scorer needs, read from the tables at once: the items that have a vector in the
 * current embedding space, their popularity and their co-consumption counts. Items without a
 * vector yet are left out until the embed function has made one.
 *
 * @param version the catalog version this snapshot was read at
 */
record CatalogSnapshot(ItemIndex index, Recommender recommender, long version, long loadedAtMillis) {

    static CatalogSnapshot load(ItemStore items, VectorStore vectors, StatsStore stats, String space,
            RankingSettings settings, long loadedAtMillis) {
        long version = stats.catalogVersion();
        List<StoredVector> stored = vectors.loadAll(space);
        Map<String, String> titles = new HashMap<>();
        items.scan(item -> titles.put(item.id(), title(item)));
        StatsStore.Counts counts = stats.load();

        List<StoredVector> known = stored.stream().filter(v -> titles.containsKey(v.itemId())).toList();
        int n = known.size();
        int dimension = n == 0 ? 1 : known.get(0).vector().length;
        String[] ids = new String[n];
        String[] names = new String[n];
        int[] popularity = new int[n];
        float[] packed = new float[n * dimension];
        for (int i = 0; i < n; i++) {
            StoredVector v = known.get(i);
            ids[i] = v.itemId();
            names[i] = titles.get(v.itemId());
            popularity[i] = counts.popularity().getOrDefault(v.itemId(), 0);
            System.arraycopy(v.vector(), 0, packed, i * dimension, dimension);
        }
        ItemIndex index = new ItemIndex(ids, names, popularity, packed, dimension);
        CoOccurrence co = coOccurrence(index, counts);
        return new CatalogSnapshot(index, new Recommender(index, co, settings), version, loadedAtMillis);
    }

    private static CoOccurrence coOccurrence(ItemIndex index, StatsStore.Counts counts) {
        CoOccurrence.Builder builder = CoOccurrence.builder(index.size());
        counts.coCounts().forEach((later, earlier) -> {
            int a = index.indexOf(later);
            if (a < 0) {
                return;
            }
            earlier.forEach((other, count) -> {
                int b = index.indexOf(other);
                if (b >= 0 && b != a) {
                    builder.add(a, b, count);
                }
            });
        });
        return builder.build();
    }

    private static String title(StoredItem item) {
        return item.title().isBlank() ? item.id() : item.title();
    }
}
