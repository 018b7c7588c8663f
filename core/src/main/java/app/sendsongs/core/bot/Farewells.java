package app.sendsongs.core.bot;

import app.sendsongs.core.chat.InboundLog;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.shared.Cause;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * That the {@code forget_me} Yes being handled deleted its person, known to that event alone once their records are
 * gone: a mark in the {@link InboundLog} under an id derived from the event and the source the person listened on
 * (what its answer names), made before the deletion and kept as long as the event's own mark. So the Yes handled
 * again after a crash cut it short once everything went says "Done" as the first run would have, where a second Yes
 * (another event) is told nothing is kept. The mark names nobody: the person's address is not in it.
 */
final class Farewells {
    private final InboundLog log;
    private final Duration keptFor;

    /** @param keptFor how long after the Yes was sent its mark is kept: as long as the event may come again */
    Farewells(InboundLog log, Duration keptFor) {
        this.log = log;
        this.keptFor = keptFor;
    }

    /** The Yes sent at {@code sentAt} is about to delete a person who listened on {@code kind}. */
    void deleting(SourceKind kind, Instant sentAt) {
        log.markHandled(mark(kind), sentAt.plus(keptFor));
    }

    /** The source of the person the Yes being handled deleted, if a run of it did. */
    Optional<SourceKind> deletedByThisYes() {
        return Arrays.stream(SourceKind.values()).filter(kind -> log.handled(mark(kind))).findFirst();
    }

    private static String mark(SourceKind kind) {
        return Cause.id("forget_me deleted a person who listened on " + kind.name());
    }
}
