package dev.longtail.lambda;

import dev.longtail.store.TableSetup;
import dev.longtail.store.Tables;
import dev.longtail.testing.TestStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points a Quarkus test application at the shared dynalite server, with the default tables. */
public class DynaliteResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TableSetup.createAll(TestStack.dynamo(), Tables.defaults());
        return Map.of("longtail.aws.endpoint", TestStack.dynalite().endpoint().toString(),
                "quarkus.funqy.export", "feedback");
    }

    @Override
    public void stop() {
        // The server is shared by all tests and stops with the JVM.
    }
}
