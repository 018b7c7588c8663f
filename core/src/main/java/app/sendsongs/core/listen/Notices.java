package app.sendsongs.core.listen;

import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.music.Play;
import app.sendsongs.core.share.ListenNotices;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.TellingNames;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.RelativeTime;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import app.sendsongs.core.watch.WatchSchedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What one listen check tells people, merged: each sender gets one message about the songs of theirs the receiver
 * played, and one about those that expired, and the receiver one message of notes per sender, however many songs
 * settled at once. Senders the receiver does not share receipts with are told nothing (their {@code post} notes
 * still reach the receiver, unless the receiver has blocked them since); a group's expiries wait for its summary.
 */
final class Notices {
    private final User receiver;
    private final UserStore users;
    private final TellingNames names;
    private final WatchSchedule schedule;
    private final String whyUncertain;
    private final Predicate<ChatAddress> blocked;
    private final Map<ChatAddress, List<Share>> played = new LinkedHashMap<>();
    private final Map<ChatAddress, List<Play>> plays = new LinkedHashMap<>();
    private final Map<ChatAddress, List<Share>> expired = new LinkedHashMap<>();
    private final Map<ChatAddress, List<Share>> notes = new LinkedHashMap<>();

    /**
     * {@code whyUncertain} is what an expiry notice adds when the song may have been played unseen; {@code blocked}
     * tells the senders the receiver has blocked, whose notes they no longer want.
     */
    Notices(User receiver, UserStore users, TellingNames names, WatchSchedule schedule, String whyUncertain,
            Predicate<ChatAddress> blocked) {
        this.receiver = receiver;
        this.users = users;
        this.names = names;
        this.schedule = schedule;
        this.whyUncertain = whyUncertain;
        this.blocked = blocked;
    }

    void played(Share share, Play play) {
        if (!share.receiptsOff()) {
            played.computeIfAbsent(share.sender(), s -> new ArrayList<>()).add(share);
            plays.computeIfAbsent(share.sender(), s -> new ArrayList<>()).add(play);
        }
        if (!share.post().isEmpty() && !blocked.test(share.sender())) {
            notes.computeIfAbsent(share.sender(), s -> new ArrayList<>()).add(share);
        }
    }

    void expired(Share share) {
        if (!share.receiptsOff() && !share.sentToGroup()) {
            expired.computeIfAbsent(share.sender(), s -> new ArrayList<>()).add(share);
        }
    }

    /**
     * Holds the messages under ids of the shares they are about, so a check done again after a crash (the shares
     * not yet settled) holds the same messages, which go out once. Each names the other person as its reader knows
     * them ({@link TellingNames}): the holders of the receiver's name read once for all the senders.
     */
    void send(Outbox outbox) {
        List<ChatAddress> aboutReceiver = List.of(receiver.address());
        if (!played.isEmpty() || !expired.isEmpty()) {
            TellingNames.Holders holders = names.holdersOf(List.of(receiver));
            played.forEach((sender, songs) -> outbox.notifyOnce(ListenNotices.receiptId("played", songs), sender,
                    Message.text(playText(names.to(sender, holders).of(receiver), songs, plays.get(sender))),
                    aboutReceiver));
            expired.forEach((sender, songs) -> outbox.notifyOnce(ListenNotices.receiptId("expired", songs), sender,
                    Message.text(expiryText(names.to(sender, holders).of(receiver), songs)), aboutReceiver));
        }
        if (!notes.isEmpty()) {
            Map<ChatAddress, Optional<User>> senders = new LinkedHashMap<>();
            notes.keySet().forEach(sender -> senders.put(sender, users.findUser(sender)));
            TellingNames.Shown shown = names.to(receiver.address(),
                    senders.values().stream().flatMap(Optional::stream).toList());
            notes.forEach((sender, songs) -> outbox.notifyOnce(ListenNotices.notesId(songs), receiver.address(),
                    Message.text(notesText(shown.of(senders.get(sender), "Your friend"), songs)), List.of(sender)));
        }
    }

    private static String playText(String receiverName, List<Share> songs, List<Play> when) {
        if (songs.size() == 1) {
            return "🎧 " + receiverName + " listened to " + songs.getFirst().track().title() + " ("
                    + RelativeTime.markAgo(when.getFirst().playedAt()) + ").";
        }
        StringBuilder text = new StringBuilder("🎧 " + receiverName + " listened to " + songs.size()
                + " of your songs:");
        for (int i = 0; i < songs.size(); i++) {
            text.append("\n• ").append(songs.get(i).track().title()).append(" (")
                    .append(RelativeTime.markAgo(when.get(i).playedAt())).append(')');
        }
        return text.toString();
    }

    private static String notesText(String name, List<Share> songs) {
        if (songs.size() == 1) {
            return name + "'s note on " + songs.getFirst().track().title() + ": " + Texts.note(songs.getFirst().post());
        }
        StringBuilder text = new StringBuilder(name + "'s notes on the songs you played:");
        songs.forEach(share -> text.append("\n• ").append(share.track().title()).append(": ")
                .append(Texts.note(share.post())));
        return text.toString();
    }

    private String expiryText(String receiverName, List<Share> songs) {
        String notPlayed = " not played within " + Texts.duration(schedule.watchPeriod()) + ", so I've stopped watching";
        StringBuilder text = new StringBuilder(songs.size() == 1
                ? songs.getFirst().track().title() + ", sent to " + receiverName + ", was" + notPlayed + "."
                : "These songs sent to " + receiverName + " were" + notPlayed + ":");
        if (songs.size() > 1) {
            songs.forEach(share -> text.append("\n• ").append(share.track().title()));
        }
        if (songs.stream().anyMatch(Share::uncertain)) {
            text.append(songs.size() == 1 ? " " : "\n").append(whyUncertain);
        }
        return text.toString();
    }
}
