package app.sendsongs.bench.watch;

import app.sendsongs.core.chat.ChatPlatform;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.MessageKind;
import app.sendsongs.core.chat.SendOutcome;
import app.sendsongs.core.shared.Platform;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The chat platform (plain texts): every message is taken (no 24-hour rule in the simulation). Notices that a
 * receiver listened are matched to the songs sent, so the time each sender was told is known;
 * the last answer to each person is kept to check their command worked.
 */
final class SenderNotices implements ChatPlatform {
    private static final String LISTENED = "🎧 ";

    private final Clock clock;
    private final Map<String, Deque<Integer>> awaited = new HashMap<>();
    private final long[] toldAt;
    private final Map<String, String> lastMessage = new HashMap<>();
    long unmatched;

    SenderNotices(Clock clock, int songs) {
        this.clock = clock;
        this.toldAt = new long[songs];
        Arrays.fill(toldAt, -1);
    }

    /** The notice the sender of song {@code index} should get: "🎧 Person 7 listened to Song 12 by Band 12". */
    void expect(int index, String senderPsid, String receiverName, String trackTitle) {
        awaited.computeIfAbsent(key(senderPsid, LISTENED + receiverName + " listened to " + trackTitle),
                k -> new ArrayDeque<>()).add(index);
    }

    @Override
    public Platform platform() {
        return Platform.MESSENGER;
    }

    @Override
    public int maxTextLength() {
        return 2000;
    }

    @Override
    public boolean showsRichMessages() {
        return false;
    }

    @Override
    public SendOutcome send(String psid, Message message, MessageKind kind, String reference) {
        String text = message.text();
        lastMessage.put(psid, text);
        if (text.startsWith(LISTENED)) {
            Deque<Integer> songs = awaited.get(key(psid, text.substring(0, text.lastIndexOf(" ("))));
            if (songs == null || songs.isEmpty()) {
                unmatched++;
            } else {
                toldAt[songs.poll()] = clock.millis();
            }
        }
        return new SendOutcome.Sent();
    }

    String lastMessageTo(String psid) {
        return lastMessage.get(psid);
    }

    /** When the sender of each song was told it was played, epoch ms, or -1. */
    long[] toldAt() {
        return toldAt;
    }

    private static String key(String psid, String notice) {
        return psid + '\n' + notice;
    }
}
