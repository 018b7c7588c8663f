package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.Stores;
import app.sendsongs.core.group.Group;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.User;
import app.sendsongs.core.watch.Watch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening database files: migrations, schema versions, journal mode, paths, closing. */
class SqliteStoresFileTest {
    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");
    private static final ChatAddress ALICE_ADDRESS = ChatAddress.messenger("alice");
    private static final User ALICE = new User(ALICE_ADDRESS, "Alice Smith",
            new SpotifyConnection("spotify-alice", "access", T0.plusSeconds(3600), "refresh", T0), GrantState.ACTIVE, T0, T0);

    @TempDir
    Path dir;

    @Test
    void aNewFileGetsEveryMigrationAndReopeningAppliesNone() {
        Path file = dir.resolve("send-songs.db");
        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            assertThat(sqlite.migrationsAppliedAtOpen()).isEqualTo(Migrations.scriptCount()).isPositive();
            assertThat(sqlite.schemaVersion()).isEqualTo(Migrations.latestVersion());
            sqlite.stores().users().saveUser(ALICE);
        }
        try (SqliteStores reopened = SqliteStores.file(file, TestTokens.CIPHER)) {
            assertThat(reopened.migrationsAppliedAtOpen()).isZero();
            assertThat(reopened.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(reopened.stores().users().findUser(ALICE_ADDRESS)).contains(ALICE);
        }
    }

