package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack on the connect pages: anyone may ask to connect as often as they like, without a cookie, with forged
 * personal links and made-up states. When each anonymous {@code GET /connect} stored a state, a flood wrote some
 * 180,000 rows in 20 seconds; now asking to connect stores nothing, so the flood leaves the database as it was.
 */
class ConnectFloodTest {
    private static final int THREADS = 8;
    private static final int REQUESTS_PER_THREAD = 250;
    private static final List<String> PATHS = List.of("/connect", "/connect/spotify", "/connect/lastfm",
            "/connect/listenbrainz", "/connect/spotify?link=forged.value", "/callback?state=made-up&code=x",
            "/callback/lastfm?state=made-up&token=0123456789abcdef0123456789abcdef");

    @TempDir
    Path dir;
    private Path database;
    private Demo demo;

    @BeforeEach
    void start() {
        database = dir.resolve("send-songs.db");
        demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", database.toString(), "TICK_SECONDS", "3600"));
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    void aFloodOfConnectRequestsWritesNothing() throws Exception {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                runs.add(pool.submit(() -> flood(thread, statuses)));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(rows("oauth_states")).as("states stored").isZero();
        assertThat(rows("registration_codes")).isZero();
        assertThat(statuses.get(302).get()).as("consent redirects served").isGreaterThan(THREADS * 50);
        assertThat(statuses.get(200).get()).as("paste pages served").isGreaterThan(THREADS * 20);

        SandboxClient person = new SandboxClient(demo.baseUrl());
        assertThat(person.register("alice", "alice-sp", "Alice Smith")).as("a real connection still works")
                .startsWith("Welcome, Alice Smith!");
        assertThat(rows("oauth_states")).as("the one state that came back, and the register's mark that it finished "
                + "(kept until its code would have expired, so that the register handled again after a crash answers as "
                + "it did)").isEqualTo(2);
    }

    private void flood(int thread, Map<Integer, AtomicInteger> statuses) {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
            String path = PATHS.get((thread + i) % PATHS.size());
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(demo.baseUrl() + path))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long rows(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
            return count.getLong(1);
        }
    }
}
