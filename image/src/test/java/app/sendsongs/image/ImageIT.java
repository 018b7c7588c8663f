package app.sendsongs.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.store.sqlite.SqliteBackup;
import app.sendsongs.store.sqlite.SqliteStores;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image tarball that {@code package} builds: well formed (its configuration describes its layers, runs
 * {@code serve} as a non-root user, exposes the port, keeps the database on a volume), and its file system
 * runs: unpacked into a folder and started as a container engine would (see {@link Container}), the server
 * answers, takes a webhook message into its database on the volume, and {@code backup} copies that database
 * while it runs.
 */
class ImageIT {
    private static final Path TARBALL = Path.of(System.getProperty("image.tarball", "target/send-songs-image.tar"));
    private static final String UID = System.getProperty("image.uid", "10001");
    private static final String APP_SECRET = "image-test-app-secret";
    private static final String TOKEN_KEY = "c2VuZC1zb25ncy10ZXN0LWtleS0zMi1ieXRlcy1sb24=";

    @TempDir
    static Path dir;
    private static ImageTarball image;
    private static Path root;

    @BeforeAll
    static void unpack() throws IOException {
        assertThat(TARBALL).as("built by mvn package").isRegularFile();
        image = ImageTarball.open(TARBALL, dir.resolve("tarball"));
        root = Files.createDirectories(dir.resolve("root"));
        image.unpack(root, Container.isRoot());
    }

    @Test
    void theConfigurationDescribesEveryLayerAndRunsServeAsANonRootUserWithItsDataOnAVolume() throws IOException {
        JsonNode manifest = image.manifest();
        JsonNode config = image.config();
        assertThat(manifest.size()).isEqualTo(1);
        assertThat(manifest.path(0).path("RepoTags").path(0).asText()).startsWith("send-songs:");
        assertThat(config.path("os").asText()).isEqualTo("linux");
        assertThat(config.path("architecture").asText()).isEqualTo(switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> System.getProperty("os.arch");
        });

        List<String> diffIds = new ArrayList<>();
        for (Path layer : image.layers()) {
            diffIds.add(ImageTarball.diffId(layer));
        }
        List<String> listed = new ArrayList<>();
        config.path("rootfs").path("diff_ids").forEach(id -> listed.add(id.asText()));
        assertThat(diffIds).as("each layer is the one the configuration names").isEqualTo(listed).hasSizeGreaterThan(2);
        assertThat(config.path("history").size()).isEqualTo(listed.size());

