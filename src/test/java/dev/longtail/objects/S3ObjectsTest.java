package dev.longtail.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.longtail.testing.LocalS3;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** {@link S3Objects} against a real S3-compatible server (S3Proxy) on 127.0.0.1. */
class S3ObjectsTest {

    private static final String BUCKET = "objects-test";

    private static LocalS3 s3;
    private static S3Objects objects;

    @BeforeAll
    static void startServer() {
        s3 = LocalS3.shared().bucket(BUCKET);
        objects = new S3Objects(s3.client());
    }

    @Test
    void opensAnUploadWhoseKeyHasSpacesAndAnAtSign() throws Exception {
        Path csv = Path.of("events/objects/spring-catalog-v2.csv");
        s3.client().putObject(b -> b.bucket(BUCKET).key("uploads/spring catalog@v2.csv"),
                RequestBody.fromFile(csv));

        try (InputStream in = objects.open(BUCKET, "uploads/spring catalog@v2.csv")) {
            assertEquals(Files.readString(csv), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void writtenReportReadsBackAsJson() throws Exception {
        objects.write(BUCKET, "reports/a b.report.json", "{\"rejected\":0}");

        var head = s3.client().headObject(b -> b.bucket(BUCKET).key("reports/a b.report.json"));
        try (InputStream in = objects.open(BUCKET, "reports/a b.report.json")) {
            assertEquals("{\"rejected\":0}", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals("application/json", head.contentType());
    }

    @Test
    void openingAMissingObjectFailsWithNoSuchKey() {
        assertThrows(NoSuchKeyException.class, () -> objects.open(BUCKET, "uploads/missing.csv"));
    }
}
