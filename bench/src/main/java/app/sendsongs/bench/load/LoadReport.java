package app.sendsongs.bench.load;

import java.util.Locale;

/**
 * The load test's figures.
 *
 * @param ceiling          the bare {@code POST /bench/ok} phase
 * @param webhook          the webhook phase (the same bodies, signed or with the secret header, plus redeliveries)
 * @param eventsPosted     messages carried by the webhook POSTs, redeliveries included
 * @param handlingNanos    from the first webhook POST until everything the bot had to send reached the Graph
 *                         emulator; negative if that did not happen within the timeout
 * @param messages         distinct messages of the measured phase
 * @param songs            of which {@code send_song}
 * @param serverCpuSeconds CPU the server used from the first webhook POST until handling finished
 * @param compilerCpuSeconds of which its JIT compiler threads' (a server still warming up compiles much)
 * @param emulatorCpuSeconds CPU the emulators' own process used meanwhile (0 when they run in the server's)
 * @param clientCpuSeconds CPU the load generator (this process) used meanwhile
 * @param outcome          the reconciliation (measured phase and the closing {@code help} from each person)
 * @param serverMemory     the server's resident memory at the end
 */
record LoadReport(LoadOptions options, ClosedLoop.Result ceiling, ClosedLoop.Result webhook, long eventsPosted,
                  long handlingNanos, long messages, long songs, double serverCpuSeconds, double compilerCpuSeconds,
                  double emulatorCpuSeconds, double clientCpuSeconds, Reconciliation.Outcome outcome,
                  ProcessMemory serverMemory) {

    boolean exactlyOnce() {
        return outcome.exactlyOnce() && webhook.abandoned() == 0 && handlingNanos >= 0;
    }

    double ingestPerSecond() {
        return webhook.perSecond(eventsPosted);
    }

    double ceilingPerSecond() {
        return ceiling.perSecond(ceiling.accepted());
    }

    /** Webhook POSTs per second over bare POSTs per second: the share of the server's ceiling the webhook reaches. */
    double ratioToCeiling() {
        return webhook.perSecond(webhook.accepted()) / ceilingPerSecond();
    }

    double messagesHandledPerSecond() {
        return handlingNanos < 0 ? 0 : messages / (handlingNanos / 1e9);
    }

    double songsHandledPerSecond() {
        return handlingNanos < 0 ? 0 : songs / (handlingNanos / 1e9);
    }

    /** Server CPU milliseconds per message handled (ingest and handling together). */
    double serverCpuMillisPerMessage() {
        return serverCpuSeconds * 1000 / messages;
    }

    String format() {
        String platform = options.platform() == LoadPlatform.TELEGRAM ? "Telegram" : "Messenger";
        return heading(platform) + requestsTable() + handling(platform) + cpu() + reconciliation()
                + String.format(Locale.ROOT, "Server resident memory: %.0f MiB now, %.0f MiB at most%n",
                        serverMemory.residentMib(), serverMemory.peakResidentMib());
    }

    private String heading(String platform) {
        return String.format(Locale.ROOT, "Load test on %s: %,d people, %,d messages (%.0f%% send_song), %d "
                        + "connections, %d message(s) per POST, %.1f%% of POSTs redelivered, server -Xmx%s, emulators %s%n%n",
                platform, options.users(),
                options.events(), options.songShare() * 100, options.connections(), options.batch(),
                options.redeliveryShare() * 100, options.serverHeap(),
                options.emulatorsApart() ? "in a process of their own" : "in the server's process");
    }

    /** The bare POSTs beside the webhook's. */
    private String requestsTable() {
        return "| | bare POST /bench/ok (ceiling) | POST " + options.platform().webhookPath()
                + " | webhook / ceiling |\n"
                + "| --- | ---: | ---: | ---: |\n"
                + row("requests answered per second", ceilingPerSecond(), webhook.perSecond(webhook.accepted()),
                        ratioToCeiling())
                + String.format(Locale.ROOT, "| messages acknowledged per second | | %,.0f | |%n", ingestPerSecond())
                + latencyRow("ack latency p50 (ms)", 50)
                + latencyRow("ack latency p99 (ms)", 99)
                + String.format(Locale.ROOT, "| requests refused (503) and resent | %d | %d | |%n%n",
                        ceiling.refusals(), webhook.refusals());
    }

    private String handling(String platform) {
        if (handlingNanos < 0) {
            return "Handling did NOT finish within the timeout.\n";
        }
        return String.format(Locale.ROOT, "Handled end to end (from the first POST until every answer and "
                        + "song reached the emulated %s): %,d messages in %.2f s = %,.0f messages/s, "
                        + "of which send_song %,.0f/s%n", platform, messages, handlingNanos / 1e9,
                messagesHandledPerSecond(), songsHandledPerSecond());
    }

    private String cpu() {
        String emulators = options.emulatorsApart()
                ? String.format(Locale.ROOT, ", emulators' process %.1f s (%.2f ms per message; the server's is %.2f "
                        + "times theirs)", emulatorCpuSeconds, emulatorCpuSeconds * 1000 / messages,
                        serverCpuSeconds / emulatorCpuSeconds)
                : " with the emulators in it";
        return String.format(Locale.ROOT, "CPU meanwhile: server %.1f s (its JIT compiler %.1f s of it; %.2f ms per "
                        + "message, so %,.0f messages/s if it had 2 cores to itself)%s, load generator %.1f s%n",
                serverCpuSeconds, compilerCpuSeconds, serverCpuMillisPerMessage(), 2000 / serverCpuMillisPerMessage(),
                emulators, clientCpuSeconds);
    }

    private String reconciliation() {
        Reconciliation.Outcome o = outcome;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Reconciliation: %,d messages, %,d answered; "
                        + "lost %d, duplicated %d, out of order %d, unrecognised answers %d; %,d songs, %,d delivered; "
                        + "lost %d, duplicated %d, to the wrong person %d; POSTs given up %d -> %s%n", o.messages(),
                o.answered(), o.lostAnswers(), o.duplicateAnswers(), o.outOfOrder(), o.unrecognised(), o.songs(),
                o.songsDelivered(), o.lostSongs(), o.duplicateSongs(), o.misdelivered(), webhook.abandoned(),
                exactlyOnce() ? "every message handled exactly once" : "NOT exactly once"));
        o.examples().forEach(example -> out.append("  e.g. ").append(example).append(System.lineSeparator()));
        return out.toString();
    }

    private static String row(String what, double ceiling, double webhook, double ratio) {
        return String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f |%n", what, ceiling, webhook, ratio);
    }

    private String latencyRow(String what, double percentile) {
        double bare = ceiling.latencies().percentileMillis(percentile);
        double ours = webhook.latencies().percentileMillis(percentile);
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", what, bare, ours, ours / bare);
    }
}
