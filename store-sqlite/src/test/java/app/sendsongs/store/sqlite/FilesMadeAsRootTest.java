package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.sendsongs.testsupport.AnotherUser;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files the store makes when it runs as root (a restore, a backup, a first start) go to the owner of the folder
 * they are made in, the service user's, readable and writable by that owner alone: the server, run as that user
 * afterwards, can use them. A uid with no name stands for the service user (only root may give a file away).
 */
class FilesMadeAsRootTest {
    private static final String SERVICE_UID = "12345";

    @TempDir
    Path dir;
    private UserPrincipal serviceUser;
    private Path data;

    @BeforeEach
    void serviceUsersFolder() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "skipped: only root can give files away, and the "
                + "tests run as " + System.getProperty("user.name"));
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "skipped: the file system has no owners");
        serviceUser = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(SERVICE_UID);
        data = Files.createDirectory(dir.resolve("data"));
        Files.setOwner(data, serviceUser);
    }

    @Test
    void aBackupRestoredAsRootIntoTheServiceUsersFolderIsTheirsAndTheirsAlone() throws IOException {
        Path database = data.resolve("songs.db");

        SqliteBackup.Copy restored = SqliteBackup.restore(backup(), database);

        assertThat(restored.owner()).isEqualTo(SERVICE_UID);
        assertOwnedByTheServiceUserAlone(database);
    }

    @Test
    void aRestoreOverAFileKeepsThatFilesOwner() throws IOException {
        Path database = data.resolve("songs.db");
        SqliteStores.open(database, TestTokens.CIPHER).close();
        UserPrincipal someoneElse = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("4321");
        Files.setOwner(database, someoneElse);

        SqliteBackup.Copy restored = SqliteBackup.restore(backup(), database);

        assertThat(restored.owner()).isEqualTo("4321");
        assertThat(Files.getOwner(database)).isEqualTo(someoneElse);
    }

    @Test
    void aDatabaseTheStoreMakesAsRootIsTheFolderOwnersWithItsWalAndShm() throws IOException {
        Path database = data.resolve("songs.db");

        try (SqliteStores store = SqliteStores.file(database, TestTokens.CIPHER)) {
            store.stores().inbound().markHandled("m-1", Instant.now());

            assertOwnedByTheServiceUserAlone(database);
            for (Path companion : Stream.of("-wal", "-shm").map(end -> data.resolve("songs.db" + end)).toList()) {
                assertThat(Files.getOwner(companion)).as(companion.toString()).isEqualTo(serviceUser);
            }
        }
    }

    @Test
    void aBackupWrittenAsRootIntoTheServiceUsersFolderIsTheirsAlone() throws IOException {
        Path live = dir.resolve("live.db");
        SqliteStores.open(live, TestTokens.CIPHER).close();

        SqliteBackup.Copy copy = SqliteBackup.backup(live, data.resolve("backup.db"));

        assertThat(copy.owner()).isEqualTo(SERVICE_UID);
        assertOwnedByTheServiceUserAlone(copy.file());
    }

    @Test
    void theServiceUserOpensAndWritesADatabaseRestoredAsRoot() throws IOException {
        assumeTrue(AnotherUser.unavailable().isEmpty(), () -> "skipped: " + AnotherUser.unavailable().orElseThrow());
        Optional<AnotherUser> nobody = AnotherUser.find(dir);
        assumeTrue(nobody.isPresent(), "skipped: the temporary folder " + dir + " is not reachable by other users");
        Files.setOwner(data, AnotherUser.principal());
        Path database = data.resolve("songs.db");

        SqliteBackup.Copy restored = SqliteBackup.restore(backup(), database);
        AnotherUser.Run serverStart = nobody.get().run(OpenAndWrite.class, database.toString());

        assertThat(restored.owner()).isEqualTo(AnotherUser.NAME);
        assertThat(serverStart.exit()).as(serverStart.output()).isZero();
    }

    /** A backup of a database with a row, made by root in root's folder. */
    private Path backup() {
        Path live = dir.resolve("live.db");
        try (SqliteStores store = SqliteStores.file(live, TestTokens.CIPHER)) {
            store.stores().inbound().markHandled("m-0", Instant.now());
        }
        return SqliteBackup.backup(live, dir.resolve("backups/backup-" + System.nanoTime() + ".db")).file();
    }

    private void assertOwnedByTheServiceUserAlone(Path file) throws IOException {
        assertThat(Files.getOwner(file)).as(file.toString()).isEqualTo(serviceUser);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                .isEqualTo("rw-------");
    }
}
