package app.sendsongs.core.share;

import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.shared.StableIds;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.util.List;

/**
 * A song the outbox gave up delivering (see {@link Outbox.GivenUp}): its share becomes
 * {@link ShareStatus#UNDELIVERED} and the sender is told, once. A song sent to a group is not told on
 * its own: the group's summary names it.
 */
public final class UndeliveredSongs {
    private final ShareStore shares;
    private final UserStore users;
    private final Outbox outbox;
    private final ShareSettled settled;

    public UndeliveredSongs(ShareStore shares, UserStore users, Outbox outbox, ShareSettled settled) {
        this.shares = shares;
        this.users = users;
        this.outbox = outbox;
        this.settled = settled;
    }

    public void givenUp(String shareId, Outbox.GivenUp why) {
        shares.findShare(shareId).filter(share -> share.status() == ShareStatus.HELD).ifPresent(share -> {
            if (!share.sentToGroup()) {
                tellSender(share, why);
            }
            Share undelivered = share.undelivered();
            if (shares.updateShare(undelivered, ShareStatus.HELD)) {
                settled.settled(undelivered);
            }
        });
    }

    private void tellSender(Share share, Outbox.GivenUp why) {
        String receiver = users.findUser(share.receiver()).map(User::name).orElse("your friend");
        String reason = switch (why) {
            case NEVER_WROTE -> receiver + " hasn't written to me in " + Texts.duration(outbox.holdLimit())
                    + ", and their chat app doesn't let me write first";
            case REFUSED -> receiver + "'s chat app refused it";
        };
        outbox.notifyOnce(StableIds.of("undelivered", share.id()), share.sender(), Message.text(
                "I couldn't deliver " + share.track().title() + ": " + reason + ". I've stopped trying."),
                List.of(share.receiver()));
    }
}
