package app.sendsongs.core.registration;

import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import java.time.Clock;
import java.time.Instant;

/**
 * A person takes another name ({@link User#renamed}). The one they leave stays theirs, for the friends who knew them
 * by it, only when someone exchanged a song with them while they had it: a name nobody could know them by is not
 * kept, so taking someone else's name for a moment leaves nothing behind.
 */
final class NameChange {
    private final ShareStore shares;
    private final Clock clock;

    NameChange(ShareStore shares, Clock clock) {
        this.shares = shares;
        this.clock = clock;
    }

    /** The person renamed {@code newName} now; reads their shares only when the name friends find them by changes. */
    User renamed(User person, String newName) {
        boolean changes = !Names.key(newName).equals(person.nameKey()) && !person.name().equals(Names.FALLBACK);
        return person.renamed(newName, clock.instant(), changes && exchangedSinceNamed(person));
    }

    /**
     * Whether someone exchanged a song with the person since they took their name: their latest song each way, one
     * read, tells, as no song is sent after now.
     */
    private boolean exchangedSinceNamed(User person) {
        Instant since = person.namedAt();
        return shares.latestExchanges(person.address(), 1).stream()
                .anyMatch(exchange -> since == null || !exchange.at().isBefore(since));
    }
}
