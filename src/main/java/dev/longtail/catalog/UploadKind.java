package dev.longtail.catalog;

import java.util.Locale;
import java.util.Set;

/** What an uploaded file holds, recognised from its name and its header. */
public enum UploadKind {
    /** A catalog as CSV with a header: {@code id, title, description, tags, ...}. */
    CATALOG_CSV,
    /** A catalog as JSON Lines: one object per line with {@code id, title, ...}. */
    CATALOG_JSONL,
    /** MovieLens {@code movies.csv}: {@code movieId, title, genres}. */
    MOVIELENS_MOVIES,
    /** MovieLens {@code tags.csv}: {@code userId, movieId, tag, timestamp}. */
    MOVIELENS_TAGS,
    /** An interaction log as CSV: {@code userId, itemId} or {@code movieId}, and more. */
    INTERACTIONS_CSV;

    static boolean isJsonLines(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson");
    }

    /** @return the kind a CSV header announces, or {@code null} when it announces none */
    static UploadKind ofCsvHeader(Set<String> columns) {
        if (columns.contains("movieid") && columns.contains("genres") && columns.contains("title")) {
            return MOVIELENS_MOVIES;
        }
        if (columns.contains("movieid") && columns.contains("tag") && columns.contains("userid")) {
            return MOVIELENS_TAGS;
        }
        if (columns.contains("userid") && (columns.contains("itemid") || columns.contains("movieid"))) {
            return INTERACTIONS_CSV;
        }
        if ((columns.contains("id") || columns.contains("itemid")) && columns.contains("title")) {
            return CATALOG_CSV;
        }
        return null;
    }
}
