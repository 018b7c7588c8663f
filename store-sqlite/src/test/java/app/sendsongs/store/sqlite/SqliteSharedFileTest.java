package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.Stores;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.InboxClaim;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.watch.Watch;
import app.sendsongs.store.contract.Race;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two stores on one file, as two processes (say, a restarted server overlapping its predecessor)
 * would have: each has its own connections, so only SQLite's file locking keeps them apart.
 */
class SqliteSharedFileTest {
    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");
    private static final Instant LEASE = T0.plusSeconds(120);

    @TempDir
    Path dir;
    private SqliteStores firstFile;
    private SqliteStores secondFile;
    private Stores first;
    private Stores second;

    @BeforeEach
    void open() {
        Path file = dir.resolve("shared.db");
        firstFile = SqliteStores.file(file, TestTokens.CIPHER, 2);
        secondFile = SqliteStores.file(file, TestTokens.CIPHER, 2);
        first = firstFile.stores();
        second = secondFile.stores();
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    @Test
    void theSecondStoreIsNotMigratedAgainAndSeesTheFirstStoresWrites() {
        assertThat(secondFile.migrationsAppliedAtOpen()).isZero();
        first.watches().scheduleWatch(ChatAddress.messenger("bob"), T0, T0);

        assertThat(second.watches().findWatch(ChatAddress.messenger("bob")))
                .isEqualTo(first.watches().findWatch(ChatAddress.messenger("bob"))).isPresent();
    }

    @Test
    void twoStoresClaimingAtOnceClaimEachDueWatchOnce() {
        int watches = 120;
        for (int i = 0; i < watches; i++) {
            (i % 2 == 0 ? first : second).watches().scheduleWatch(ChatAddress.messenger("r" + i), T0.minusSeconds(i),
                    T0.minusSeconds(3_600));
        }

        List<List<ChatAddress>> perThread = Race.run(8, thread -> claimUntilNoneLeft(thread % 2 == 0 ? first : second));

        List<ChatAddress> claimed = new ArrayList<>(perThread.stream().flatMap(List::stream).toList());
        claimed.addAll(claimUntilNoneLeft(first));
        assertThat(claimed).hasSize(watches).doesNotHaveDuplicates();
    }

    @Test
    void twoStoresClaimEachPersonsWaitingEventsOnce() {
        List<Inbound> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(new Inbound.Text("m_" + i, ChatAddress.messenger("p" + i % 10), T0, "help"));
        }
        first.inbox().append(events, T0);

        List<List<InboxClaim>> perThread = Race.run(8, thread -> claimAll(thread % 2 == 0 ? first : second));

        List<ChatAddress> people = perThread.stream().flatMap(List::stream).map(InboxClaim::person).toList();
        assertThat(people).hasSize(10).doesNotHaveDuplicates();
        assertThat(perThread.stream().flatMap(List::stream)).allMatch(claim -> claim.events().size() == 2);
    }

    @Test
    void anEventMarkedHandledThroughOneStoreIsNotKeptAgainThroughTheOther() {
        Inbound event = new Inbound.Text("m_1", ChatAddress.messenger("alice"), T0, "help");
        first.inbound().markHandled(event.deliveryKey(), T0.plusSeconds(3_600));

        assertThat(second.inbox().append(List.of(event), T0)).isZero();
        assertThat(second.inbound().handled(event.deliveryKey())).isTrue();
    }

    private static List<InboxClaim> claimAll(Stores stores) {
        List<InboxClaim> mine = new ArrayList<>();
        for (var claim = stores.inbox().claim(T0, LEASE, 10); claim.isPresent();
                claim = stores.inbox().claim(T0, LEASE, 10)) {
            mine.add(claim.get());
        }
        return mine;
    }

    private static List<ChatAddress> claimUntilNoneLeft(Stores stores) {
        List<ChatAddress> mine = new ArrayList<>();
        List<Watch> claimed;
        do {
            claimed = stores.watches().claimDueWatches(T0, 3, LEASE);
            claimed.forEach(w -> mine.add(w.receiver()));
        } while (!claimed.isEmpty());
        return mine;
    }
}
