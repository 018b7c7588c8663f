package app.sendsongs.core.share;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.HandlingMarks;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.command.Help;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.privacy.PreferenceStore;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a person sent: the {@code pending}, {@code history} and {@code cancel} commands. {@code pending} and
 * {@code cancel} cover the invites nobody has signed up through yet too ({@link WaitingInvites}), which are no songs
 * being watched but songs waiting, which the sender may want back.
 */
public final class SentSongs {
    private static final int HISTORY_SIZE = 10;
    /** The songs of a pending list with a Cancel tap each: a message's taps, less one for Cancel all. */
    private static final int SONGS_TAPPED = Message.MAX_CHOICES - 1;
    private static final Choice MENU = new Choice("Menu", "menu");
    private static final String NOT_WATCHED = "That song isn't being watched any more; see {history}.";
    /** The sender's latest sends a tap under an older question looks among for its song: a group send's, at least. */
    private static final int LATEST_LOOKED_AT = 20;

    private final ShareStore shares;
    private final GroupSendNames groupNames;
    private final ShownPendingList shown;
    private final Clock clock;
    private final SentSongLines songLines;
    private final CancelSong cancelling;
    private final WaitingInvites invites;

    public SentSongs(ShareStore shares, UserStore users, Outbox outbox, ShareSettled settled,
                     GroupSendNames groupNames, ShownPendingList shown, HandlingMarks marks, Clock clock,
                     TellingNames names, Invites invites, PreferenceStore preferences) {
        this.shares = shares;
        this.groupNames = groupNames;
        this.shown = shown;
        this.clock = clock;
        this.songLines = new SentSongLines(users, names, groupNames, clock);
        this.cancelling = new CancelSong(shares, outbox, settled, marks, songLines);
        this.invites = new WaitingInvites(invites, shown, marks, clock, users, names, preferences);
    }

    /**
     * {@code pending}: the list, with a tap to stop each of the first songs. A tap names its song, not its number:
     * the list changes as songs are played or expire, and a tap on an older list must not stop the song now at
     * that number. A typed number means the song (or, after {@code invite}, the invite) this list shows at it
     * ({@link ShownPendingList}).
     */
    public Message pending(User sender) {
        return pending(sender, open(sender), invites.of(sender), "");
    }

    /** The pending list of {@code open} songs and {@code waiting} invites, after {@code lead}, with their taps. */
    private Message pending(User sender, List<Share> open, List<Invite> waiting, String lead) {
        shown.shown(sender.address(), open, waiting);
        List<Choice> taps = new ArrayList<>(cancelTaps(open));
        taps.addAll(invites.taps(sender, waiting, Message.MAX_CHOICES - taps.size()));
        return Message.text(lead + pendingText(sender, open, waiting)).withChoices(taps);
    }

    private static List<Choice> cancelTaps(List<Share> open) {
        List<Choice> taps = new ArrayList<>();
        for (int i = 0; i < Math.min(open.size(), SONGS_TAPPED); i++) {
            taps.add(new Choice("Cancel " + (i + 1), SenderOfSong.payload("cancel", open.get(i))));
        }
        cancelAll(open).ifPresent(taps::add);
        return taps;
    }

    /** "Cancel all" for more than one song {@code listed}. */
    private static Optional<Choice> cancelAll(List<Share> listed) {
        if (listed.size() < 2) {
            return Optional.empty();
        }
        // Up to the newest song listed: on Telegram an older list's tap stays, and must not stop songs sent since.
        long newest = listed.stream().map(Share::createdAt).max(Comparator.naturalOrder()).orElseThrow()
                .toEpochMilli();
        return Optional.of(new Choice("Cancel all", "cancel all " + newest));
    }

    private String pendingText(User sender, List<Share> open, List<Invite> waiting) {
        if (open.isEmpty() && waiting.isEmpty()) {
            return "Nothing pending: none of the songs you sent is being watched.";
        }
        if (open.isEmpty()) {
            return invites.section(sender, waiting);
        }
        return songsText(sender, open) + (waiting.isEmpty() ? "" : "\n\n" + invites.section(sender, waiting));
    }

