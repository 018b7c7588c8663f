package app.sendsongs.core;

import app.sendsongs.core.bot.Housekeeping;
import app.sendsongs.core.chat.InboundLog;
import app.sendsongs.core.chat.InboxStore;
import app.sendsongs.core.chat.OutboxStore;
import app.sendsongs.core.compose.DraftStore;
import app.sendsongs.core.group.GroupStore;
import app.sendsongs.core.groupchat.GroupChatStore;
import app.sendsongs.core.privacy.PreferenceStore;
import app.sendsongs.core.registration.RegistrationStore;
import app.sendsongs.core.share.ChoiceStore;
import app.sendsongs.core.share.InviteStore;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.user.ReachStore;
import app.sendsongs.core.user.UserStore;
import app.sendsongs.core.watch.WatchStore;
import java.util.Objects;

/**
 * Everything the core keeps, as the ports of the features that own each part, assembled once by a
 * store adapter (one class per part over a shared connection or table) and handed to
 * {@link SendSongs}. Each of the core's classes sees only the parts it uses.
 *
 * <p>What every part promises: access by key, a few secondary lookups, one query for due watches,
 * conditional writes where two workers could race, no joins. Times are kept to the millisecond;
 * "due at {@code now}" includes {@code now} itself. People are kept by
 * {@link app.sendsongs.core.shared.ChatAddress}: the same id on two platforms is two people. The
 * behaviour is specified by the contract suite in the {@code store-contract} module, which every
 * adapter runs.
 *
 * @param resources what {@link #close()} releases (the connection, the client); nothing else closes it
 */
public record Stores(UserStore users, RegistrationStore registrations, InboundLog inbound, InboxStore inbox,
                     OutboxStore outbox, ShareStore shares, ChoiceStore choices, WatchStore watches, GroupStore groups,
                     GroupChatStore groupChats, ReachStore reach, PreferenceStore preferences, DraftStore drafts,
                     InviteStore invites, Housekeeping housekeeping, AutoCloseable resources) implements AutoCloseable {

    public Stores {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(registrations, "registrations");
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(shares, "shares");
        Objects.requireNonNull(choices, "choices");
        Objects.requireNonNull(watches, "watches");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(groupChats, "groupChats");
        Objects.requireNonNull(reach, "reach");
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(drafts, "drafts");
        Objects.requireNonNull(invites, "invites");
        Objects.requireNonNull(housekeeping, "housekeeping");
        Objects.requireNonNull(resources, "resources");
    }

    /** Releases the store's resources; a failure to do so is thrown unchecked. */
    @Override
    public void close() {
        try {
            resources.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing the store failed", e);
        }
    }
}
