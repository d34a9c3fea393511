package dev.longtail.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.longtail.catalog.CatalogItem;
import dev.longtail.catalog.Interaction;
import dev.longtail.catalog.Rejection;
import dev.longtail.catalog.UploadKind;
import dev.longtail.catalog.UploadParser;
import dev.longtail.catalog.UploadSink;
import dev.longtail.embed.EmbedMessage;
import dev.longtail.feedback.FeedbackMessage;
import dev.longtail.objects.ObjectStore;
import dev.longtail.queue.MessageQueue;
import dev.longtail.store.Digests;
import dev.longtail.store.ItemStore;
import dev.longtail.store.StoredItem;
import dev.longtail.store.UserEvent;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Reads one uploaded object and brings the catalog up to date with it: items are written in
 * batches, but only when new or changed, and only those whose text changed are sent to be
 * embedded; user tags are merged into their items; interactions become feedback events on the
 * feedback queue, each with an id derived from its content so that uploading the same log twice
 * counts nothing twice. Every rejected row is reported with its line and field.
 */
public final class IngestService {

    /** How many rejections a report lists; all of them are counted. */
    public static final int MAX_LISTED_REJECTIONS = 200;
    static final String REPORT_PREFIX = "reports/";

    private static final int ITEM_BATCH = 100;
    private static final int EMBED_IDS_PER_MESSAGE = 32;
    private static final int FEEDBACK_BATCH = 10;
    private static final int MERGE_ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectStore objects;
    private final ItemStore items;
    private final MessageQueue embedQueue;
    private final MessageQueue feedbackQueue;

    public IngestService(ObjectStore objects, ItemStore items, MessageQueue embedQueue,
            MessageQueue feedbackQueue) {
        this.objects = objects;
        this.items = items;
        this.embedQueue = embedQueue;
        this.feedbackQueue = feedbackQueue;
    }

    /**
     * Ingests {@code key} (already URL-decoded) and writes its report to
     * {@code reports/<key>.report.json} in the same bucket.
     *
     * @param progress told the number of rows read so far, every few thousand rows
     * @throws IOException when the object cannot be read or the report cannot be written
     */
    public IngestReport ingest(String bucket, String key, LongConsumer progress) throws IOException {
        long started = System.nanoTime();
        Run run = new Run(key, progress);
        UploadKind kind;
        try (InputStream in = objects.open(bucket, key)) {
            kind = UploadParser.parse(key, in, run);
        }
        run.finish();
        IngestReport report = run.report(bucket, kind, (System.nanoTime() - started) / 1_000_000);
        objects.write(bucket, REPORT_PREFIX + key + ".report.json", toJson(report));
        return report;
    }

