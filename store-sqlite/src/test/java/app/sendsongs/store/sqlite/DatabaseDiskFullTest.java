package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills while the database is open, then has room again. The file's page limit
 * ({@code PRAGMA max_page_count}) stands in for the disk: SQLite answers a write past it as it answers a full
 * disk, {@code SQLITE_FULL}.
 */
class DatabaseDiskFullTest {
    private static final String INSERT = "INSERT INTO items (name, data) VALUES (?, randomblob(20000))";

    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = Database.file(dir.resolve("full.db"), 1);
        db.alone(s -> {
            s.execute("CREATE TABLE items (name TEXT PRIMARY KEY, data BLOB)");
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void writesRefusedWhileTheDiskIsFullAreTakenAgainOnceThereIsRoom() {
        db.transaction(s -> s.update(INSERT, "before"));
        limitPagesTo(pageCount());

        assertThatThrownBy(() -> db.durableTransaction(s -> s.update(INSERT, "while full")))
                .isInstanceOf(SqliteStoreException.class)
                .rootCause().hasMessageContaining("full");
        assertThat(db.fault()).hasValueSatisfying(fault -> assertThat(fault).contains("full"));

        limitPagesTo(1_000_000);
        db.durableTransaction(s -> s.update(INSERT, "after"));
        assertThat(db.fault()).isEmpty();
        db.transaction(s -> s.update("DELETE FROM items WHERE name = ?", "before"));

        List<String> names = db.read(s -> s.query("SELECT name FROM items", rs -> rs.getString(1)));
        assertThat(names).containsExactly("after");
    }

    private long pageCount() {
        return db.alone(s -> s.queryOne("PRAGMA page_count", rs -> rs.getLong(1)).orElseThrow());
    }

    private void limitPagesTo(long pages) {
        db.alone(s -> {
            s.execute("PRAGMA max_page_count = " + pages);
            return null;
        });
    }
}
