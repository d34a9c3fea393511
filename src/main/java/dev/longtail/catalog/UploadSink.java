package dev.longtail.catalog;

/** Receives what an upload holds, row by row, as {@link UploadParser} reads it. */
public interface UploadSink {

    /** A catalog item; called for catalog CSV, JSON Lines and MovieLens {@code movies.csv}. */
    void item(CatalogItem item);

    /** A free-text tag that a user put on an item (MovieLens {@code tags.csv}), from line {@code line}. */
    void itemTag(long line, String itemId, String tag);

    /** An interaction; called for interaction logs and MovieLens {@code ratings.csv}. */
    void interaction(Interaction interaction);

    /** A row that was not accepted; the rows around it are still delivered. */
    void reject(Rejection rejection);
}
