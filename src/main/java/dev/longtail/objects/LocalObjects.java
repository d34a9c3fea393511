package dev.longtail.objects;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Objects as files: a bucket is a folder under a root, a key a path inside it. */
public final class LocalObjects implements ObjectStore {

    private final Path root;

    public LocalObjects(Path root) {
        this.root = root;
    }

    @Override
    public InputStream open(String bucket, String key) throws IOException {
        return Files.newInputStream(resolve(bucket, key));
    }

    @Override
    public void write(String bucket, String key, String text) throws IOException {
        Path file = resolve(bucket, key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private Path resolve(String bucket, String key) {
        Path bucketDir = root.resolve(bucket).normalize();
        Path file = bucketDir.resolve(key).normalize();
        if (!file.startsWith(bucketDir)) {
            throw new IllegalArgumentException("object key escapes its bucket: " + key);
        }
        return file;
    }
}
