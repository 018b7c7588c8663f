package app.sendsongs.store.dynamodb;

import static app.sendsongs.store.contract.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.Stores;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.InboxClaim;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.core.watch.Watch;
import app.sendsongs.store.contract.Race;
import app.sendsongs.store.contract.Samples;
import app.sendsongs.testsupport.DynaliteExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Two stores on one table, each with its own client, as two servers or two Lambda functions have:
 * only DynamoDB's conditional writes keep them apart.
 */
class DynamoSharedTableTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);

    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");
    private static final Instant LEASE = T0.plusSeconds(120);
    private static final TokenCipher CIPHER = TokenCipher.random();

    private DynamoDbClient otherClient;
    private Stores first;
    private Stores second;

    @BeforeEach
    void open() {
        String table = DYNAMO.freshTable();
        otherClient = DYNAMO.newClient();
        first = DynamoStores.create(DYNAMO.client(), table, CIPHER);
        second = DynamoStores.create(otherClient, table, CIPHER);
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
        otherClient.close();
    }

    @Test
    void eachStoreSeesTheOthersWrites() {
        first.watches().scheduleWatch(at("bob"), T0, T0);

        assertThat(second.watches().findWatch(at("bob"))).isEqualTo(first.watches().findWatch(at("bob")))
                .isPresent();
    }

    @Test
    void twoStoresClaimingAtOnceClaimEachDueWatchOnce() {
        int watches = 80;
        for (int i = 0; i < watches; i++) {
            (i % 2 == 0 ? first : second).watches().scheduleWatch(person(i), T0.minusSeconds(i),
                    T0.minusSeconds(3_600));
        }

        List<List<ChatAddress>> perThread = Race.run(8, thread -> claimUntilNoneLeft(thread % 2 == 0 ? first : second));

        List<ChatAddress> claimed = new ArrayList<>(perThread.stream().flatMap(List::stream).toList());
        claimed.addAll(claimUntilNoneLeft(first));
        assertThat(claimed).hasSize(watches).doesNotHaveDuplicates();
    }

    @Test
    void twoStoresClaimEachPersonOnceAndOneUsesAState() {
        List<Inbound> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(new Inbound.Text("m_" + i, ChatAddress.messenger("p" + i % 6), T0, "help"));
        }
        first.inbox().append(events, T0);

        List<Optional<InboxClaim>> claims = Race.run(8, thread -> (thread % 2 == 0 ? first : second).inbox()
                .claim(T0, T0.plusSeconds(120), 10));
        List<Boolean> used = Race.run(8, thread -> (thread % 2 == 0 ? first : second).registrations()
                .useOnce("state:shared", T0));

        assertThat(claims.stream().flatMap(Optional::stream).map(InboxClaim::person)).hasSize(6)
                .doesNotHaveDuplicates();
        assertThat(used).containsOnlyOnce(true);
    }

    /** Half the receivers on Messenger, half on Telegram: both kinds of person key share the due index. */
    private static ChatAddress person(int i) {
        return i % 2 == 0 ? at("r" + i) : Samples.onTelegram("r" + i);
    }

    private static List<ChatAddress> claimUntilNoneLeft(Stores store) {
        List<ChatAddress> mine = new ArrayList<>();
        List<Watch> claimed;
        do {
            claimed = store.watches().claimDueWatches(T0, 3, LEASE);
            claimed.forEach(w -> mine.add(w.receiver()));
        } while (!claimed.isEmpty());
        return mine;
    }
}
