package dev.longtail.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.funqy.Funq;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks that {@code infra/template.yaml} deploys what the code expects: the four Funqy exports,
 * every table and queue the configuration names, dead-letter queues, partial batch failures,
 * on-demand tables with point-in-time recovery, and no API key in plain text.
 *
 * <p>The template is read as plain YAML, which works because it uses the long form of the
 * CloudFormation intrinsic functions ({@code Ref:}, {@code Fn::GetAtt:}). Run from the project
 * root after {@code compile}: the exports are found by scanning {@code target/classes}.
 */
class TemplateConsistencyTest {

    private static final Path TEMPLATE = Path.of("infra", "template.yaml");
    private static final Path CLASSES = Path.of("target", "classes");
    private static final Path CODE = CLASSES.resolve(Path.of("dev", "longtail"));
    private static final Path PROPERTIES =
            Path.of("src", "main", "resources", "application.properties");

    private static final Set<String> EXPORTS = Set.of("ingest", "embed", "recommend", "feedback");
    private static final String EXPORT_VARIABLE = "QUARKUS_FUNQY_EXPORT";
    private static final String FUNCTION = "AWS::Serverless::Function";
    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String QUEUE = "AWS::SQS::Queue";
    private static final String BATCH_FAILURES = "ReportBatchItemFailures";

    /** Key schema of each table in the shared contract: hash key, then range key if any. */
    private static final Map<String, List<String>> TABLE_KEYS = Map.of(
            "longtail.table.items", List.of("itemId"),
            "longtail.table.vectors", List.of("shard", "itemId"),
            "longtail.table.events", List.of("userId", "eventId"),
            "longtail.table.stats", List.of("key"),
            "longtail.table.profiles", List.of("userId"));
    private static final Set<String> QUEUE_KEYS =
            Set.of("longtail.queue.embed", "longtail.queue.feedback");

    private static final Pattern CREDENTIAL_NAME =
            Pattern.compile("(?i).*(api.?key|secret|token|password).*");

    private static final String SECRET_POLICY = "AWSSecretsManagerGetSecretValuePolicy";
    private static final String LAYER_PARAMETER = "SecretsExtensionLayerArn";
    private static final int EXTENSION_DEFAULT_PORT = 2773;

    private static JsonNode template;
    private static JsonNode resources;
    private static JsonNode parameters;
    private static JsonNode globals;

    @BeforeAll
    static void readTemplate() throws IOException {
        template = new ObjectMapper(new YAMLFactory()).readTree(TEMPLATE.toFile());
        resources = template.path("Resources");
        parameters = template.path("Parameters");
        globals = template.path("Globals").path("Function");
    }

    @Test
    void everyDeployedExportIsAFunqMethod() throws IOException {
        Set<String> funqNames = funqMethodNames();
        Map<String, String> unknown = new LinkedHashMap<>();
        functions().forEach((name, function) -> {
            String export = environment(function).path(EXPORT_VARIABLE).asText("");
            if (!funqNames.contains(export)) {
                unknown.put(name, export);
            }
        });

        assertTrue(unknown.isEmpty(), "functions exporting no @Funq method (name -> "
                + EXPORT_VARIABLE + "): " + unknown + "; @Funq methods found: " + funqNames);
    }

    @Test
    void eachOfTheFourExportsIsDeployedOnce() {
        List<String> deployed = new ArrayList<>();
        for (JsonNode function : functions().values()) {
            deployed.add(environment(function).path(EXPORT_VARIABLE).asText());
        }

        assertEquals(new TreeSet<>(EXPORTS), new TreeSet<>(deployed), "deployed exports");
        assertEquals(EXPORTS.size(), deployed.size(), "one function per export: " + deployed);
    }

    @Test
    void everyTableKeyIsSetOnEveryFunctionToATableWithTheContractKeys() throws IOException {
        for (String key : configuredKeys("longtail.table.")) {
            for (Map.Entry<String, JsonNode> function : functions().entrySet()) {
                JsonNode table = referencedResource(function, key, TABLE);
                List<String> expected = TABLE_KEYS.get(key);
                if (expected != null) {
                    assertEquals(expected, keySchema(table), "key schema of the table in " + key);
                }
            }
        }
    }

