package app.sendsongs.bench.scale;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.store.sqlite.SqliteStores;
import app.sendsongs.store.sqlite.SqliteWatches.WatchToSchedule;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A SQLite database holding a number of pending listen checks, one per receiver, due at random
 * times over the week after {@code start} and written in an order unrelated to their due times,
 * as real watches are. Loaded through the store's bulk path, in transactions of {@link #CHUNK}.
 */
final class PendingWatches {
    static final Duration SPREAD = Duration.ofDays(7);
    private static final int CHUNK = 50_000;

    /** The file, how many watches it holds and how long loading them took. */
    record Loaded(Path file, int count, long nanos) {
    }

    private PendingWatches() {
    }

    static Loaded create(Path file, int count, Instant start, long seed) {
        Random random = new Random(seed);
        long began = System.nanoTime();
        try (SqliteStores store = SqliteStores.file(file, TokenCipher.random())) {
            List<WatchToSchedule> chunk = new ArrayList<>(Math.min(count, CHUNK));
            for (int i = 0; i < count; i++) {
                Instant due = start.plusMillis((long) (random.nextDouble() * SPREAD.toMillis()));
                chunk.add(new WatchToSchedule(ChatAddress.messenger("receiver-" + i), due,
                        start.minus(Duration.ofHours(1))));
                if (chunk.size() == CHUNK || i == count - 1) {
                    store.watches().scheduleWatches(chunk);
                    chunk.clear();
                }
            }
        }
        return new Loaded(file, count, System.nanoTime() - began);
    }

    /** How many of the {@code count} watches made with {@code seed} fall due at or before {@code at}. */
    static int dueBy(int count, Instant start, long seed, Instant at) {
        Random random = new Random(seed);
        int due = 0;
        for (int i = 0; i < count; i++) {
            if (!start.plusMillis((long) (random.nextDouble() * SPREAD.toMillis())).isAfter(at)) {
                due++;
            }
        }
        return due;
    }
}
