package app.sendsongs.bench.history;

import app.sendsongs.bench.BenchArgs;
import app.sendsongs.bench.TempDirectory;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.store.sqlite.SqliteStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a person's commands read of their history, for a person with a long history and for one with a short one,
 * two ways in the same run: their contacts (read by every pasted link and every first name typed), their
 * {@code history} and their {@code pending} songs, each from the whole history as they were read before
 * ({@link ShareStore#sharesSentBy}, {@link ShareStore#sharesReceivedBy}) and as they are read now
 * ({@link ShareStore#latestCounterparts}, {@link ShareStore#latestSentBy}, {@link ShareStore#openSharesSentBy}).
 * Through the SQLite store's public API, on a file of its own.
 */
public final class HistoryBench {
    static final String HELP = """
            bench history [options]
              --shares N   shares sent and shares received by the person with a long history (default 20000 each way)
              --people N   people they exchanged songs with (default 2000)
              --recent N   latest shares read each way, as the contacts read them (default 500)
              --rounds N   measured reads of each kind, after as many not measured (default 30)
              --seed N     random seed (default 1)
            """;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final int SHORT_HISTORY = 50;
    /** Songs a person sent that are still open (held or watched). */
    private static final int OPEN = 20;
    /** Songs the history command shows. */
    private static final int HISTORY_SHOWN = 10;

    private HistoryBench() {
    }

    /** {@code bench history [options]}; exit code 0 when both ways of each read found the same latest ones. */
    public static int main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.print(HELP);
            return 0;
        }
        BenchArgs a;
        try {
            a = BenchArgs.parse(args, Set.of("--shares", "--people", "--recent", "--rounds", "--seed"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + HELP);
            return 2;
        }
        return run(a);
    }

    private static int run(BenchArgs a) {
        int sharesEachWay = a.integer("--shares", 20_000);
        int people = a.integer("--people", 2_000);
        int recent = a.integer("--recent", 500);
        int rounds = a.integer("--rounds", 30);
        Path dir = TempDirectory.create("send-songs-history");
        try (SqliteStores store = SqliteStores.file(dir.resolve("history.db"), TokenCipher.random())) {
            ShareStore shares = store.stores().shares();
            System.out.printf("loading %,d shares each way for one person, %,d for another...%n", sharesEachWay,
                    SHORT_HISTORY);
            load(shares, "long", sharesEachWay, people, a.number("--seed", 1));
            load(shares, "short", SHORT_HISTORY, SHORT_HISTORY, a.number("--seed", 1));
            boolean alike = compareReads(shares, sharesEachWay, recent, rounds);
            System.out.println();
            System.out.println(alike ? "The latest contacts, latest songs and open songs are the same either way."
                    : "The latest contacts, songs or open songs differ between the two reads.");
            return alike ? 0 : 1;
        } finally {
            TempDirectory.deleteQuietly(dir);
        }
    }

    /** Prints the table of both ways of each read; true when both ways found the same latest ones. */
    private static boolean compareReads(ShareStore shares, int sharesEachWay, int recent, int rounds) {
        boolean alike = true;
        System.out.println();
        System.out.println("| read | person's history | whole history: median (ms) | latest only: median (ms) "
                + "| latest / whole |");
        System.out.println("| --- | --- | ---: | ---: | ---: |");
        for (String who : List.of("long", "short")) {
            ChatAddress person = ChatAddress.messenger(who);
            int eachWay = who.equals("long") ? sharesEachWay : SHORT_HISTORY;
            String history = String.format("%,d shares each way", eachWay);
            row("contacts (latest " + recent + " each way)", history, rounds,
                    () -> List.of(shares.sharesSentBy(person), shares.sharesReceivedBy(person)),
                    () -> shares.latestCounterparts(person, recent));
            row("history (latest " + HISTORY_SHOWN + " sent)", history, rounds, () -> shares.sharesSentBy(person),
                    () -> shares.latestSentBy(person, HISTORY_SHOWN));
            row("pending (open sent)", history, rounds, () -> shares.sharesSentBy(person),
                    () -> shares.openSharesSentBy(person));
            alike &= sameLatest(shares, person, recent)
                    && shares.sharesSentBy(person).subList(0, HISTORY_SHOWN)
                    .equals(shares.latestSentBy(person, HISTORY_SHOWN))
                    && shares.openSharesSentBy(person).equals(shares.sharesSentBy(person).stream()
                    .filter(share -> share.status().isOpen()).sorted(Comparator.comparing(Share::createdAt))
                    .toList());
        }
        return alike;
    }

    /**
     * A person who sent {@code count} songs and was sent {@code count}, a minute apart, with {@code people} others;
     * the latest {@value #OPEN} they sent are still open.
     */
    private static void load(ShareStore shares, String who, int count, int people, long seed) {
        Random random = new Random(seed);
        ChatAddress person = ChatAddress.messenger(who);
        Track track = new Track(new TrackId("4uLU6hMCjMI75M1A2tKUQC"), "A song", List.of("An artist"),
                Duration.ofMinutes(3), Optional.empty(), Optional.empty());
        for (int i = 0; i < count; i++) {
            ChatAddress to = ChatAddress.messenger(who + "-friend-" + random.nextInt(people));
            ChatAddress from = ChatAddress.messenger(who + "-friend-" + random.nextInt(people));
            Instant at = START.plus(Duration.ofMinutes(2L * i));
            // Only the latest few are still open, as a week of watching leaves them.
            Share sent = i >= count - OPEN ? Share.direct(who + "-sent-" + i, person, to, track, "", "", at)
                    : Share.stored(who + "-sent-" + i, person, to, track, at, ShareStatus.EXPIRED)
                    .delivered(at, at.plus(Duration.ofDays(7))).build();
            shares.insertShare(sent);
            shares.insertShare(Share.direct(who + "-received-" + i, from, person, track, "", "", at.plusSeconds(60)));
        }
    }

    private static void row(String read, String history, int rounds, Supplier<Object> whole, Supplier<Object> latest) {
        double before = median(whole, rounds);
        double after = median(latest, rounds);
        System.out.printf("| %s | %s | %.2f | %.2f | %.4f |%n", read, history, before, after, after / before);
    }

    /** The median of {@code rounds} timed calls, after as many untimed ones. */
    private static double median(Supplier<Object> read, int rounds) {
        for (int i = 0; i < rounds; i++) {
            read.get();
        }
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long began = System.nanoTime();
            read.get();
            millis[i] = (System.nanoTime() - began) / 1e6;
        }
        Arrays.sort(millis);
        return millis[rounds / 2];
    }

    /** Whether the first people of both reads are the same, in the same order (the taps a pasted link offers). */
    private static boolean sameLatest(ShareStore shares, ChatAddress person, int recent) {
        List<Share> all = new ArrayList<>(shares.sharesSentBy(person));
        all.addAll(shares.sharesReceivedBy(person));
        List<ChatAddress> whole = all.stream().sorted(Comparator.comparing(Share::createdAt).reversed())
                .map(share -> share.sender().equals(person) ? share.receiver() : share.sender()).distinct().toList();
        List<ChatAddress> latest = shares.latestCounterparts(person, recent);
        int compared = Math.min(10, latest.size());
        return latest.size() > 0 && whole.subList(0, compared).equals(latest.subList(0, compared));
    }
}
