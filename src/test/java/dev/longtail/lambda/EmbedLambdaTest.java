package dev.longtail.lambda;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.llm.Embedder;
import dev.longtail.store.ItemStore;
import dev.longtail.store.StoredItem;
import dev.longtail.store.Tables;
import dev.longtail.store.VectorStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The embed function behind the real Lambda entry point, fed the sample SQS batch: the runtime
 * splits it into one call per message, the items get vectors from the in-process model, and a
 * malformed message alone comes back as a batch item failure.
 */
@QuarkusTest
@TestProfile(LambdaProfiles.Embed.class)
class EmbedLambdaTest {

    private static final List<String> MOVIES = List.of("1", "2", "3086");

    private DynamoDbClient dynamo;

    @BeforeEach
    void storeTheThreeMovies() {
        dynamo = LambdaTests.aws().dynamo();
        new ItemStore(dynamo, Tables.defaults()).putAll(List.of(
                movie("1", "Toy Story (1995)", "Adventure", "Animation", "Children", "Comedy"),
                movie("2", "Jumanji (1995)", "Adventure", "Children", "Fantasy"),
                movie("3086", "Babes in Toyland (1934)", "Children", "Comedy", "Fantasy")));
    }

    @Test
    void sampleBatchEmbedsTheThreeMoviesAndFailsNothing() {
        given().contentType("application/json").body(LambdaTests.event("sqs-embed-batch.json"))
                .when().post().then().statusCode(200).body("batchItemFailures", empty());

        VectorStore vectors = new VectorStore(dynamo, Tables.defaults());
        for (String id : MOVIES) {
            var stored = vectors.get(Embedder.DEFAULT_SPACE, id);
            assertTrue(stored.isPresent(), "no vector for movie " + id);
            assertEquals(384, stored.get().vector().length);
        }
    }

    @Test
    void malformedMessageAloneIsReportedAsABatchItemFailure() {
        String batch = LambdaTests.event("sqs-embed-batch.json").replace(
                "\"body\": \"{\\\"kind\\\":\\\"item\\\",\\\"itemId\\\":\\\"2\\\"}\"",
                "\"body\": \"{\\\"kind\\\":\\\"items\\\",\\\"itemIds\\\":[]}\"");
        assertTrue(batch.contains("itemIds"), "the sample batch no longer has message 2 as expected");

        given().contentType("application/json").body(batch).when().post().then().statusCode(200)
                .body("batchItemFailures.itemIdentifier",
                        contains("5a0c0000-0000-4000-8000-000000000002"));
    }

    private static StoredItem movie(String id, String title, String... genres) {
        return new StoredItem(id, title, "", List.of(genres), List.of(), Map.of());
    }
}
