package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Embedded Metric Format lines, read back as CloudWatch reads them. */
class EmbeddedMetricsTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void countersAreSummedTimersKeepTheirValuesAndGaugesTheirLastOnePerSetOfTags() {
        EmbeddedMetrics metrics = new EmbeddedMetrics();
        metrics.count("send_songs.messages", Map.of("platform", "messenger", "outcome", "sent", "code", "none"));
        metrics.count("send_songs.messages", Map.of("outcome", "sent", "platform", "messenger", "code", "none"), 2);
        metrics.count("send_songs.messages", Map.of("platform", "messenger", "outcome", "failed", "code", "613"));
        metrics.time("send_songs.outside.calls", Map.of("service", "spotify", "outcome", "ok"), Duration.ofMillis(12));
        metrics.time("send_songs.outside.calls", Map.of("service", "spotify", "outcome", "ok"),
                Duration.ofNanos(3_500_000));
        metrics.gauge("send_songs.listen.checks.lag", Map.of(), 30, EmbeddedMetrics.Unit.SECONDS);
        metrics.gauge("send_songs.listen.checks.lag", Map.of(), 45.5, EmbeddedMetrics.Unit.SECONDS);
        List<String> lines = new ArrayList<>();

        metrics.flush(NOW, "send-songs-tick", lines::add);

        assertThat(lines).hasSize(4);
        assertThat(lines.getFirst()).startsWith("{\"_aws\":{\"Timestamp\":" + NOW.toEpochMilli());
        List<EmfLines.Datum> data = EmfLines.read(lines);
        assertThat(data).containsExactlyInAnyOrder(
                new EmfLines.Datum("SendSongs", "Messages", "Count", Map.of("Function", "send-songs-tick",
                        "Platform", "messenger", "Outcome", "sent", "Code", "none"), List.of(3.0)),
                new EmfLines.Datum("SendSongs", "Messages", "Count", Map.of("Function", "send-songs-tick",
                        "Platform", "messenger", "Outcome", "failed", "Code", "613"), List.of(1.0)),
                new EmfLines.Datum("SendSongs", "OutsideCalls", "Milliseconds", Map.of("Function", "send-songs-tick",
                        "Service", "spotify", "Outcome", "ok"), List.of(12.0, 3.5)),
                new EmfLines.Datum("SendSongs", "ListenChecksLag", "Seconds", Map.of("Function", "send-songs-tick"),
                        List.of(45.5)));

        List<String> again = new ArrayList<>();
        metrics.flush(NOW, "send-songs-tick", again::add);
        assertThat(again).as("a flush forgets what it wrote").isEmpty();
    }

    @Test
    void moreThanAHundredValuesGoOnSeveralLines() {
        EmbeddedMetrics metrics = new EmbeddedMetrics();
        for (int i = 0; i < 250; i++) {
            metrics.time("send_songs.messages.handled", Map.of("outcome", "handled"), Duration.ofMillis(i));
        }
        metrics.count("send_songs.webhook.events", Map.of("outcome", "handled"), 7);
        List<String> lines = new ArrayList<>();

        metrics.flush(NOW, "inbound", lines::add);

        List<EmfLines.Datum> data = EmfLines.read(lines);
        assertThat(lines).hasSize(3);
        assertThat(data).filteredOn(d -> d.name().equals("MessagesHandled"))
                .extracting(d -> d.values().size()).containsExactly(100, 100, 50);
        assertThat(EmfLines.sum(data, "WebhookEvents", Map.of())).as("a count is written once").isEqualTo(7);
    }

    @Test
    void namesAreCamelCaseWithoutTheCommonPrefix() {
        assertThat(EmbeddedMetrics.metricName("send_songs.listen.checks.lag")).isEqualTo("ListenChecksLag");
        assertThat(EmbeddedMetrics.metricName("send_songs.reconnects.needed")).isEqualTo("ReconnectsNeeded");
        assertThat(EmbeddedMetrics.metricName("send_songs.webhook.requests")).isEqualTo("WebhookRequests");
    }
}
