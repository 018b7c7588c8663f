package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledgements first: while durable units keep coming, the other units' commits wait a little, durable units
 * overtake them, and nothing waits once the calls stop or past the longest wait. The pauses here are seconds long, so
 * which unit went first does not depend on how fast the machine is.
 */
class DatabasePacingTest {
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final Duration SOON = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private Database db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void whileCallsComeACallsWriteOvertakesAWorkersWriteQueuedBeforeIt() throws Exception {
        open(new Database.Pacing(LONG, Duration.ofSeconds(3), LONG));
        insertDurably("call 1");
        Thread worker = Thread.ofVirtual().start(() -> db.transaction(s -> s.update(
                "INSERT INTO items (name) VALUES ('worker')")));
        Thread.sleep(200); // the worker's unit waits in line, paced

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> insertDurably("call 2"));
        assertThat(names()).containsExactly("call 1", "call 2");
        assertThat(worker.isAlive()).isTrue();

        worker.join(SOON);
        assertThat(names()).containsExactly("call 1", "call 2", "worker");
    }

    @Test
    void onceNoCallCameLatelyAWriteCommitsAtOnce() throws Exception {
        open(new Database.Pacing(Duration.ofMillis(200), LONG, LONG));
        insertDurably("call");
        Thread.sleep(400);

        assertTimeoutPreemptively(SOON, () -> db.transaction(s -> s.update(
                "INSERT INTO items (name) VALUES ('worker')")));
        assertThat(names()).containsExactly("call", "worker");
    }

    @Test
    void aWriteWaitsNoLongerThanTheLongestPaceHoweverOftenCallsCome() {
        open(new Database.Pacing(LONG, LONG, Duration.ofMillis(300)));
        insertDurably("call");

        assertTimeoutPreemptively(SOON, () -> db.transaction(s -> s.update(
                "INSERT INTO items (name) VALUES ('worker')")));
        assertThat(names()).containsExactly("call", "worker");
    }

    @Test
    void closingCommitsAPacedWriteWithoutWaitingForThePace() throws Exception {
        open(new Database.Pacing(LONG, LONG, LONG));
        insertDurably("call");
        Thread worker = Thread.ofVirtual().start(() -> db.transaction(s -> s.update(
                "INSERT INTO items (name) VALUES ('worker')")));
        Thread.sleep(200);

        assertTimeoutPreemptively(SOON, () -> db.close());
        worker.join(SOON);
        db = Database.file(dir.resolve("paced.db"), 1);
        assertThat(names()).containsExactly("call", "worker");
    }

    private void open(Database.Pacing pacing) {
        db = Database.file(dir.resolve("paced.db"), 1, pacing);
        db.alone(s -> {
            s.execute("CREATE TABLE items (n INTEGER PRIMARY KEY, name TEXT)");
            return null;
        });
    }

    private void insertDurably(String name) {
        db.durableTransaction(s -> s.update("INSERT INTO items (name) VALUES (?)", name));
    }

    private List<String> names() {
        return db.read(s -> s.query("SELECT name FROM items ORDER BY n", rs -> rs.getString(1)));
    }
}
