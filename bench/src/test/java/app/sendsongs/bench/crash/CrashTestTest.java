package app.sendsongs.bench.crash;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.bench.load.Reconciliation;
import app.sendsongs.testsupport.DynaliteExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test in a tiny configuration. Without kills it proves the harness: the server and the
 * emulators as two processes, the real registration flow, groups, batched POSTs, the closing
 * messages, the pending answers and the reconciliation all hold, on both stores. With kills it
 * asserts the targets of "acknowledged means kept".
 */
class CrashTestTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension((client, table) -> { });

    @TempDir
    Path dir;

    @Test
    void withoutKillsEveryMessageIsHandledExactlyOnceAndNoShareIsStuck() {
        CrashReport report = CrashTest.run(tiny(0, CrashOptions.Store.SQLITE), dir, QUIET, Optional.empty());

        assertHarnessHolds(report);
    }

    @Test
    void withoutKillsTheDynamoDbStoreReconcilesToo() {
        CrashReport report = CrashTest.run(tiny(0, CrashOptions.Store.DYNAMODB), dir, QUIET,
                Optional.of(DYNAMO.endpoint()));

        assertHarnessHolds(report);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void killedAtRandomMomentsNoAcknowledgedMessageIsLostHandledTwiceOrStuck() {
        CrashReport report = CrashTest.run(tiny(3, CrashOptions.Store.SQLITE), dir, QUIET, Optional.empty());

        assertThat(report.kills()).hasSize(3);
        assertThat(report.serverStarts()).isEqualTo(4);
        assertThat(report.lost()).as(report.format()).isZero();
        assertThat(report.handledTwice()).as(report.format()).isZero();
        assertThat(report.outcome().duplicateSongs()).as(report.format()).isZero();
        assertThat(report.stuck()).as(report.format()).isZero();
        assertThat(report.holds()).as(report.format()).isTrue();
    }

    private static void assertHarnessHolds(CrashReport report) {
        Reconciliation.Outcome outcome = report.outcome();
        assertThat(report.holds()).as(report.format()).isTrue();
        assertThat(report.kills()).isEmpty();
        assertThat(report.serverStarts()).isEqualTo(1);
        assertThat(report.burstMessages()).isEqualTo(3 * 40);
        assertThat(outcome.messages()).as("the bursts, a closing message and a pending from each person")
                .isEqualTo(3 * 40 + 6 + 6);
        assertThat(outcome.answered()).isEqualTo(outcome.messages());
        assertThat(report.posts()).as("some POSTs carry several messages").isLessThan(3 * 40);
        assertThat(outcome.songs()).as("songs to one person and to the 3 others of the group").isGreaterThan(3 * 40 / 4);
        assertThat(outcome.songsDelivered()).isEqualTo(outcome.songs());
        assertThat(report.openListed()).as("every song delivered is listed as pending by its sender")
                .isEqualTo(outcome.songs());
        assertThat(report.stuck()).isZero();
        assertThat(report.format()).contains("acknowledged means kept", "shares stuck");
    }

    /**
     * 6 people, a group of 4, 3 bursts of 40 messages on 3 connections. The server's lease is shortened to 25 s, so
     * what a killed server held (a person's events, a message being sent) is taken again within half a minute, not
     * two; it stays longer than a restart and the emulator's retried echo of a message the killed server sent take
     * (its retries come 1, 2, 4, 8 s apart: one comes within 16 s of any restart that takes less than 16 s).
     * The server and the emulators live for seconds, so their JVMs compile with C1 alone and collect with one thread:
     * C2's compiles and the parallel collector's threads cost more of the two cores than they would ever give back.
     */
    private static CrashOptions tiny(int kills, CrashOptions.Store store) {
        return new CrashOptions(6, 1, 4, 3, kills, 40, 0.4, 0.2, 0.5, 10, 3, Duration.ofMillis(600), store, "256m",
                List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), 7, Duration.ofSeconds(120),
                Duration.ofSeconds(25));
    }
}
