package app.sendsongs.core.bot;

import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.group.Groups;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.shared.ConnectLink;
import app.sendsongs.core.store.Store;
import app.sendsongs.core.user.User;

/** The {@code forget_me} command: everything stored about the person goes. */
public final class ForgetMe {
    private final Store store;
    private final Outbox outbox;
    private final ConnectLink connectLink;
    private final Groups groups;

    public ForgetMe(Store store, Outbox outbox, ConnectLink connectLink, Groups groups) {
        this.store = store;
        this.outbox = outbox;
        this.connectLink = connectLink;
        this.groups = groups;
    }

    public String forget(User user) {
        groups.forget(user);
        // Songs this person sent that still wait for their receiver carry their name and note: take them back.
        store.sharesSentBy(user.psid()).stream()
                .filter(share -> share.status() == ShareStatus.HELD)
                .forEach(share -> outbox.withdrawShare(share.receiverPsid(), share.id()));
        store.forgetPerson(user.psid());
        return "Done: I've deleted everything I kept about you — your Spotify connection, your name, the songs you "
                + "sent and received, your groups and memberships. To use Send Songs again, connect at "
                + connectLink.url();
    }
}
