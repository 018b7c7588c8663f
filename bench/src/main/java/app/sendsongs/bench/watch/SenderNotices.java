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
import java.util.List;
import java.util.Map;

/**
 * The chat platform (plain texts): every message is taken (no 24-hour rule in the simulation). Notices that a
 * receiver listened (one song each, or several merged into one) are matched to the songs sent, so the time each
 * sender was told is known; the last answer to each person is kept to check their command worked.
 */
final class SenderNotices implements ChatPlatform {
    private static final String LISTENED = "🎧 ";
    private static final String LISTENED_TO = " listened to ";
    private static final String BULLET = "• ";

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
        awaited.computeIfAbsent(key(senderPsid, LISTENED + receiverName + LISTENED_TO + trackTitle),
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
            notices(text).forEach(notice -> told(psid, notice));
        }
        return new SendOutcome.Sent();
    }

    /**
     * The single notices a message holds: itself, or, when one check found several songs of the same sender played
     * ("🎧 Person 7 listened to 2 of your songs:" and a line "• Song 12 by Band 12 (when)" for each), one per line.
     */
    private static List<String> notices(String text) {
        String[] lines = text.split("\n" + BULLET);
        if (lines.length == 1) {
            return List.of(withoutWhen(text));
        }
        String receiver = lines[0].substring(0, lines[0].indexOf(LISTENED_TO) + LISTENED_TO.length());
        return Arrays.stream(lines, 1, lines.length).map(line -> receiver + withoutWhen(line)).toList();
    }

    private static String withoutWhen(String notice) {
        return notice.substring(0, notice.lastIndexOf(" ("));
    }

    private void told(String psid, String notice) {
        Deque<Integer> songs = awaited.get(key(psid, notice));
        if (songs == null || songs.isEmpty()) {
            unmatched++;
        } else {
            toldAt[songs.poll()] = clock.millis();
        }
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
