package app.sendsongs.core.share;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.chat.Payload;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.privacy.PreferenceStore;
import app.sendsongs.core.privacy.ReceiverPreferences;
import app.sendsongs.core.privacy.SenderRule;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Handles;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a person controls about the songs friends send them: {@code block} and {@code unblock} a sender (a blocked
 * sender's songs and notes are not delivered, even those already waiting, and they are not told), and
 * {@code receipts} (whether a sender, or everyone, is told when they play their songs). Turning receipts off, or
 * blocking, also covers the songs already on their way or being watched, and the plays their senders were still to
 * be told of: from then on they hear nothing of them.
 */
public final class ReceiverControls {
    /** How long after a song arrives words the bot does not understand may be meant for its sender. */
    private static final Duration ANSWERING_A_SONG = Duration.ofDays(1);

    private final PreferenceStore preferences;
    private final ShareStore shares;
    private final UserStore users;
    private final FriendFinder friends;
    private final WhichPerson whichPerson;
    private final Outbox outbox;
    private final ShareSettled settled;
    private final ReceiptsStopped receiptsStopped;
    private final WaitingReceipts waitingReceipts;
    private final KeepPrivate keepPrivate;
    private final TellingNames names;

    public ReceiverControls(PreferenceStore preferences, ShareStore shares, UserStore users, FriendFinder friends,
                            WhichPerson whichPerson, Outbox outbox, ShareSettled settled,
                            ReceiptsStopped receiptsStopped, TellingNames names) {
        this.preferences = preferences;
        this.shares = shares;
        this.users = users;
        this.friends = friends;
        this.whichPerson = whichPerson;
        this.outbox = outbox;
        this.settled = settled;
        this.receiptsStopped = receiptsStopped;
        this.waitingReceipts = new WaitingReceipts(shares, outbox);
        this.keepPrivate = new KeepPrivate(shares);
        this.names = names;
    }

    /** The sender's name as I am shown it: which Bob Fisher, when I know two ({@link TellingNames}). */
    private String shown(User me, User sender) {
        return names.to(me.address(), List.of(sender)).of(sender);
    }

    /** {@code block}, {@code unblock} and {@code receipts}; {@code commandText} is kept if the bot must ask who. */
    public Message handle(User me, Command command, String commandText) {
        return switch (command) {
            case Command.Block block -> withSender(me, block.name(), commandText, sender -> block(me, sender));
            case Command.Unblock unblock -> unblock.name()
                    .map(name -> withSender(me, name, commandText, sender -> unblock(me, sender)))
                    .orElseGet(() -> whoIsBlocked(me));
            case Command.Receipts(var on, var name) when on.isEmpty() -> status(me);
            case Command.Receipts(var on, var name) when name.isEmpty() ->
                    receiptsForEveryone(me, on.orElseThrow());
            case Command.Receipts(var on, var name) ->
                    withSender(me, name.orElseThrow(), commandText, sender -> receipts(me, sender, on.orElseThrow()));
            default -> throw new IllegalArgumentException("not a receiver's control: " + command);
        };
    }

    /**
     * What to add to "I didn't understand that" for someone who got a song within the last {@link #ANSWERING_A_SONG}:
     * people answer a song ("love it, thanks!") as if its sender read the chat, and must learn it reaches nobody.
     */
    public Optional<String> notPassedOn(User me, Instant now) {
        return shares.latestReceivedBy(me.address())
                .filter(share -> share.deliveredAt().filter(at -> at.isAfter(now.minus(ANSWERING_A_SONG))).isPresent())
                .flatMap(share -> users.findUser(share.sender()).map(sender -> notPassedOn(share, sender)));
    }

    /** Who sent the latest song the person got ("who sent this?"), as they know the sender; empty for none. */
    public Optional<String> latestSong(User me) {
        return shares.latestReceivedBy(me.address()).filter(share -> share.deliveredAt().isPresent())
                .flatMap(share -> users.findUser(share.sender()).map(sender -> shown(me, sender) + " sent you "
                        + share.track().title() + ", the latest song you got."));
    }

    private static String notPassedOn(Share share, User sender) {
        String told = share.status() == ShareStatus.WATCHING && !share.receiptsOff()
                ? " When you play " + share.track().title() + ", I'll tell them." : "";
        return "If that was for " + sender.name() + ": I don't pass messages on, so tell them yourself." + told;
    }

    /** Finishes a command the bot had to ask "which one?" about; its last tap (Never mind) does nothing. */
    public Message choose(User me, PendingChoice choice, Command command, int number) {
        return switch (whichPerson.answer(choice, number)) {
            case WhichPerson.Answer.Unusable(String reply) -> Message.text(reply);
            case WhichPerson.Answer.Dropped() -> Message.text("OK, never mind.");
            case WhichPerson.Answer.Picked(User sender) -> switch (command) {
                case Command.Block block -> block(me, sender);
                case Command.Unblock unblock -> unblock(me, sender);
                case Command.Receipts receipts when receipts.on().isPresent() ->
                        receipts(me, sender, receipts.on().get());
                default -> Message.text("I'm not waiting for an answer from you.");
            };
        };
    }

    private Message block(User me, User sender) {
        ReceiverPreferences mine = preferences.preferencesOf(me.address());
        if (mine.blocks(sender.address())) {
            // Blocking again after a crash finishes what the first block began.
            keepEverythingFrom(me, sender);
            return Message.text(shown(me, sender) + " is blocked already.");
        }
        Optional<Message> full = tooManyRules(mine, sender);
        if (full.isPresent()) {
            return full.get();
        }
        preferences.savePreferences(mine.withBlock(sender.address()));
        keepEverythingFrom(me, sender);
        return Message.text("Blocked " + shown(me, sender) + ": I won't pass on their songs, and they aren't told.")
                .withChoices(List.of(new Choice("Undo", undo("unblock", me, sender))));
    }

    /** What a block stops: the sender's songs and notes still to reach me, and all they were to hear of my plays. */
    private void keepEverythingFrom(User me, User sender) {
        // Their notes on songs already played, still waiting for me, are theirs too: never released now.
        outbox.withdrawHeld(me.address(), sender.address(), ListenNotices.notesOn(songsFrom(me, sender.address())));
        for (Share share : shares.openSharesTo(me.address())) {
            if (!share.sender().equals(sender.address())) {
                continue;
            }
            if (share.status() == ShareStatus.HELD) {
                neverDelivered(me, share);
            } else if (!share.receiptsOff()) {
                keepPrivate(share);
            }
        }
        stopTelling(me, Set.of(sender.address()));
    }

    /** {@code unblock} without a name: the people blocked, each a tap that unblocks them, or that there are none. */
    private Message whoIsBlocked(User me) {
        List<Optional<User>> blocked = ruled(preferences.preferencesOf(me.address()), SenderRule::blocks);
        if (blocked.isEmpty()) {
            return Message.text("You haven't blocked anyone. To stop someone's songs: "
                    + CommandStyle.of(me.address()).spell("block") + " <name>");
        }
        List<Choice> taps = new ArrayList<>(undoTaps(shares.sharesReceivedBy(me.address()), "Unblock ", "unblock",
                blocked));
        taps = new ArrayList<>(taps.subList(0, Math.min(taps.size(), Message.MAX_CHOICES - 1)));
        taps.add(new Choice("Never mind", "menu"));
        TellingNames.Shown shown = names.to(me.address(), blocked.stream().flatMap(Optional::stream).toList());
        return Message.text("You've blocked " + names(blocked, shown) + ". Whose songs should come through again?")
                .withChoices(taps);
    }

    private Message unblock(User me, User sender) {
        ReceiverPreferences mine = preferences.preferencesOf(me.address());
        if (!mine.blocks(sender.address())) {
            return Message.text(shown(me, sender) + " isn't blocked.");
        }
        ReceiverPreferences unblocked = mine.withoutBlock(sender.address());
        preferences.savePreferences(unblocked);
        return Message.text("Unblocked " + shown(me, sender) + ": their songs come through again."
                + (unblocked.sharesReceiptsWith(sender.address()) ? ""
                : " I still won't tell them when you play their songs."));
    }

    private Message receipts(User me, User sender, boolean on) {
        ReceiverPreferences mine = preferences.preferencesOf(me.address());
        if (mine.blocks(sender.address())) {
            return Message.text(shown(me, sender) + " is blocked, so they hear nothing from me. To let their songs "
                    + "through again: " + CommandStyle.of(me.address()).spell("unblock") + " " + sender.name());
        }
        // Not telling is kept even while receipts are off for everyone: it still holds once they are on again.
        Optional<SenderRule> rule = on ? Optional.of(SenderRule.RECEIPTS_ON).filter(r -> !mine.receiptsByDefault())
                : Optional.of(SenderRule.RECEIPTS_OFF);
        Optional<Message> full = rule.isPresent() ? tooManyRules(mine, sender) : Optional.empty();
        if (full.isPresent()) {
            return full.get();
        }
        boolean alreadyOff = !on && mine.ruleFor(sender.address()).equals(Optional.of(SenderRule.RECEIPTS_OFF));
        preferences.savePreferences(mine.withRule(sender.address(), rule));
        if (on) {
            long kept = keptPrivate(shares.openSharesFrom(sender.address(), me.address()), share -> true);
            return Message.text("Done: I'll tell " + shown(me, sender) + " when you play the songs they send from now "
                    + "on." + (kept == 0 ? "" : kept == 1 ? " The one they sent before stays private."
                    : " The " + kept + " they sent before stay private."));
        }
        // Asked again (the card's tap twice, or after a crash) finishes what the first began, said in one line.
        openSharesFrom(me, sender.address()::equals).forEach(this::keepPrivate);
        stopTelling(me, Set.of(sender.address()));
        if (alreadyOff) {
            return Message.text("Already done: I don't tell " + shown(me, sender) + " when you play their songs.");
        }
        return Message.text("Done: I won't tell " + shown(me, sender) + " when you play their songs. They still come "
                + "to you, notes and all; when they send one, they're told you don't share plays.")
                .withChoices(List.of(new Choice("Undo", undo("receipts on", me, sender))));
    }

    private Message receiptsForEveryone(User me, boolean on) {
        ReceiverPreferences mine = preferences.preferencesOf(me.address()).withReceiptsForEveryone(on);
        preferences.savePreferences(mine);
        if (on) {
            List<Optional<User>> notTold = ruled(mine, SenderRule.RECEIPTS_OFF::equals);
            // of the senders told again: those still not told keep theirs private anyway
            long kept = keptPrivate(shares.openSharesTo(me.address()),
                    share -> mine.sharesReceiptsWith(share.sender()));
            return Message.text("Done: friends are told again when you play the songs they send from now on."
                    + (kept == 0 ? "" : kept == 1 ? " The one song sent before stays private."
                    : " The " + kept + " songs sent before stay private.")
                    + (notTold.isEmpty() ? "" : " I still won't tell " + names(notTold) + "."));
        }
        openSharesFrom(me, sender -> true).forEach(this::keepPrivate);
        stopTelling(me, shares.sharesReceivedBy(me.address()).stream().map(Share::sender)
                .collect(Collectors.toSet()));
        return Message.text("Done: I won't tell anyone when you play their songs. Songs still come to you, notes and "
                + "all, and senders are told you don't share plays.")
                .withChoices(List.of(new Choice("Undo", "receipts on")));
    }

    private Message status(User me) {
        ReceiverPreferences mine = preferences.preferencesOf(me.address());
        StringBuilder text = new StringBuilder(mine.receiptsByDefault()
                ? "When you play a song a friend sent, I tell them."
                : "I don't tell friends when you play the songs they send.");
        List<Optional<User>> told = ruled(mine, SenderRule.RECEIPTS_ON::equals);
        List<Optional<User>> notTold = ruled(mine, SenderRule.RECEIPTS_OFF::equals);
        List<Optional<User>> blocked = ruled(mine, SenderRule::blocks);
        // one read of who else has their names: someone who knows two Alice Smiths is told which one
        TellingNames.Shown shown = names.to(me.address(), Stream.of(told, notTold, blocked).flatMap(List::stream)
                .flatMap(Optional::stream).toList());
        if (!told.isEmpty()) {
            text.append("\nExcept: I do tell ").append(names(told, shown)).append('.');
        }
        if (!notTold.isEmpty()) {
            text.append(mine.receiptsByDefault() ? "\nExcept: I don't tell " : "\nIf you turn that on again, I still "
                    + "won't tell ").append(names(notTold, shown)).append('.');
        }
        text.append(blocked.isEmpty() ? "\nYou haven't blocked anyone."
                : "\nBlocked: " + names(blocked, shown) + ".");
        List<Share> received = mine.rules().isEmpty() ? List.of() : shares.sharesReceivedBy(me.address());
        List<Choice> undo = new ArrayList<>();
        undo.addAll(undoTaps(received, "Don't tell ", "receipts off", told));
        undo.addAll(undoTaps(received, "Tell ", "receipts on", notTold));
        undo.addAll(undoTaps(received, "Unblock ", "unblock", blocked));
        List<Choice> taps = new ArrayList<>(undo.subList(0, Math.min(undo.size(), Message.MAX_CHOICES - 1)));
        taps.add(mine.receiptsByDefault() ? new Choice("Receipts off", "receipts off")
                : new Choice("Receipts on", "receipts on"));
        return Message.text(text.toString()).withChoices(taps);
    }

    /** The people with a rule of {@code rule}, by name; empty for someone who left. */
    private List<Optional<User>> ruled(ReceiverPreferences mine, Predicate<SenderRule> rule) {
        List<Optional<User>> people = new ArrayList<>();
        mine.rules().forEach((sender, r) -> {
            if (rule.test(r)) {
                people.add(users.findUser(sender));
            }
        });
        people.sort(Comparator.comparing(ReceiverControls::nameOf, String.CASE_INSENSITIVE_ORDER));
        return people;
    }

    private static String names(List<Optional<User>> people) {
        return names(people, TellingNames.Shown.PLAIN);
    }

    private static String names(List<Optional<User>> people, TellingNames.Shown shown) {
        return people.stream().map(person -> shown.of(person, User.SOMEONE_WHO_LEFT)).collect(Collectors.joining(", "));
    }

    private static String nameOf(Optional<User> person) {
        return person.map(User::name).orElse(User.SOMEONE_WHO_LEFT);
    }

    /**
     * A tap that undoes a rule about each person still here ("Tell Alice"), titled with their first name, and keyed as
     * a card's Undo is, by the latest song they sent, so that it means them and no namesake.
     */
    private static List<Choice> undoTaps(List<Share> received, String title, String command,
                                         List<Optional<User>> people) {
        return people.stream().flatMap(Optional::stream)
                .map(person -> new Choice(title + Names.firstName(person.name()), undo(command, received, person)))
                .toList();
    }

    private Optional<Message> tooManyRules(ReceiverPreferences mine, User sender) {
        boolean adds = mine.ruleFor(sender.address()).isEmpty();
        return adds && mine.rules().size() >= ReceiverPreferences.MAX_RULES
                ? Optional.of(Message.text("You have choices about " + ReceiverPreferences.MAX_RULES + " people "
                + "already, the most I keep. Unblock someone first.")) : Optional.empty();
    }

    /**
     * Runs {@code action} on the sender the person named: the sender of a song they were sent, when a card's tap named
     * it ({@link SenderOfSong}); else among the people who sent them songs or that they made a choice about and their
     * contacts of that name, else as any friend is found ({@link FriendFinder#findSender}); several matches are asked
     * about, even when a choice already names one of them.
     */
    private Message withSender(User me, String name, String commandText, Function<User, Message> action) {
        Optional<String> song = SenderOfSong.shareId(name);
        if (song.isPresent()) {
            // A song not theirs is answered as one never known: the tap tells nothing of another's songs.
            return shares.findShare(song.get()).filter(share -> share.receiver().equals(me.address()))
                    .map(share -> users.findUser(share.sender()).map(action)
                            .orElseGet(() -> Message.text("I can't find who sent you that song; they may have left.")))
                    .orElseGet(() -> Message.text(Payload.NOT_USED_ANY_MORE));
        }
        return switch (friends.findSender(me, name, knownSenders(me))) {
            case FriendFinder.Lookup.Found(User friend) -> action.apply(friend);
            case FriendFinder.Lookup.Several(var candidates) -> whichPerson.ask(me, candidates, commandText);
            case FriendFinder.Lookup.Yourself() -> Message.text("That's you!");
            case FriendFinder.Lookup.Nobody() -> Message.text(Handles.typed(name).map(FriendFinder::unknownHandle)
                    .orElseGet(() -> "I don't know anyone called " + Names.quoted(name) + " who sent you songs."
                            + (name.strip().contains(" ") ? "" : " For someone who hasn't, type their full name.")));
        };
    }

    /** Everyone who sent the person a song, and everyone they made a choice about. */
    private List<User> knownSenders(User me) {
        Set<ChatAddress> senders = new LinkedHashSet<>();
        shares.sharesReceivedBy(me.address()).forEach(share -> senders.add(share.sender()));
        senders.addAll(preferences.preferencesOf(me.address()).rules().keySet());
        return senders.stream().flatMap(address -> users.findUser(address).stream()).toList();
    }

    /**
     * How many of {@code open}, songs still open, {@code counted} are marked not to be told of: receipts on again apply
     * to the songs sent from then on, and these stay so.
     */
    private static long keptPrivate(List<Share> open, Predicate<Share> counted) {
        return open.stream().filter(Share::receiptsOff).filter(counted).count();
    }

    private List<Share> openSharesFrom(User me, Predicate<ChatAddress> sender) {
        return shares.openSharesTo(me.address()).stream().filter(share -> sender.test(share.sender()))
                .filter(share -> !share.receiptsOff()).toList();
    }

    /**
     * What the senders were to be told of my plays and expiries, still waiting for them, is not told after all (nor
     * shown in their history: {@link WaitingReceipts}), and a group's summary that has not reached one of them yet
     * does not count my song. Done after my open songs are marked: a listen check saving one of them played
     * meanwhile may have held a notice or a summary of it, and this takes that back too.
     */
    private void stopTelling(User me, Set<ChatAddress> senders) {
        Map<ChatAddress, List<Share>> songs = songsFrom(me, senders);
        senders.forEach(sender -> waitingReceipts.takeBack(sender, me.address(), songs.getOrDefault(sender,
                List.of())));
        receiptsStopped.receiptsStopped(me.address(), senders::contains);
    }

    /** The songs {@code sender} sent me, played or not. */
    private List<Share> songsFrom(User me, ChatAddress sender) {
        return songsFrom(me, Set.of(sender)).getOrDefault(sender, List.of());
    }

    /** The songs each of {@code senders} sent me, played or not. */
    private Map<ChatAddress, List<Share>> songsFrom(User me, Set<ChatAddress> senders) {
        return shares.sharesReceivedBy(me.address()).stream().filter(share -> senders.contains(share.sender()))
                .collect(Collectors.groupingBy(Share::sender));
    }

    /**
     * From now on the sender hears nothing of this song. A group's summary stops waiting for it, so it may be due
     * now (at the moment of this choice, which tells nothing about a play).
     */
    private void keepPrivate(Share share) {
        keepPrivate.mark(share).filter(Share::sentToGroup).ifPresent(settled::settled);
    }

    /**
     * A song of a sender just blocked that still waits to reach the person is taken back for good: it is no longer
     * waiting for them (they just wrote), so the sender's lists stop showing it as waiting and it does not stand in
     * the way of sending that song again once unblocked. The sender is not told.
     */
    private void neverDelivered(User me, Share share) {
        outbox.withdrawShare(me.address(), share.id());
        Share undelivered = share.withReceiptsOff().undelivered();
        if (shares.updateShare(undelivered, ShareStatus.HELD)) {
            settled.settled(undelivered);
        }
    }

    /**
     * An Undo tap's command: by the latest song the sender sent me, which names them for good ({@link SenderOfSong}),
     * since a name may pass to someone else before the tap; by name when they never sent me one.
     */
    private String undo(String command, User me, User sender) {
        return undo(command, shares.sharesReceivedBy(me.address()), sender);
    }

    /** {@code command} about {@code sender}, keyed by the latest of {@code received} (newest first) they sent. */
    private static String undo(String command, List<Share> received, User sender) {
        return received.stream().filter(share -> share.sender().equals(sender.address()))
                .findFirst().map(share -> SenderOfSong.payload(command, share))
                .orElseGet(() -> payload(command, sender));
    }

    private static String payload(String command, User person) {
        return Payload.withName(command, person.name(), Names.firstName(person.name()));
    }
}