    static String toJson(IngestReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ingest report is always serialisable", e);
        }
    }

    /** The state of one ingest: buffers flushed in batches, and the counts for the report. */
    private final class Run implements UploadSink {
        private final String file;
        private final LongConsumer progress;
        private final Map<String, CatalogItem> pendingItems = new LinkedHashMap<>();
        private final Map<String, List<String>> pendingTags = new LinkedHashMap<>();
        private final Map<String, Long> firstTagLine = new java.util.HashMap<>();
        private final List<UserEvent> pendingRun = new ArrayList<>();
        private final List<String> pendingFeedback = new ArrayList<>();
        private final List<String> pendingEmbeds = new ArrayList<>();
        private final List<Rejection> rejections = new ArrayList<>();
        private long rows;
        private long rejected;
        private long itemsNew;
        private long itemsChanged;
        private long itemsUnchanged;
        private long tagsApplied;
        private long interactionsQueued;
        private long embedRequested;

        Run(String file, LongConsumer progress) {
            this.file = file;
            this.progress = progress;
        }

        @Override
        public void item(CatalogItem item) {
            row();
            pendingItems.put(item.id(), item);
            if (pendingItems.size() >= ITEM_BATCH) {
                flushItems();
            }
        }

        @Override
        public void itemTag(long line, String userId, String itemId, String tag,
                Instant timestamp) {
            row();
            // Tags describe the item for everyone; who gave them and when does not matter here.
            firstTagLine.putIfAbsent(itemId, line);
            // Tags of one item may be spread over the whole file, so they are gathered first;
            // memory grows with the number of tagged items, not with the file.
            pendingTags.computeIfAbsent(itemId, id -> new ArrayList<>()).add(tag);
        }

        @Override
        public void interaction(Interaction interaction) {
            row();
            UserEvent event = new UserEvent(eventId(interaction), interaction.userId(),
                    interaction.itemId(), interaction.type(), interaction.value(), interaction.text(),
                    interaction.timestamp());
            // Consecutive events of one user travel as one run (logs are usually grouped by user).
            if (!pendingRun.isEmpty() && (!pendingRun.get(0).userId().equals(event.userId())
                    || pendingRun.size() >= FeedbackMessage.MAX_RUN)) {
                closeRun();
            }
            pendingRun.add(event);
        }

        private void closeRun() {
            if (pendingRun.isEmpty()) {
                return;
            }
            pendingFeedback.add(pendingRun.size() == 1 ? FeedbackMessage.write(pendingRun.get(0))
                    : FeedbackMessage.writeRun(pendingRun));
            interactionsQueued += pendingRun.size();
            pendingRun.clear();
            if (pendingFeedback.size() >= FEEDBACK_BATCH) {
                flushFeedback();
            }
        }

        @Override
        public void reject(Rejection rejection) {
            if (rejection.line() > 1) {
                row();
            }
            rejected++;
            if (rejections.size() < MAX_LISTED_REJECTIONS) {
                rejections.add(rejection);
            }
        }

        private void row() {
            rows++;
            if (rows % 5000 == 0) {
                progress.accept(rows);
            }
        }

        void finish() {
            flushItems();
            flushTags();
            closeRun();
            flushFeedback();
            flushEmbeds(true);
        }

        IngestReport report(String bucket, UploadKind kind, long millis) {
            return new IngestReport(bucket, file, kind == null ? null : kind.name(), rows, itemsNew,
                    itemsChanged, itemsUnchanged, tagsApplied, interactionsQueued, embedRequested,
                    rejected, List.copyOf(rejections), millis);
        }

        private void flushItems() {
            if (pendingItems.isEmpty()) {
                return;
            }
            Map<String, StoredItem> stored = items.getAll(pendingItems.keySet());
            List<StoredItem> fresh = new ArrayList<>();
            for (CatalogItem item : pendingItems.values()) {
                StoredItem update = new StoredItem(item.id(), item.title(), item.description(),
                        item.tags(), List.of(), item.attributes());
                StoredItem old = stored.get(item.id());
                if (old == null) {
                    fresh.add(update);
                } else if (old.withCatalogFields(update).equals(old)) {
                    itemsUnchanged++;
                } else {
                    mergeChanged(old, update);
                }
            }
            items.putAll(fresh);
            itemsNew += fresh.size();
            fresh.forEach(item -> requestEmbedding(item.id()));
            pendingItems.clear();
        }

        private void mergeChanged(StoredItem old, StoredItem update) {
            StoredItem current = old;
            for (int attempt = 1; attempt <= MERGE_ATTEMPTS; attempt++) {
                StoredItem merged = current.withCatalogFields(update);
                if (items.putIfUnchanged(merged, current.textHash())) {
                    itemsChanged++;
                    if (!merged.textHash().equals(old.textHash())) {
                        requestEmbedding(merged.id());
                    }
                    return;
                }
                Optional<StoredItem> reread = items.get(update.id());
                if (reread.isEmpty()) {
                    break;
                }
                current = reread.get();
            }
            throw new IllegalStateException("item " + update.id() + " kept changing while "
                    + file + " was ingested; upload it again");
        }

        private void flushTags() {
            List<String> ids = new ArrayList<>(pendingTags.keySet());
            for (int from = 0; from < ids.size(); from += ITEM_BATCH) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ITEM_BATCH));
                Map<String, StoredItem> stored = items.getAll(chunk);
                for (String id : chunk) {
                    StoredItem item = stored.get(id);
                    if (item == null) {
                        rows--;
                        reject(new Rejection(file, firstTagLine.get(id), "movieId", "item " + id
                                + " is not in the catalog; upload the catalog first, then the tags again"
                                + " (" + pendingTags.get(id).size() + " tags)"));
                        continue;
                    }
                    applyTags(item, pendingTags.get(id));
                }
            }
            pendingTags.clear();
            firstTagLine.clear();
        }

        private void applyTags(StoredItem item, List<String> tags) {
            StoredItem current = item;
            for (int attempt = 1; attempt <= MERGE_ATTEMPTS; attempt++) {
                StoredItem tagged = current.withUserTags(tags);
                if (tagged.equals(current)) {
                    return;
                }
                if (items.putIfUnchanged(tagged, current.textHash())) {
                    tagsApplied += tagged.userTags().size() - current.userTags().size();
                    requestEmbedding(item.id());
                    return;
                }
                current = items.get(item.id()).orElse(current);
            }
            throw new IllegalStateException("item " + item.id() + " kept changing while "
                    + file + " was ingested; upload it again");
        }

        private void requestEmbedding(String itemId) {
            pendingEmbeds.add(itemId);
            embedRequested++;
            flushEmbeds(false);
        }

        private void flushEmbeds(boolean all) {
            List<String> bodies = new ArrayList<>();
            while (pendingEmbeds.size() >= EMBED_IDS_PER_MESSAGE || (all && !pendingEmbeds.isEmpty())) {
                List<String> chunk = pendingEmbeds.subList(0, Math.min(EMBED_IDS_PER_MESSAGE, pendingEmbeds.size()));
                bodies.add(EmbedMessage.forItems(List.copyOf(chunk)));
                chunk.clear();
            }
            if (!bodies.isEmpty()) {
                embedQueue.sendAll(bodies);
            }
        }

        private void flushFeedback() {
            if (!pendingFeedback.isEmpty()) {
                feedbackQueue.sendAll(List.copyOf(pendingFeedback));
                pendingFeedback.clear();
            }
        }
    }

    /** An id that is the same whenever the same interaction is uploaded again. */
    static String eventId(Interaction i) {
        return "ix-" + Digests.of(12, List.of(i.userId(), i.itemId(), i.type(),
                String.valueOf(i.value()), String.valueOf(i.text()), i.timestamp().toString()));
    }
}
