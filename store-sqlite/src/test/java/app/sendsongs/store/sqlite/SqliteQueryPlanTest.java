package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.watch.WatchStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queries that run on every tick walk an index instead of scanning and sorting a table. */
class SqliteQueryPlanTest {
    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");

    @TempDir
    Path dir;
    private SqliteStores sqlite;
    private WatchStore watches;

    @BeforeEach
    void open() {
        sqlite = SqliteStores.file(dir.resolve("plans.db"), TestTokens.CIPHER);
        watches = sqlite.stores().watches();
        for (int i = 0; i < 50; i++) {
            watches.scheduleWatch(person("r" + i), T0.plusSeconds(i * 60L - 1_500), T0);
        }
    }

    @AfterEach
    void close() {
        sqlite.close();
    }

    @Test
    void dueWatchesAreFoundAtTheFrontOfTheQueueAndEndedLeasesThroughTheirIndex() {
        List<String> queue = plan(SqliteWatches.DUE, T0, 10);
        List<String> leases = plan(SqliteWatches.LEASE_ENDED, T0, 10);

        assertThat(queue).anySatisfy(step -> assertThat(step).contains("SEARCH watch_queue USING PRIMARY KEY"));
        assertThat(leases).anySatisfy(step -> assertThat(step).contains("watch_leases_by_end"));
        assertThat(queue).noneSatisfy(step -> assertThat(step).containsAnyOf("SCAN", "TEMP B-TREE"));
        assertThat(leases).noneSatisfy(step -> assertThat(step).containsAnyOf("SCAN", "TEMP B-TREE"));
    }

    @Test
    void groupChatMessagesDueForAnUpdateAreFoundThroughTheirIndex() {
        List<String> due = plan(SqliteGroupChats.DUE, T0, 10);

        assertThat(due).anySatisfy(step -> assertThat(step).contains("group_chat_songs_due"));
        assertThat(due).noneSatisfy(step -> assertThat(step).containsAnyOf("SCAN", "TEMP B-TREE"));
    }

    @Test
    void aChatsMessagesAwaitingTheBotAreFoundThroughTheirIndexInItsOrder() {
        assertReadInIndexOrder(plan(SqliteGroupChats.AWAITING_BOT, person("chat")), "group_chat_songs_awaiting_bot");
    }

