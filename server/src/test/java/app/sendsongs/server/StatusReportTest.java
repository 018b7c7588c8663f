package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.Census;
import app.sendsongs.core.music.SourceKind;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lines {@code send-songs status} prints for a person. */
class StatusReportTest {
    private static final Census.Figures NOBODY = new Census.Figures(0, Map.<SourceKind, Long>of(), 0, 0, 0, 0, 0, 0,
            Optional.empty(), Census.DueChecks.NONE, Census.InboxBacklog.NONE);

    @Test
    void saysWhenToTheSecond() {
        StatusReport report = new StatusReport(NOBODY, Instant.parse("2025-11-25T14:02:11.412345678Z"),
                "SQLite /var/lib/send-songs/send-songs.db");

        assertThat(report.text()).startsWith(
                "Send Songs at 2025-11-25T14:02:11Z (SQLite /var/lib/send-songs/send-songs.db)\n");
    }
}
