package app.sendsongs.bench.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.bench.Charts;
import app.sendsongs.core.music.SourceKind;
import java.awt.image.BufferedImage;
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

/**
 * The watch simulator in a tiny configuration: both policies run, and ours detects every listen, on every
 * listening source.
 */
class WatchSimulatorTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    private static final Path CHARTS = Path.of("target/bench-charts");

    @TempDir
    Path dir;

    @Test
    void aTinyRunSendsEverySongAndOurPolicyDetectsEveryListen() throws IOException {
        WatchOptions options = new WatchOptions(40, 2, 5, 7, "5m/1h,1h/7d", CHARTS);

        WatchReport report = WatchSimulator.run(options, QUIET);

        assertThat(report.correct()).as(report.format()).isTrue();
        assertThat(report.songs()).isEqualTo(40 * 2 * 5);
        assertThat(report.listens()).as("some receivers play the songs, some never").isPositive()
                .isLessThan(report.songs());
        assertThat(report.ours().missed()).as(report.format()).isZero();
        assertThat(report.ours().detected()).isEqualTo(report.listens());
        assertThat(report.seed().detected() + report.seed().missed()).isEqualTo(report.listens());
        assertThat(report.seed().refreshes()).isEqualTo(report.seed().recentlyPlayed())
                .isEqualTo(report.seed().checks());
        // a Last.fm or ListenBrainz read may take more than one page
        assertThat(report.ours().recentlyPlayed()).isGreaterThanOrEqualTo(report.ours().checks());
        assertThat(report.ours().trackLookups()).isEqualTo(report.songs());
        assertThat(report.sources()).extracting(WatchReport.SourceFigures::source)
                .containsExactly(SourceKind.SPOTIFY, SourceKind.LASTFM, SourceKind.LISTENBRAINZ);
        for (WatchReport.SourceFigures source : report.sources()) {
            assertThat(source.ours().missed()).as(source.source() + "\n" + report.format()).isZero();
            assertThat(source.ours().detected()).as(source.source().displayName()).isPositive();
            assertThat(source.oursCalls()).isPositive();
            assertThat(source.callsPerPersonDay()).isPositive();
        }
        assertThat(report.sources().stream().mapToInt(s -> s.ours().songs()).sum()).isEqualTo(report.songs());
        assertThat(report.sources().stream().mapToLong(WatchReport.SourceFigures::oursCalls).sum())
                .isEqualTo(report.ours().watchCalls());
        assertThat(report.sources().stream().mapToLong(WatchReport.SourceFigures::seedCalls).sum())
                .isEqualTo(report.seed().watchCalls());
        assertThat(report.source(SourceKind.LASTFM).orElseThrow().peopleWithinLimit()).isPresent();
        assertThat(report.format()).contains("By the receiver's listening source", "Last.fm", "ListenBrainz");
        assertThat(report.format()).contains("listens missed", "ours/seed");
        assertThat(report.ours().latenciesMillis()).hasSize((int) report.ours().detected()).isSorted();

        List<Path> charts = WatchCharts.write(report, dir);
        assertThat(charts).extracting(path -> path.getFileName().toString())
                .containsExactly("watch-detection-latency.png", "watch-calls-per-song.png");
        for (Path chart : charts) {
            BufferedImage image = ImageIO.read(chart.toFile());
            assertThat(image).as(chart + " is a PNG").isNotNull();
            assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
        }
        assertThat(WatchCharts.latency(report).getSeriesMap()).as("seed, ours, and ours on each source").hasSize(5);
        assertThat(WatchCharts.callsPerSong(report).getSeriesMap().get("ours").getYData())
                .first().isEqualTo(report.sources().getFirst().oursCallsPerSong());
        assertThat(WatchCharts.callsPerSong(report).getSeriesMap().get("ours").getYData())
                .last().isEqualTo(report.ours().callsPerSong());
    }

    @Test
    void theMixOfSourcesLeavesTheListeningAsItIs() {
        World mixed = World.generate(new WatchOptions(20, 1, 3, 11, "5m/1h,1h/7d", CHARTS));
        World spotifyOnly = World.generate(new WatchOptions(20, 1, 3, 11, "5m/1h,1h/7d", Duration.ofHours(2),
                SourceMix.parse("spotify:100"), CHARTS));

        assertThat(spotifyOnly.sent).containsExactly(mixed.sent);
        assertThat(spotifyOnly.playCount()).isEqualTo(mixed.playCount());
        assertThat(mixed.peopleOn(SourceKind.SPOTIFY)).isEqualTo(12);
        assertThat(mixed.peopleOn(SourceKind.LASTFM)).isEqualTo(4);
        assertThat(mixed.peopleOn(SourceKind.LISTENBRAINZ)).isEqualTo(4);
        assertThat(spotifyOnly.peopleOn(SourceKind.SPOTIFY)).isEqualTo(20);
    }

    @Test
    void theSourcesOptionNamesPercentagesAddingUpToAHundred() {
        assertThat(WatchOptions.parse(new String[] {"--sources", "lastfm:50,listenbrainz:50", "--grace", "30m"}))
                .satisfies(options -> {
                    assertThat(options.sources().of(SourceKind.LASTFM)).isEqualTo(50);
                    assertThat(options.sources().of(SourceKind.SPOTIFY)).isZero();
                    assertThat(options.grace()).isEqualTo(Duration.ofMinutes(30));
                });
        assertThatThrownBy(() -> SourceMix.parse("spotify:60,lastfm:20")).hasMessageContaining("100");
        assertThatThrownBy(() -> SourceMix.parse("deezer:100")).hasMessageContaining("spotify, lastfm");
    }

    @Test
    void theSameSeedGivesTheSameWorld() {
        WatchOptions options = new WatchOptions(20, 1, 3, 11, "5m/1h,1h/7d", CHARTS);
        World first = World.generate(options);
        World second = World.generate(options);

        assertThat(second.sent).containsExactly(first.sent);
        assertThat(second.playCount()).isEqualTo(first.playCount());
    }

    @Test
    void somePeoplePlayOverFiftyTracksAnHour() {
        World world = World.generate(new WatchOptions(40, 1, 1, 3, "5m/1h,1h/7d", CHARTS));

        boolean fast = false;
        for (World.Plays plays : world.plays) {
            long[] at = plays.at();
            for (int i = 0; i + 50 < at.length && !fast; i++) {
                fast = at[i + 50] - at[i] < 60 * World.MINUTE;
            }
        }
        assertThat(fast).isTrue();
    }
}
