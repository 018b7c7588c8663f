package app.sendsongs.bench.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the bot's answers to {@code pending}. A long list reaches Messenger in several parts (at
 * most 2,000 characters each), so {@link #joined} first puts each answer back together: from the
 * part that starts the list to the one that ends it, leaving song deliveries that came in between
 * where they were.
 */
final class PendingAnswers {
    static final String START = "Songs you sent that are being watched:";
    static final String NOTHING = "Nothing pending:";
    /** How the list's last line starts (a long list goes on to say which numbers the taps cover). */
    static final String END = "Stop one with: cancel <number>";
    /** How a share that never reached its receiver is listed. */
    static final String WAITING = ": waiting to be delivered (sent ";
    private static final String SONG = "🎵 ";

    private PendingAnswers() {
    }

    /** The inbox with each multi-part {@code pending} answer joined into one text, where its first part was. */
    static List<String> joined(List<String> inbox) {
        List<String> joined = new ArrayList<>(inbox.size());
        StringBuilder open = null;
        int openAt = -1;
        for (String text : inbox) {
            if (open != null && !text.startsWith(SONG)) {
                open.append('\n').append(text);
                if (endsTheList(text)) {
                    joined.set(openAt, open.toString());
                    open = null;
                }
            } else if (open == null && text.startsWith(START) && !endsTheList(text)) {
                open = new StringBuilder(text);
                openAt = joined.size();
                joined.add(text);
            } else {
                joined.add(text);
            }
        }
        if (open != null) {
            joined.set(openAt, open.toString());
        }
        return joined;
    }

    /** Whether a joined text is a whole {@code pending} answer. */
    static boolean isWhole(String text) {
        return text.startsWith(NOTHING) || text.startsWith(START) && endsTheList(text);
    }

    /** Whether the text's last line is the one that ends a list. */
    private static boolean endsTheList(String text) {
        return text.substring(text.lastIndexOf('\n') + 1).startsWith(END);
    }

    /** The whole {@code pending} answers in a joined inbox, oldest first. */
    static List<String> all(List<String> joinedInbox) {
        return joinedInbox.stream().filter(PendingAnswers::isWhole).toList();
    }

    /** The newest whole {@code pending} answer in a joined inbox. */
    static Optional<String> last(List<String> joinedInbox) {
        List<String> all = all(joinedInbox);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    /** Songs the answer lists as open: delivered and watched, or waiting to be delivered. */
    static int listed(String answer) {
        return (int) answer.lines().filter(line -> line.matches("\\d+\\. .*")).count();
    }

    /** Songs the answer lists as waiting to be delivered. */
    static int waiting(String answer) {
        return (int) answer.lines().filter(line -> line.matches("\\d+\\. .*") && line.contains(WAITING)).count();
    }
}
