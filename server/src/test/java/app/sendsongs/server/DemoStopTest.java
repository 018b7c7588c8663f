package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing the demo stops the emulators' threads with the server. */
class DemoStopTest {
    @TempDir
    Path dir;

    @Test
    void closingTheDemoStopsTheEmulatedMessengersEchoes() {
        Set<Thread> before = echoThreads();
        Demo demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", dir.resolve("send-songs.db").toString(),
                "TICK_SECONDS", "3600"));
        new SandboxClient(demo.baseUrl()).ask("ann", "hello");

        demo.close();

        assertThat(echoThreads()).as("threads left posting echoes to a stopped demo").isSubsetOf(before);
    }

    private static Set<Thread> echoThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().equals("messenger-echoes"))
                .collect(Collectors.toSet());
    }
}