    private String songsText(User sender, List<Share> open) {
        StringBuilder text = new StringBuilder("Songs you sent that are being watched:");
        List<String> lines = songLines.describe(sender, open);
        for (int i = 0; i < lines.size(); i++) {
            text.append("\n").append(i + 1).append(". ").append(lines.get(i));
        }
        text.append("\nStop one with: " + CommandStyle.of(sender.address()).spell("cancel") + " <number>");
        if (open.size() > SONGS_TAPPED) { // the taps stop at a message's limit: the number reaches every song
            text.append(" (any of 1 to ").append(open.size()).append("; the taps below cover 1 to ")
                    .append(SONGS_TAPPED).append(')');
        }
        return text.toString();
    }

    /**
     * What a tap under a question about {@code track} that the sender answered since is told, when the song went
     * (Telegram keeps the buttons of older questions): where their latest send of it went and when ("That tap was for
     * Take On Me, which you already sent to Bob Fisher 3 min ago, so I did nothing."), the person named as they know
     * them, a group by its name. Empty when none of their latest {@value #LATEST_LOOKED_AT} sends is of it: one read,
     * newest first with a limit.
     */
    public Optional<String> tapAfterItWent(User sender, TrackId track) {
        return shares.latestSentBy(sender.address(), LATEST_LOOKED_AT).stream()
                .filter(share -> share.track().id().equals(track)).findFirst()
                .map(share -> "That tap was for " + share.track().title() + ", which you already sent to "
                        + sentTo(sender, share) + " " + songLines.ago(share.createdAt()) + ", so I did nothing.");
    }

    /** Who a share went to, as the sender knows them: the group it went to, else its receiver. */
    private String sentTo(User sender, Share share) {
        return share.groupSendId().flatMap(groupNames::groupNameOf)
                .orElseGet(() -> songLines.describe(sender, List.of(share), (one, receiver, name) -> name).getFirst());
    }

    /**
     * {@code history}: the songs the person sent, newest first, {@value #HISTORY_SIZE} a page, with a tap for the
     * page before when there are older ones.
     */
    public Message history(User sender, int page) {
        int skipped = (page - 1) * HISTORY_SIZE;
        // one more than the page shows: whether there are older songs
        List<Share> sent = shares.latestSentBy(sender.address(), skipped + HISTORY_SIZE + 1);
        CommandStyle style = CommandStyle.of(sender.address());
        if (sent.isEmpty()) {
            return Message.text("You haven't sent any songs yet.\n"
                    + Help.forAsker(Help.usage("send_song", style), sender.name()));
        }
        if (sent.size() <= skipped) {
            return Message.text("You've sent " + sent.size() + (sent.size() == 1 ? " song" : " songs")
                    + ", so there are none that far back. See the latest with: " + style.spell("history"));
        }
        List<Share> shown = sent.subList(skipped, Math.min(sent.size(), skipped + HISTORY_SIZE));
        StringBuilder text = new StringBuilder(page == 1 ? "Your latest songs:"
                : "Your songs before those (" + (skipped + 1) + " to " + (skipped + shown.size()) + "):");
        songLines.describe(sender, shown).forEach(line -> text.append("\n• ").append(line));
        Message answer = Message.text(text.toString());
        return sent.size() > skipped + HISTORY_SIZE
                ? answer.withChoices(List.of(new Choice("Older songs", "history " + (page + 1)))) : answer;
    }

