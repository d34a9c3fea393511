package dev.longtail.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The parts of an S3 event notification that ingest reads. S3 form-encodes object keys in
 * notifications ({@code +} for a space, {@code %40} for {@code @}); {@link #decodedKey} undoes it.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record S3Notification(@JsonProperty("Records") List<Record> records) {

    /** One notified object. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Record(String eventName, S3 s3) {
    }

    /** The bucket and object of a record. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record S3(Bucket bucket, S3Object object) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bucket(String name) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record S3Object(String key, Long size) {
    }

    /** The object key as stored, from its form-encoded notification form. */
    public static String decodedKey(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
