package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The jar's entry point on a Java older than 21: one line naming the Java needed, exit status 1. */
class OldJavaLauncherTest {
    private static final Path JAVA_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");

    @Test
    @Timeout(60)
    void java17GetsOneLineSayingJava21IsNeeded() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(JAVA_17), "no Java 17 installed at " + JAVA_17);
        Process process = new ProcessBuilder(JAVA_17.toString(), "-cp", System.getProperty("java.class.path"),
                "app.sendsongs.server.Launcher", "--help").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(output).startsWith("Send Songs needs Java 21 or newer; this is Java 17").doesNotContain("\n");
    }

    @Test
    void versionsAreReadInBothForms() {
        assertThat(Launcher.feature("1.8")).isEqualTo(8);
        assertThat(Launcher.feature("17")).isEqualTo(17);
        assertThat(Launcher.feature("25")).isEqualTo(25);
    }
}