    /**
     * "undo" typed in plain words: the newest song sent, when it went to one friend within {@code lately} and is still
     * watched, offered as a tap that stops it (nothing is stopped on a guess), saying what stopping it does: one still
     * waiting for its receiver never reaches them, one delivered stays in their chat and is no longer watched.
     * Otherwise the pending list, whose taps stop one; or that there is nothing to stop.
     */
    public Message offerToTakeBack(User sender, Duration lately) {
        List<Share> open = open(sender);
        List<Invite> waiting = invites.of(sender);
        if (open.isEmpty() && waiting.isEmpty()) {
            return Message.text("There's nothing to take back: no song you sent is being watched.")
                    .withChoices(List.of(MENU));
        }
        Optional<Share> latest = shares.latestSentBy(sender.address(), 1).stream().findFirst();
        Optional<Invite> invite = invites.justMade(sender, lately, latest.map(Share::createdAt));
        if (invite.isPresent()) {
            return Message.text(WaitingInvites.takeBackQuestion(invite.get()))
                    .withChoices(List.of(WaitingInvites.takeBackTap(invite.get()), MENU));
        }
        Optional<Share> newest = latest
                .filter(share -> share.createdAt().isAfter(clock.instant().minus(lately)));
        Optional<Share> toOneFriend = newest.filter(share -> share.groupSendId().isEmpty())
                .filter(share -> open.stream().anyMatch(o -> o.id().equals(share.id())));
        if (toOneFriend.isPresent()) {
            return takeBackTap(sender, toOneFriend.get());
        }
        return pending(sender, open, waiting, (newest.isEmpty() ? "Nothing went just now. " : "")
                + (open.isEmpty() ? "To cancel an invite, tap its Cancel." : "To stop watching a song you sent, "
                + "tap its Cancel.") + "\n");
    }

    private Message takeBackTap(User sender, Share share) {
        String name = songLines.describe(sender, List.of(share), (one, receiver, shown) -> shown).getFirst();
        String cancel = SenderOfSong.payload("cancel", share);
        if (share.status() == ShareStatus.HELD) {
            return Message.text(share.track().title() + " hasn't reached " + name + " yet. Cancel it, so they never "
                    + "get it?").withChoices(List.of(new Choice("Cancel it", cancel), MENU));
        }
        return Message.text(share.track().title() + " has reached " + name + " already, so it stays in their chat. "
                + "Stop watching it? You'd no longer hear when they play it.")
                .withChoices(List.of(new Choice("Stop watching", cancel), MENU));
    }

    /** Whether the sender has a song {@code cancel} could stop. */
    public boolean anyToCancel(User sender) {
        return !open(sender).isEmpty() || !invites.of(sender).isEmpty();
    }

    /**
     * {@code cancel}: stops a song's watch; the only one without a number; asked which, lists them with the pending
     * list's taps.
     */
    public Message cancel(User sender, Command.Cancel command) {
        Optional<String> invite = command.which().filter(which -> which.startsWith(WaitingInvites.INVITE))
                .map(which -> which.substring(WaitingInvites.INVITE.length()));
        if (invite.isPresent()) {
            return Message.text(invites.cancel(sender, invite.get()));
        }
        boolean oneSong = command.which().filter(which -> which.equals("all") || which.startsWith("all ")).isEmpty();
        Optional<Share> chosen = oneSong ? cancelling.chosenBefore(sender) : Optional.empty();
        if (chosen.isPresent()) {
            return Message.text(cancelling.cancelledAgain(sender, chosen.get()));
        }
        List<Share> open = open(sender);
        List<Invite> waiting = command.which().isEmpty() ? invites.of(sender) : List.of();
        if (command.which().isEmpty() && open.isEmpty() && invites.cancelledBefore()) {
            return Message.text(invites.cancel(sender, "")); // its only invite, cancelled by a run cut short
        }
        // a cancel all cut short once it had stopped every song counts them when handled again
        if (open.isEmpty() && waiting.isEmpty() && (oneSong || !cancelling.cancelAllRanBefore())) {
            return Message.text("There is nothing to cancel: no song you sent is being watched.");
        }
        if (command.which().isPresent()) {
            return cancelWhich(sender, open, command.which().get());
        }
        if (open.size() + waiting.size() == 1) {
            return Message.text(open.isEmpty() ? invites.cancel(sender, waiting.getFirst())
                    : cancelling.cancelled(sender, open.getFirst()));
        }
        return pending(sender, open, waiting, whichOne(sender, open, waiting));
    }

