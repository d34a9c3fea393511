package dev.longtail.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiStubTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenAiStub stub = OpenAiStub.start();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        stub.close();
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stub.baseUrl() + path))
                .header("Authorization", "Bearer test-key")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void bindsToLoopbackOnly() {
        assertEquals("http://127.0.0.1:", stub.baseUrl().substring(0, 17));
    }

    @Test
    void answersChatInOpenAiShapeAndRecordsRequest() throws Exception {
        stub.answerChatWith("{\"ok\":true}");
        HttpResponse<String> response = post("/chat/completions",
                "{\"model\":\"m1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        JsonNode json = JSON.readTree(response.body());
        assertEquals(200, response.statusCode());
        assertEquals("m1", json.path("model").asText());
        assertEquals("{\"ok\":true}", json.at("/choices/0/message/content").asText());
        assertEquals("stop", json.at("/choices/0/finish_reason").asText());
        OpenAiStub.RecordedRequest recorded = stub.requests().get(0);
        assertEquals("/v1/chat/completions", recorded.path());
        assertEquals("Bearer test-key", recorded.header("authorization"));
        assertEquals("hi", recorded.message("user"));
    }

    @Test
    void embedsDeterministicallyInRequestedDimension() throws Exception {
        HttpResponse<String> response = post("/embeddings",
                "{\"model\":\"e\",\"input\":[\"a\",\"b\"],\"dimensions\":8}");

        JsonNode data = JSON.readTree(response.body()).path("data");
        assertEquals(2, data.size());
        assertEquals(1, data.get(1).path("index").asInt());
        float[] first = new float[8];
        for (int i = 0; i < 8; i++) {
            first[i] = data.get(0).path("embedding").get(i).floatValue();
        }
        assertArrayEquals(OpenAiStub.fakeEmbedding("a", 8), first, 1e-6f);
        assertNotEquals(data.get(0).path("embedding"), data.get(1).path("embedding"));
        double norm = 0;
        for (float v : first) {
            norm += v * v;
        }
        assertEquals(1.0, norm, 1e-5);
    }

    @Test
    void usesDefaultDimensionWhenRequestNamesNone() throws Exception {
        stub.embeddingDimension(5);
        JsonNode json = JSON.readTree(post("/embeddings", "{\"input\":\"a\"}").body());
        assertEquals(5, json.at("/data/0/embedding").size());
    }

    @Test
    void servesQueuedMisbehaviourThenRecovers() throws Exception {
        stub.enqueue(OpenAiStub.Response.rateLimited(Duration.ofSeconds(2)), 2)
                .enqueue(OpenAiStub.Response.serverError());
        HttpResponse<String> limited = post("/embeddings", "{\"input\":\"a\"}");
        assertEquals(429, limited.statusCode());
        assertEquals("2", limited.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(429, post("/embeddings", "{\"input\":\"a\"}").statusCode());
        assertEquals(500, post("/embeddings", "{\"input\":\"a\"}").statusCode());
        assertEquals(200, post("/embeddings", "{\"input\":\"a\"}").statusCode());
        assertEquals(4, stub.requests().size());
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        assertEquals(404, post("/models", "{}").statusCode());
    }
}