    @Test
    void aVersionOneDatabaseIsUpgradedAndItsSharesComeBackAsDirectSharesBetweenMessengerAddresses()
            throws SQLException {
        Path file = dir.resolve("version-1.db");
        Share direct = Share.direct("s-1", ALICE_ADDRESS, ChatAddress.messenger("bob"),
                new Track(new TrackId("4uLU6hMCjMI75M1A2tKUQC"), "Song", List.of("Artist"), Duration.ofMinutes(3),
                        Optional.empty(), Optional.empty()), "pre", "post", T0);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session session = new Session(connection)) {
            new Migrations("db/sqlite/", List.of("V1__init.sql")).apply(session, T0);
            session.update("INSERT INTO shares (id, sender_psid, receiver_psid, track_id, track_name, track_artists, "
                    + "track_duration_ms, pre, post, created_at, status, uncertain) "
                    + "VALUES ('s-1', 'alice', 'bob', '4uLU6hMCjMI75M1A2tKUQC', 'Song', 'Artist\u001F', 180000, "
                    + "'pre', 'post', ?, 'HELD', 0)", T0);
        }

        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            assertThat(sqlite.migrationsAppliedAtOpen()).isEqualTo(Migrations.scriptCount() - 1);
            assertThat(sqlite.stores().shares().findShare("s-1")).contains(direct);
            assertThat(sqlite.stores().groups().createGroup(new Group("g-1", ALICE_ADDRESS, "Family", T0))).isTrue();
        }
    }

    @Test
    void aVersionTwoDatabaseIsUpgradedWithItsWatchesDueAsBeforeAndStillClaimable() throws SQLException {
        Path file = dir.resolve("version-2.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session session = new Session(connection)) {
            new Migrations("db/sqlite/", List.of("V1__init.sql", "V2__groups.sql")).apply(session, T0);
            session.update("INSERT INTO watches (receiver_psid, due_at, checked_through, version) VALUES "
                    + "('bob', ?, ?, 41), ('carol', ?, ?, 7)", T0.plusSeconds(60), T0.minusSeconds(600),
                    T0.plusSeconds(30), T0.minusSeconds(60));
        }

        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            Stores store = sqlite.stores();
            ChatAddress bob = ChatAddress.messenger("bob");
            assertThat(sqlite.migrationsAppliedAtOpen()).isEqualTo(Migrations.scriptCount() - 2);
            assertThat(store.watches().findWatch(bob))
                    .contains(new Watch(bob, T0.plusSeconds(60), T0.minusSeconds(600), 41));
            List<Watch> claimed = store.watches().claimDueWatches(T0.plusSeconds(60), 10, T0.plusSeconds(180));
            assertThat(claimed).extracting(Watch::receiver).containsExactly(ChatAddress.messenger("carol"), bob);
            assertThat(store.watches().endWatch(claimed.get(1))).isTrue();
            assertThat(store.watches().findWatch(bob)).isEmpty();
            assertThat(store.watches().findWatch(ChatAddress.messenger("carol"))).contains(claimed.get(0));
        }
    }

    @Test
    void aDatabaseNewerThanTheCodeIsRefusedWithAClearMessage() throws SQLException {
        Path file = dir.resolve("from-the-future.db");
        SqliteStores.open(file, TestTokens.CIPHER).close();
        int future = Migrations.latestVersion() + 1;
        sql(file, "INSERT INTO schema_version (version, script, applied_at) VALUES (" + future + ", 'V" + future
                + "__future.sql', 0)");

        assertThatThrownBy(() -> SqliteStores.open(file, TestTokens.CIPHER))
                .isInstanceOf(SqliteStoreException.class)
                .hasMessageContaining("schema version " + future)
                .hasMessageContaining("which this program does not know");
        sql(file, "DELETE FROM schema_version WHERE version = " + future);
        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            assertThat(sqlite.schemaVersion()).isEqualTo(Migrations.latestVersion());
        }
    }

    @Test
    void aFileThatCannotBeWrittenIsRefusedAtOpenRatherThanFailingEveryWriteAfter() throws Exception {
        Path file = dir.resolve("read-only.db");
        SqliteStores.open(file, TestTokens.CIPHER).close();
        // A write version above 2 in the header makes SQLite treat the file as read-only
        // (https://www.sqlite.org/fileformat.html#file_format_version_numbers), as a read-only
        // file or mount does, whoever runs the test.
        try (java.io.RandomAccessFile header = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            header.seek(18);
            header.write(3);
        }

        assertThatThrownBy(() -> SqliteStores.open(file, TestTokens.CIPHER))
                .isInstanceOf(SqliteStoreException.class)
                .hasMessageContaining("cannot write to " + file.toAbsolutePath())
                .hasMessageContaining("read-only");
    }

    @Test
    void versionsLeftOutBecauseTheyCameLaterAreStillAppliedAndAnUnknownOneIsRefused() throws SQLException {
        Path file = dir.resolve("gaps.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session session = new Session(connection)) {
            new Migrations("db/sqlite/", List.of("V1__init.sql", "V2__groups.sql", "V3__watch_queue.sql",
                    "V8__group_chats.sql")).apply(session, T0);
        }

        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            assertThat(sqlite.migrationsAppliedAtOpen()).as("versions 4 to 7 came after 8 was applied").isEqualTo(
                    Migrations.scriptCount() - 4);
            assertThat(sqlite.schemaVersion()).isEqualTo(Migrations.latestVersion());
            sqlite.stores().users().saveUser(ALICE);
            assertThat(sqlite.stores().users().findUser(ALICE_ADDRESS)).contains(ALICE);
        }
        sql(file, "INSERT INTO schema_version (version, script, applied_at) VALUES (99, 'V99__elsewhere.sql', 0)");
        assertThatThrownBy(() -> SqliteStores.open(file, TestTokens.CIPHER)).isInstanceOf(SqliteStoreException.class)
                .hasMessageContaining("schema version 99, which this program does not know");
    }

    @Test
    void scriptsMustComeInOrderOfVersion() {
        assertThatThrownBy(() -> new Migrations("db/sqlite/", List.of("V2__groups.sql", "V1__init.sql")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in order of version");
        assertThatThrownBy(() -> new Migrations("db/sqlite/", List.of("V1__init.sql", "V1__init.sql")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileDatabaseRunsInWalMode() {
        try (SqliteStores sqlite = SqliteStores.file(dir.resolve("wal.db"), TestTokens.CIPHER)) {
            String mode = sqlite.read(s -> s.queryOne("PRAGMA journal_mode", rs -> rs.getString(1)).orElseThrow());
            assertThat(mode).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void missingParentDirectoriesAreCreated() {
        Path file = dir.resolve("var/lib/send-songs/store.db");
        try (Stores store = SqliteStores.open(file, TestTokens.CIPHER)) {
            store.users().saveUser(ALICE);
        }
        assertThat(file).isRegularFile();
    }

    @Test
    void anUnusablePathFailsWithAClearError() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "not a directory");
        Path file = notADirectory.resolve("store.db");

        assertThatThrownBy(() -> SqliteStores.open(file, TestTokens.CIPHER))
                .isInstanceOf(SqliteStoreException.class)
                .hasMessageContaining("cannot open")
                .hasMessageContaining(file.toString());
    }

    @Test
    void timesAreKeptToTheMillisecond() {
        try (Stores store = SqliteStores.open(dir.resolve("times.db"), TestTokens.CIPHER)) {
            store.users().saveUser(ALICE.withLastMessageAt(T0.plusNanos(1_999_999)));
            assertThat(store.users().findUser(ALICE_ADDRESS).orElseThrow().lastMessageAt())
                    .isEqualTo(T0.plusMillis(1));
        }
    }

    @Test
    void aClosedStoreRefusesWorkAndClosesOnlyOnce() {
        SqliteStores sqlite = SqliteStores.file(dir.resolve("closed.db"), TestTokens.CIPHER);
        Stores store = sqlite.stores();
        store.close();
        sqlite.close();

        assertThatThrownBy(() -> store.users().findUser(ALICE_ADDRESS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> store.users().saveUser(ALICE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.outbox().heldMessagesFor(ALICE_ADDRESS))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void inMemoryStoresAreSeparateAndUpToDate() {
        try (SqliteStores first = SqliteStores.memory(); SqliteStores second = SqliteStores.memory()) {
            first.stores().users().saveUser(ALICE);
            assertThat(second.stores().users().findUser(ALICE_ADDRESS)).isEmpty();
            assertThat(second.schemaVersion()).isEqualTo(Migrations.latestVersion());
        }
    }

    private static void sql(Path file, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
