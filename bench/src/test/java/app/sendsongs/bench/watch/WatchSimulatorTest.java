package app.sendsongs.bench.watch;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.bench.Charts;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch simulator in a tiny configuration: both policies run, and ours detects every listen. */
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
        assertThat(report.ours().recentlyPlayed()).isEqualTo(report.ours().checks());
        assertThat(report.ours().trackLookups()).isEqualTo(report.songs());
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
        assertThat(WatchCharts.latency(report).getSeriesMap()).hasSize(2);
        assertThat(WatchCharts.callsPerSong(report).getSeriesMap().get("ours").getYData())
                .first().isEqualTo((double) report.ours().refreshes() / report.songs());
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
