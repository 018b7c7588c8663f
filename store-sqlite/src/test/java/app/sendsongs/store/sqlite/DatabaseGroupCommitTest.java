package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes committed together: each caller's unit is atomic on its own, and visible once its call returns. */
class DatabaseGroupCommitTest {
    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = Database.file(dir.resolve("group.db"), 2);
        db.alone(s -> {
            s.execute("CREATE TABLE items (name TEXT PRIMARY KEY)");
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyCallersWriteIsVisibleToReadersOnceItReturns() throws Exception {
        int callers = 64;
        CyclicBarrier together = new CyclicBarrier(callers);
        AtomicInteger unseen = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            String name = "item-" + i;
            threads.add(Thread.ofVirtual().start(() -> {
                await(together);
                db.transaction(s -> s.update("INSERT INTO items (name) VALUES (?)", name));
                if (count("WHERE name = '" + name + "'") != 1) {
                    unseen.incrementAndGet();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(unseen).hasValue(0);
        assertThat(count("")).isEqualTo(callers);
    }

    @Test
    void aFailingUnitIsRolledBackAloneWhileTheOthersInItsCommitStay() throws Exception {
        CountDownLatch writerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Holds the writer so that the next three units queue up and are committed together.
        Thread blocker = Thread.ofVirtual().start(() -> db.transaction(s -> {
            writerBusy.countDown();
            await(release);
            return s.update("INSERT INTO items (name) VALUES ('first')");
        }));
        writerBusy.await();
        Thread good = Thread.ofVirtual().start(() -> db.transaction(s -> s.update(
                "INSERT INTO items (name) VALUES ('good')")));
        List<Throwable> failures = new ArrayList<>();
        Thread bad = Thread.ofVirtual().start(() -> {
            try {
                db.transaction(s -> {
                    s.update("INSERT INTO items (name) VALUES ('half')");
                    throw new IllegalStateException("the unit fails half way");
                });
            } catch (IllegalStateException e) {
                synchronized (failures) {
                    failures.add(e);
                }
            }
        });
        Thread duplicate = Thread.ofVirtual().start(() -> {
            try {
                db.transaction(s -> s.update("INSERT INTO items (name) VALUES ('first')"));
            } catch (SqliteStoreException e) {
                synchronized (failures) {
                    failures.add(e);
                }
            }
        });
        Thread.sleep(100);
        release.countDown();
        for (Thread thread : List.of(blocker, good, bad, duplicate)) {
            thread.join();
        }

        assertThat(failures).hasSize(2);
        assertThat(names()).containsExactlyInAnyOrder("first", "good");
    }

    @Test
    void aWriteFromWithinAUnitIsPartOfIt() {
        assertThatThrownBy(() -> db.transaction(s -> {
            db.write(inner -> inner.update("INSERT INTO items (name) VALUES ('inner')"));
            throw new IllegalStateException("the outer unit fails after the inner write");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(count("")).isZero();
    }

    @Test
    void aClosedDatabaseRefusesWritesAndCommitsWhatWasWaiting() {
        db.transaction(s -> s.update("INSERT INTO items (name) VALUES ('kept')"));
        db.close();

        assertThatThrownBy(() -> db.transaction(s -> s.update("INSERT INTO items (name) VALUES ('late')")))
                .isInstanceOf(IllegalStateException.class);
        try (Database again = Database.file(dir.resolve("group.db"), 1)) {
            List<String> names = again.read(s -> s.query("SELECT name FROM items", rs -> rs.getString(1)));
            assertThat(names).containsExactly("kept");
        }
    }

    private int count(String where) {
        return db.read(s -> s.queryOne("SELECT count(*) AS n FROM items " + where, rs -> rs.getInt("n")).orElse(0));
    }

    private List<String> names() {
        return db.read(s -> s.query("SELECT name FROM items", rs -> rs.getString(1)));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
