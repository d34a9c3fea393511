package dev.longtail.ingest;

import dev.longtail.catalog.Rejection;
import java.util.List;

/**
 * What one upload did, written next to it as JSON under {@code reports/} and returned by the
 * ingest function.
 *
 * @param bucket             the upload's bucket
 * @param key                the upload's key, decoded
 * @param kind               what the file was recognised as, or {@code null}
 * @param rowsRead           data rows read (header excluded)
 * @param itemsNew           items stored for the first time
 * @param itemsChanged       stored items whose fields changed
 * @param itemsUnchanged     items already stored exactly so; not written again
 * @param tagsApplied        user tags added to items
 * @param interactionsQueued interactions sent to the feedback queue
 * @param embedRequested     items sent to the embed queue because their text is new or changed
 * @param rejected           rows not accepted
 * @param rejections         the first {@link IngestService#MAX_LISTED_REJECTIONS} of them
 * @param millis             wall time of the whole ingest
 */
public record IngestReport(String bucket, String key, String kind, long rowsRead, long itemsNew,
        long itemsChanged, long itemsUnchanged, long tagsApplied, long interactionsQueued,
        long embedRequested, long rejected, List<Rejection> rejections, long millis) {
}
