package dev.longtail.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Command line of the offline evaluation.
 *
 * <pre>
 * mvn -q -Peval test-compile exec:java -Dexec.args="--data ../shared/data/ml-latest-small --out eval-report"
 * </pre>
 *
 * <p>Options: {@code --data DIR} (MovieLens layout, required), {@code --out DIR} (report folder,
 * default {@code eval-report}), {@code --cache DIR} (embedding cache, default
 * {@code .longtail/eval-cache}), {@code --sample-users N} (evaluate N users only, for CI),
 * {@code --threads N} (default 2), {@code --ease-min-count N} (default 5),
 * {@code --ease-lambda X} (default 500), {@code --tune} (also tune the relevance weights on the
 * validation split).
 */
public final class Evaluate {

    private Evaluate() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Arguments arguments = new Arguments(args);
        Path out = arguments.path("--out", "eval-report");
        Evaluation.Options options = new Evaluation.Options(arguments.requiredPath("--data"),
                arguments.path("--cache", ".longtail/eval-cache"),
                arguments.integer("--sample-users", 0), arguments.integer("--threads", 2),
                arguments.integer("--ease-min-count", 5), arguments.decimal("--ease-lambda", 500),
                arguments.flag("--tune"));
        List<InterestSource> sources = new ArrayList<>();
        ServiceLoader.load(InterestSource.class).forEach(sources::add);
        Evaluation.Outcome outcome = new Evaluation(options, new MovieLensReader(), sources).run();
        Report.write(out, outcome);
        System.out.println(Report.table(outcome.results()));
        outcome.facts().forEach((key, value) -> System.out.println(key + ": " + value));
        System.out.println("report written to " + out.resolve(Report.MARKDOWN));
    }

    /** {@code --name value} pairs and bare flags. */
    private static final class Arguments {

        private final List<String> args;

        Arguments(String[] args) {
            this.args = List.of(args);
        }

        boolean flag(String name) {
            return args.contains(name);
        }

        String value(String name) {
            int at = args.indexOf(name);
            if (at < 0) {
                return null;
            }
            if (at + 1 >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args.get(at + 1);
        }

        Path requiredPath(String name) {
            String value = value(name);
            if (value == null) {
                throw new IllegalArgumentException(name + " is required, for example "
                        + name + " ../shared/data/ml-latest-small");
            }
            return Path.of(value);
        }

        Path path(String name, String fallback) {
            String value = value(name);
            return Path.of(value == null ? fallback : value);
        }

        int integer(String name, int fallback) {
            return parsed(name, fallback, Integer::parseInt, "a whole number");
        }

        double decimal(String name, double fallback) {
            return parsed(name, fallback, Double::parseDouble, "a number");
        }

        private <T> T parsed(String name, T fallback, Function<String, T> parse, String kind) {
            String value = value(name);
            try {
                return value == null ? fallback : parse.apply(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        name + " must be " + kind + ", was '" + value + "'", e);
            }
        }
    }
}
