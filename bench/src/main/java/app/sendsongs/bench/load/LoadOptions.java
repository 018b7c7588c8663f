package app.sendsongs.bench.load;

import app.sendsongs.bench.BenchArgs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The load test's settings. */
public record LoadOptions(LoadPlatform platform, int users, int events, double songShare, int connections, int batch,
                          double redeliveryShare, int warmup, String serverHeap, List<String> serverJvmOptions,
                          boolean emulatorsApart, long seed, Duration timeout, Path charts) {

    public static final String HELP = """
            bench load [options]
              --platform P       messenger (default) or telegram: where the people are and whose webhook
                                 is measured (Telegram: one update a POST, paid broadcasts of up to 950 a second)
              --users N          people registered through the connect flow first (default 1000)
              --events N         messages sent to the webhook in the measured phase (default 20000)
              --song-share F     share of them that are send_song; the rest history, help, unknown (default 0.7)
              --connections N    concurrent kept-alive connections, a person always on the same one (default 32)
              --batch N          messages per webhook POST (default 1)
              --redeliver F      share of POSTs sent a second time, as Messenger redelivers (default 0.01)
              --warmup N         messages (and bare requests) sent before measuring, not measured (default 5000)
              --server-heap S    the server's -Xmx (default 1g, and 1g more for each 20,000 messages beyond 25,000
                                 measured and warmed up: the demo wiring keeps the emulators' inboxes in the same JVM)
              --server-jvm "..." more options for the server's JVM, e.g. to profile it (default none)
              --emulators W      same: the emulators in the server's process, its demo wiring (default);
                                 apart: in a process of their own (the sandbox command), as the real
                                 services are, the server's adapters pointed there (Messenger only)
              --seed N           random seed of the workload (default 1)
              --timeout-seconds N  longest wait for the bot to finish handling (default 300)
              --charts DIR       where the charts (PNG) are written (default bench-charts)
            """;

    public LoadOptions {
        if (platform == LoadPlatform.TELEGRAM && batch != 1) {
            throw new IllegalArgumentException("Telegram sends one update a POST: --batch must be 1");
        }
        if (platform == LoadPlatform.TELEGRAM && emulatorsApart) {
            // Telegram's pace makes the load test move the clock the demo shares with its own emulators.
            throw new IllegalArgumentException("--emulators apart is for Messenger: on Telegram the load test moves "
                    + "the demo's clock, which emulators in a process of their own do not share");
        }
        if (users < 2 || events < 1 || connections < 1 || batch < 1 || warmup < 0) {
            throw new IllegalArgumentException("need at least 2 users, 1 event, 1 connection, a batch of 1 and "
                    + "a warm-up of 0 or more");
        }
        if (songShare < 0 || songShare > 1 || redeliveryShare < 0 || redeliveryShare > 1) {
            throw new IllegalArgumentException("--song-share and --redeliver are fractions from 0 to 1");
        }
    }

    public static LoadOptions defaults() {
        return new LoadOptions(LoadPlatform.MESSENGER, 1000, 20_000, 0.7, 32, 1, 0.01, 5000, defaultHeap(20_000, 5000),
                List.of(), false, 1, Duration.ofSeconds(300), Path.of("bench-charts"));
    }

    /**
     * The server's heap unless told: 1g holds the emulators' inboxes of the default run (25,000 messages) and its
     * reconciliation, which reads every inbox back at once; a larger run gets 1g more for each 20,000 messages more,
     * so that it does not end with the server out of memory.
     */
    static String defaultHeap(int events, int warmup) {
        long beyond = Math.max(0, (long) events + warmup - 25_000);
        return (1 + (beyond + 19_999) / 20_000) + "g";
    }

    /** @throws IllegalArgumentException for an unknown option or a bad value */
    public static LoadOptions parse(String[] args) {
        BenchArgs a = BenchArgs.parse(args, Set.of("--platform", "--users", "--events", "--song-share", "--connections", "--batch",
                "--redeliver", "--warmup", "--server-heap", "--server-jvm", "--emulators", "--seed", "--timeout-seconds", "--charts"));
        LoadOptions d = defaults();
        int events = a.integer("--events", d.events);
        int warmup = a.integer("--warmup", d.warmup);
        return new LoadOptions(platform(a.text("--platform", "messenger")), a.integer("--users", d.users), events,
                a.fraction("--song-share", d.songShare), a.integer("--connections", d.connections),
                a.integer("--batch", d.batch), a.fraction("--redeliver", d.redeliveryShare),
                warmup, a.text("--server-heap", defaultHeap(events, warmup)),
                a.text("--server-jvm", "").isBlank() ? List.of() : List.of(a.text("--server-jvm", "").strip().split("\\s+")),
                emulatorsApart(a.text("--emulators", "same")),
                a.number("--seed", d.seed),
                Duration.ofSeconds(a.number("--timeout-seconds", d.timeout.toSeconds())),
                Path.of(a.text("--charts", d.charts.toString())));
    }

    private static boolean emulatorsApart(String where) {
        return switch (where.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "same" -> false;
            case "apart" -> true;
            default -> throw new IllegalArgumentException("--emulators is same or apart, not " + where);
        };
    }

    private static LoadPlatform platform(String name) {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "messenger" -> LoadPlatform.MESSENGER;
            case "telegram" -> LoadPlatform.TELEGRAM;
            default -> throw new IllegalArgumentException("--platform is messenger or telegram, not " + name);
        };
    }
}
