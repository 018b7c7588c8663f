package app.sendsongs.core.share;

import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.util.Optional;

/**
 * A stranger's song that still waits for its receiver may carry a caution naming the receiver's friend of the same
 * name ("not the Bob Fisher you know here, who is now called Robert Fisher"). When that friend is forgotten, the song
 * is held again without it: the caution no longer applies, and it must not name them.
 */
public final class NamesakeCautions {
    private final Acquaintances acquaintances;
    private final ShareStore shares;
    private final UserStore users;
    private final Outbox outbox;

    public NamesakeCautions(Acquaintances acquaintances, ShareStore shares, UserStore users, Outbox outbox) {
        this.acquaintances = acquaintances;
        this.shares = shares;
        this.users = users;
        this.outbox = outbox;
    }

    /**
     * Rewords the waiting songs of others whose caution names {@code forgotten}. Only their contacts can have been
     * cautioned about them, so it must run while those are still known (before their shares and memberships go).
     */
    public void leaveOut(ChatAddress forgotten) {
        for (ChatAddress receiver : acquaintances.contactsOf(forgotten)) {
            for (String shareId : outbox.heldSongsNaming(receiver, forgotten)) {
                shares.findShare(shareId).filter(share -> !share.sender().equals(forgotten))
                        .ifPresent(share -> reword(share));
            }
        }
    }

    private void reword(Share share) {
        Optional<User> sender = users.findUser(share.sender());
        sender.ifPresent(from -> outbox.rewordShare(share.receiver(), share.id(),
                SongMessage.direct(from.name(), Optional.empty(), share), from.address()));
    }
}
