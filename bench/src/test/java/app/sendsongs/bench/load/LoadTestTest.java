package app.sendsongs.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load test in a tiny configuration: it runs against the real server and its reconciliation holds. */
class LoadTestTest {
    /**
     * The server lives for seconds, so its JVM compiles with C1 alone and collects with one thread: C2's compiles and
     * the parallel collector's threads cost more of the two cores than they would ever give back.
     */
    private static final List<String> SHORT_LIVED = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    @TempDir
    Path dir;

    @Test
    void aTinyLoadIsHandledExactlyOnceAndMeasuredAgainstTheCeiling() throws IOException {
        LoadOptions options = new LoadOptions(LoadPlatform.MESSENGER, 10, 200, 0.6, 4, 1, 0.1, 20, "256m", SHORT_LIVED,
                false, 7, Duration.ofSeconds(120), dir.resolve("charts"));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        LoadReport report = LoadTest.run(options, dir, new PrintStream(progress, true, StandardCharsets.UTF_8));

        Reconciliation.Outcome outcome = report.outcome();
        assertThat(outcome.messages()).as("200 messages and one closing help from each person").isEqualTo(210);
        assertThat(outcome.answered()).isEqualTo(210);
        assertThat(outcome.songs()).isPositive().isEqualTo(outcome.songsDelivered());
        assertThat(report.exactlyOnce()).as(report.format()).isTrue();
        assertThat(report.webhook().accepted()).as("every POST, redeliveries included, was acknowledged")
                .isGreaterThan(200 - 1);
        assertThat(report.ratioToCeiling()).isPositive().isFinite();
        assertThat(report.webhook().latencies().percentileMillis(99))
                .isGreaterThanOrEqualTo(report.webhook().latencies().percentileMillis(50)).isPositive();
        assertThat(report.messagesHandledPerSecond()).isPositive();
        assertThat(report.serverMemory().peakResidentKib()).isPositive();
        assertThat(report.compilerCpuSeconds()).as("a fresh server compiles while it is measured")
                .isPositive().isLessThanOrEqualTo(report.serverCpuSeconds());
        assertThat(report.format()).contains("webhook / ceiling", "every message handled exactly once");

        Path chart = LoadCharts.write(report, options.charts());
        assertThat(ImageIO.read(chart.toFile())).as("a PNG").isNotNull();
        assertThat(LoadCharts.ackLatency(report).getSeriesMap().values()).hasSize(2)
                .allSatisfy(series -> assertThat(series.getYData().stream().map(Number::doubleValue).toList())
                        .hasSize(5).isSorted());
    }

    @Test
    void aTinyLoadWithTheEmulatorsInAProcessOfTheirOwnIsHandledExactlyOnce() {
        LoadOptions options = new LoadOptions(LoadPlatform.MESSENGER, 10, 100, 0.6, 4, 1, 0.1, 10, "256m", SHORT_LIVED,
                true, 7, Duration.ofSeconds(120), dir.resolve("charts"));

        LoadReport report = LoadTest.run(options, dir, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));

        assertThat(report.outcome().messages()).as("100 messages and one closing help from each person")
                .isEqualTo(110);
        assertThat(report.exactlyOnce()).as(report.format()).isTrue();
        assertThat(report.emulatorCpuSeconds()).as("the emulators' process answered the bot's calls").isPositive();
        assertThat(report.format()).contains("emulators in a process of their own", "emulators' process")
                .containsPattern("the server's is [0-9]+\\.[0-9]{2} times theirs");
    }

    @Test
    void aTinyLoadOnTelegramIsHandledExactlyOnceToo() {
        LoadOptions options = new LoadOptions(LoadPlatform.TELEGRAM, 20, 100, 0.6, 4, 1, 0.1, 10, "256m", SHORT_LIVED,
                false, 7, Duration.ofSeconds(120), dir.resolve("charts"));

        LoadReport report = LoadTest.run(options, dir, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));

        assertThat(report.outcome().messages()).as("100 messages and one closing /help from each person")
                .isEqualTo(120);
        assertThat(report.exactlyOnce()).as(report.format()).isTrue();
        assertThat(report.format()).contains("on Telegram");
    }
}
