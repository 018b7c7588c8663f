package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

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
    private SqliteStore store;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("plans.db"), TestTokens.CIPHER);
        for (int i = 0; i < 50; i++) {
            store.scheduleWatch("r" + i, T0.plusSeconds(i * 60L - 1_500), T0);
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void dueWatchesAreFoundAtTheFrontOfTheQueueAndEndedLeasesThroughTheirIndex() {
        List<String> queue = plan(WatchTable.DUE, T0, 10);
        List<String> leases = plan(WatchTable.LEASE_ENDED, T0, 10);

        assertThat(queue).anySatisfy(step -> assertThat(step).contains("SEARCH watch_queue USING PRIMARY KEY"));
        assertThat(leases).anySatisfy(step -> assertThat(step).contains("watch_leases_by_end"));
        assertThat(queue).noneSatisfy(step -> assertThat(step).containsAnyOf("SCAN", "TEMP B-TREE"));
        assertThat(leases).noneSatisfy(step -> assertThat(step).containsAnyOf("SCAN", "TEMP B-TREE"));
    }

    @Test
    void theStoreReportsTheDueQueryPlanAndLoadsWatchesInBulkAsOneByOne() {
        assertThat(store.dueWatchesQueryPlan()).anySatisfy(step -> assertThat(step).contains("watch_queue"))
                .noneSatisfy(step -> assertThat(step).containsAnyOf("SCAN", "TEMP B-TREE"));

        store.scheduleWatches(List.of(new SqliteStore.WatchToSchedule("bulk-1", T0.plusSeconds(5), T0),
                new SqliteStore.WatchToSchedule("bulk-2", T0.plusSeconds(9), T0.minusSeconds(3)),
                new SqliteStore.WatchToSchedule("r0", T0.plusSeconds(3_000), T0.minusSeconds(60))));

        assertThat(store.findWatch("bulk-2").orElseThrow().dueAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(store.findWatch("bulk-2").orElseThrow().checkedThrough()).isEqualTo(T0.minusSeconds(3));
        // as scheduleWatch: an existing watch keeps the earlier due time and moves its read position earlier
        assertThat(store.findWatch("r0").orElseThrow().dueAt()).isEqualTo(T0.minusSeconds(1_500));
        assertThat(store.findWatch("r0").orElseThrow().checkedThrough()).isEqualTo(T0.minusSeconds(60));
    }

    @Test
    void messagesToRetryAreFoundThroughTheRetryIndex() {
        List<String> plan = plan(OutboxTables.DUE_FOR_RETRY, T0, 10);

        assertThat(plan).anySatisfy(step -> assertThat(step).contains("held_messages_by_retry"));
        assertThat(plan).noneSatisfy(step -> assertThat(step).contains("SCAN held_messages"));
    }

    @Test
    void theSharesOfAGroupSendAreFoundThroughTheGroupSendIndex() {
        List<String> plan = plan(ShareTable.OF_GROUP_SEND, "send-1");

        assertThat(plan).anySatisfy(step -> assertThat(step).contains("shares_by_group_send"));
        assertThat(plan).noneSatisfy(step -> assertThat(step).contains("SCAN shares"));
    }

    @Test
    void aPersonsGroupsAreFoundThroughTheMemberIndexAndTheGroupKey() {
        List<String> plan = plan(GroupTables.OF_MEMBER, "alice");

        assertThat(plan).anySatisfy(step -> assertThat(step).contains("group_members_by_member"));
        assertThat(plan).noneSatisfy(step -> assertThat(step).containsAnyOf("SCAN group_members", "SCAN g"));
    }

    private List<String> plan(String sql, Object... params) {
        return store.read(s -> s.query("EXPLAIN QUERY PLAN " + sql, rs -> rs.getString("detail"), params));
    }
}
