package dev.longtail.catalog;

import java.time.Instant;

/** Receives what an upload holds, row by row, as {@link UploadParser} reads it. */
public interface UploadSink {

    /** A catalog item; called for catalog CSV, JSON Lines and MovieLens {@code movies.csv}. */
    void item(CatalogItem item);

    /**
     * A free-text tag that a user put on an item (MovieLens {@code tags.csv}).
     *
     * @param line      1-based line the row starts on
     * @param userId    the user who tagged, never blank
     * @param itemId    the tagged item, never blank
     * @param tag       the tag text, 1 to 100 characters
     * @param timestamp when the tag was given, or {@code null} when the file has no
     *                  {@code timestamp} column
     */
    void itemTag(long line, String userId, String itemId, String tag, Instant timestamp);

    /** An interaction; called for interaction logs and MovieLens {@code ratings.csv}. */
    void interaction(Interaction interaction);

    /** A row that was not accepted; the rows around it are still delivered. */
    void reject(Rejection rejection);
}
