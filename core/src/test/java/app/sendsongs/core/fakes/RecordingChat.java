package app.sendsongs.core.fakes;

import app.sendsongs.core.chat.ChatPlatform;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.MessageKind;
import app.sendsongs.core.chat.SendOutcome;
import app.sendsongs.core.shared.Platform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A chat platform that keeps what was sent to whom. By default it is like Messenger (texts up to
 * 2000 characters, rich messages shown, and a window that can close on a person so that updates are
 * refused until they write); {@link #plainText} makes one for a platform of plain texts only.
 */
public final class RecordingChat implements ChatPlatform {
    private final Platform platform;
    private final int maxTextLength;
    private final boolean rich;
    private final Map<String, List<Message>> inboxes = new HashMap<>();
    private final Set<String> outsideWindow = new HashSet<>();
    private final Map<String, List<String>> references = new HashMap<>();
    private int sends;
    private int dieAtSend;
    private boolean dieAfterTaking;
    private final Set<String> blocked = new HashSet<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> handles = new HashMap<>();
    private String linkBase;
    private volatile Runnable duringEachSend = () -> { };

    public RecordingChat() {
        this(Platform.MESSENGER, 2000, true);
    }

    private RecordingChat(Platform platform, int maxTextLength, boolean rich) {
        this.platform = platform;
        this.maxTextLength = maxTextLength;
        this.rich = rich;
    }

    /** A platform that shows choices and cards, with texts of at most {@code maxTextLength}. */
    public static RecordingChat rich(Platform platform, int maxTextLength) {
        return new RecordingChat(platform, maxTextLength, true);
    }

    /** A platform that shows no choices or cards, with texts of at most {@code maxTextLength}. */
    public static RecordingChat plainText(Platform platform, int maxTextLength) {
        return new RecordingChat(platform, maxTextLength, false);
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public int maxTextLength() {
        return maxTextLength;
    }

    @Override
    public boolean showsRichMessages() {
        return rich;
    }

    @Override
    public SendOutcome send(String recipientId, Message message, MessageKind kind, String reference) {
        duringEachSend.run();
        return take(recipientId, message, kind, reference);
    }

    /**
     * What happens while each send is on its way, before the platform takes the message: time passing (a slow
     * platform), another worker at work meanwhile. It runs outside the platform's lock, so others may send meanwhile.
     */
    public void duringEachSend(Runnable meanwhile) {
        this.duringEachSend = meanwhile;
    }

    private synchronized SendOutcome take(String recipientId, Message message, MessageKind kind, String reference) {
        if (message.text().length() > maxTextLength) {
            throw new AssertionError("a text of " + message.text().length() + " characters reached a platform that "
                    + "takes " + maxTextLength);
        }
        if (!rich && !message.hasOnlyText()) {
            throw new AssertionError("choices or a card reached a platform that shows none");
        }
        if (blocked.contains(recipientId)) {
            return new SendOutcome.Unreachable("the person blocked the bot");
        }
        if (kind == MessageKind.UPDATE && outsideWindow.contains(recipientId)) {
            return new SendOutcome.OutsideWindow();
        }
        boolean dies = ++sends == dieAtSend;
        if (dies && !dieAfterTaking) {
            throw new ProcessDied();
        }
        inboxes.computeIfAbsent(recipientId, p -> new ArrayList<>()).add(message);
        references.computeIfAbsent(recipientId, p -> new ArrayList<>()).add(reference);
        if (dies) {
            throw new ProcessDied();
        }
        return new SendOutcome.Sent();
    }

    @Override
    public synchronized Optional<String> displayName(String recipientId) {
        return Optional.ofNullable(names.get(recipientId));
    }

    @Override
    public synchronized Optional<String> handle(String recipientId) {
        return Optional.ofNullable(handles.get(recipientId));
    }

    /** The platform cannot tell this person's name or handle for now (until {@link #nameIs} and {@link #handleIs}). */
    public synchronized void cannotTellProfile(String recipientId) {
        names.remove(recipientId);
        handles.remove(recipientId);
    }

    /** The handle the platform gives this person from now on; null: none. */
    public synchronized void handleIs(String recipientId, String handle) {
        if (handle == null) {
            handles.remove(recipientId);
        } else {
            handles.put(recipientId, handle);
        }
    }

    /** Links to the bot, when {@link #linksTo} gave the platform some. */
    @Override
    public synchronized Optional<String> conversationLink(String ref) {
        return Optional.ofNullable(linkBase).map(base -> base + ref);
    }

    /** The platform's links to the bot are {@code base} followed by the ref from now on (it has none at first). */
    public synchronized void linksTo(String base) {
        this.linkBase = base;
    }

    /** The name the platform shows for this person from now on. */
    public synchronized void nameIs(String recipientId, String name) {
        names.put(recipientId, name);
    }

    /**
     * The bot's process dies during its {@code n}-th send from now: before the platform takes the
     * message, or (when {@code afterTaking}) once it has taken it and before the bot hears so. The death
     * is a {@link ProcessDied} thrown out of the send, which stops the bot's work as a crash would.
     */
    public synchronized void diesOnSend(int n, boolean afterTaking) {
        dieAtSend = sends + n;
        dieAfterTaking = afterTaking;
    }

    /** What the platform echoes back for the person: the references of the messages it took, oldest first. */
    public synchronized List<String> references(String recipientId) {
        return List.copyOf(references.getOrDefault(recipientId, List.of()));
    }

    /** The bot's process died in the middle of a send (see {@link #diesOnSend}). */
    public static final class ProcessDied extends RuntimeException {
        ProcessDied() {
            super("the process died");
        }
    }

    /** A rule like Messenger's 24-hour window now stops updates to this person (until {@link #windowOpens}). */
    public synchronized void windowCloses(String recipientId) {
        outsideWindow.add(recipientId);
    }

    /** The person blocks the bot: nothing reaches them (until {@link #unblocks}). */
    public synchronized void blocks(String recipientId) {
        blocked.add(recipientId);
    }

    public synchronized void unblocks(String recipientId) {
        blocked.remove(recipientId);
    }

    public synchronized void windowOpens(String recipientId) {
        outsideWindow.remove(recipientId);
    }

    /** The texts of the messages the person got, oldest first. */
    public synchronized List<String> inbox(String recipientId) {
        return messages(recipientId).stream().map(Message::text).toList();
    }

    public synchronized List<Message> messages(String recipientId) {
        return List.copyOf(inboxes.getOrDefault(recipientId, List.of()));
    }

    public synchronized String last(String recipientId) {
        List<String> inbox = inbox(recipientId);
        if (inbox.isEmpty()) {
            throw new AssertionError("nobody sent a message to " + platform + " id " + recipientId);
        }
        return inbox.getLast();
    }
}
