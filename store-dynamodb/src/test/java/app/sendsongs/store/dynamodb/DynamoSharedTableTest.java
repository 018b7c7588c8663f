package app.sendsongs.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.registration.OAuthState;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.core.watch.Watch;
import app.sendsongs.store.contract.Race;
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
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStore::createTable);

    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");
    private static final Instant LEASE = T0.plusSeconds(120);
    private static final TokenCipher CIPHER = TokenCipher.random();

    private DynamoDbClient otherClient;
    private DynamoStore first;
    private DynamoStore second;

    @BeforeEach
    void open() {
        String table = DYNAMO.freshTable();
        otherClient = DYNAMO.newClient();
        first = DynamoStore.create(DYNAMO.client(), table, CIPHER);
        second = DynamoStore.create(otherClient, table, CIPHER);
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
        otherClient.close();
    }

    @Test
    void eachStoreSeesTheOthersWrites() {
        first.scheduleWatch("bob", T0, T0);

        assertThat(second.findWatch("bob")).isEqualTo(first.findWatch("bob")).isPresent();
    }

    @Test
    void twoStoresClaimingAtOnceClaimEachDueWatchOnce() {
        int watches = 80;
        for (int i = 0; i < watches; i++) {
            (i % 2 == 0 ? first : second).scheduleWatch("r" + i, T0.minusSeconds(i), T0.minusSeconds(3_600));
        }

        List<List<String>> perThread = Race.run(8, thread -> claimUntilNoneLeft(thread % 2 == 0 ? first : second));

        List<String> claimed = new ArrayList<>(perThread.stream().flatMap(List::stream).toList());
        claimed.addAll(claimUntilNoneLeft(first));
        assertThat(claimed).hasSize(watches).doesNotHaveDuplicates();
    }

    @Test
    void twoStoresSeeOneFirstDeliveryOfAMessageAndOneTakerOfAState() {
        first.saveOAuthState(new OAuthState("shared-state", T0));

        List<Boolean> firsts = Race.run(8, thread -> (thread % 2 == 0 ? first : second)
                .firstDelivery("mid.shared", T0));
        List<Optional<OAuthState>> taken = Race.run(8, thread -> (thread % 2 == 0 ? first : second)
                .takeOAuthState("shared-state"));

        assertThat(firsts).containsOnlyOnce(true);
        assertThat(taken).filteredOn(Optional::isPresent).hasSize(1);
    }

    private static List<String> claimUntilNoneLeft(DynamoStore store) {
        List<String> mine = new ArrayList<>();
        List<Watch> claimed;
        do {
            claimed = store.claimDueWatches(T0, 3, LEASE);
            claimed.forEach(w -> mine.add(w.receiverPsid()));
        } while (!claimed.isEmpty());
        return mine;
    }
}
