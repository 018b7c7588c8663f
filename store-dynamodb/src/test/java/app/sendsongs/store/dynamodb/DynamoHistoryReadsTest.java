package app.sendsongs.store.dynamodb;

import static app.sendsongs.store.contract.Samples.at;
import static app.sendsongs.store.contract.Samples.heldShare;
import static app.sendsongs.store.contract.Samples.share;
import static app.sendsongs.store.contract.Samples.watchingShare;
import static app.sendsongs.store.dynamodb.TableSetup.index;
import static app.sendsongs.store.dynamodb.TableSetup.keys;
import static app.sendsongs.store.dynamodb.TableSetup.string;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.testsupport.DynaliteExtension;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A person's contacts, latest songs and open songs are read from the newest or the open index entries, not from their
 * whole history. Counted as DynamoDB bills them: the items its queries read.
 */
class DynamoHistoryReadsTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);

    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");
    private static final int HISTORY = 60;

    private DynamoShares shares;

    @BeforeEach
    void aLongHistoryEachWay() {
        DynamoTable table = new DynamoTable(DYNAMO.client(), DYNAMO.freshTable());
        shares = new DynamoShares(table, new Counters(table));
        for (int i = 0; i < HISTORY; i++) {
            shares.insertShare(share("sent-" + i, "alice", "bob-" + i % 7, minutes(i), ShareStatus.PLAYED));
            shares.insertShare(share("received-" + i, "carol-" + i % 5, "alice", minutes(i), ShareStatus.EXPIRED));
        }
        shares.insertShare(heldShare("held", "alice", "dan", minutes(HISTORY)));
        shares.insertShare(heldShare("held-to-alice", "erin", "alice", minutes(HISTORY)));
        shares.insertShare(watchingShare("watched-by-alice", "frank", "alice", minutes(2), minutes(HISTORY)));
    }

    @Test
    void theLatestSongsSentAreReadAloneWithTheirMillisecond() {
        assertThat(itemsQueried(() -> shares.latestSentBy(at("alice"), 10))).isLessThanOrEqualTo(10 + 1);
        assertThat(shares.latestSentBy(at("alice"), 3)).extracting(Share::id)
                .containsExactly("held", "sent-59", "sent-58");
    }

    @Test
    void thePeopleOfTheLatestSongsEachWayAreReadFromEachStatesNewestEntries() {
        assertThat(shares.latestCounterparts(at("alice"), 3)).containsExactly(at("dan"), at("erin"), at("bob-3"),
                at("carol-4"), at("bob-2"), at("carol-3"));
        // sent: the latest 5 and the 5th one's millisecond; received: the one held, the latest 5 done and the 5th
        // one's millisecond, the one watched
        assertThat(itemsQueried(() -> shares.latestCounterparts(at("alice"), 5))).isEqualTo(6 + 1 + 6 + 1);
    }

    @Test
    void openSongsSentAreReadAloneFromTheIndexOfSharesBySenderAndState() {
        assertThat(shares.openSharesSentBy(at("alice"))).extracting(Share::id).containsExactly("held");
        assertThat(itemsQueried(() -> shares.openSharesSentBy(at("alice")))).isEqualTo(1);
    }

    /**
     * A table made before {@code gsi3}: setting it up again leaves it as it is, and the open songs are read from
     * every share sent until the operator adds the index (DynamoDB then builds it from the shares already stored;
     * dynalite cannot add an index to a table, so that step is not tried here).
     */
    @Test
    void aTableMadeBeforeTheIndexOfSharesBySenderStillServesOpenSongs() {
        String name = "before-gsi3-" + UUID.randomUUID();
        createTableWithoutGsi3(name);
        try {
            DynamoTable table = new DynamoTable(DYNAMO.client(), name);
            DynamoShares before = new DynamoShares(table, new Counters(table));
            before.insertShare(share("done", "alice", "bob", T0, ShareStatus.PLAYED));
            before.insertShare(heldShare("held", "alice", "bob", minutes(1)));
            before.insertShare(watchingShare("watched", "alice", "carol", minutes(2), minutes(3)));

            DynamoStores.createTable(DYNAMO.client(), name);

            assertThat(before.openSharesSentBy(at("alice"))).extracting(Share::id).containsExactly("held", "watched");
            assertThat(itemsQueried(() -> before.openSharesSentBy(at("alice")))).as("every share sent").isEqualTo(3);
        } finally {
            DYNAMO.client().deleteTable(r -> r.tableName(name));
        }
    }

    /** The table as {@link DynamoStores#createTable} made it before {@code gsi3}. */
    private static void createTableWithoutGsi3(String name) {
        DYNAMO.client().createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("pk"), string("sk"), string("gsi1pk"), string("gsi1sk"),
                        string("gsi2pk"), string("gsi2sk"), string("dueShard"),
                        AttributeDefinition.builder().attributeName("dueAt").attributeType(ScalarAttributeType.N)
                                .build())
                .keySchema(keys("pk", "sk"))
                .globalSecondaryIndexes(index("gsi1", "gsi1pk", "gsi1sk"), index("gsi2", "gsi2pk", "gsi2sk"),
                        index("due", "dueShard", "dueAt")));
        DYNAMO.client().waiter().waitUntilTableExists(r -> r.tableName(name));
    }

    private static long itemsQueried(Supplier<?> read) {
        long before = DYNAMO.operations().itemsQueried();
        read.get();
        return DYNAMO.operations().itemsQueried() - before;
    }

    private static Instant minutes(int n) {
        return T0.plusSeconds(60L * n);
    }
}
