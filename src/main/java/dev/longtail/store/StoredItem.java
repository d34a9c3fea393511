package dev.longtail.store;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A catalog item as stored.
 *
 * @param id          the catalog's id
 * @param title       display title
 * @param description free text
 * @param tags        tags, genres or categories from the catalog
 * @param userTags    free-text tags people put on the item (MovieLens {@code tags.csv})
 * @param attributes  further catalog fields, as text
 */
public record StoredItem(String id, String title, String description, List<String> tags,
        List<String> userTags, Map<String, String> attributes) {

    /** The most user tags kept per item; later ones beyond it are dropped. */
    public static final int MAX_USER_TAGS = 50;

    public StoredItem {
        tags = List.copyOf(tags);
        userTags = List.copyOf(userTags);
        attributes = Map.copyOf(attributes);
    }

    /** The text the embedding model reads: title, tags, user tags and description. */
    public String embeddingText() {
        StringBuilder text = new StringBuilder(title);
        if (!tags.isEmpty()) {
            text.append(". ").append(String.join(", ", tags));
        }
        if (!userTags.isEmpty()) {
            text.append(". ").append(String.join(", ", userTags));
        }
        if (!description.isBlank()) {
            text.append(". ").append(description);
        }
        return text.toString();
    }

    /** A short digest of {@link #embeddingText()}; equal digests mean the vector is still valid. */
    public String textHash() {
        return Digests.of(16, List.of(embeddingText()));
    }

    /** This item with catalog fields from {@code update} and this item's user tags. */
    public StoredItem withCatalogFields(StoredItem update) {
        return new StoredItem(id, update.title, update.description, update.tags, userTags,
                update.attributes);
    }

    /** This item with {@code added} user tags appended (case-insensitively new ones only). */
    public StoredItem withUserTags(List<String> added) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> merged = new java.util.ArrayList<>();
        for (String tag : userTags) {
            if (seen.add(tag.toLowerCase(java.util.Locale.ROOT))) {
                merged.add(tag);
            }
        }
        for (String tag : added) {
            if (merged.size() < MAX_USER_TAGS && seen.add(tag.toLowerCase(java.util.Locale.ROOT))) {
                merged.add(tag);
            }
        }
        return new StoredItem(id, title, description, tags, merged, attributes);
    }
}