    /** What a bare {@code cancel} with more than one thing to stop asks first. */
    private static String whichOne(User sender, List<Share> open, List<Invite> waiting) {
        String cancel = CommandStyle.of(sender.address()).spell("cancel");
        if (waiting.isEmpty()) {
            return "You have " + open.size() + " songs pending. Say which: " + cancel + " <number> or " + cancel
                    + " all.\n";
        }
        String invitesCount = waiting.size() == 1 ? "1 invite" : waiting.size() + " invites";
        if (open.isEmpty()) {
            return "You have " + invitesCount + " nobody has signed up through. Say which: " + cancel
                    + " invite <number>.\n";
        }
        return "You have " + (open.size() == 1 ? "1 song" : open.size() + " songs") + " pending and " + invitesCount
                + ". Say which: " + cancel + " <number> for a song, " + cancel + " invite <number> for an invite.\n";
    }

    private Message cancelWhich(User sender, List<Share> open, String which) {
        Optional<String> song = SenderOfSong.shareId(which);
        if (song.isPresent()) {
            return Message.text(open.stream().filter(share -> share.id().equals(song.get())).findFirst()
                    .map(share -> cancelling.cancelled(sender, share))
                    .orElseGet(() -> CommandStyle.of(sender.address()).write(NOT_WATCHED)));
        }
        if (which.equals("all") || which.startsWith("all ")) {
            Instant listedUpTo = which.equals("all") ? Instant.MAX
                    : Instant.ofEpochMilli(Long.parseLong(which.substring("all ".length())));
            long cancelled = cancelling.cancelAll(sender, open.stream()
                    .filter(share -> !share.createdAt().isAfter(listedUpTo)).toList());
            return Message.text("Stopped watching " + cancelled + (cancelled == 1 ? " song." : " songs."));
        }
        int number = Integer.parseInt(which);
        List<String> listed = shown.lastShown(sender.address())
                .orElseGet(() -> open.stream().map(Share::id).toList());
        if (number < 1 || number > listed.size()) {
            return Message.text("There is no number " + number + " in your pending list"
                            + (listed.size() == 1 ? ": it has only 1." : " (1 to " + listed.size() + ")."))
                    .withChoices(cancelTaps(listed, open));
        }
        String id = listed.get(number - 1);
        return Message.text(open.stream().filter(share -> share.id().equals(id)).findFirst()
                .map(share -> cancelling.cancelled(sender, share))
                .orElseGet(() -> noLongerPending(sender, number, id)));
    }

    /**
     * The taps of the list last shown ({@code listed}, share ids) for its songs still {@code open}, numbered as it
     * showed them: on Messenger the list's own taps are gone once another message follows.
     */
    private static List<Choice> cancelTaps(List<String> listed, List<Share> open) {
        List<Choice> taps = new ArrayList<>();
        List<Share> stillOpen = new ArrayList<>();
        for (int i = 0; i < listed.size() && taps.size() < SONGS_TAPPED; i++) {
            String id = listed.get(i);
            int shownAt = i + 1;
            open.stream().filter(share -> share.id().equals(id)).findFirst().ifPresent(share -> {
                stillOpen.add(share);
                taps.add(new Choice("Cancel " + shownAt, SenderOfSong.payload("cancel", share)));
            });
        }
        cancelAll(stillOpen).ifPresent(taps::add);
        return taps;
    }

    /** The song the list showed at {@code number} left it since: said so, with what became of it. */
    private String noLongerPending(User sender, int number, String id) {
        return "Number " + number + " in the list I showed you isn't pending any more, so I cancelled nothing"
                + shares.findShare(id).map(share -> ": " + songLines.describe(sender, List.of(share)).getFirst())
                .orElse(".")
                + "\nSee the list as it is now: " + CommandStyle.of(sender.address()).spell("pending");
    }


    /**
     * The songs the sender can see being watched. A song to a friend who doesn't share plays leaves the list once
     * it is delivered, not once it is played, so the list never shows when they played it.
     */
    private List<Share> open(User sender) {
        return shares.openSharesSentBy(sender.address()).stream().filter(s -> !keptPrivate(s)).toList();
    }

    /**
     * Delivered to a friend who doesn't share plays with the sender: whether and when it was played is theirs. So is
     * a song of a group they left since: only a song still unplayed is stopped by leaving.
     */
    static boolean keptPrivate(Share share) {
        return Repeats.keptPrivate(share) && share.status() != ShareStatus.CANCELLED;
    }


}