        JsonNode run = config.path("config");
        assertThat(run.path("User").asText()).isEqualTo(UID + ":" + UID);
        assertThat(Long.parseLong(UID)).as("not root").isPositive();
        assertThat(texts(run.path("Cmd"))).containsExactly("serve");
        List<String> entrypoint = texts(run.path("Entrypoint"));
        assertThat(entrypoint.getFirst()).isEqualTo("java");
        assertThat(entrypoint).contains("-XX:+ExitOnOutOfMemoryError").last().isEqualTo("app.sendsongs.server.Main");
        assertThat(run.path("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(run.path("Volumes").has("/data")).isTrue();
        assertThat(run.path("WorkingDir").asText()).isEqualTo("/data");
        assertThat(image.environment()).containsEntry("SQLITE_PATH", "/data/send-songs.db")
                .containsEntry("JAVA_HOME", "/opt/java");

        List<ImageTarball.Entry> entries = new ArrayList<>();
        for (Path layer : image.layers()) {
            entries.addAll(ImageTarball.entries(layer));
        }
        assertThat(entries).filteredOn(e -> e.path().equals("data/"))
                .singleElement().satisfies(data -> {
                    assertThat(data.uid()).as("the volume belongs to the image's user").isEqualTo(Long.parseLong(UID));
                    assertThat(data.mode() & 07777).isEqualTo(0750);
                });
        assertThat(entries).filteredOn(e -> e.path().equals("tmp/")).singleElement()
                .satisfies(tmp -> assertThat(tmp.mode() & 07777).isEqualTo(01777));
        assertThat(entries).filteredOn(e -> !e.path().startsWith("data")).allSatisfy(e ->
                assertThat(e.uid()).as(e.path() + " belongs to root: the server cannot change its own code").isZero());
        assertThat(Files.readString(root.resolve("etc/passwd"))).contains("send-songs:x:" + UID + ":" + UID + ":");
        assertThat(root.resolve("opt/java/bin/java")).isExecutable();
        assertThat(root.resolve("opt/java/lib/security/cacerts")).as("TLS to Messenger and Spotify").isRegularFile();
    }

    @Test
    void theComposeFileOfTheDocsRunsThisImageWithItsVolumeAndPortBehindCaddy() throws IOException {
        Path compose = Path.of("../deploy/compose");
        String services = Files.readString(compose.resolve("compose.yaml"));
        String tag = image.manifest().path(0).path("RepoTags").path(0).asText();
        assertThat(services).contains("image: " + tag, "send-songs-data:/data", "\"8080\"");
        assertThat(Files.readString(compose.resolve("Caddyfile"))).contains("reverse_proxy send-songs:8080");
        image.config().path("config").path("Volumes").fieldNames()
                .forEachRemaining(volume -> assertThat(services).contains(":" + volume));
    }

    @Test
    void theImageRunsServeAsItsUserAndKeepsItsDatabaseOnTheVolume() throws Exception {
        Container container = Container.on(root).orElse(null);
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(container != null || ci, "neither root nor user namespaces: the image's file system is not run");
        assertThat(container).as("under CI=true the image must be run").isNotNull();
        List<String> command = new ArrayList<>(texts(image.config().path("config").path("Entrypoint")));
        String user = image.config().path("config").path("User").asText();

        Container.Run help = container.run(user, with(command, "serve", "--help"), image.environment(),
                dir.resolve("help.log"));
        assertThat(help.exit()).as(help.output()).isZero();
        assertThat(help.output()).contains("Usage: send-songs serve", "SQLITE_PATH");

        int port = freePort();
        Map<String, String> environment = new HashMap<>(image.environment());
        environment.putAll(Map.of("PORT", Integer.toString(port), "HOST", "127.0.0.1",
                "PUBLIC_BASE_URL", "https://songs.example.org", "MESSENGER_APP_SECRET", APP_SECRET,
                "MESSENGER_VERIFY_TOKEN", "image-verify", "MESSENGER_PAGE_ACCESS_TOKEN", "image-page-token",
                "SPOTIFY_CLIENT_ID", "image-client", "SPOTIFY_CLIENT_SECRET", "image-client-secret",
                "TOKEN_ENCRYPTION_KEY", TOKEN_KEY, "LOG_FORMAT", "json"));
        // Nothing listens there: the bot's answer is held in the database, as when Messenger is down.
        environment.put("MESSENGER_GRAPH_BASE_URL", "http://127.0.0.1:" + freePort());
        command.addAll(texts(image.config().path("config").path("Cmd")));
        Path serverLog = dir.resolve("serve.log");
        Process server = container.start(user, command, environment, serverLog);
        int exit;
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            String base = "http://127.0.0.1:" + port;
            awaitHealthy(http, base, server, serverLog);

            long now = System.currentTimeMillis(); // events older than the 7-day dedupe window are ignored
            String body = "{\"object\":\"page\",\"entry\":[{\"id\":\"page\",\"time\":" + now + ",\"messaging\":[{"
                    + "\"sender\":{\"id\":\"p-image\"},\"recipient\":{\"id\":\"page\"},\"timestamp\":" + now + ","
                    + "\"message\":{\"mid\":\"m-image-1\",\"text\":\"help\"}}]}]}";
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/webhook"))
                    .header("X-Hub-Signature-256", sign(body)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(200);
            awaitLogged(serverLog, "\"kind\":\"message\"", server);

            Container.Run backup = container.run(user, with(texts(image.config().path("config").path("Entrypoint")),
                    "backup", "/data/backup.db"), image.environment(), dir.resolve("backup.log"));
            assertThat(backup.exit()).as(backup.output()).isZero();
            assertThat(backup.output()).contains("Backed up /data/send-songs.db to /data/backup.db");
        } finally {
            exit = Container.stop(server);
        }
        String log = Files.readString(serverLog);
        assertThat(exit).as(log).isIn(0, 143);
        assertThat(log).contains("\"outcome\":\"accepted\"", "\"outcome\":\"handled\"").doesNotContain(APP_SECRET);

        Path database = root.resolve("data/send-songs.db");
        assertThat(database).isRegularFile();
        if (container.checksTheUser()) {
            assertThat(Files.getAttribute(database, "unix:uid")).as("written by the image's user")
                    .isEqualTo(Integer.parseInt(UID));
        }
        assertThat(SqliteBackup.check(database)).isEmpty();
        assertThat(SqliteBackup.check(root.resolve("data/backup.db"))).isEmpty();
        try (SqliteStores store = SqliteStores.file(database, TokenCipher.fromBase64(TOKEN_KEY))) {
            assertThat(store.stores().inbound().handled("messenger:m-image-1"))
                    .as("the server in the image handled the message").isTrue();
            assertThat(store.stores().outbox().heldMessagesFor(new ChatAddress(Platform.MESSENGER, "p-image")))
                    .as("its answer, held while Messenger is unreachable").isNotEmpty();
        }
    }

    private static void awaitHealthy(HttpClient http, String base, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"status\":\"ok\"");
                return;
            } catch (IOException notYet) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("the server in the image did not answer: " + Files.readString(log), notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    private static void awaitLogged(Path log, String text, Process server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.readString(log).contains(text)) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("never logged " + text + ": " + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    private static List<String> with(List<String> command, String... args) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(args));
        return all;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
