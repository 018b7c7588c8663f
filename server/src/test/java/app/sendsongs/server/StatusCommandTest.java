package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.sendsongs.core.Stores;
import app.sendsongs.core.chat.HeldMessage;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.core.user.User;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.store.sqlite.SqliteStores;
import app.sendsongs.testsupport.DynaliteExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code send-songs status}: the store's figures while the server runs, on SQLite and on DynamoDB. */
class StatusCommandTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);
    private static final String LINK = "https://open.spotify.com/track/";

    @TempDir
    Path dir;

    @Test
    void printsTheFiguresOfTheRunningServersDatabaseWithoutAnyoneInThem() throws Exception {
        Path database = dir.resolve("send-songs.db");
        try (Demo demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", database.toString(), "TICK_SECONDS", "3600"))) {
            SandboxClient sandbox = new SandboxClient(demo.baseUrl());
            String track = sandbox.trackIds().getFirst();
            sandbox.register("alice", "alice-sp", "Alice Smith");
            sandbox.register("bob", "bob-sp", "Bob Fisher");
            sandbox.register("carol", "carol-sp", "Carol King");
            sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + track);
            sandbox.advanceMinutes(25 * 60); // Carol's 24-hour window closes: what goes to her is held
            sandbox.ask("alice", "send_song name:\"Carol King\" " + LINK + track);

            CommandRun run = CommandRun.of("status", "--sqlite-path", database.toString());

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("SQLite " + database.toAbsolutePath())
                    .containsPattern("People registered +3\n")
                    .containsPattern(" on Spotify +3\n")
                    .containsPattern("must connect again +0\n")
                    .containsPattern("Songs being watched +1\n")
                    .as("Bob's check for his song; each one's before their Spotify consent ends")
                    .containsPattern("Listen checks planned +3 +one a person: ")
                    .containsPattern("Songs not delivered yet +1\n")
                    .containsPattern("Held messages +[1-9]\\d* +for 1 person, the oldest held ")
                    .containsPattern("Listen checks due +\\d+")
                    .containsPattern("Inbound events waiting +\\d+");
            assertThat(run.out()).doesNotContain("Alice", "Bob", "Carol", "alice", "bob-sp");

            CommandRun json = CommandRun.of("status", "--json", "--sqlite-path", database.toString());
            // the running server's threads may print too: the report is its one line of JSON
            JsonNode figures = new ObjectMapper().readTree(json.out().lines().filter(line -> line.startsWith("{\""))
                    .reduce((first, last) -> last).orElseThrow());
            assertThat(figures.path("people").asLong()).isEqualTo(3);
            assertThat(figures.path("connections").path("spotify").asLong()).isEqualTo(3);
            assertThat(figures.path("songsWatched").asLong()).isEqualTo(1);
            assertThat(figures.path("songsHeld").asLong()).isEqualTo(1);
            assertThat(figures.path("peopleWaiting").asLong()).isEqualTo(1);
            assertThat(figures.has("dueChecks")).isTrue();
            assertThat(figures.has("dueChecksLagSeconds")).isTrue();
            assertThat(figures.has("inboxWaiting")).isTrue();
            assertThat(figures.has("inboxAgeSeconds")).isTrue();
        }
    }

    @Test
    void readsATableOnDynamoDb() throws Exception {
        assumeTrue(DYNAMO.isRunning(), "dynalite is not installed");
        String table = DYNAMO.freshTable();
        Stores stores = DynamoStores.create(DYNAMO.client(), table, TokenCipher.random());
        Instant now = Instant.now();
        ChatAddress ann = ChatAddress.messenger("ann");
        stores.users().saveUser(new User(ann, "Ann Lee", new SpotifyConnection("ann-sp", "a", now, "r", now),
                GrantState.NEEDS_RECONNECT, now, now));
        stores.watches().scheduleWatch(ann, now.minusSeconds(90), now.minusSeconds(3600));
        stores.outbox().holdNew(java.util.List.of(new HeldMessage("h1", ann, Message.text("hi"),
                now.minusSeconds(7200), Optional.empty(), Optional.empty(), 0, 0, now.plus(Outbox.HOLD_LIMIT),
                java.util.List.of())));
        stores.inbox().append(List.of(new Inbound.Text("m1", ann, now.minusSeconds(400), "help"),
                new Inbound.Text("m2", ann, now.minusSeconds(100), "help")), now.minusSeconds(330));
        Path env = dir.resolve("env");
        Files.writeString(env, String.join("\n", "STORE=dynamodb", "DYNAMODB_TABLE=" + table,
                "DYNAMODB_ENDPOINT=" + DYNAMO.endpoint(), "AWS_REGION=" + DynaliteExtension.REGION.id(),
                "AWS_ACCESS_KEY_ID=" + DynaliteExtension.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY=" + DynaliteExtension.SECRET_KEY));

        CommandRun run = CommandRun.of("status", "--env-file", env.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("DynamoDB table " + table)
                .containsPattern("People registered +1\n")
                .containsPattern("must connect again +1 +their songs wait until they do\n")
                .containsPattern("Held messages +1 +for 1 person, the oldest held 2 h 0 min ago\n")
                .containsPattern("Listen checks due +1 +the oldest waiting 1 min\n")
                .containsPattern("Inbound events waiting +2 +the oldest received 5 min ago\n");

        CommandRun json = CommandRun.of("status", "--json", "--env-file", env.toString());
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode figures = new ObjectMapper().readTree(json.out().lines().filter(line -> line.startsWith("{\""))
                .reduce((first, last) -> last).orElseThrow());
        assertThat(figures.path("inboxWaiting").asLong()).isEqualTo(2);
        assertThat(figures.path("inboxAgeSeconds").asLong()).isBetween(330L, 390L);
    }

    @Test
    void refusesAMissingDatabaseAndAnUnreadableConfiguration() throws Exception {
        CommandRun missing = CommandRun.of("status", "--sqlite-path", dir.resolve("nowhere.db").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("there is no database at");
        assertThat(dir.resolve("nowhere.db")).doesNotExist();

        Path env = dir.resolve("env");
        Files.writeString(env, "STORE=dynamodb\n");
        CommandRun incomplete = CommandRun.of("status", "--env-file", env.toString());
        assertThat(incomplete.exit()).isEqualTo(2);
        assertThat(incomplete.err()).contains("DYNAMODB_TABLE");
    }

    @Test
    void refusesADatabaseOfAnotherSchemaVersionRatherThanUpgradeIt() throws Exception {
        Path database = dir.resolve("old.db");
        SqliteStores.file(database, TokenCipher.random()).close();
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + database);
             var statement = connection.createStatement()) {
            statement.execute("INSERT INTO schema_version (version, script, applied_at) VALUES (999, 'V999__x.sql', 0)");
        }

        CommandRun run = CommandRun.of("status", "--sqlite-path", database.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("is at schema version 999");
    }
}
