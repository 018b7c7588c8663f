package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.sendsongs.testsupport.AnotherUser;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database whose files root made (a restore, a copy, a first start as root), opened by the server's own user: as
 * that user (the tests run as root, who may write anything, so the store is opened in a process of another user), it
 * is refused at once, in one line naming the file, its owner and the chown that fixes it, rather than failing in
 * SQLite with "attempt to write a readonly database".
 */
class DatabaseOfAnotherUserTest {
    @TempDir
    Path dir;
    private AnotherUser serviceUser;
    private Path data;
    private Path database;

    @BeforeEach
    void serviceUsersFolder() throws IOException {
        assumeTrue(AnotherUser.unavailable().isEmpty(), () -> "skipped: " + AnotherUser.unavailable().orElseThrow());
        Optional<AnotherUser> found = AnotherUser.find(dir);
        assumeTrue(found.isPresent(), "skipped: the temporary folder " + dir + " is not reachable by other users");
        serviceUser = found.get();
        data = Files.createDirectory(dir.resolve("data"));
        Files.setOwner(data, AnotherUser.principal());
        database = data.resolve("songs.db");
    }

    @Test
    void aDatabaseFileRootOwnsIsRefusedAtOpenNamingItsOwnerAndTheChownThatFixesIt() throws IOException {
        SqliteStores.open(database, TestTokens.CIPHER).close();
        Files.setOwner(database, root());

        AnotherUser.Run refused = serviceUser.run(OpenAndWrite.class, database.toString());

        assertThat(refused.exit()).as(refused.output()).isEqualTo(3);
        assertThat(lastLine(refused)).isEqualTo("SqliteFileOwnerException: cannot write to " + database
                + ": it belongs to root and this runs as nobody; give it to nobody: chown nobody: " + database);

        Files.setOwner(database, AnotherUser.principal());
        AnotherUser.Run fixed = serviceUser.run(OpenAndWrite.class, database.toString());
        assertThat(fixed.exit()).as(fixed.output()).isZero();
    }

    @Test
    void aFolderAndAnShmFileRootOwnsAreNamedTogether() throws IOException {
        SqliteStores.open(database, TestTokens.CIPHER).close();
        Files.setOwner(database, AnotherUser.principal());
        Path shm = data.resolve("songs.db-shm");
        Files.writeString(shm, "");
        Files.setOwner(data, root());

        AnotherUser.Run refused = serviceUser.run(OpenAndWrite.class, database.toString());

        assertThat(refused.exit()).as(refused.output()).isEqualTo(3);
        assertThat(lastLine(refused)).isEqualTo("SqliteFileOwnerException: cannot write to the folder " + data
                + ", " + shm + ": they belong to root and this runs as nobody; give them to nobody: chown nobody: "
                + data + " " + shm);
    }

    /** The store's line (the output may begin with the logging library's warnings). */
    private static String lastLine(AnotherUser.Run run) {
        return run.output().strip().lines().reduce((first, second) -> second).orElse("");
    }

    private static UserPrincipal root() throws IOException {
        return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("root");
    }
}
