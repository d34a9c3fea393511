package dev.longtail.lambda;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longtail.llm.Embedder;
import dev.longtail.store.ItemStore;
import dev.longtail.store.StoredItem;
import dev.longtail.store.Tables;
import dev.longtail.store.VectorStore;
import dev.longtail.testing.OpenAiStub;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The recommend function behind the real Lambda entry point, fed the sample API Gateway HTTP API
 * events: a list of recommendations, a 400 naming the bad parameter, a 404 for an unknown item.
 */
@QuarkusTest
@TestProfile(LambdaProfiles.Recommend.class)
class RecommendLambdaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void storeACatalogWithVectors() {
        DynamoDbClient dynamo = LambdaTests.aws().dynamo();
        List<StoredItem> items = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            items.add(new StoredItem(Integer.toString(i), "Film " + i, "", List.of("Drama"),
                    List.of(), Map.of()));
        }
        new ItemStore(dynamo, Tables.defaults()).putAll(items);
        VectorStore vectors = new VectorStore(dynamo, Tables.defaults());
        // Any unit vectors of the default space's dimension will do for answering requests.
        items.forEach(item -> vectors.put(Embedder.DEFAULT_SPACE, item.id(),
                OpenAiStub.fakeEmbedding(item.embeddingText(), 384), item.textHash()));
    }

    @Test
    void recommendationsAnswer200WithTheRequestedCountOfTitledItems() throws Exception {
        JsonNode items = body("http-recommendations.json", 200).path("items");

        assertEquals(5, items.size(), items.toString());
        for (JsonNode item : items) {
            assertFalse(item.path("title").asText().isEmpty(), item.toString());
        }
    }

    @Test
    void nonNumericCountAnswers400NamingCountAndItsValue() throws Exception {
        JsonNode error = body("http-bad-count.json", 400);

        assertEquals("count", error.path("parameter").asText());
        assertEquals("abc", error.path("value").asText());
    }

    @Test
    void similarItemsOfAnUnknownItemAnswer404() throws Exception {
        body("http-unknown-item.json", 404);
    }

    /** Sends the sample event and returns the body of the HTTP answer, checking its status. */
    private static JsonNode body(String event, int status) throws Exception {
        String answer = given().contentType("application/json").body(LambdaTests.event(event))
                .when().post().then().statusCode(200).extract().asString();
        JsonNode response = JSON.readTree(answer);
        assertEquals(status, response.path("statusCode").asInt(), answer);
        return JSON.readTree(response.path("body").asText());
    }
}
