package app.sendsongs.core.user;

import app.sendsongs.core.chat.ChatPlatform;
import app.sendsongs.core.chat.ForwardingChatPlatform;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.MessageKind;
import app.sendsongs.core.chat.SendOutcome;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Who cannot be reached now. Every send whose platform answers {@link SendOutcome.Unreachable} (a person who blocked
 * the bot on Telegram, a Messenger account gone) marks its person, and so does a block the platform tells the bot of
 * (Telegram does), before anything is sent to them; a person who writes to the bot after the mark, or unblocks it, is
 * reachable again. Songs to a person marked unreachable are refused with that reason rather than held for someone who
 * will not get them.
 */
public final class Reachability {
    private final ReachStore store;
    private final Clock clock;

    public Reachability(ReachStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Whether the person's platform said they cannot be reached, since they last wrote to the bot. */
    public boolean unreachable(User user) {
        return store.unreachableSince(user.address()).filter(since -> !since.isBefore(user.lastMessageAt())).isPresent();
    }

    /**
     * The person blocked the bot at {@code at}, as their platform dates it: songs to them are refused from now on. The
     * mark is dated the later of {@code at} and now, as it must not be older than their last message: this clock dates
     * that for some (registering through a link, perhaps later within the block's whole second on Telegram), the
     * platform's clock, perhaps ahead of this one, for others.
     */
    public void blocked(ChatAddress person, Instant at) {
        Instant now = clock.instant();
        store.markUnreachable(person, at.isAfter(now) ? at : now);
    }

    /** The person unblocked the bot: songs to them go again. */
    public void reachableAgain(ChatAddress person) {
        store.markReachable(person);
    }

    /** The answer to someone sending a song to a person marked unreachable: nothing is sent. */
    public static String refusal(User receiver) {
        return receiver.name() + " can't get messages from me: they've blocked me or stopped me in their chat app. "
                + "Nothing was sent. Once " + whenBack(receiver) + ", you can send it.";
    }

    /** The answer when a song could not go because its receiver turned out to be unreachable just now. */
    public static String undelivered(User receiver, String title) {
        return "I couldn't deliver " + title + " to " + receiver.name() + ": they've blocked me or stopped me in "
                + "their chat app. It goes to them only if " + whenBack(receiver) + ".";
    }

    /** What makes the person reachable again: writing, or on Telegram, which tells the bot of it, unblocking too. */
    private static String whenBack(User person) {
        return person.address().platform().equals(Platform.TELEGRAM) ? "they unblock me or write to me again"
                : "they write to me again";
    }

    /** What a send to several people adds about those skipped as unreachable; empty when none was. */
    public static String skipped(List<User> unreachable) {
        return unreachable.isEmpty() ? "" : " Not sent to " + String.join(", ", unreachable.stream()
                .map(User::name).toList()) + ": they've blocked me or stopped me in their chat app.";
    }

    /** The chat platforms, each noting here the people it cannot reach. */
    public List<ChatPlatform> watching(List<? extends ChatPlatform> platforms) {
        return platforms.stream().map(platform -> (ChatPlatform) new Watched(platform)).toList();
    }

    /** A chat platform that marks the person of every send it answers {@link SendOutcome.Unreachable}. */
    private final class Watched extends ForwardingChatPlatform {
        Watched(ChatPlatform platform) {
            super(platform);
        }

        @Override
        public SendOutcome send(String recipientId, Message message, MessageKind kind, String reference) {
            SendOutcome outcome = platform.send(recipientId, message, kind, reference);
            if (outcome instanceof SendOutcome.Unreachable) {
                store.markUnreachable(new ChatAddress(platform.platform(), recipientId), clock.instant());
            }
            return outcome;
        }
    }
}
