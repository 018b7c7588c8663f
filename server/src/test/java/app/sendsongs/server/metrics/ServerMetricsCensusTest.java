package app.sendsongs.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.InboxClaim;
import app.sendsongs.core.chat.InboxStore;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.store.sqlite.SqliteStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gauges the server reads from its store's census: due listen checks and the inbox's backlog. */
class ServerMetricsCensusTest {
    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theInboxBacklogAndTheDueChecksAreGaugesOfTheStore() {
        try (SqliteStores store = SqliteStores.file(dir.resolve("send-songs.db"), TokenCipher.random());
             ServerMetrics metrics = new ServerMetrics()) {
            InboxStore inbox = store.stores().inbox();
            inbox.append(List.of(text("m1", "ann"), text("m2", "bob")), T0);
            inbox.append(List.of(text("m3", "ann")), T0.plusSeconds(60));
            InboxClaim ann = inbox.claim(T0, T0.plusSeconds(120), 10).orElseThrow();
            inbox.release(ann, List.of(ann.events().getFirst().deliveryKey()));
            store.stores().watches().scheduleWatch(ChatAddress.messenger("carol"), T0.plusSeconds(30), T0);

            metrics.census(store.census(), Clock.fixed(T0.plusSeconds(540), ZoneOffset.UTC));

            assertThat(metrics.scrape()).as("m1 was handled: m2 and m3 wait, the oldest received at T0")
                    .contains("send_songs_inbox_events_waiting 2.0\n", "send_songs_inbox_events_age_seconds 540.0\n",
                            "send_songs_listen_checks_due 1.0\n", "send_songs_listen_checks_lag_seconds 510.0\n");
        }
    }

    private static Inbound text(String id, String from) {
        return new Inbound.Text(id, ChatAddress.messenger(from), T0, "help");
    }
}
