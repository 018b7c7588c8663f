package app.sendsongs.bench.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The history benchmark in a tiny configuration: it loads both people, times each read both ways, finds them alike. */
class HistoryBenchTest {
    @Test
    void aTinyRunTimesEachReadBothWaysAndFindsTheSameLatestOnes() {
        assertThat(HistoryBench.main(new String[] {"--shares", "300", "--people", "30", "--recent", "50",
                "--rounds", "3"})).isZero();
    }

    @Test
    void anUnknownOptionIsRefused() {
        assertThat(HistoryBench.main(new String[] {"--sharez", "3"})).isEqualTo(2);
    }
}
