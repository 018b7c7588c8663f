package app.sendsongs.store.dynamodb;

import static app.sendsongs.store.contract.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.watch.Watch;
import app.sendsongs.testsupport.DynaliteExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A global secondary index lags behind the table: a claimer may be shown a watch as it was before
 * another claim, a reschedule or a delete. Whatever such a stale listing says, the claim is decided
 * by the base item, so a watch is never claimed twice and a moved watch is not claimed early.
 */
class StaleIndexClaimTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);

    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");
    private static final Instant LEASE = T0.plusSeconds(120);

    private DynamoTable table;
    private DueIndex due;
    private DynamoWatches watches;

    @BeforeEach
    void open() {
        table = new DynamoTable(DYNAMO.client(), DYNAMO.freshTable());
        due = new DueIndex(table);
        watches = new DynamoWatches(table, due);
    }

    @Test
    void aListingFromBeforeAnotherClaimClaimsNothing() {
        watches.scheduleWatch(at("bob"), T0.minusSeconds(60), T0.minusSeconds(600));
        List<Map<String, AttributeValue>> stale = due.dueBy(DynamoWatches.TYPE, T0, 10);

        List<Watch> firstClaim = watches.claimDueWatches(T0, 10, LEASE);

        assertThat(firstClaim).extracting(Watch::receiver).containsExactly(at("bob"));
        assertThat(watches.claimFrom(stale, T0, 10, LEASE)).isEmpty();
        assertThat(watches.findWatch(at("bob"))).contains(firstClaim.getFirst());
    }

    @Test
    void aListingFromBeforeAReschedulingDoesNotClaimTheNewVersion() {
        watches.scheduleWatch(at("bob"), T0.minusSeconds(60), T0.minusSeconds(600));
        List<Map<String, AttributeValue>> stale = due.dueBy(DynamoWatches.TYPE, T0, 10);
        watches.scheduleWatch(at("bob"), T0.minusSeconds(120), T0.minusSeconds(900));
        Watch rescheduled = watches.findWatch(at("bob")).orElseThrow();

        assertThat(watches.claimFrom(stale, T0, 10, LEASE)).isEmpty();
        assertThat(watches.findWatch(at("bob"))).contains(rescheduled);
        assertThat(watches.claimDueWatches(T0, 10, LEASE)).extracting(Watch::version)
                .containsExactly(rescheduled.version() + 1);
    }

    @Test
    void aListingOfADeletedWatchNeitherClaimsNorRecreatesIt() {
        watches.scheduleWatch(at("bob"), T0.minusSeconds(60), T0.minusSeconds(600));
        List<Map<String, AttributeValue>> stale = due.dueBy(DynamoWatches.TYPE, T0, 10);
        watches.deleteWatch(at("bob"));

        assertThat(watches.claimFrom(stale, T0, 10, LEASE)).isEmpty();
        assertThat(watches.findWatch(at("bob"))).isEmpty();
    }

    @Test
    void aWatchIsClaimedOnlyIfItIsStillDueAtTheClaimersNow() {
        watches.scheduleWatch(at("bob"), T0, T0.minusSeconds(600));
        List<Map<String, AttributeValue>> listedForALaterNow = due.dueBy(DynamoWatches.TYPE, T0.plusSeconds(1), 10);

        assertThat(watches.claimFrom(listedForALaterNow, T0.minusMillis(1), 10, LEASE)).isEmpty();
        assertThat(watches.findWatch(at("bob")).orElseThrow().dueAt()).isEqualTo(T0);
    }
}
