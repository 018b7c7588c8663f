package app.sendsongs.bench.crash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrashOptionsTest {
    @Test
    void theChildJvmsGetNoMoreOptionsUnlessGivenSomeSeparatedBySpaces() {
        assertThat(CrashOptions.parse(new String[0]).jvmOptions()).isEmpty();
        assertThat(CrashOptions.parse(new String[] {"--jvm", " -XX:TieredStopAtLevel=1  -XX:+UseSerialGC "})
                .jvmOptions()).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    }
}
