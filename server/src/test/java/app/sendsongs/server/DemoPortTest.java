package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A demo asked for port 0 picks a free port and then listens on it; another process can take that port in between
 * (tests starting demos side by side do). The demo then picks another, as the operating system would have.
 */
class DemoPortTest {
    @TempDir
    Path dir;

    @Test
    void aDemoOnPortZeroStartsOnAnotherPortWhenTheOneItPickedIsTakenBeforeItListens() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocket probe = new ServerSocket(0)) {
            int free = probe.getLocalPort();
            probe.close();
            Deque<Integer> picks = new ArrayDeque<>(List.of(taken.getLocalPort(), free));

            try (Demo demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", dir.resolve("send-songs.db").toString(),
                    "TICK_SECONDS", "3600"), picks::removeFirst)) {
                assertThat(demo.server().port()).isEqualTo(free);
                assertThat(demo.config().publicBaseUrl().toString()).endsWith(":" + free);
                assertThat(new SandboxClient(demo.baseUrl()).ask("ann", "hello")).isNotNull();
            }
        }
    }
}
