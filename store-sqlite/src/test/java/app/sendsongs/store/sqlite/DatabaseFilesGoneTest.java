package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database file or its WAL deleted or replaced while the database is open: SQLite goes on writing to the files
 * it has open, which have no name any more, so whatever it commits from then on is gone at the next start. A write
 * then fails, and says why, rather than being acknowledged.
 */
class DatabaseFilesGoneTest {
    @TempDir
    Path dir;
    private Path file;
    private Database db;

    @BeforeEach
    void open() {
        file = dir.resolve("gone.db");
        db = Database.file(file, 1);
        db.alone(s -> {
            s.execute("CREATE TABLE items (name TEXT PRIMARY KEY)");
            return null;
        });
        db.durableTransaction(s -> s.update("INSERT INTO items (name) VALUES ('before')"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aDatabaseFileDeletedWhileOpenFailsEveryWriteFromThenOn() throws Exception {
        Files.delete(file);

        assertWritesFailNaming(file);
        assertThat(db.fault()).hasValueSatisfying(fault -> assertThat(fault).contains(file.toString()));
    }

    @Test
    void aWalDeletedWhileOpenFailsEveryWriteFromThenOn() throws Exception {
        Path wal = Path.of(file + "-wal");
        assertThat(wal).exists();
        Files.delete(wal);

        assertWritesFailNaming(wal);
    }

    @Test
    void aDatabaseFileReplacedWhileOpenFailsEveryWriteFromThenOn() throws Exception {
        Path other = dir.resolve("other.db");
        Files.copy(file, other);
        Files.move(other, file, StandardCopyOption.REPLACE_EXISTING);

        assertWritesFailNaming(file);
    }

    @Test
    void whileTheFilesStayWritesGoOnAndNoFaultIsReported() {
        db.transaction(s -> s.update("INSERT INTO items (name) VALUES ('after')"));

        assertThat(db.fault()).isEmpty();
    }

    private void assertWritesFailNaming(Path path) {
        for (boolean durable : new boolean[] {true, false}) {
            assertThatThrownBy(() -> write(durable, "after-" + durable))
                    .isInstanceOf(SqliteStoreException.class)
                    .hasMessageContaining(path.toString())
                    .hasMessageContaining("deleted or replaced");
        }
    }

    private void write(boolean durable, String name) {
        Database.Work<Integer> insert = s -> s.update("INSERT INTO items (name) VALUES (?)", name);
        if (durable) {
            db.durableTransaction(insert);
        } else {
            db.transaction(insert);
        }
    }
}
