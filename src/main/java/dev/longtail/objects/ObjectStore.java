package dev.longtail.objects;

import java.io.IOException;
import java.io.InputStream;

/** Where uploads are read from and ingest reports are written to. */
public interface ObjectStore {

    /** Opens an object for streaming; the caller closes the stream. */
    InputStream open(String bucket, String key) throws IOException;

    /** Writes a small text object (an ingest report). */
    void write(String bucket, String key, String text) throws IOException;
}
