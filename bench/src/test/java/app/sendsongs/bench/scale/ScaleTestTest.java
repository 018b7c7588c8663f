package app.sendsongs.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scale test in a tiny configuration: both databases are claimed from through the due index, the server ticks. */
class ScaleTestTest {
    @TempDir
    Path dir;

    @Test
    void aTinyScaleRunClaimsThroughTheIndexComputesTheRatioAndReadsTheServersMemory() {
        ScaleOptions options = new ScaleOptions(100, 1000, 50, 2, 3, 2, "128m", 3);

        ScaleReport report = ScaleTest.run(options, dir, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));

        assertThat(report.correct()).as(report.format()).isTrue();
        assertThat(report.small().readsInDueOrder()).isTrue();
        assertThat(report.large().shortClaims()).as("every claim took as many as asked").isZero();
        assertThat(report.ratio()).isPositive().isFinite();
        assertThat(report.fill().count()).isEqualTo(1000);
        assertThat(report.peakResidentMib()).isPositive();
        assertThat(report.noneLeftDue()).as("the server checked every watch that fell due").isTrue();
        assertThat(report.format()).contains("ratio 1,000 / 100", "resident memory");
    }
}
