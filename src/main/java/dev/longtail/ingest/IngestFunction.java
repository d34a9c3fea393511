package dev.longtail.ingest;

import dev.longtail.config.Components;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/** The ingest function: an upload to the catalog bucket brings the catalog up to date. */
public class IngestFunction {

    private static final Logger LOG = Logger.getLogger(IngestFunction.class);

    private final Components components;

    @Inject
    public IngestFunction(Components components) {
        this.components = components;
    }

    /**
     * Ingests every object the notification names.
     *
     * @throws UncheckedIOException when an object cannot be read; S3 then retries the whole
     *     notification, which is safe because ingest changes nothing twice
     */
    @Funq("ingest")
    public List<IngestReport> ingest(S3Notification notification) {
        List<IngestReport> reports = new ArrayList<>();
        if (notification == null || notification.records() == null) {
            LOG.warn("ignored an event without S3 records");
            return reports;
        }
        for (S3Notification.Record record : notification.records()) {
            reports.add(ingestOne(record));
        }
        return reports;
    }

    private IngestReport ingestOne(S3Notification.Record record) {
        String bucket = record.s3().bucket().name();
        String key = S3Notification.decodedKey(record.s3().object().key());
        MDC.put("objectKey", key);
        try {
            IngestReport report = components.ingest().ingest(bucket, key,
                    rows -> LOG.debugf("read %d rows", rows));
            LOG.infof("ingested %s as %s: %d rows, %d new, %d changed, %d unchanged items, "
                    + "%d interactions, %d rejected, %d ms", key, report.kind(), report.rowsRead(),
                    report.itemsNew(), report.itemsChanged(), report.itemsUnchanged(),
                    report.interactionsQueued(), report.rejected(), report.millis());
            return report;
        } catch (IOException e) {
            LOG.errorf(e, "could not ingest s3://%s/%s", bucket, key);
            throw new UncheckedIOException(e);
        } finally {
            MDC.remove("objectKey");
        }
    }
}
