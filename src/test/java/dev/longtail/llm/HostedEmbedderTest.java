package dev.longtail.llm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.longtail.embed.EmbedService;
import dev.longtail.store.ItemStore;
import dev.longtail.store.StatsStore;
import dev.longtail.store.StoredItem;
import dev.longtail.store.VectorStore;
import dev.longtail.testing.OpenAiStub;
import dev.longtail.testing.TestStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Embedder#hosted} (LangChain4j's OpenAI client) against a local OpenAI-compatible stub,
 * alone and through {@link EmbedService} on dynalite.
 */
class HostedEmbedderTest {

    private static final String MODEL = "Stub-Embed-Small";
    private static final String SPACE = "stub-embed-small/64";
    private static final int DIMENSION = 64;
    private static final List<String> IDS = List.of("h-1", "h-2", "h-3");

    private OpenAiStub stub;
    private Embedder hosted;

    @BeforeEach
    void startStub() {
        stub = OpenAiStub.start().embeddingDimension(DIMENSION);
        hosted = Embedder.hosted(stub.baseUrl(), MODEL, "test-key-123", DIMENSION, Duration.ofSeconds(5));
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void sendsModelAndAllTextsInOneRequestWithTheBearerKey() {
        List<float[]> vectors = hosted.embedAll(List.of("linen apron", "rain gauge"));

        assertEquals(1, stub.requests().size());
        OpenAiStub.RecordedRequest request = stub.requests().get(0);
        assertEquals("/v1/embeddings", request.path());
        assertEquals("Bearer test-key-123", request.header("Authorization"));
        JsonNode body = request.json();
        assertEquals(MODEL, body.path("model").asText());
        List<String> inputs = new ArrayList<>();
        body.path("input").forEach(text -> inputs.add(text.asText()));
        assertEquals(List.of("linen apron", "rain gauge"), inputs);
        assertArrayEquals(OpenAiStub.fakeEmbedding("rain gauge", DIMENSION), vectors.get(1));
    }

    @Test
    void spaceIsTheLowerCasedModelAndDimension() {
        assertEquals(SPACE, hosted.space());
    }

    @Test
    void answerOfAnotherDimensionIsRejected() {
        stub.embeddingDimension(32);

        EmbeddingException e = assertThrows(EmbeddingException.class,
                () -> hosted.embedAll(List.of("linen apron")));

        assertTrue(e.getMessage().contains("32 dimensions"), e.getMessage());
    }

    @Test
    void serverErrorsBeyondTheRetriesFailWithEmbeddingException() {
        stub.enqueue(OpenAiStub.Response.serverError(), 3);

        assertThrows(EmbeddingException.class, () -> hosted.embedAll(List.of("linen apron")));
        assertEquals(3, stub.requests().size(), "one request and two retries");
    }

    @Test
    void rateLimitBeyondTheRetriesFailsWithEmbeddingException() {
        stub.enqueue(OpenAiStub.Response.rateLimited(), 3);

        assertThrows(EmbeddingException.class, () -> hosted.embedAll(List.of("linen apron")));
    }

    @Test
    void embedServiceStoresHostedVectorsInTheirOwnSpaceBesideTheDefaultOnes() {
        TestStack stack = TestStack.fresh();
        storeItems(stack);
        stack.components.embed().embedItems(IDS);

        EmbedService.Result result = service(stack).embedItems(IDS);

        VectorStore vectors = new VectorStore(TestStack.dynamo(), stack.tables);
        assertEquals(3, result.embedded());
        assertEquals(3, vectors.loadAll(SPACE).size());
        vectors.loadAll(SPACE).forEach(v -> assertEquals(DIMENSION, v.vector().length));
        assertEquals(3, vectors.loadAll(Embedder.DEFAULT_SPACE).size());
        vectors.loadAll(Embedder.DEFAULT_SPACE).forEach(v -> assertEquals(384, v.vector().length));
    }

    @Test
    void failedEmbeddingStoresNothingAndTheRetriedMessageSucceeds() {
        TestStack stack = TestStack.fresh();
        storeItems(stack);
        EmbedService service = service(stack);
        stub.enqueue(OpenAiStub.Response.serverError(), 3);

        assertThrows(EmbeddingException.class, () -> service.embedItems(IDS));
        VectorStore vectors = new VectorStore(TestStack.dynamo(), stack.tables);
        assertTrue(vectors.loadAll(SPACE).isEmpty());

        assertEquals(3, service.embedItems(IDS).embedded());
        assertEquals(3, vectors.loadAll(SPACE).size());
    }

    private EmbedService service(TestStack stack) {
        return new EmbedService(new ItemStore(TestStack.dynamo(), stack.tables),
                new VectorStore(TestStack.dynamo(), stack.tables),
                new StatsStore(TestStack.dynamo(), stack.tables), hosted);
    }

    private static void storeItems(TestStack stack) {
        List<StoredItem> items = new ArrayList<>();
        for (String id : IDS) {
            items.add(new StoredItem(id, "Garden tool " + id, "for spring", List.of("garden"),
                    List.of(), Map.of()));
        }
        new ItemStore(TestStack.dynamo(), stack.tables).putAll(items);
    }
}
