package app.sendsongs.store.dynamodb;

import static app.sendsongs.store.contract.Samples.at;
import static app.sendsongs.store.contract.Samples.heldShare;
import static app.sendsongs.store.contract.Samples.share;
import static app.sendsongs.store.contract.Samples.watchingShare;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.testsupport.DynaliteExtension;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A person's contacts and latest songs are read from the newest index entries, not from their whole history; only
 * their open songs still take every share they sent (no index holds shares by sender and state), and of those only
 * the open ones come back. Counted as DynamoDB bills them: the items its queries read.
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
    void openSongsReadTheWholeHistoryButOnlyTheOpenOnesComeBack() {
        assertThat(shares.openSharesSentBy(at("alice"))).extracting(Share::id).containsExactly("held");
        assertThat(itemsQueried(() -> shares.openSharesSentBy(at("alice")))).isEqualTo(HISTORY + 1);
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