    @Test
    void everyQueueKeyIsSetOnEveryFunctionToAQueueOfTheTemplate() throws IOException {
        for (String key : configuredKeys("longtail.queue.")) {
            for (Map.Entry<String, JsonNode> function : functions().entrySet()) {
                referencedResource(function, key, QUEUE);
            }
        }
    }

    @Test
    void sqsEventSourcesReportBatchItemFailuresAndOutwaitTheirFunction() {
        functions().forEach((name, function) -> events(function, "SQS").forEach(event -> {
            JsonNode types = event.path("FunctionResponseTypes");
            assertTrue(types.toString().contains(BATCH_FAILURES),
                    name + " SQS event source lacks " + BATCH_FAILURES + ": " + event);

            String queue = event.path("Queue").path("Fn::GetAtt").path(0).asText();
            int visibility = resources.path(queue).path("Properties").path("VisibilityTimeout")
                    .asInt(30);
            int timeout = function.path("Properties").path("Timeout")
                    .asInt(globals.path("Timeout").asInt(3));
            assertTrue(visibility >= 6 * timeout, queue + " visibility " + visibility
                    + " s is under six times the " + timeout + " s timeout of " + name);
        }));
    }

    @Test
    void everyWorkQueueRedrivesToADeadLetterQueue() {
        Set<String> deadLetterQueues = new TreeSet<>();
        ofType(QUEUE).forEach((name, queue) -> {
            JsonNode redrive = queue.path("Properties").path("RedrivePolicy");
            if (!redrive.isMissingNode()) {
                String target = redrive.path("deadLetterTargetArn").path("Fn::GetAtt").path(0)
                        .asText();
                assertEquals(QUEUE, resources.path(target).path("Type").asText(),
                        name + " dead-letter target " + target);
                int receives = redrive.path("maxReceiveCount").asInt();
                assertTrue(receives >= 1 && receives <= 10, name + " maxReceiveCount " + receives);
                deadLetterQueues.add(target);
            }
        });

        ofType(QUEUE).keySet().stream()
                .filter(name -> !deadLetterQueues.contains(name))
                .forEach(name -> assertTrue(
                        resources.path(name).path("Properties").has("RedrivePolicy"),
                        name + " is neither a dead-letter queue nor redrives to one"));
    }

    @Test
    void tablesAreOnDemandWithPointInTimeRecovery() {
        ofType(TABLE).forEach((name, table) -> {
            JsonNode properties = table.path("Properties");
            assertEquals("PAY_PER_REQUEST", properties.path("BillingMode").asText(),
                    name + " billing mode");
            assertTrue(properties.path("PointInTimeRecoverySpecification")
                    .path("PointInTimeRecoveryEnabled").asBoolean(), name + " lacks PITR");
        });
    }

    @Test
    void noApiKeyIsWrittenInTheTemplate() {
        parameters.fields().forEachRemaining(parameter -> {
            String fallback = parameter.getValue().path("Default").asText("");
            if (CREDENTIAL_NAME.matcher(parameter.getKey()).matches()) {
                assertTrue(fallback.isEmpty(),
                        "parameter " + parameter.getKey() + " has a default credential");
            }
        });
        functions().forEach((name, function) -> environment(function).fields()
                .forEachRemaining(variable -> {
                    if (CREDENTIAL_NAME.matcher(variable.getKey()).matches()) {
                        assertTrue(variable.getValue().isObject(), name + " sets "
                                + variable.getKey() + " to a literal instead of a reference");
                    }
                }));
    }

    @Test
    void uploadsAloneTriggerIngest() {
        JsonNode ingest = functionExporting("ingest");
        List<JsonNode> s3 = events(ingest, "S3");

        assertEquals(1, s3.size(), "S3 triggers of ingest");
        JsonNode rules = s3.get(0).path("Filter").path("S3Key").path("Rules");
        assertEquals("uploads/", rules.path(0).path("Value").asText(), "ingest key filter");
    }

    @Test
    void recommendServesTheFourRoutes() {
        Set<String> routes = new TreeSet<>();
        events(functionExporting("recommend"), "HttpApi").forEach(
                e -> routes.add(e.path("Method").asText() + " " + e.path("Path").asText()));

        assertEquals(new TreeSet<>(Set.of("GET /users/{userId}/recommendations",
                "GET /items/{itemId}/similar", "GET /users/{userId}/interests",
                "DELETE /users/{userId}")), routes);
    }

