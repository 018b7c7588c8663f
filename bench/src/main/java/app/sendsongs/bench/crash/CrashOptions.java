package app.sendsongs.bench.crash;

import app.sendsongs.bench.BenchArgs;
import app.sendsongs.core.SendSongs;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The crash test's settings. */
public record CrashOptions(int users, int groups, int groupSize, int rounds, int kills, int messagesPerRound,
                           double songShare, double groupShare, double batchedShare, int maxBatch, int connections,
                           Duration killWithin, Store store, String serverHeap, List<String> jvmOptions, long seed,
                           Duration timeout, Duration lease) {

    /** Where the server keeps its data across the kills. */
    public enum Store {
        SQLITE, DYNAMODB
    }

    public static final String HELP = """
            bench crash [options]
              --users N            people registered through the connect flow first (default 40)
              --groups N           groups made by their owners' commands (default 2)
              --group-size N       members of each group, the owner included (default 20)
              --rounds N           bursts of webhook POSTs (default 20)
              --kills N            of them cut by kill -9 of the server, at a random moment (default 20)
              --messages N         messages in each burst (default 300)
              --song-share F       share of them that are send_song to one person (default 0.4)
              --group-share F      share that are send_song group:... (default 0.1); the rest history, help, unknown
              --batched-share F    share of POSTs that carry a batch of 2 to --max-batch messages in 1 to 3
                                   entries; the others carry one (default 0.5)
              --max-batch N        most messages in one POST (default 10)
              --connections N      concurrent connections, a person always on the same one (default 8)
              --kill-within-ms N   half the kills come right after a random number of a burst's POSTs were
                                   answered, half at a random moment up to this long after it began (default 1500)
              --store S            sqlite (one file) or dynamodb (a dynalite table) (default sqlite)
              --server-heap S      the server's -Xmx (default 256m)
              --jvm "..."          more options for the server's and the emulators' JVMs (default none)
              --seed N             random seed of the workload and the kill moments (default 1)
              --timeout-seconds N  longest wait for the bot to answer at the end (default 300)
              --lease-seconds N    the server's LEASE_SECONDS: how long what a killed server held (a person's
                                   events, a message being sent) waits before it is taken again (default 120)
            """;

    public CrashOptions {
        jvmOptions = List.copyOf(jvmOptions);
        if (users < 3 || groups < 0 || (groups > 0 && (groupSize < 2 || groupSize > Math.min(users, 50)))) {
            throw new IllegalArgumentException("need at least 3 users and groups of 2 to 50 members, no more than "
                    + "there are users");
        }
        if (rounds < 1 || kills < 0 || kills > rounds || messagesPerRound < 1 || maxBatch < 2 || connections < 1) {
            throw new IllegalArgumentException("need 1 round or more, 0 to --rounds kills, 1 message or more, a "
                    + "--max-batch of 2 or more and 1 connection or more");
        }
        if (songShare < 0 || groupShare < 0 || songShare + groupShare > 1 || batchedShare < 0 || batchedShare > 1) {
            throw new IllegalArgumentException("--song-share, --group-share and --batched-share are fractions from 0 "
                    + "to 1, and songs and group sends together at most 1");
        }
        if (groups == 0 && groupShare > 0) {
            throw new IllegalArgumentException("group sends need --groups 1 or more");
        }
        if (killWithin.isNegative() || killWithin.isZero()) {
            throw new IllegalArgumentException("--kill-within-ms must be positive");
        }
        if (lease.toSeconds() < 5) {
            throw new IllegalArgumentException("--lease-seconds must be 5 or more");
        }
    }

    public static CrashOptions defaults() {
        return new CrashOptions(40, 2, 20, 20, 20, 300, 0.4, 0.1, 0.5, 10, 8, Duration.ofMillis(1500), Store.SQLITE,
                "256m", List.of(), 1, Duration.ofSeconds(300), SendSongs.Settings.LEASE);
    }

    /** @throws IllegalArgumentException for an unknown option or a bad value */
    public static CrashOptions parse(String[] args) {
        BenchArgs a = BenchArgs.parse(args, Set.of("--users", "--groups", "--group-size", "--rounds", "--kills",
                "--messages", "--song-share", "--group-share", "--batched-share", "--max-batch", "--connections",
                "--kill-within-ms", "--store", "--server-heap", "--jvm", "--seed", "--timeout-seconds",
                "--lease-seconds"));
        CrashOptions d = defaults();
        int rounds = a.integer("--rounds", d.rounds);
        return new CrashOptions(a.integer("--users", d.users), a.integer("--groups", d.groups),
                a.integer("--group-size", d.groupSize), rounds, a.integer("--kills", Math.min(rounds, d.kills)),
                a.integer("--messages", d.messagesPerRound), a.fraction("--song-share", d.songShare),
                a.fraction("--group-share", d.groupShare), a.fraction("--batched-share", d.batchedShare),
                a.integer("--max-batch", d.maxBatch), a.integer("--connections", d.connections),
                Duration.ofMillis(a.number("--kill-within-ms", d.killWithin.toMillis())),
                store(a.text("--store", "sqlite")), a.text("--server-heap", d.serverHeap),
                a.text("--jvm", "").isBlank() ? d.jvmOptions : List.of(a.text("--jvm", "").strip().split("\\s+")),
                a.number("--seed", d.seed),
                Duration.ofSeconds(a.number("--timeout-seconds", d.timeout.toSeconds())),
                Duration.ofSeconds(a.number("--lease-seconds", d.lease.toSeconds())));
    }

    private static Store store(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "sqlite" -> Store.SQLITE;
            case "dynamodb" -> Store.DYNAMODB;
            default -> throw new IllegalArgumentException("--store must be sqlite or dynamodb, not " + name);
        };
    }
}
