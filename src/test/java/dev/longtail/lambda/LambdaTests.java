package dev.longtail.lambda;

import dev.longtail.config.AwsClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the Lambda entry point tests share: sample events and clients of the app's servers. */
final class LambdaTests {

    private LambdaTests() {
    }

    /** The sample event {@code events/<file>} as the Lambda service sends it. */
    static String event(String file) {
        try {
            return Files.readString(Path.of("events", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Clients of the same local servers the application under test uses. */
    static AwsClients aws() {
        Config config = ConfigProvider.getConfig();
        return new AwsClients(Optional.of(config.getValue("longtail.aws.endpoint", URI.class)),
                Optional.of(config.getValue("longtail.aws.s3-endpoint", URI.class)),
                Optional.of(config.getValue("longtail.aws.sqs-endpoint", URI.class)),
                Optional.empty());
    }

    /** The URL of the queue the application sends to under {@code key}. */
    static String queueUrl(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }
}