    @Test
    void exactlyTheFunctionsAllowedToReadTheKeySecretCarryTheSecretsExtension() {
        Map<String, Boolean> mismatched = new LinkedHashMap<>();
        functions().forEach((name, function) -> {
            String policies = function.path("Properties").path("Policies").toString();
            boolean readsSecret =
                    policies.contains("secretsmanager") || policies.contains(SECRET_POLICY);
            boolean hasLayer = function.path("Properties").path("Layers").toString()
                    .contains("{\"Ref\":\"" + LAYER_PARAMETER + "\"}");
            if (readsSecret != hasLayer) {
                mismatched.put(name, readsSecret);
            }
        });

        assertTrue(mismatched.isEmpty(), "functions whose secret access (true) or its absence"
                + " (false) does not match the " + LAYER_PARAMETER + " layer: " + mismatched);
        assertTrue(functionExporting("embed").path("Properties").path("Layers").toString()
                .contains(LAYER_PARAMETER), "embed resolves the API key but lacks the layer");
    }

    @Test
    void secretAccessIsLimitedToGetSecretValueOnTheKeySecret() {
        functions().forEach((name, function) -> secretGrants(
                function.path("Properties").path("Policies")).forEach(grant -> assertEquals(
                        "{\"Ref\":\"LlmApiKeySecretArn\"}", grant.toString(),
                        name + " may read secrets beyond the key secret")));
    }

    @Test
    void extensionLayerIsRequiredWithASecretAndListensWhereTheCodeAsks() throws Exception {
        assertEquals("", parameters.path(LAYER_PARAMETER).path("Default").asText(null),
                LAYER_PARAMETER + " must be a parameter (its ARN differs per region)");
        String rules = template.path("Rules").toString();
        assertTrue(rules.contains("LlmApiKeySecretArn") && rules.contains(LAYER_PARAMETER),
                "no rule requires " + LAYER_PARAMETER + " when LlmApiKeySecretArn is set");

        Class<?> apiKeys = Class.forName("dev.longtail.config.ApiKeys", false,
                TemplateConsistencyTest.class.getClassLoader());
        Field extension = apiKeys.getDeclaredField("EXTENSION");
        extension.setAccessible(true);
        int port = URI.create((String) extension.get(null)).getPort();
        functions().forEach((name, function) -> assertEquals(EXTENSION_DEFAULT_PORT,
                environment(function).path("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT")
                        .asInt(EXTENSION_DEFAULT_PORT), name + " moves the extension's port"));
        assertEquals(EXTENSION_DEFAULT_PORT, port, "port the code asks the secrets extension on");
    }

    @Test
    void modelSettingsReachEveryFunctionFromParameters() {
        Map<String, String> settings = Map.of(
                "LONGTAIL_EMBEDDING_BASE_URL", "EmbeddingBaseUrl",
                "LONGTAIL_EMBEDDING_MODEL", "EmbeddingModel",
                "LONGTAIL_CHAT_BASE_URL", "ChatBaseUrl",
                "LONGTAIL_CHAT_MODEL", "ChatModel",
                "LONGTAIL_LLM_API_KEY_SECRET", "LlmApiKeySecretArn");
        functions().forEach((name, function) -> settings.forEach((variable, parameter) -> {
            assertEquals(parameter, environment(function).path(variable).path("Ref").asText(),
                    name + " " + variable);
            assertTrue(parameters.has(parameter), "no parameter " + parameter);
        }));
    }

    /** The resources of every secret grant in the policies; fails on a grant of more than reads. */
    private static List<JsonNode> secretGrants(JsonNode policies) {
        List<JsonNode> resources = new ArrayList<>();
        policies.findParents(SECRET_POLICY).forEach(
                p -> resources.add(p.path(SECRET_POLICY).path("SecretArn")));
        policies.findParents("Action").forEach(statement -> {
            if (statement.path("Action").toString().contains("secretsmanager")) {
                String actions = statement.path("Action").toString();
                assertEquals("\"secretsmanager:GetSecretValue\"",
                        actions.replace("[", "").replace("]", ""), "secret actions granted");
                resources.add(statement.path("Resource"));
            }
        });
        return resources;
    }

