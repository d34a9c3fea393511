package dev.longtail.store;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Creates Longtail's tables on a local DynamoDB-compatible server for the demo and the tests.
 * In AWS the tables come from the deployment template instead.
 */
public final class TableSetup {

    private TableSetup() {
    }

    /** Creates every table that does not exist yet and waits until all are active. */
    public static void createAll(DynamoDbClient dynamo, Tables tables) {
        create(dynamo, tables.items(), "itemId", null);
        create(dynamo, tables.vectors(), "shard", "itemId");
        create(dynamo, tables.events(), "userId", "eventId");
        create(dynamo, tables.stats(), "key", null);
        create(dynamo, tables.profiles(), "userId", null);
        for (String table : List.of(tables.items(), tables.vectors(), tables.events(), tables.stats(),
                tables.profiles())) {
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
        }
    }

    private static void create(DynamoDbClient dynamo, String table, String hashKey, String rangeKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        List<AttributeDefinition> attributes = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(hashKey).keyType(KeyType.HASH).build());
        attributes.add(stringAttribute(hashKey));
        if (rangeKey != null) {
            keys.add(KeySchemaElement.builder().attributeName(rangeKey).keyType(KeyType.RANGE).build());
            attributes.add(stringAttribute(rangeKey));
        }
        try {
            dynamo.createTable(CreateTableRequest.builder().tableName(table).keySchema(keys)
                    .attributeDefinitions(attributes).billingMode(BillingMode.PAY_PER_REQUEST).build());
        } catch (ResourceInUseException alreadyThere) {
            // Re-running the demo against the same server keeps its data.
        }
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name)
                .attributeType(ScalarAttributeType.S).build();
    }
}
