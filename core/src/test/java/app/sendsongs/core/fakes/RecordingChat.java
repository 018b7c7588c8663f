package app.sendsongs.core.fakes;

import app.sendsongs.core.chat.ChatPlatform;
import app.sendsongs.core.chat.MessageKind;
import app.sendsongs.core.chat.SendOutcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A chat platform that keeps what was sent to whom; people can be made unreachable for now. */
public final class RecordingChat implements ChatPlatform {
    private final Map<String, List<String>> inboxes = new ConcurrentHashMap<>();
    private final Set<String> outsideWindow = new HashSet<>();

    @Override
    public synchronized SendOutcome send(String psid, String text, MessageKind kind) {
        if (kind == MessageKind.UPDATE && outsideWindow.contains(psid)) {
            return new SendOutcome.OutsideWindow();
        }
        inboxes.computeIfAbsent(psid, p -> new ArrayList<>()).add(text);
        return new SendOutcome.Sent();
    }

    /** Messenger's 24-hour rule now stops updates to this person (until {@link #windowOpens}). */
    public synchronized void windowCloses(String psid) {
        outsideWindow.add(psid);
    }

    public synchronized void windowOpens(String psid) {
        outsideWindow.remove(psid);
    }

    public synchronized List<String> inbox(String psid) {
        return List.copyOf(inboxes.getOrDefault(psid, List.of()));
    }

    public synchronized String last(String psid) {
        List<String> inbox = inbox(psid);
        if (inbox.isEmpty()) {
            throw new AssertionError(psid + " got no message");
        }
        return inbox.getLast();
    }
}
