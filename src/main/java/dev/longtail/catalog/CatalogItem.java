package dev.longtail.catalog;

import java.util.List;
import java.util.Map;

/**
 * One item of a catalog as uploaded.
 *
 * @param id          the catalog's own id, 1 to 256 characters
 * @param title       display title, never blank
 * @param description free text, possibly empty
 * @param tags        tags, genres or categories, in upload order without duplicates
 * @param attributes  any further columns or fields, kept as text
 */
public record CatalogItem(
        String id, String title, String description, List<String> tags, Map<String, String> attributes) {

    public CatalogItem {
        tags = List.copyOf(tags);
        attributes = Map.copyOf(attributes);
    }
}
