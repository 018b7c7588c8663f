package app.sendsongs.core.share;

import app.sendsongs.core.chat.HeldMessage;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.shared.RelativeTime;
import app.sendsongs.core.shared.StableIds;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.util.List;
import java.util.Optional;

/**
 * Songs that waited for their receiver to write to the bot (their chat app would not take them before: Messenger's
 * 24-hour window), going out now that they did. Each song's sender was told it waits; now they are told it goes, once
 * for each song, before it goes: the event handled again after a crash finds the notice it held.
 */
public final class SongsThatWaited {
    private final ShareStore shares;
    private final UserStore users;
    private final TellingNames names;
    private final Outbox outbox;

    public SongsThatWaited(ShareStore shares, UserStore users, TellingNames names, Outbox outbox) {
        this.shares = shares;
        this.users = users;
        this.names = names;
        this.outbox = outbox;
    }

    /**
     * The receiver came back to the chat ({@code event}): {@code held}, their messages still held, are about to go
     * out. When one of them waits for the person to write, all wait behind it, and each song among them waited for
     * them.
     */
    public void goingOut(List<HeldMessage> held, Inbound event) {
        if (held.stream().noneMatch(HeldMessage::waitsForPerson)) {
            return;
        }
        held.stream().flatMap(message -> message.shareId().stream())
                .flatMap(id -> shares.findShare(id).stream())
                // a group's sender hears of each member in the group's summary
                .filter(share -> share.status() == ShareStatus.HELD && share.groupSendId().isEmpty())
                .forEach(share -> tellSender(share, backBy(event)));
    }

    /**
     * What the receiver did, in the words the sender is told: they wrote (text, or something the bot cannot read), or
     * else only came back to the chat (opened the bot's link, tapped a button), which is no writing.
     */
    private static String backBy(Inbound event) {
        boolean wrote = event instanceof Inbound.Text || event instanceof Inbound.Unreadable
                || event instanceof Inbound.Edited;
        return wrote ? " wrote to me" : " is back in the chat";
    }

    private void tellSender(Share share, String backBy) {
        Optional<User> receiver = users.findUser(share.receiver());
        if (receiver.isEmpty() || users.findUser(share.sender()).isEmpty()) {
            return;
        }
        String name = names.to(share.sender(), List.of(receiver.get())).of(receiver.get());
        String text = "📬 " + name + backBy + ", so " + share.track().title() + " is going out to them now (you "
                + "sent it " + RelativeTime.markAgo(share.createdAt()) + ")."
                + (share.receiptsOff() ? "" : " I'll tell you when they play it.");
        outbox.notifyOnce(StableIds.of("went out after waiting", share.id()), share.sender(), Message.text(text),
                List.of(share.receiver()));
    }
}