    @Test
    void theStoreReportsTheDueQueryPlanAndLoadsWatchesInBulkAsOneByOne() {
        assertThat(sqlite.watches().dueWatchesQueryPlan()).anySatisfy(step -> assertThat(step).contains("watch_queue"))
                .noneSatisfy(step -> assertThat(step).containsAnyOf("SCAN", "TEMP B-TREE"));

        sqlite.watches().scheduleWatches(List.of(
                new SqliteWatches.WatchToSchedule(person("bulk-1"), T0.plusSeconds(5), T0),
                new SqliteWatches.WatchToSchedule(person("bulk-2"), T0.plusSeconds(9), T0.minusSeconds(3)),
                new SqliteWatches.WatchToSchedule(person("r0"), T0.plusSeconds(3_000), T0.minusSeconds(60))));

        assertThat(watches.findWatch(person("bulk-2")).orElseThrow().dueAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(watches.findWatch(person("bulk-2")).orElseThrow().checkedThrough()).isEqualTo(T0.minusSeconds(3));
        // as scheduleWatch: an existing watch keeps the earlier due time and moves its read position earlier
        assertThat(watches.findWatch(person("r0")).orElseThrow().dueAt()).isEqualTo(T0.minusSeconds(1_500));
        assertThat(watches.findWatch(person("r0")).orElseThrow().checkedThrough()).isEqualTo(T0.minusSeconds(60));
    }

    @Test
    void messagesDueAreFoundThroughTheDueIndex() {
        List<String> plan = plan(SqliteOutbox.DUE_FOR_RETRY, T0, 10);

        assertThat(plan).anySatisfy(step -> assertThat(step).contains("held_messages_by_due"));
        assertThat(plan).noneSatisfy(step -> assertThat(step).contains("SCAN held_messages"));
    }

    @Test
    void theNextPersonToClaimIsFoundWalkingTheInboxInOrderAndTheClaimsByKey() {
        List<String> plan = plan(SqliteInbox.NEXT_FREE_PERSON, T0);

        assertThat(plan).anySatisfy(step -> assertThat(step).startsWith("SCAN e"));
        assertThat(plan).anySatisfy(step -> assertThat(step).contains("SEARCH c USING PRIMARY KEY"));
        assertThat(plan).noneSatisfy(step -> assertThat(step).contains("TEMP B-TREE"));
    }

    @Test
    void aHeldMessagesChoicesAreFoundInOrderThroughTheirKey() {
        List<String> plan = plan(SqliteOutbox.CHOICES, "m-1");

        assertThat(plan).anySatisfy(step -> assertThat(step).contains("SEARCH held_message_choices USING PRIMARY KEY"));
        assertThat(plan).noneSatisfy(step -> assertThat(step).containsAnyOf("SCAN", "TEMP B-TREE"));
    }

    @Test
    void theSharesOfAGroupSendAreFoundThroughTheGroupSendIndex() {
        List<String> plan = plan(SqliteShares.OF_GROUP_SEND, "send-1");

        assertThat(plan).anySatisfy(step -> assertThat(step).contains("shares_by_group_send"));
        assertThat(plan).noneSatisfy(step -> assertThat(step).contains("SCAN shares"));
    }

    @Test
    void aSendersRecentSendsAndTheirOpenSharesToOneFriendAreFoundThroughTheirIndexes() {
        List<String> sends = plan(SqliteShares.SENDS_SINCE, "messenger:alice", T0);
        List<String> open = plan(SqliteShares.OPEN_FROM, "messenger:bob", "messenger:alice");

        assertThat(sends).anySatisfy(step -> assertThat(step).contains("shares_by_sender"));
        assertThat(open).anySatisfy(step -> assertThat(step).contains("shares_by_receiver"));
        assertThat(sends).noneSatisfy(step -> assertThat(step).contains("SCAN"));
        assertThat(open).noneSatisfy(step -> assertThat(step).contains("SCAN"));
    }

    @Test
    void theSendingLimitsCountASendersRecentSharesFromTheIndexAloneInItsOrder() {
        List<String> sends = plan(SqliteShares.SENDS_SINCE, "messenger:alice", T0);

        assertThat(sends).anySatisfy(step -> assertThat(step).contains("USING COVERING INDEX shares_by_sender"));
        assertThat(sends).noneSatisfy(step -> assertThat(step).contains("TEMP B-TREE"));
    }

    @Test
    void aPersonsLatestExchangesAreReadFromIndexesAloneInTheirOrder() {
        List<String> sent = plan(SqliteShares.LATEST_SENT, "messenger:alice", 500);
        List<String> received = plan(SqliteShares.LATEST_RECEIVED, "messenger:alice", 500);

        assertReadInIndexOrder(sent, "USING COVERING INDEX shares_by_sender");
        assertReadInIndexOrder(received, "USING COVERING INDEX shares_by_receiver_time");
    }

    @Test
    void aSendersPendingSongsAreReadFromTheIndexOfOpenSharesInItsOrder() {
        List<String> pending = plan(SqliteShares.OPEN_SENT, "messenger:alice");

        assertReadInIndexOrder(pending, "USING INDEX shares_open_by_sender");
    }

    @Test
    void aSendersHistoryReadsTheirLatestSharesInTheOrderOfTheIndexBySender() {
        List<String> history = plan(SqliteShares.LATEST_SENT_WHOLE, "messenger:alice", 10);

        assertReadInIndexOrder(history, "USING INDEX shares_by_sender");
    }

    @Test
    void aPersonsGroupsAreFoundThroughTheMemberIndexAndTheGroupKey() {
        List<String> plan = plan(SqliteGroups.OF_MEMBER, person("alice").key());

        assertThat(plan).anySatisfy(step -> assertThat(step).contains("group_members_by_member"));
        assertThat(plan).noneSatisfy(step -> assertThat(step).containsAnyOf("SCAN group_members", "SCAN g"));
    }

    @Test
    void invitesNobodyOpenedForANameAreFoundThroughTheirIndexInItsOrder() {
        assertReadInIndexOrder(plan(SqliteInvites.UNOPENED_FOR_NAME, "dan brown", T0, 5),
                "invites_unopened_by_friend_name");
    }

    private static ChatAddress person(String id) {
        return ChatAddress.messenger(id);
    }

    /** The plan goes through {@code index} (as EXPLAIN names it), in its order: no scan, no sort of its own. */
    private static void assertReadInIndexOrder(List<String> plan, String index) {
        assertThat(plan).anySatisfy(step -> assertThat(step).contains(index));
        assertThat(plan).noneSatisfy(step -> assertThat(step).containsAnyOf("SCAN", "TEMP B-TREE"));
    }

    private List<String> plan(String sql, Object... params) {
        return sqlite.read(s -> s.query("EXPLAIN QUERY PLAN " + sql, rs -> rs.getString("detail"), params));
    }
}
