package app.sendsongs.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.testsupport.DynaliteExtension;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** {@link DynamoStores#createTable}: the table production has, created once, and a clear refusal of a foreign one. */
class TableSetupTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);

    @Test
    void createsTheKeysIndexesAndOnDemandBillingOfTheDesign() {
        TableDescription table = describe(DYNAMO.freshTable());

        assertThat(table.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("pk:" + KeyType.HASH, "sk:" + KeyType.RANGE);
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("gsi1", "gsi2", "gsi3", "due");
        GlobalSecondaryIndexDescription due = table.globalSecondaryIndexes().stream()
                .filter(index -> index.indexName().equals("due")).findFirst().orElseThrow();
        assertThat(due.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("dueShard:" + KeyType.HASH, "dueAt:" + KeyType.RANGE);
        assertThat(due.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        assertThat(table.attributeDefinitions()).anySatisfy(definition -> {
            assertThat(definition.attributeName()).isEqualTo("dueAt");
            assertThat(definition.attributeType()).isEqualTo(ScalarAttributeType.N);
        });
    }

    @Test
    void creatingAgainKeepsTheTableAndItsItems() {
        String name = DYNAMO.freshTable();
        DynamoStores.create(DYNAMO.client(), name, TokenCipher.random()).inbound()
                .markHandled("messenger:mid.1", Instant.EPOCH);

        DynamoStores.createTable(DYNAMO.client(), name);

        assertThat(DynamoStores.create(DYNAMO.client(), name, TokenCipher.random()).inbound()
                .handled("messenger:mid.1")).isTrue();
    }

    @Test
    void aTableOfThatNameWithAnotherKeySchemaIsRefusedWithTheReason() {
        String name = "foreign-" + UUID.randomUUID();
        DYNAMO.client().createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        try {
            assertThatThrownBy(() -> DynamoStores.createTable(DYNAMO.client(), name))
                    .isInstanceOf(DynamoStoreException.class)
                    .hasMessageContaining(name).hasMessageContaining("key schema");
        } finally {
            DYNAMO.client().deleteTable(r -> r.tableName(name));
        }
    }

    @Test
    void theOperationLogSeesAScanSoTheContractSuitesNoScanCheckCanFail() {
        String name = DYNAMO.freshTable();

        DYNAMO.client().scan(r -> r.tableName(name));

        assertThat(DYNAMO.operations().counts()).containsKey("Scan");
    }

    private static TableDescription describe(String name) {
        return DYNAMO.client().describeTable(r -> r.tableName(name)).table();
    }
}
