package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotServerStartTest {
    @TempDir
    Path dir;

    @Test
    void constructingOpensNoPortAndStartsNoTickThread() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            int port = probe.getLocalPort();
            probe.close();
            try (BotServer server = new BotServer(config(port), Clock.systemUTC(), http -> { })) {
                assertThat(tickThreads()).isEmpty();
                try (ServerSocket stillFree = new ServerSocket(port)) {
                    assertThat(stillFree.isBound()).isTrue();
                }
            }
        }
    }

    @Test
    void startingOnATakenPortFailsAndClosesWhatItOpened() throws Exception {
        Set<String> threadsBefore = platformThreads();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            BotServer server = new BotServer(config(taken.getLocalPort()), Clock.systemUTC(), http -> { });

            assertThatThrownBy(server::start).isInstanceOf(RuntimeException.class);

            assertThat(tickThreads()).isEmpty();
            assertThat(platformThreads()).as("threads the failed start left running")
                    .allMatch(name -> threadsBefore.contains(name) || !name.startsWith("JettyServerThreadPool"));
            assertThatThrownBy(() -> server.app().tick()).as("the store is closed").isInstanceOf(RuntimeException.class);
        }
    }

    private ServerConfig config(int port) {
        Map<String, String> values = new HashMap<>(Map.of("PUBLIC_BASE_URL", "https://bot.example",
                "MESSENGER_APP_SECRET", "app-secret", "MESSENGER_VERIFY_TOKEN", "verify",
                "MESSENGER_PAGE_ACCESS_TOKEN", "page-token", "SPOTIFY_CLIENT_ID", "client-id",
                "SPOTIFY_CLIENT_SECRET", "client-secret",
                "TOKEN_ENCRYPTION_KEY", "c2VuZC1zb25ncy10ZXN0LWtleS0zMi1ieXRlcy1sb24="));
        values.put("PORT", Integer.toString(port));
        values.put("SQLITE_PATH", dir.resolve("songs.db").toString());
        return ServerConfig.from(values);
    }

    private static Set<String> tickThreads() {
        return platformThreads().stream().filter("tick"::equals).collect(Collectors.toSet());
    }

    private static Set<String> platformThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
