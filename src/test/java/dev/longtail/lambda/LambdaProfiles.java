package dev.longtail.lambda;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * One Quarkus test profile per function: each exports its function, as
 * {@code QUARKUS_FUNQY_EXPORT} does in a deployed Lambda, on the local servers of
 * {@link LocalAwsResource}. Quarkus starts once per profile.
 */
final class LambdaProfiles {

    private LambdaProfiles() {
    }

    /** Exports one function; the subclasses name it. */
    abstract static class Exporting implements QuarkusTestProfile {
        private final String export;

        Exporting(String export) {
            this.export = export;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", export);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalAwsResource.class));
        }
    }

    public static final class Ingest extends Exporting {
        public Ingest() {
            super("ingest");
        }
    }

    public static final class Embed extends Exporting {
        public Embed() {
            super("embed");
        }
    }

    public static final class Recommend extends Exporting {
        public Recommend() {
            super("recommend");
        }
    }

    public static final class Feedback extends Exporting {
        public Feedback() {
            super("feedback");
        }
    }
}
