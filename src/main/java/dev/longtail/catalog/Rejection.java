package dev.longtail.catalog;

/**
 * A row of an upload that was not accepted, with enough detail to find and fix it.
 *
 * @param file   object key or file name
 * @param line   1-based line number where the row starts
 * @param field  the offending column or field, or {@code "row"} for the row as a whole
 * @param reason what is wrong, in a few words
 */
public record Rejection(String file, long line, String field, String reason) {

    @Override
    public String toString() {
        return file + ":" + line + " [" + field + "] " + reason;
    }
}
