package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.store.sqlite.SqliteBackup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code send-songs backup} while the server runs and handles messages, and {@code restore} once it is stopped. */
class BackupCommandTest {
    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileTheServerHandlesMessagesRestoresEveryoneRegisteredBeforeIt() {
        Path database = dir.resolve("data/send-songs.db");
        Path backup = dir.resolve("backups/send-songs-1.db");
        // The same token key after the restart, as in production: the database alone opens no one's tokens.
        Map<String, String> environment = Map.of("PORT", "0", "SQLITE_PATH", database.toString(), "TICK_SECONDS", "3600",
                "TOKEN_ENCRYPTION_KEY", "c2VuZC1zb25ncy10ZXN0LWtleS0zMi1ieXRlcy1sb24=");
        try (Demo demo = Demo.start(environment)) {
            SandboxClient sandbox = new SandboxClient(demo.baseUrl());
            sandbox.register("alice", "alice-sp", "Alice Smith");
            AtomicBoolean talking = new AtomicBoolean(true);
            AtomicInteger said = new AtomicInteger();
            CompletableFuture<Void> chatter = CompletableFuture.runAsync(() -> {
                while (talking.get()) {
                    sandbox.say("p-" + said.get() % 7, "help");
                    said.incrementAndGet();
                }
            });
            awaitAtLeast(said, 20);

            CommandRun run = CommandRun.of("backup", "--sqlite-path", database.toString(), backup.toString());

            awaitAtLeast(said, said.get() + 20);
            talking.set(false);
            chatter.join();
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("Backed up", backup.toString(), "passed SQLite's integrity check",
                    "Only its owner, " + System.getProperty("user.name") + ", can read it.");
            assertThat(SqliteBackup.check(backup)).isEmpty();

            sandbox.register("bob", "bob-sp", "Bob Fisher");
            CommandRun refused = CommandRun.of("restore", "--sqlite-path", database.toString(), backup.toString());
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).contains("in use by another process: stop the server first");
            assertThat(sandbox.ask("bob", "history")).as("the running server kept its data").singleElement()
                    .asString().doesNotContain("To start, connect");
        }

        CommandRun restored = CommandRun.of("restore", "--sqlite-path", database.toString(), backup.toString());
        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("Restored", database.toString(), "It belongs to "
                + System.getProperty("user.name") + ", as the file it replaced did.");

        try (Demo demo = Demo.start(environment)) {
            SandboxClient sandbox = new SandboxClient(demo.baseUrl());
            assertThat(sandbox.ask("alice", "history")).as("registered before the backup").singleElement()
                    .asString().doesNotContain("To start, connect");
            assertThat(sandbox.ask("bob", "history")).as("registered after the backup").singleElement()
                    .asString().contains("To start, connect");
        }
    }

    @Test
    void aBackupRefusesAnExistingFileAMissingDatabaseAndADynamoDbStore() throws IOException {
        Path existing = Files.writeString(dir.resolve("exists.db"), "keep me");
        Path database = dir.resolve("send-songs.db");
        Demo.start(Map.of("PORT", "0", "SQLITE_PATH", database.toString())).close();

        CommandRun overwrite = CommandRun.of("backup", "--sqlite-path", database.toString(), existing.toString());
        assertThat(overwrite.exit()).isEqualTo(1);
        assertThat(overwrite.err()).contains("already exists");
        assertThat(Files.readString(existing)).isEqualTo("keep me");

        CommandRun missing = CommandRun.of("backup", "--sqlite-path", dir.resolve("nowhere.db").toString(), dir.resolve("b.db").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no database file at");
        assertThat(dir.resolve("nowhere.db")).doesNotExist();

        Path env = Files.writeString(dir.resolve("env"), "STORE=dynamodb\nDYNAMODB_TABLE=t\nAWS_REGION=eu-west-1\n");
        CommandRun dynamo = CommandRun.of("backup", "--env-file", env.toString(), dir.resolve("c.db").toString());
        assertThat(dynamo.exit()).isEqualTo(2);
        assertThat(dynamo.err()).contains("point-in-time recovery");

        CommandRun noFile = CommandRun.of("backup");
        assertThat(noFile.exit()).isEqualTo(2);
    }

    @Test
    void theHelpOfBackupAndRestoreListsTheVariablesTheyRead() {
        for (String command : new String[] {"backup", "restore"}) {
            CommandRun help = CommandRun.of(command, "--help");
            assertThat(help.exit()).isZero();
            assertThat(help.out()).contains("--sqlite-path", "--env-file", "SQLITE_PATH", "STORE", "LOG_FORMAT")
                    .doesNotContain("MESSENGER_APP_SECRET");
        }
    }

    private static void awaitAtLeast(AtomicInteger count, int target) {
        long deadline = System.nanoTime() + SandboxClient.PATIENCE.toNanos();
        while (count.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + count.get() + " messages were sent");
            }
            Thread.onSpinWait();
        }
    }
}
