package app.sendsongs.bench;

import java.util.Arrays;

/** The benchmarks' command line: the first argument names the benchmark, the rest are its options. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (args.length == 0 ? "" : args[0]) {
            case "load" -> System.exit(app.sendsongs.bench.load.LoadTest.main(rest));
            case "scale" -> System.exit(app.sendsongs.bench.scale.ScaleTest.main(rest));
            case "watch" -> System.exit(app.sendsongs.bench.watch.WatchSimulator.main(rest));
            case "crash" -> System.exit(app.sendsongs.bench.crash.CrashTest.main(rest));
            case "history" -> System.exit(app.sendsongs.bench.history.HistoryBench.main(rest));
            default -> {
                System.err.println("usage: bench <benchmark> [options]   (--help after a benchmark lists its options)");
                System.err.println("  load    webhook ingest, ack latency and send_song processing against the demo server");
                System.err.println("  scale   due-watch claims with 10,000 vs 1,000,000 pending, and the server's memory");
                System.err.println("  watch   listen watching in virtual time: the seed's policy vs ours, Spotify calls and latency");
                System.err.println("  crash   kill -9 of the server during webhook bursts: acknowledged messages lost, handled twice, stuck");
                System.err.println("  history a person's contacts and history with a long history and a short one: whole vs latest");
                System.exit(2);
            }
        }
    }
}
