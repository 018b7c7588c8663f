package app.sendsongs.core.share;

import app.sendsongs.core.chat.ChatPlatforms;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.music.SongLink;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.privacy.PreferenceStore;
import app.sendsongs.core.privacy.ReceiverPreferences;
import app.sendsongs.core.shared.Cause;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Handles;
import app.sendsongs.core.shared.RelativeTime;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.LookAlikes;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.Reachability;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import app.sendsongs.core.watch.WatchSchedule;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sharing a song with one friend: find the friend by name (asking when the name fits several people, or fits nobody
 * but is close to contacts' names), keep the sender within their limits, verify the track in the catalogue, refuse a
 * song the friend already has from them while it is watched, deliver it with the {@code pre} note (not at all when
 * the friend blocked the sender, who is not told why), and confirm to the sender, saying so when the friend does not
 * share when they play songs.
 */
public final class SendSong {
    /** What a send makes, for {@link Cause#id}: one share per event. */
    private static final String SHARE = "share";
    /** What the link to a person whose songs are held carries: opening it is writing to the bot, which releases them. */
    public static final String HELD_SONGS_REF = "songs";

    private final UserStore users;
    private final ShareStore shares;
    private final PreferenceStore preferences;
    private final Outbox outbox;
    private final WatchSchedule schedule;
    private final Clock clock;
    private final TrackLookup tracks;
    private final FriendFinder friends;
    private final WhichPerson whichPerson;
    private final SendLimiter limiter;
    private final Invites invites;
    private final ChatPlatforms chats;
    private final Reachability reach;
    private final Repeats repeats;
    private final TellingNames names;
    private final ShareDelivery delivery;
    private final GroupChatsCalled groupChats;
    private final StrayInvites strayInvites;

    public SendSong(UserStore users, ShareStore shares, PreferenceStore preferences, FriendFinder friends,
                    WhichPerson whichPerson, TrackLookup tracks, SendLimiter limiter, Outbox outbox,
                    WatchSchedule schedule, Invites invites, ChatPlatforms chats,
                    Clock clock, Reachability reach, TellingNames names, ShareDelivery delivery,
                    GroupChatsCalled groupChats) {
        this.users = users;
        this.groupChats = groupChats;
        this.delivery = delivery;
        this.names = names;
        this.reach = reach;
        this.shares = shares;
        this.preferences = preferences;
        this.outbox = outbox;
        this.schedule = schedule;
        this.clock = clock;
        this.tracks = tracks;
        this.friends = friends;
        this.whichPerson = whichPerson;
        this.limiter = limiter;
        this.invites = invites;
        this.chats = chats;
        this.repeats = new Repeats(shares, schedule, outbox.holdLimit(), clock);
        this.strayInvites = new StrayInvites(invites);
    }

    /** Handles {@code send_song}; {@code commandText} is kept to finish it if the bot must ask who was meant. */
    public Message send(User sender, Command.SendSong command, String commandText) {
        Optional<Share> earlier = shareOfThisCause();
        if (earlier.isPresent()) {
            return Message.text(deliver(sender, earlier.get()));
        }
        return switch (friends.find(sender, command.friendName())) {
            case FriendFinder.Lookup.Found(User friend) ->
                    sendNew(sender, friend, command.song(), command.pre(), command.post(), false);
            case FriendFinder.Lookup.Several(var candidates) -> whichPerson.ask(sender, candidates, commandText);
            case FriendFinder.Lookup.Yourself() -> Message.text(yourself());
            case FriendFinder.Lookup.Nobody() -> inviteOrAskAboutTypo(sender, command, commandText);
        };
    }

    /** For a name that matches nobody: "did you mean" when contacts have a name close to it, else the invite. */
    private Message inviteOrAskAboutTypo(User sender, Command.SendSong command, String commandText) {
        List<User> close = friends.closeContacts(sender, command.friendName());
        return close.isEmpty() ? invite(sender, command.friendName(), command.song(), command.pre(), command.post())
                : whichPerson.askAboutTypo(sender, command.friendName(), close, commandText);
    }

    /**
     * Finishes a send the bot had to ask about: {@code number} picks one of the offered people, or, when the question
     * was "did you mean", the one after them invites the name as typed (or, if someone has registered under that name
     * since, sends it to them, as the name typed now would). The number after those is the question's last tap, Don't
     * send.
     */
    public Message choose(User sender, PendingChoice choice, Command.SendSong command, int number) {
        Optional<Share> earlier = shareOfThisCause();
        if (earlier.isPresent()) {
            return Message.text(deliver(sender, earlier.get()));
        }
        boolean inviteOffered = whichPerson.askedAboutTypo(choice, command.friendName());
        if (inviteOffered && WhichPerson.invites(choice, number)) {
            if (!whichPerson.take(choice)) {
                return Message.text(WhichPerson.NOT_WAITING);
            }
            return friends.matchesNobody(sender, command.friendName())
                    ? invite(sender, command.friendName(), command.song(), command.pre(), command.post())
                    : send(sender, command, choice.commandText()); // someone registered under it since
        }
        return switch (whichPerson.answer(choice, number, inviteOffered)) {
            case WhichPerson.Answer.Picked(User receiver) ->
                    sendNew(sender, receiver, command.song(), command.pre(), command.post(), true);
            case WhichPerson.Answer.Dropped() -> Message.text("OK, I didn't send it.");
            case WhichPerson.Answer.Unusable(String reply) -> Message.text(reply);
        };
    }

    /** The name {@code sender} typed for their latest invite to {@code track} nobody has signed up through yet. */
    public Optional<String> invitedFor(ChatAddress sender, TrackId track) {
        return invites.waitingFor(sender, track);
    }

    /**
     * The song for someone nobody is registered as: an invite link for the sender to forward (see {@link Invites}),
     * once the link is known to lead to a track; where no platform has links, how the friend registers. Over their
     * limits (songs an hour, invites open) the sender is told so before the catalogue is asked. The title of a group
     * chat the sender is counted in for invites nobody: they are told how a song is shared there.
     */
    public Message invite(User sender, String friendName, SongLink song, String pre, String post) {
        Optional<String> notAName = Handles.typed(friendName).isPresent() ? Optional.empty() : Names.problem(friendName);
        if (notAName.isPresent()) { // nobody could sign up by it: a paragraph, a bare emoji, a spoof
            return Message.text(notAName.get() + " I can't invite anyone by it.");
        }
        Optional<String> chat = Handles.typed(friendName).isPresent() ? Optional.empty()
                : groupChats.calledSo(sender.address(), friendName);
        if (chat.isPresent()) {
            return Message.text(chat.get() + " is a group chat, so I didn't invite anyone by that name. To share a "
                    + "song there, send /send with the link in that chat: it goes to everyone counted in there.");
        }
        Optional<String> overLimit = limiter.allowance(sender.address()).refusal()
                .or(() -> invites.refusal(sender.address(), friendName));
        if (overLimit.isPresent()) {
            return Message.text(overLimit.get());
        }
        return Message.text(switch (tracks.find(song)) {
            case TrackLookup.Result.Found(Track track) ->
                    invites.invite(sender.address(), friendName, track, pre, post).orElse(nobodyCalled(friendName));
            case TrackLookup.Result.Refused(String reply) -> reply;
        });
    }

    static String yourself() {
        return "That's you! Send songs to your friends by their registered name.";
    }

    static String nobodyCalled(String name) {
        return Handles.typed(name).map(FriendFinder::unknownHandle).orElseGet(() -> "I don't know anyone called "
                + Names.quoted(name) + ". They need to connect Spotify and register with me first: ask them to send "
                + "me a message.");
    }

    /** Sends {@code song} to {@code receiver}, the person the sender meant; the reply to the sender. */
    public Message sendTo(User sender, User receiver, SongLink song, String pre, String post) {
        Optional<Share> earlier = shareOfThisCause();
        if (earlier.isPresent()) {
            return Message.text(deliver(sender, earlier.get()));
        }
        return sendNew(sender, receiver, song, pre, post, false);
    }

    /**
     * As {@link #sendTo}, for a share's recipient, whom the sender chose where everyone of their name was offered
     * ("which one?" about a name typed for it): the answer names them as told apart from all the others, contacts or
     * not, as "Send … to them?" did ({@link TellingNames#amongAllOfTheirName}).
     */
    public Message sendToPicked(User sender, User receiver, SongLink song, String pre, String post) {
        Optional<Share> earlier = shareOfThisCause();
        if (earlier.isPresent()) {
            return Message.text(deliver(sender, earlier.get()));
        }
        return sendNew(sender, receiver, song, pre, post, true);
    }

    /**
     * What {@link #sendTo} answered when the current work has sent its song already (handled again after a crash, or
     * asked twice), if it has: the song is not sent again.
     */
    public Optional<Message> sentBefore(User sender) {
        return shareOfThisCause().map(share -> Message.text(deliver(sender, share)));
    }

    /**
     * Whether {@code receiver} has {@code track} from {@code sender}: a share of it from them, sent by the current work
     * or before (whatever became of it since).
     */
    public boolean hasSong(User sender, User receiver, TrackId track) {
        return shareOfThisCause().isPresent() || shares.sharesSentBy(sender.address()).stream()
                .anyMatch(share -> share.receiver().equals(receiver.address()) && share.track().id().equals(track));
    }

    /**
     * Whether the work of {@code work} ({@link Cause#run}'s key) stored a share, whatever became of it since: that
     * work's own send, not any other of the same song.
     */
    public boolean sharedBy(String work) {
        return Cause.call(work, this::shareOfThisCause).isPresent();
    }

    /**
     * As {@link #sendTo}, once it is known that this cause has made no share yet; {@code picked}: whether the sender
     * picked the receiver among everyone of their name, whom the answer then tells them apart from.
     */
    private Message sendNew(User sender, User receiver, SongLink song, String pre, String post, boolean picked) {
        if (receiver.needsReconnect()) {
            SourceKind source = receiver.connection().kind();
            // Their grant ended (they were told, with their own link); a page that registers anew is no way back.
            return Message.text(receiver.name() + "'s " + source.displayName() + " connection has ended, so I "
                    + "couldn't tell when they play it: nothing was sent. Ask them to reconnect (they send me "
                    + CommandStyle.of(receiver.address()).spell("connect") + "), then send it again.");
        }
        if (reach.unreachable(receiver)) {
            return Message.text(Reachability.refusal(receiver));
        }
        Optional<OverLimit> overLimit = overLimit(sender, receiver);
        if (overLimit.isPresent()) {
            return Message.text(overLimit.get().reason());
        }
        return Message.text(switch (tracks.find(song)) {
            case TrackLookup.Result.Found(Track track) -> deliver(sender, receiver, track, pre, post, picked);
            case TrackLookup.Result.Refused(String reply) -> reply;
        });
    }

    /** Why the sender cannot send a song now: to anyone ({@code toAnyone}: songs an hour), or to this friend today. */
    public record OverLimit(String reason, boolean toAnyone) {
    }

    /** Whether a song from {@code sender} to {@code receiver} now would be over one of the sender's limits. */
    public Optional<OverLimit> overLimit(User sender, User receiver) {
        SendLimiter.Allowance allowance = limiter.allowance(sender.address());
        return allowance.refusal().map(reason -> new OverLimit(reason, true))
                .or(() -> allowance.refusalFor(receiver, () -> shownTo(sender, receiver))
                        .map(reason -> new OverLimit(reason, false)));
    }

    private String deliver(User sender, User receiver, Track track, String pre, String post, boolean picked) {
        // before a share makes them the sender's contact
        String shown = picked ? names.amongAllOfTheirName(sender.address(), receiver).of(receiver)
                : shownTo(sender, receiver);
        ReceiverPreferences theirs = preferences.preferencesOf(receiver.address());
        if (theirs.blocks(sender.address())) {
            return "I couldn't deliver " + track.title() + " to " + shown
                    + ", so nothing was sent.";
        }
        boolean receipts = theirs.sharesReceiptsWith(sender.address());
        Repeats.Earlier earlier = repeats.of(sender.address(), track);
        Optional<Share> already = earlier.to(receiver.address());
        if (already.isPresent()) {
            delivery.ensureWatched(already.get());
            return alreadySent(track, receiver, shown, already.get());
        }
        Optional<Share> stopped = receipts ? earlier.stoppedWithinItsWatch(receiver.address()) : Optional.empty();
        if (stopped.isPresent() && delivery.watchAgain(stopped.get())) {
            return watchedAgain(stopped.get(), shown);
        }
        Share share = Share.direct(Cause.id(SHARE), sender.address(), receiver.address(), track, pre, post,
                clock.instant());
        share = receipts ? share : share.withReceiptsOff();
        // Before the share makes them known.
        FriendFinder.NamesakeLook look = friends.knownNamesake(sender, receiver.address());
        shares.insertShare(share);
        return deliver(sender, share, Optional.of(receiver), namesakeCaution(sender, look.known()), look.holders(),
                picked ? Optional.of(shown) : Optional.empty());
    }

    /** A cancel undone by sending the song again: the friend has it, so it is watched again, not sent twice. */
    private String watchedAgain(Share stopped, String receiverName) {
        Instant now = clock.instant();
        return receiverName + " already has " + stopped.track().title() + " (you sent it "
                + RelativeTime.ago(stopped.createdAt(), now) + " and stopped watching it), so I didn't send it again: "
                + "I'm watching for it again, " + RelativeTime.forMore(stopped.expiresAt().orElseThrow(), now) + ".";
    }

    private String alreadySent(Track track, User receiver, String receiverName, Share already) {
        String sent = "You already sent " + track.title() + " to " + receiverName + " ("
                + RelativeTime.ago(already.createdAt(), clock.instant()) + ")";
        if (already.status() != ShareStatus.HELD) {
            return sent + (Repeats.keptPrivate(already) ? "" : ", and I'm still watching for it")
                    + ", so I didn't send it again.";
        }
        return sent + ". It hasn't reached them yet, so I didn't send it again: it goes out " + chats
                .conversationLink(receiver.address().platform(), HELD_SONGS_REF)
                .map(link -> "the moment they tap this link: " + link)
                .orElse("as soon as they write to me.");
    }

    /**
     * Delivers the share made by a run of this cause that was cut short, which this one finishes: the outbox sends a
     * song once however often it is handed over. The run may have stopped before the song was held, so its caution is
     * worked out again, as it was before that share made the sender known.
     */
    private String deliver(User sender, Share share) {
        Optional<FriendFinder.NamesakeLook> look = share.status().isOpen()
                ? Optional.of(friends.knownNamesakeBefore(sender, share)) : Optional.empty();
        return deliver(sender, share, users.findUser(share.receiver()),
                namesakeCaution(sender, look.flatMap(FriendFinder.NamesakeLook::known)),
                look.map(FriendFinder.NamesakeLook::holders).orElse(List.of()), Optional.empty());
    }

    /**
     * {@code senderNamesakes}: everyone registered under the sender's name, the sender too; {@code receiverShown}: how
     * the receiver is named, when they were picked at "which one?" (as it told them apart, before the share), else
     * worked out now.
     */
    private String deliver(User sender, Share share, Optional<User> receiverUser, Optional<NamesakeCaution> caution,
                           List<User> senderNamesakes, Optional<String> receiverShown) {
        String title = share.track().title();
        String receiver = receiverShown.or(() -> receiverUser.map(user -> shownTo(sender, user))).orElse("them");
        if (!share.status().isOpen()) {
            return "I've already dealt with " + title + " for " + receiver + "; see history.";
        }
        boolean receipts = !share.receiptsOff();
        // A caution tells a newcomer apart already; a friend of a name the receiver knows another by is told apart so.
        String senderName = caution.isPresent() ? sender.name()
                : names.to(share.receiver(), TellingNames.Holders.of(sender, senderNamesakes)).of(sender);
        // A caution names the receiver's friend too: forgetting them takes it out of the song while it waits.
        Outbox.Delivery delivery = outbox.deliverShare(share.receiver(), SongMessage.direct(senderName,
                caution.map(NamesakeCaution::text), share), share.id(), sender.address(),
                caution.map(NamesakeCaution::namesake).stream().toList());
        String noReceipts = receipts ? "" : " " + receiver + " doesn't share when they play songs, so I "
                + "won't be able to tell you whether they do.";
        String told = told(share, delivery, receiver, receipts, noReceipts, receiverUser);
        // a run cut short after it ended them finds none: the answer it gives again leaves them out
        return receiverUser.flatMap(user -> strayInvites.endFor(share, user)).map(ended -> told + "\n" + ended)
                .orElse(told);
    }

    /** What the sender is told of {@code share}, given to its receiver's chat ({@code delivery}). */
    private String told(Share share, Outbox.Delivery delivery, String receiver, boolean receipts, String noReceipts,
                        Optional<User> receiverUser) {
        String title = share.track().title();
        return switch (delivery) {
            // Queued: behind the receiver's messages going out now, at their chat's pace; it follows within seconds.
            // Sending: a send a run cut short began; it went, or goes again when its lease ends.
            case SENT, SENDING, QUEUED -> "Sent " + title + " to " + receiver + "."
                    + (receipts ? " I'll tell you when they play it (I'll watch for "
                    + Texts.duration(schedule.watchPeriod()) + ")." : noReceipts);
            case WAITING_FOR_PERSON -> receiverUser.filter(reach::unreachable)
                    .map(user -> Reachability.undelivered(user, title))
                    .orElse("Their chat app won't let me deliver " + title + " to "
                    + receiver + " just now (they haven't written to me lately). " + chats
                    .conversationLink(share.receiver().platform(), HELD_SONGS_REF)
                    .map(link -> "Send them this link: " + link + "\nIt goes out the moment they tap it")
                    .orElse("It goes out as soon as they write to me")
                    + (receipts ? ", and I'll start watching then." : "." + noReceipts));
            case RETRYING -> "Their chat app didn't take " + title + " for " + receiver + " just now. "
                    + "I'll keep trying" + (receipts ? ", and start watching once it's delivered." : "." + noReceipts);
        };
    }

    /** The receiver's name as the sender is shown it: told apart from another person of that name they know. */
    private String shownTo(User sender, User receiver) {
        return names.to(sender.address(), List.of(receiver)).of(receiver);
    }

    /**
     * Anyone may register under a name already taken, or one that looks like it: when the sender is new to the
     * receiver yet has the name of someone the receiver knows ({@code knownNamesake}), or a look-alike of it, the song
     * says so, so that it does not pass for that friend's.
     */
    private static Optional<NamesakeCaution> namesakeCaution(User sender, Optional<User> knownNamesake) {
        return knownNamesake.map(known -> new NamesakeCaution(known.address(), "This " + sender.name()
                + " is new to you: not the " + (LookAlikes.alike(known.name(), sender.name())
                ? known.name() + " you know here." : sender.name() + " you know here, who is now called "
                + known.name() + ".")));
    }

    /** The line of caution a stranger's song carries, and the friend of the receiver's it names. */
    private record NamesakeCaution(ChatAddress namesake, String text) {
    }

    /** The share an earlier run of the event being handled stored before it was cut short, if any. */
    private Optional<Share> shareOfThisCause() {
        return shares.findShare(Cause.id(SHARE));
    }
}
