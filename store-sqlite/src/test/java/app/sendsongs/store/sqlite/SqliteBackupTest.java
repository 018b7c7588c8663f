package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups taken while the store writes, the checks a copy must pass, and restoring one. */
class SqliteBackupTest {
    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileWritesGoOnHoldsEveryRowCommittedBeforeItAndPassesTheChecks() throws Exception {
        Path live = dir.resolve("live.db");
        Path copy = dir.resolve("backups/copy.db");
        AtomicInteger committed = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        int before;
        int after;
        try (SqliteStores store = SqliteStores.file(live, TestTokens.CIPHER)) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                while (writing.get()) {
                    store.stores().inbound().markHandled("m-" + committed.get(), T0);
                    committed.incrementAndGet();
                }
            });
            while (committed.get() < 500) {
                Thread.sleep(1);
            }
            before = committed.get();
            SqliteBackup.Copy backup = SqliteBackup.backup(live, copy);
            after = committed.get();
            int more = after + 200;
            while (committed.get() < more && !writer.isDone()) {
                Thread.sleep(1);
            }
            writing.set(false);
            writer.join();

            assertThat(backup.file()).isEqualTo(copy.toAbsolutePath());
            assertThat(backup.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(backup.bytes()).isEqualTo(Files.size(copy)).isPositive();
        }
        assertThat(after).as("the store went on writing during the backup").isGreaterThanOrEqualTo(before);
        assertThat(SqliteBackup.check(copy)).isEmpty();
        assertThat(Files.list(copy.getParent())).as("no partial file is left").containsExactly(copy);
        try (SqliteStores restored = SqliteStores.file(copy, TestTokens.CIPHER)) {
            assertThat(restored.migrationsAppliedAtOpen()).isZero();
            for (int i = 0; i < before; i++) {
                assertThat(restored.stores().inbound().handled("m-" + i)).as("m-" + i + " was committed before").isTrue();
            }
            assertThat(restored.stores().inbound().handled("m-" + (after + 100)))
                    .as("written after the backup ended").isFalse();
        }
    }

    @Test
    void aBackupIsReadableByItsOwnerAlone() throws IOException {
        Path live = dir.resolve("live.db");
        try (SqliteStores store = SqliteStores.file(live, TestTokens.CIPHER)) {
            store.stores().inbound().markHandled("m-1", T0);
        }

        SqliteBackup.Copy backup = SqliteBackup.backup(live, dir.resolve("copy.db"));

        assertThat(Files.getPosixFilePermissions(backup.file())).as("it holds people's names and sealed tokens")
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aBackupNeverOverwritesAFileAndNeedsADatabase() throws IOException {
        Path live = dir.resolve("live.db");
        SqliteStores.file(live, TestTokens.CIPHER).close();
        Path existing = Files.writeString(dir.resolve("keep.db"), "precious");

        assertThatThrownBy(() -> SqliteBackup.backup(live, existing)).isInstanceOf(SqliteStoreException.class)
                .hasMessageContaining("already exists").hasMessageContaining("never overwrites");
        assertThat(Files.readString(existing)).isEqualTo("precious");

        Path missing = dir.resolve("missing.db");
        assertThatThrownBy(() -> SqliteBackup.backup(missing, dir.resolve("b.db")))
                .isInstanceOf(SqliteStoreException.class).hasMessageContaining("no database file at");
        assertThat(missing).doesNotExist();
        assertThat(dir.resolve("b.db")).doesNotExist();
    }

    @Test
    void theLeftoversOfABackupKilledMidwayAreDeletedByALaterOneButNotThoseOfABackupStillRunning() throws IOException {
        Path live = dir.resolve("live.db");
        SqliteStores.file(live, TestTokens.CIPHER).close();
        Path backups = Files.createDirectories(dir.resolve("backups"));
        String killed = ".send-songs-2025-11-24.db.partial-" + UUID.randomUUID();
        Path partial = Files.writeString(backups.resolve(killed), "half a copy");
        Path journal = Files.writeString(backups.resolve(killed + "-journal"), "its journal");
        FileTime twoDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
        Files.setLastModifiedTime(partial, twoDaysAgo);
        Files.setLastModifiedTime(journal, twoDaysAgo);
        Path running = Files.writeString(backups.resolve(".weekly.db.partial-" + UUID.randomUUID()), "being written");
        Path mine = Files.writeString(backups.resolve("notes.partial-of-mine"), "not a backup's");
        Files.setLastModifiedTime(mine, twoDaysAgo);

        SqliteBackup.backup(live, backups.resolve("send-songs-2025-11-25.db"));

        assertThat(backups.resolve("send-songs-2025-11-25.db")).exists();
        assertThat(partial).doesNotExist();
        assertThat(journal).doesNotExist();
        assertThat(running).exists();
        assertThat(mine).exists();
    }

    @Test
    void theChecksFindADamagedFileAForeignDatabaseAndANewerSchema() throws Exception {
        Path good = dir.resolve("good.db");
        try (SqliteStores store = SqliteStores.file(good, TestTokens.CIPHER)) {
            for (int i = 0; i < 2000; i++) {
                store.stores().inbound().markHandled("message-id-" + i, T0);
            }
        }
        assertThat(SqliteBackup.check(good)).isEmpty();

        Path damaged = SqliteBackup.backup(good, dir.resolve("damaged.db")).file();
        try (RandomAccessFile file = new RandomAccessFile(damaged.toFile(), "rw")) {
            file.seek(Files.size(damaged) - 3000);
            file.write(new byte[1500]);
        }
        assertThat(SqliteBackup.check(damaged)).isNotEmpty().first().asString().startsWith("integrity check");

        Path text = Files.writeString(dir.resolve("notes.db"), "these are notes, not a database ".repeat(40));
        assertThat(SqliteBackup.check(text)).singleElement().asString().contains("cannot be read as a SQLite database");

        Path foreign = dir.resolve("foreign.db");
        sql(foreign, "CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)");
        assertThat(SqliteBackup.check(foreign)).containsExactly("it has no schema_version table: not a Send Songs database");

        Path newer = SqliteBackup.backup(good, dir.resolve("newer.db")).file();
        sql(newer, "INSERT INTO schema_version VALUES (99, 'V99__future.sql', 0)");
        assertThat(SqliteBackup.check(newer)).singleElement().asString().contains("schema version is 99");

        Path altered = SqliteBackup.backup(good, dir.resolve("altered.db")).file();
        sql(altered, "DROP INDEX inbound_messages_by_time");
        assertThat(SqliteBackup.check(altered)).containsExactly("its schema lacks the index inbound_messages_by_time");
    }

    @Test
    void aRestoreIsRefusedWhileTheDatabaseIsOpenAndThenReplacesItsContent() {
        Path live = dir.resolve("live.db");
        Path backup = dir.resolve("backup.db");
        try (SqliteStores store = SqliteStores.file(live, TestTokens.CIPHER)) {
            store.stores().inbound().markHandled("before-backup", T0);
            SqliteBackup.backup(live, backup);
            store.stores().inbound().markHandled("after-backup", T0);

            assertThatThrownBy(() -> SqliteBackup.restore(backup, live)).isInstanceOf(SqliteStoreException.class)
                    .hasMessageContaining("in use by another process").hasMessageContaining("Nothing was restored");
            assertThat(store.stores().inbound().handled("after-backup")).as("the open store is untouched").isTrue();
        }

        SqliteBackup.Copy restored = SqliteBackup.restore(backup, live);

        assertThat(restored.schemaVersion()).isEqualTo(Migrations.latestVersion());
        try (SqliteStores store = SqliteStores.file(live, TestTokens.CIPHER)) {
            assertThat(store.stores().inbound().handled("before-backup")).isTrue();
            assertThat(store.stores().inbound().handled("after-backup")).as("written after the backup: gone").isFalse();
        }
        assertThat(SqliteBackup.check(live)).isEmpty();
    }

    @Test
    void aDamagedBackupIsNotRestoredAndANewDatabaseCanBeRestoredInto() throws IOException {
        Path live = dir.resolve("live.db");
        try (SqliteStores store = SqliteStores.file(live, TestTokens.CIPHER)) {
            store.stores().inbound().markHandled("kept", T0);
        }
        Path junk = Files.writeString(dir.resolve("junk.db"), "not a backup at all ".repeat(100));

        assertThatThrownBy(() -> SqliteBackup.restore(junk, live)).isInstanceOf(SqliteStoreException.class)
                .hasMessageContaining("failed its checks, nothing was restored");
        try (SqliteStores store = SqliteStores.file(live, TestTokens.CIPHER)) {
            assertThat(store.stores().inbound().handled("kept")).isTrue();
        }

        Path elsewhere = dir.resolve("new-machine/data/send-songs.db");
        SqliteBackup.restore(SqliteBackup.backup(live, dir.resolve("b.db")).file(), elsewhere);
        try (SqliteStores store = SqliteStores.file(elsewhere, TestTokens.CIPHER)) {
            assertThat(store.migrationsAppliedAtOpen()).isZero();
            assertThat(store.stores().inbound().handled("kept")).isTrue();
        }
    }

    private static void sql(Path file, String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
