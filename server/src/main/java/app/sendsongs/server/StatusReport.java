package app.sendsongs.server;

import app.sendsongs.core.Census;
import app.sendsongs.core.music.SourceKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** What {@code send-songs status} prints: the store's figures, as lines for a person or as JSON for a script. */
final class StatusReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Census.Figures figures;
    private final Instant now;
    private final String store;

    StatusReport(Census.Figures figures, Instant now, String store) {
        this.figures = figures;
        this.now = now;
        this.store = store;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append("Send Songs at ").append(now.truncatedTo(ChronoUnit.SECONDS)).append(" (").append(store).append(")\n");
        line(out, "People registered", figures.people(), "");
        for (SourceKind source : SourceKind.values()) {
            long connected = figures.connections().getOrDefault(source, 0L);
            if (connected > 0) {
                line(out, "  on " + source.displayName(), connected, "");
            }
        }
        line(out, "  must connect again", figures.needingReconnect(), figures.needingReconnect() > 0
                ? "their songs wait until they do" : "");
        line(out, "Songs being watched", figures.songsWatched(), "");
        // a person on Spotify keeps a check planned with no song too: the one that reminds them their grant ends
        line(out, "Listen checks planned", figures.watchedReceivers(), figures.watchedReceivers() == 0 ? ""
                : "one a person: for their songs, or to remind them before their Spotify consent ends");
        line(out, "Songs not delivered yet", figures.songsHeld(), "");
        line(out, "Held messages", figures.heldMessages(), figures.heldMessages() == 0 ? ""
                : "for " + figures.peopleWaiting() + (figures.peopleWaiting() == 1 ? " person" : " people")
                + ", the oldest held " + age(figures.oldestHeld()) + " ago");
        Census.DueChecks due = figures.due();
        line(out, "Listen checks due", due.count(), due.count() == 0 ? "" : "the oldest waiting " + age(due.oldest()));
        Census.InboxBacklog inbox = figures.inbox();
        line(out, "Inbound events waiting", inbox.count(), inbox.count() == 0 ? ""
                : "the oldest received " + age(inbox.oldest()) + " ago");
        return out.toString();
    }

    String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("at", now.toString());
        root.put("people", figures.people());
        ObjectNode connections = root.putObject("connections");
        figures.connections().forEach((source, count) -> connections.put(source.name().toLowerCase(Locale.ROOT),
                count));
        root.put("needingReconnect", figures.needingReconnect());
        root.put("watchedReceivers", figures.watchedReceivers());
        root.put("songsWatched", figures.songsWatched());
        root.put("songsHeld", figures.songsHeld());
        root.put("heldMessages", figures.heldMessages());
        root.put("peopleWaiting", figures.peopleWaiting());
        figures.oldestHeld().ifPresent(at -> root.put("oldestHeldAgeSeconds", seconds(at)));
        root.put("dueChecks", figures.due().count());
        root.put("dueChecksLagSeconds", figures.due().lag(now).toSeconds());
        root.put("inboxWaiting", figures.inbox().count());
        root.put("inboxAgeSeconds", figures.inbox().age(now).toSeconds());
        return root.toString();
    }

    private static void line(StringBuilder out, String label, long value, String note) {
        out.append(String.format(Locale.ROOT, "%-26s %8d", label, value));
        if (!note.isEmpty()) {
            out.append("   ").append(note);
        }
        out.append('\n');
    }

    private long seconds(Instant at) {
        return Math.max(0, Duration.between(at, now).toSeconds());
    }

    /** "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
    private String age(Optional<Instant> at) {
        long s = at.map(this::seconds).orElse(0L);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        return s / 86_400 + " d " + s % 86_400 / 3600 + " h";
    }
}
