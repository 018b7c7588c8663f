package app.sendsongs.core.store;

import app.sendsongs.core.chat.InboundLog;
import app.sendsongs.core.chat.OutboxStore;
import app.sendsongs.core.group.GroupStore;
import app.sendsongs.core.registration.RegistrationStore;
import app.sendsongs.core.share.ChoiceStore;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.user.UserStore;
import app.sendsongs.core.watch.WatchStore;
import java.time.Instant;

/**
 * Everything the core keeps. Each part is a small port of its own feature; a store adapter
 * implements them all. The contract: access by key, a few secondary lookups, one query for due
 * watches, conditional writes where two workers could race. No joins. Times are kept to the
 * millisecond; "due at {@code now}" includes {@code now} itself. The behaviour is specified by the
 * contract suite in the {@code store-contract} module, which every adapter runs.
 */
public interface Store extends UserStore, RegistrationStore, InboundLog, OutboxStore, ShareStore, WatchStore,
        ChoiceStore, GroupStore, AutoCloseable {

    /**
     * Deletes everything about one person: user, shares, watch, held messages, open question, the
     * groups they own (with all their memberships), their memberships of other groups, and the
     * group sends they made.
     */
    void forgetPerson(String psid);

    /**
     * Deletes what can no longer matter, so the store does not grow forever: OAuth states,
     * registration codes and open questions that expired before {@code cutoff}, and the records of
     * webhook messages first seen before it (a redelivery older than that is not expected).
     */
    void purgeBefore(Instant cutoff);

    @Override
    void close();
}