    /** Names under which the compiled code exports functions: the {@code @Funq} value or name. */
    private static Set<String> funqMethodNames() throws IOException {
        if (!Files.isDirectory(CODE)) {
            fail("no compiled code under " + CODE + "; run mvn compile first");
        }
        Set<String> names = new TreeSet<>();
        for (Class<?> type : compiledClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                Funq funq = method.getAnnotation(Funq.class);
                if (funq != null) {
                    names.add(funq.value().isEmpty() ? method.getName() : funq.value());
                }
            }
        }
        return names;
    }

    private static List<Class<?>> compiledClasses() throws IOException {
        ClassLoader loader = TemplateConsistencyTest.class.getClassLoader();
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CODE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file).toString()
                        .replace(".class", "").replace(file.getFileSystem().getSeparator(), ".");
                types.add(loadWithoutInitialising(name, loader));
            }
        }
        return types;
    }

    private static Class<?> loadWithoutInitialising(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "compiled class " + name + " is not on the test classpath", e);
        }
    }

    /**
     * Table and queue keys the application reads: those of the shared contract plus any other
     * {@code longtail.table.*} or {@code longtail.queue.*} key in application.properties (with
     * or without a profile prefix).
     */
    private static Set<String> configuredKeys(String prefix) throws IOException {
        Set<String> keys = new TreeSet<>();
        TABLE_KEYS.keySet().stream().filter(k -> k.startsWith(prefix)).forEach(keys::add);
        QUEUE_KEYS.stream().filter(k -> k.startsWith(prefix)).forEach(keys::add);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(PROPERTIES)) {
            properties.load(reader);
        }
        for (String key : properties.stringPropertyNames()) {
            String unprofiled = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            if (unprofiled.startsWith(prefix)) {
                keys.add(unprofiled);
            }
        }
        return keys;
    }

    /**
     * The resource the function's variable for {@code key} refers to. Every function gets every
     * table and queue: they share one configuration, and a missing variable would fall back to
     * a default name that does not exist in a deployed stack.
     */
    private static JsonNode referencedResource(
            Map.Entry<String, JsonNode> function, String key, String type) {
        String variable = key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        JsonNode value = environment(function.getValue()).path(variable);
        String target = value.path("Ref").asText("");
        JsonNode resource = resources.path(target);

        String found = value.isMissingNode() ? "does not set " + variable
                : "sets " + variable + " to " + value;
        assertEquals(type, resource.path("Type").asText(), function.getKey() + " " + found + " ("
                + key + "); expected a Ref to a template resource of type " + type);
        return resource;
    }

    /** Attribute names of the table's key: the hash key first, then the range key if any. */
    private static List<String> keySchema(JsonNode table) {
        List<String> keys = new ArrayList<>();
        for (String keyType : List.of("HASH", "RANGE")) {
            table.path("Properties").path("KeySchema").forEach(k -> {
                if (keyType.equals(k.path("KeyType").asText())) {
                    keys.add(k.path("AttributeName").asText());
                }
            });
        }
        return keys;
    }

    private static Map<String, JsonNode> ofType(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        resources.fields().forEachRemaining(r -> {
            if (type.equals(r.getValue().path("Type").asText())) {
                found.put(r.getKey(), r.getValue());
            }
        });
        return found;
    }

    private static Map<String, JsonNode> functions() {
        return ofType(FUNCTION);
    }

    private static JsonNode functionExporting(String export) {
        return functions().values().stream()
                .filter(f -> export.equals(environment(f).path(EXPORT_VARIABLE).asText()))
                .findFirst()
                .orElseGet(() -> fail("no function exports " + export));
    }

    /** The function's environment variables, its own over those of the Globals section. */
    private static JsonNode environment(JsonNode function) {
        ObjectNode merged = new ObjectMapper().createObjectNode();
        merged.setAll((ObjectNode) variables(globals));
        merged.setAll((ObjectNode) variables(function.path("Properties")));
        return merged;
    }

    private static JsonNode variables(JsonNode properties) {
        JsonNode variables = properties.path("Environment").path("Variables");
        return variables.isObject() ? variables : new ObjectMapper().createObjectNode();
    }

    private static List<JsonNode> events(JsonNode function, String type) {
        List<JsonNode> found = new ArrayList<>();
        function.path("Properties").path("Events").forEach(event -> {
            if (type.equals(event.path("Type").asText())) {
                found.add(event.path("Properties"));
            }
        });
        return found;
    }
}
