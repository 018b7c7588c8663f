package app.sendsongs.core.bot;

import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.group.Groups;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.shared.ConnectLink;
import app.sendsongs.core.user.User;

/** The {@code forget_me} command: everything stored about the person goes. */
public final class ForgetMe {
    private final ShareStore shares;
    private final Housekeeping housekeeping;
    private final Outbox outbox;
    private final ConnectLink connectLink;
    private final Groups groups;

    public ForgetMe(ShareStore shares, Housekeeping housekeeping, Outbox outbox, ConnectLink connectLink,
                    Groups groups) {
        this.shares = shares;
        this.housekeeping = housekeeping;
        this.outbox = outbox;
        this.connectLink = connectLink;
        this.groups = groups;
    }

    public String forget(User user) {
        groups.forget(user);
        // Messages to others not sent yet that carry this person's name (songs they sent, with their note; notices
        // of their plays, of their leaving a group) go too. Songs held before messages recorded whom they are about
        // are found by their share.
        outbox.withdrawAbout(user.address());
        shares.sharesSentBy(user.address()).stream()
                .filter(share -> share.status() == ShareStatus.HELD)
                .forEach(share -> outbox.withdrawShare(share.receiver(), share.id()));
        housekeeping.forgetPerson(user.address());
        return "Done: I've deleted everything I kept about you — your Spotify connection, your name, the songs you "
                + "sent and received, your groups and memberships. To use Send Songs again, connect at "
                + connectLink.url();
    }
}
