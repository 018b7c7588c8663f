package app.sendsongs.store.dynamodb;

import app.sendsongs.core.Census;
import app.sendsongs.core.EchoedMessages;
import app.sendsongs.core.Stores;
import app.sendsongs.core.chat.PaceLedger;
import app.sendsongs.core.chat.PaceRules;
import app.sendsongs.core.user.TokenCipher;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The {@link Stores} in one DynamoDB table: the serverless deployment's database, which several
 * servers or Lambda functions can share. Each part is a class of its own over the table
 * ({@link DynamoUsers}, {@link DynamoShares}, ...), assembled here once. The table design (keys,
 * item types, indexes, conditional writes, the role of TTL, how people are keyed) is in
 * docs/architecture.md, "DynamoDB table design".
 *
 * <p>Thread-safe (as the client is). Every read by key is strongly consistent; lists come from
 * global secondary indexes, which are eventually consistent, except a person's held messages,
 * which are one consistent query. Whatever two workers could race on is a conditional write on
 * the base item, never a decision taken on an index read. No operation scans, and no operation
 * uses a transaction. Times are kept as epoch milliseconds. Spotify tokens are sealed with a
 * {@link TokenCipher} before they are written.
 */
public final class DynamoStores {
    private DynamoStores() {
    }

    /**
     * The store on an existing table (see {@link #createTable}). Spotify tokens are sealed with
     * {@code cipher}. Nothing is called on the client until the store is used; closing the store
     * leaves the client open: whoever built it closes it.
     */
    public static Stores create(DynamoDbClient client, String tableName, TokenCipher cipher) {
        return create(client, tableName, cipher, new TableHealth());
    }

    /** As {@link #create(DynamoDbClient, String, TokenCipher)}, telling {@code health} how its writes fare. */
    public static Stores create(DynamoDbClient client, String tableName, TokenCipher cipher, TableHealth health) {
        DynamoTable table = table(client, tableName, health);
        Objects.requireNonNull(cipher, "cipher");
        GrantAttributes grants = new GrantAttributes(cipher);
        DueIndex due = new DueIndex(table);
        Counters counters = new Counters(table);
        DynamoUsers users = new DynamoUsers(table, grants);
        DynamoOutbox outbox = new DynamoOutbox(table, due, counters);
        DynamoShares shares = new DynamoShares(table, counters);
        DynamoChoices choices = new DynamoChoices(table);
        DynamoWatches watches = new DynamoWatches(table, due);
        GroupSendItems groupSends = new GroupSendItems(table);
        DynamoGroups groups = new DynamoGroups(table, groupSends);
        DynamoGroupChats groupChats = new DynamoGroupChats(table, due);
        DynamoReach reach = new DynamoReach(table);
        DynamoDrafts drafts = new DynamoDrafts(table);
        DynamoPreferences preferences = new DynamoPreferences(table);
        DynamoInvites invites = new DynamoInvites(table, due);
        DynamoHousekeeping housekeeping = new DynamoHousekeeping(users, shares, watches, outbox, choices, drafts,
                invites, preferences, groups, groupChats, reach, groupSends, counters, new Purge(table, due));
        return new Stores(users, new DynamoRegistrations(table, grants), new DynamoInboundLog(table),
                new DynamoInbox(table, due), outbox, shares, choices, watches, groups, groupChats, reach, preferences,
                drafts, invites, housekeeping, () -> {
                    // the client belongs to the caller; the store holds nothing else
                });
    }

    /**
     * The parts of the store on an existing table that confirming echoed messages uses ({@link EchoedMessages}): they
     * read no one's tokens, so no cipher is needed.
     */
    public static EchoedMessages.Parts echoedMessages(DynamoDbClient client, String tableName) {
        DynamoTable table = table(client, tableName, new TableHealth());
        DueIndex due = new DueIndex(table);
        Counters counters = new Counters(table);
        return new EchoedMessages.Parts(new DynamoOutbox(table, due, counters), new DynamoShares(table, counters),
                new DynamoWatches(table, due));
    }

    private static DynamoTable table(DynamoDbClient client, String tableName, TableHealth health) {
        Objects.requireNonNull(client, "client");
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException("the DynamoDB table name is empty");
        }
        return new DynamoTable(client, tableName, health);
    }

    /**
     * The send pace of {@code platform} (e.g. {@code telegram}) on an existing table, kept by {@code rules} and shared
     * by every process that sends on the table: one conditional write per reservation (see {@link DynamoPace}).
     */
    public static PaceLedger sendPace(DynamoDbClient client, String tableName, String platform, PaceRules rules) {
        return new DynamoPace(table(client, tableName, new TableHealth()), platform, rules);
    }

    /** The operator's figures of the table (see {@link DynamoCensus}); the client stays the caller's. */
    public static Census census(DynamoDbClient client, String tableName) {
        Objects.requireNonNull(client, "client");
        return new DynamoCensus(new DynamoTable(client, tableName));
    }

    /**
     * Creates the table with its indexes and TTL attribute, as deploy/terraform does, and waits
     * until it is active. Does nothing to a table that already has the expected keys and indexes;
     * refuses (with the reason) one that does not.
     */
    public static void createTable(DynamoDbClient client, String tableName) {
        new TableSetup(client, tableName).create();
    }
}
