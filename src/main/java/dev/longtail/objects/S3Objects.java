package dev.longtail.objects;

import java.io.InputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Objects in Amazon S3 (or an S3-compatible server). */
public final class S3Objects implements ObjectStore {

    private final S3Client s3;

    public S3Objects(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public InputStream open(String bucket, String key) {
        return s3.getObject(b -> b.bucket(bucket).key(key));
    }

    @Override
    public void write(String bucket, String key, String text) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"),
                RequestBody.fromString(text));
    }
}
