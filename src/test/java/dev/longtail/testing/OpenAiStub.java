package dev.longtail.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local stand-in for an OpenAI-compatible server, bound to 127.0.0.1 on a free port. It
 * answers {@code POST /v1/chat/completions} and {@code POST /v1/embeddings} in OpenAI's
 * response shapes and records every request for assertions.
 *
 * <p>By default a chat completion answers with {@link #answerChatWith the scripted content}
 * and an embedding request gets {@link #fakeEmbedding deterministic unit vectors} of the
 * requested {@code dimensions} (or {@link #embeddingDimension the default}). Responses
 * {@link #enqueue queued} beforehand are served first, one per request, in order, to either
 * path.
 *
 * <pre>{@code
 * try (OpenAiStub stub = OpenAiStub.start()) {
 *     stub.enqueue(OpenAiStub.Response.rateLimited(Duration.ofSeconds(1)));
 *     ... point the client at stub.baseUrl() ...
 *     assertEquals("Bearer key", stub.requests().get(0).header("Authorization"));
 * }
 * }</pre>
 */
public final class OpenAiStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService workers;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Response> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger served = new AtomicInteger();
    private volatile String chatContent = "{}";
    private volatile int embeddingDimension = 384;

    private OpenAiStub(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Starts a stub on 127.0.0.1 and a free port. */
    public static OpenAiStub start() {
        try {
            HttpServer server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            // Several threads: a slow response must not hold up the client's retry.
            ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "openai-stub");
                thread.setDaemon(true);
                return thread;
            });
            OpenAiStub stub = new OpenAiStub(server, workers);
            server.createContext("/", stub::handle);
            server.setExecutor(workers);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the OpenAI stub", e);
        }
    }

    /** @return base URL including {@code /v1}, e.g. {@code http://127.0.0.1:41234/v1} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** @return every request received so far, in arrival order */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Serves {@code response} to the next request not served by an earlier queued one. */
    public OpenAiStub enqueue(Response response) {
        return enqueue(response, 1);
    }

    /** Serves {@code response} to each of the next {@code times} requests. */
    public OpenAiStub enqueue(Response response, int times) {
        for (int i = 0; i < times; i++) {
            queued.add(response);
        }
        return this;
    }

    /** Sets the assistant content of chat completions when nothing is queued. */
    public OpenAiStub answerChatWith(String content) {
        this.chatContent = content;
        return this;
    }

    /** Sets the vector size used when an embedding request names no {@code dimensions}. */
    public OpenAiStub embeddingDimension(int dimension) {
        this.embeddingDimension = dimension;
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    /**
     * The stub's embedding of {@code text}: a unit vector of {@code dimension} floats drawn
     * from a normal distribution seeded by the text's SHA-256, so equal texts embed equally.
     */
    public static float[] fakeEmbedding(String text, int dimension) {
        Random random = new Random(ByteBuffer.wrap(sha256(text)).getLong());
        float[] vector = new float[dimension];
        double sumOfSquares = 0;
        for (int i = 0; i < dimension; i++) {
            vector[i] = (float) random.nextGaussian();
            sumOfSquares += vector[i] * vector[i];
        }
        float norm = (float) Math.sqrt(sumOfSquares);
        for (int i = 0; i < dimension; i++) {
            vector[i] /= norm;
        }
        return vector;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            RecordedRequest request = record(exchange);
            requests.add(request);
            served.incrementAndGet();
            Response response = queued.poll();
            if (response == null) {
                response = Response.normal();
            }
            response.serve(this, request, exchange);
        }
    }

    private static RecordedRequest record(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                headers, body);
    }

    private void answerNormally(RecordedRequest request, HttpExchange exchange) throws IOException {
        if (!"POST".equals(request.method())) {
            send(exchange, 405, error("method " + request.method() + " not allowed"), Map.of());
        } else if (request.path().equals("/v1/chat/completions")) {
            send(exchange, 200, chatCompletion(request, chatContent), Map.of());
        } else if (request.path().equals("/v1/embeddings")) {
            send(exchange, 200, embeddings(request), Map.of());
        } else {
            send(exchange, 404, error("no route " + request.path()), Map.of());
        }
    }

    private String chatCompletion(RecordedRequest request, String content) {
        ObjectNode root = JSON.createObjectNode()
                .put("id", "chatcmpl-stub-" + served.get())
                .put("object", "chat.completion")
                .put("created", 1_537_956_000L)
                .put("model", request.json().path("model").asText("stub"));
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        usage(root, request.body().length() / 4, content == null ? 0 : content.length() / 4);
        return root.toString();
    }

    private String embeddings(RecordedRequest request) {
        JsonNode json = request.json();
        int dimension = json.path("dimensions").asInt(embeddingDimension);
        List<String> inputs = new ArrayList<>();
        JsonNode input = json.path("input");
        if (input.isArray()) {
            input.forEach(node -> inputs.add(node.asText()));
        } else {
            inputs.add(input.asText());
        }
        ObjectNode root = JSON.createObjectNode().put("object", "list");
        ArrayNode data = root.putArray("data");
        int tokens = 0;
        for (int i = 0; i < inputs.size(); i++) {
            ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
            ArrayNode vector = item.putArray("embedding");
            for (float value : fakeEmbedding(inputs.get(i), dimension)) {
                vector.add(value);
            }
            tokens += inputs.get(i).length() / 4 + 1;
        }
        root.put("model", json.path("model").asText("stub"));
        usage(root, tokens, 0);
        return root.toString();
    }

    private static void usage(ObjectNode root, int promptTokens, int completionTokens) {
        root.putObject("usage")
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
    }

    private static String error(String message) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("message", message).put("type", "stub_error");
        return root.toString();
    }

    private static void send(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * One request as the stub received it.
     *
     * @param method  HTTP method
     * @param path    request path, e.g. {@code /v1/chat/completions}
     * @param headers request headers, names compared ignoring case
     * @param body    request body as UTF-8 text
     */
    public record RecordedRequest(
            String method, String path, Map<String, List<String>> headers, String body) {

        /** @return the first value of header {@code name} (any case), or {@code null} */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** @return the body parsed as JSON; a missing node when it is not JSON */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.missingNode();
            }
        }

        /** @return the {@code content} of the chat message with this role, or {@code null} */
        public String message(String role) {
            for (JsonNode message : json().path("messages")) {
                if (role.equals(message.path("role").asText())) {
                    return message.path("content").asText();
                }
            }
            return null;
        }
    }

    /** How the stub answers one request; build with the static factories. */
    public static final class Response {

        private interface Action {
            void serve(OpenAiStub stub, RecordedRequest request, HttpExchange exchange)
                    throws IOException;
        }

        private final Action action;

        private Response(Action action) {
            this.action = action;
        }

        /** The default answer: scripted chat content, or fake embeddings. */
        public static Response normal() {
            return new Response((stub, request, exchange) -> stub.answerNormally(request, exchange));
        }

        /** HTTP 429 with {@code Retry-After} in whole seconds (rounded up). */
        public static Response rateLimited(Duration retryAfter) {
            long seconds = (retryAfter.toMillis() + 999) / 1000;
            return status(429, error("rate limited"),
                    Map.of("Retry-After", Long.toString(seconds)));
        }

        /** HTTP 429 without any {@code Retry-After}. */
        public static Response rateLimited() {
            return status(429, error("rate limited"), Map.of());
        }

        /** HTTP 500 with an OpenAI-style error body. */
        public static Response serverError() {
            return status(500, error("internal error"), Map.of());
        }

        /** Any status, body and extra headers. */
        public static Response status(int status, String body, Map<String, String> headers) {
            return new Response((stub, request, exchange) -> send(exchange, status, body, headers));
        }

        /** Waits {@code delay} (abandoned when the stub closes), then answers normally. */
        public static Response slow(Duration delay) {
            return new Response((stub, request, exchange) -> {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                stub.answerNormally(request, exchange);
            });
        }

        /** HTTP 200 whose body is not JSON at all. */
        public static Response malformedBody() {
            return status(200, "{\"id\": \"chatcmpl-broken\", \"choices\": [", Map.of());
        }

        /** A well-formed chat completion whose assistant content is {@code content}. */
        public static Response chat(String content) {
            return chatFrom(request -> content);
        }

        /** A chat completion whose content is computed from the request (e.g. to echo it). */
        public static Response chatFrom(Function<RecordedRequest, String> content) {
            return new Response((stub, request, exchange) ->
                    send(exchange, 200, stub.chatCompletion(request, content.apply(request)), Map.of()));
        }

        /** A chat completion with empty assistant content. */
        public static Response emptyContent() {
            return chat("");
        }

        private void serve(OpenAiStub stub, RecordedRequest request, HttpExchange exchange)
                throws IOException {
            action.serve(stub, request, exchange);
        }
    }
}
