package app.sendsongs.bench.crash;

import app.sendsongs.bench.load.Reconciliation;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a crash run found.
 *
 * @param options          the run's settings
 * @param groupSizes       the members of each group made
 * @param burstMessages    messages sent in the bursts
 * @param kills            every kill of the server
 * @param serverStarts     how often the server was started, the first time included
 * @param failedStarts     starts in which the server exited before it answered, each tried again
 * @param posts            POSTs made (each counted once, however often it was sent)
 * @param sentAgain        times a POST was left without a 200 by a burst and sent again in a later one
 * @param refusals         answers other than 200 (each followed by a resend)
 * @param outcome          the reconciliation of every message with the emulated inboxes
 * @param openListed       songs the senders' last {@code pending} answers list as open
 * @param stuck            of them, songs listed as waiting to be delivered when nothing should hold them any more
 * @param waitedOutLeases  whether the end waited until a message lease had passed since the last restart
 * @param elapsed          the whole run, registration included
 */
record CrashReport(CrashOptions options, List<Integer> groupSizes, int burstMessages, List<Kill> kills,
                   int serverStarts, int failedStarts, int posts, int sentAgain, int refusals,
                   Reconciliation.Outcome outcome, int openListed, int stuck, boolean waitedOutLeases,
                   Duration elapsed) {

    /** Acknowledged messages never handled (no answer). */
    int lost() {
        return outcome.lostAnswers();
    }

    /** Messages answered more than once. */
    int handledTwice() {
        return outcome.duplicateAnswers();
    }

    /** The four targets (0 lost, 0 handled twice, 0 songs delivered twice, 0 shares stuck) and nothing else amiss. */
    boolean holds() {
        return lost() == 0 && handledTwice() == 0 && outcome.duplicateSongs() == 0 && stuck == 0
                && outcome.lostSongs() == 0 && outcome.misdelivered() == 0 && outcome.unrecognised() == 0
                && outcome.answered() == outcome.messages();
    }

    String format() {
        StringBuilder text = new StringBuilder();
        line(text, "Crash test: serve on %s, the emulators in a process of their own (%.0f s)",
                options.store() == CrashOptions.Store.SQLITE ? "SQLite (one file)" : "DynamoDB (a dynalite table)",
                elapsed.toMillis() / 1e3);
        line(text, "  %,d people, groups of %s; %,d bursts of %,d messages on %,d connections (%,d messages)",
                options.users(), groupSizes.isEmpty() ? "none" : groupSizes.toString(), options.rounds(),
                options.messagesPerRound(), options.connections(), burstMessages);
        line(text, "  kill -9 of the server: %,d (it was started %,d times, on the same %s%s)", kills.size(),
                serverStarts, options.store() == CrashOptions.Store.SQLITE ? "file" : "table",
                failedStarts == 0 ? "" : "; " + failedStarts + " more starts failed and were tried again");
        kills.forEach(kill -> line(text, "    %s", kill.format()));
        line(text, "  POSTs: %,d; left without a 200 by a burst and sent again later: %,d; answered other than 200: %,d",
                posts, sentAgain, refusals);
        line(text, "  messages acknowledged: %,d (the bursts', a closing one from each person, and pending asks)",
                outcome.messages());
        line(text, "  %-58s %,8d   target 0", "acknowledged, never answered (lost)", lost());
        line(text, "  %-58s %,8d   target 0", "answered twice (handled twice)", handledTwice());
        line(text, "  %-58s %,8d", "songs to deliver (one per receiver)", outcome.songs());
        line(text, "  %-58s %,8d   target 0", "songs delivered twice", outcome.duplicateSongs());
        line(text, "  %-58s %,8d   target 0", "songs never delivered", outcome.lostSongs());
        line(text, "  %-58s %,8d   target 0", "songs delivered to someone else", outcome.misdelivered());
        line(text, "  %-58s %,8d   target 0", "shares stuck waiting to be delivered (of " + openListed + " open)",
                stuck);
        line(text, "  %-58s %,8d   target 0", "answers of no known kind", outcome.unrecognised());
        line(text, "  %-58s %,8d   (not a target: resent POSTs come later)", "answers out of order",
                outcome.outOfOrder());
        outcome.examples().forEach(example -> line(text, "    e.g. %s", example));
        if (waitedOutLeases) {
            line(text, "  (counted once a message lease had passed since the last restart)");
        }
        line(text, "  %s", holds() ? "acknowledged means kept: every acknowledged message handled exactly once"
                : "FAILED: acknowledged messages were lost, handled twice or left stuck");
        return text.toString();
    }

    private static void line(StringBuilder text, String format, Object... values) {
        text.append(String.format(Locale.ROOT, format, values)).append('\n');
    }
}
