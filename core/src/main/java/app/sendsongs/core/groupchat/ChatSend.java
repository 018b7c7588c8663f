package app.sendsongs.core.groupchat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.GroupChat;
import app.sendsongs.core.chat.GroupChatAction;
import app.sendsongs.core.chat.GroupChatPlatform;
import app.sendsongs.core.chat.HandlingMarks;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.group.GroupReceivers;
import app.sendsongs.core.group.GroupSend;
import app.sendsongs.core.group.GroupStore;
import app.sendsongs.core.music.SongLink;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.music.OtherMusicLinks;
import app.sendsongs.core.music.TrackLinks;
import app.sendsongs.core.share.SendLimiter;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.share.SongMessage;
import app.sendsongs.core.share.TrackLookup;
import app.sendsongs.core.shared.Cause;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Spaces;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.shared.UserText;
import app.sendsongs.core.user.Reachability;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import app.sendsongs.core.watch.WatchSchedule;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code /send <link> [note] [post:note]} in a group chat, or {@code /send} in reply to a message with a link: the
 * song goes privately to each person counted in for the chat (the sender aside, and whoever posted the message it was
 * taken from, who has it already), as a share of their own watched like any other, all of them one {@link GroupSend}
 * named after the chat. The sender is counted in too (they used the bot there), hears as each plays it and gets the
 * usual summary; the chat gets a message that shows how many played it.
 * People are left out as from a group's song ({@link GroupReceivers}: blocked the sender, already have it, over the
 * day's limit), and so are those who disconnected their listening or cannot get messages from the bot.
 */
public final class ChatSend {
    /** What a send in a chat makes, for {@link Cause#id}: one group send per event (and a share per person). */
    private static final String CHAT_SEND = "chat group send";
    /** What a send marks before it counts its sender in ({@link #countIn}). */
    private static final String COUNTED_IN = "chat send counted in";
    /**
     * {@code name:} or {@code group:} (or {@code to:} first) right before a value, as a send to one person or group
     * is typed privately: in a chat, where every other word is a note, they would send that song to everyone here.
     */
    private static final Pattern ADDRESSED = Pattern.compile("(?i)(?:^(?:to|name|group)|\\s(?:name|group)):\\S");

    private final Roster roster;
    private final GroupStore groups;
    private final ShareStore shares;
    private final UserStore users;
    private final TrackLookup tracks;
    private final GroupReceivers receivers;
    private final SendLimiter limiter;
    private final Outbox outbox;
    private final ChatSongMessages songMessages;
    private final WatchSchedule schedule;
    private final Clock clock;
    private final Reachability reach;
    private final HandlingMarks marks;

    public ChatSend(Roster roster, GroupStore groups, ShareStore shares, UserStore users, TrackLookup tracks,
                    GroupReceivers receivers, SendLimiter limiter, Outbox outbox, ChatSongMessages songMessages,
                    WatchSchedule schedule, Clock clock, Reachability reach, HandlingMarks marks) {
        this.reach = reach;
        this.marks = marks;
        this.roster = roster;
        this.groups = groups;
        this.shares = shares;
        this.users = users;
        this.tracks = tracks;
        this.receivers = receivers;
        this.limiter = limiter;
        this.outbox = outbox;
        this.songMessages = songMessages;
        this.schedule = schedule;
        this.clock = clock;
    }

    /**
     * A link and the notes around it, as typed after {@code /send} (or in the message it replied to): the text before
     * {@code post:} goes with the song, the text after it is revealed to each person when they play it.
     */
    record Typed(SongLink song, String pre, String post, boolean fromReply) {
        private static final Pattern POST = Pattern.compile("(?i)(?:^|\\s)post:");
        private static final String QUOTES = "\"'“”‘’";

        /** The first track link of {@code arguments}, else of {@code replied}; the rest of the arguments are notes. */
        static Optional<Typed> read(String arguments, Optional<String> replied) {
            String notes = withoutLink(arguments);
            Optional<Typed> typed = link(arguments).map(track -> notes(track, notes, false));
            return typed.or(() -> replied.flatMap(Typed::link).map(track -> notes(track, notes, true)));
        }

        private static Optional<SongLink> link(String text) {
            return words(text).stream().map(Typed::trimmed).map(TrackLinks::songLink).flatMap(Optional::stream)
                    .findFirst();
        }

        private static String withoutLink(String text) {
            List<String> words = words(text);
            words.removeIf(word -> TrackLinks.songLink(trimmed(word)).isPresent());
            return String.join(" ", words);
        }

        private static Typed notes(SongLink track, String notes, boolean fromReply) {
            Matcher post = POST.matcher(notes);
            if (!post.find()) {
                return new Typed(track, note(notes.replaceFirst("(?i)^pre:", "")), "", fromReply);
            }
            return new Typed(track, note(notes.substring(0, post.start()).replaceFirst("(?i)^pre:", "")),
                    note(notes.substring(post.end())), fromReply);
        }

        /** A note as typed, without its quotes, cleaned as every note is ({@link UserText#cleanNote}). */
        private static String note(String typed) {
            return unquoted(UserText.cleanNote(typed));
        }

        private static List<String> words(String text) {
            return new ArrayList<>(Spaces.words(text));
        }

        private static String trimmed(String word) {
            return word.replaceAll("[.,;:!?)\\]>]+$", "");
        }

        private static String unquoted(String note) {
            String stripped = note.strip();
            if (stripped.length() >= 2 && QUOTES.indexOf(stripped.charAt(0)) >= 0
                    && QUOTES.indexOf(stripped.charAt(stripped.length() - 1)) >= 0) {
                return stripped.substring(1, stripped.length() - 1).strip();
            }
            return stripped;
        }
    }

    /**
     * Sends the {@code /send} command's song; answers what to say in the chat, if anything (the song's own message
     * says the rest). A song taken from another person's message is not sent back to that person: it was theirs; nor
     * one taken from the bot's message of a song shared here to whoever shared it.
     */
    public Optional<Message> send(GroupChat chat, GroupChatPlatform platform, User sender,
                                  GroupChatAction.Command command, Instant sentAt) {
        String arguments = TrackLinks.withoutRepeatedSongs(TrackLinks.tidied(command.arguments()));
        Optional<String> replied = command.repliedText().map(TrackLinks::tidied).map(TrackLinks::withoutRepeatedSongs);
        if (ADDRESSED.matcher(arguments.strip()).find()) {
            return Optional.of(Message.text("Here /send shares a song with everyone counted in, so I didn't send it. "
                    + "To send it to one person or one of your groups, send it to me in our private chat: "
                    + platform.privateChatLink(GroupChats.FROM_GROUP)));
        }
        if (TrackLinks.toShare(TrackLinks.spotifyWordsIn(arguments)).size() > 1) {
            return Optional.of(Message.text(TrackLinks.ONE_AT_A_TIME));
        }
        Optional<Typed> typed = Typed.read(arguments, replied);
        if (typed.isEmpty()) {
            return Optional.of(Message.text(noSong(arguments, replied)));
        }
        if (UserText.tooLongForANote(typed.get().pre()) || UserText.tooLongForANote(typed.get().post())) {
            return Optional.of(Message.text(UserText.NOTE_TOO_LONG));
        }
        return sendTyped(chat, platform, sender, command, typed.get(), countIn(chat, sender, sentAt));
    }

    /**
     * Counts the sender in, as using the bot in the chat does: whether this send counted them in (they are told so).
     * Marked first ({@link HandlingMarks}): handled again after a crash once they were counted in, it finds them
     * counted in already, and still tells them as its first run would have.
     */
    private boolean countIn(GroupChat chat, User sender, Instant sentAt) {
        if (!roster.countedIn(chat.address(), sender.address())) {
            marks.mark(COUNTED_IN, sentAt);
        }
        return switch (roster.join(chat, sender.address())) {
            case JOINED -> true;
            case ALREADY -> marks.marked(COUNTED_IN);
            case FULL -> false;
        };
    }

    private Optional<Message> sendTyped(GroupChat chat, GroupChatPlatform platform, User sender,
                                        GroupChatAction.Command command, Typed typed, boolean countedInNow) {
        Optional<GroupSend> earlier = groups.findGroupSend(Cause.id(CHAT_SEND));
        if (earlier.isPresent()) {
            resume(chat, sender, earlier.get(), countedInNow);
            return Optional.empty();
        }
        List<ChatAddress> counted = roster.stillInChat(chat.address(), platform).stream()
                .filter(person -> !person.equals(sender.address())).toList();
        Set<ChatAddress> posters = posters(chat.address(), command, typed, counted);
        List<User> others = counted.stream().filter(person -> !posters.contains(person))
                .flatMap(person -> users.findUser(person).stream()).toList();
        boolean posterLeftOut = counted.stream().anyMatch(posters::contains);
        if (others.isEmpty()) {
            return Optional.of(nobodyElseCountedIn(posterLeftOut, Optional.of(sender.name()).filter(n -> countedInNow)));
        }
        return sendToOthers(chat, sender, receiving(others, posterLeftOut), typed, countedInNow);
    }

    /** Said in the chat; names the sender when sharing just counted them in ({@code countedInNow}). */
    private static Message nobodyElseCountedIn(boolean butWhoPosted, Optional<String> countedInNow) {
        String nobody = butWhoPosted ? "Nobody counted in here but you and whoever posted the song, who has it "
                + "already, so I didn't send it." : "Nobody else here is counted in yet, so I didn't send it.";
        return Message.text(nobody + countedInNow.map(name -> " " + name + " is counted in now.").orElse("")
                + " Tap Count me in (or send /join) to get the songs shared in this chat.")
                .withChoices(List.of(new Choice("Count me in", ChatSongMessages.COUNT_ME_IN)));
    }

    /** Answers what to say in the chat; the sender is told the rest privately (why people were left out is theirs). */
    private Optional<Message> sendToOthers(GroupChat chat, User sender, Receivers receiving, Typed typed,
                                           boolean countedInNow) {
        // Told privately, with why: /who tells the chat whom songs skip, never that someone blocked the bot.
        if (receiving.watchable().isEmpty()) {
            outbox.notify(sender.address(), Message.text(nobodyCanGetIt(chat, receiving.posterLeftOut())
                    + notSentToDisconnected(receiving.disconnected()) + Reachability.skipped(receiving.unreachable())),
                    receiving.others().stream().map(User::address).toList()); // about them all: each is named
            return Optional.empty();
        }
        SendLimiter.Allowance allowance = limiter.allowance(sender.address());
        Optional<String> overLimit = allowance.refusal();
        if (overLimit.isPresent()) { // told privately: it counts the songs they sent elsewhere too
            outbox.notify(sender.address(), Message.text(overLimit.get()));
            return Optional.empty();
        }
        return switch (tracks.find(typed.song())) {
            case TrackLookup.Result.Refused(String reply) -> Optional.of(Message.text(reply));
            case TrackLookup.Result.Found(Track track) -> {
                sendTrack(chat, sender, receiving, allowance, track, typed, countedInNow);
                yield Optional.empty();
            }
        };
    }

    /**
     * The people counted in but the sender (and whoever posted the song, who has it already: {@code posterLeftOut}),
     * and of them those the song can go to and those who can't get messages from the bot.
     */
    private record Receivers(List<User> others, List<User> watchable, List<User> unreachable, boolean posterLeftOut) {
        List<User> disconnected() {
            return others.stream().filter(User::needsReconnect).toList();
        }
    }

    private Receivers receiving(List<User> others, boolean posterLeftOut) {
        List<User> unreachable = others.stream().filter(user -> !user.needsReconnect() && reach.unreachable(user))
                .toList();
        List<User> watchable = others.stream().filter(user -> !user.needsReconnect() && !unreachable.contains(user))
                .toList();
        return new Receivers(others, watchable, unreachable, posterLeftOut);
    }

    /** Why nothing was sent when everyone it could go to is disconnected or unreachable; the poster has it already. */
    private static String nobodyCanGetIt(GroupChat chat, boolean posterLeftOut) {
        return posterLeftOut ? "Nothing was sent: whoever posted the song has it already, and everyone else counted "
                + "in for " + chat.title() + " has disconnected their listening or can't get messages from me."
                : "Everyone else counted in for " + chat.title() + " has disconnected their listening or can't get "
                + "messages from me, so nothing was sent.";
    }

    private static String notSentToDisconnected(List<User> disconnected) {
        return disconnected.isEmpty() ? "" : " Not sent to " + String.join(", ", disconnected.stream().map(User::name)
                .toList()) + ": they've disconnected their listening.";
    }

    /**
     * Delivers the song and tells the sender privately what became of it, and, when sharing just counted them in
     * ({@code countedInNow}), that songs shared in the chat come to them from now on: they did not ask for that.
     */
    private void sendTrack(GroupChat chat, User sender, Receivers receiving, SendLimiter.Allowance allowance,
                           Track track, Typed typed, boolean countedInNow) {
        GroupReceivers.MadeBefore before = receivers.madeBefore(receiving.watchable(), ChatSend::shareIdFor);
        List<Share> madeBefore = before.stored();
        GroupReceivers.Sorted sorted = receivers.sort(sender, before.rest(), track, allowance);
        if (sorted.all().isEmpty() && madeBefore.isEmpty()) { // told privately: why people were left out is not the chat's business
            outbox.notify(sender.address(), Message.text("Nothing was sent to the people counted in for "
                    + chat.title() + "." + sorted.leftOut()), sorted.named());
            return;
        }
        deliver(chat, sender, madeBefore, sorted, track, typed);
        List<User> disconnected = receiving.disconnected();
        boolean anyTells = !sorted.told().isEmpty() || madeBefore.stream().anyMatch(s -> !s.receiptsOff());
        // About whoever it names: someone forgotten before it reaches the sender takes it back with them.
        List<ChatAddress> named = new ArrayList<>(sorted.named());
        Stream.of(disconnected, receiving.unreachable()).flatMap(List::stream).map(User::address)
                .forEach(named::add);
        outbox.notify(sender.address(), Message.text(confirmation(track, chat, madeBefore.size()
                + sorted.all().size(), receiving.others().size(), anyTells,
                disconnected.stream().map(User::name).toList())
                + sorted.leftOut() + sorted.notToldText() + Reachability.skipped(receiving.unreachable())
                + (countedInNow ? countedInBySharing(chat) : "")), named);
    }

    private static String countedInBySharing(GroupChat chat) {
        return " Sharing here counted you in too: songs shared in " + chat.title() + " come to you now, and /leave "
                + "sent there stops them.";
    }

    /**
     * Whose the song taken from a replied message was, of those counted in: the message's author; or, for a message
     * no person wrote (the bot's own message of a song shared here, which names its sharer only by name), whoever of
     * them shared that song in this chat. Nobody for a link typed with the command.
     */
    private Set<ChatAddress> posters(ChatAddress chat, GroupChatAction.Command command, Typed typed,
                                     List<ChatAddress> counted) {
        if (!typed.fromReply()) {
            return Set.of();
        }
        if (command.repliedAuthor().isPresent()) {
            return Set.of(command.repliedAuthor().get());
        }
        if (!(typed.song() instanceof SongLink.Track(TrackId id))) {
            return Set.of();
        }
        return counted.stream().filter(person -> sharedHere(person, chat, id)).collect(Collectors.toSet());
    }

    private boolean sharedHere(ChatAddress person, ChatAddress chat, TrackId id) {
        return shares.sharesSentBy(person).stream().filter(share -> share.track().id().equals(id))
                .flatMap(share -> share.groupSendId().stream()).distinct()
                .anyMatch(groupSendId -> groups.findGroupSend(groupSendId)
                        .filter(send -> send.groupId().equals(chat.key())).isPresent());
    }

    /**
     * Why a {@code /send} has no song: the Spotify link it has leads to no song, it links another music service, or it
     * has no link.
     */
    private static String noSong(String arguments, Optional<String> replied) {
        return TrackLinks.spotifyWordsIn(arguments + " " + replied.orElse("")).stream().findFirst()
                .map(TrackLinks::notASong)
                .or(() -> OtherMusicLinks.serviceIn(arguments + " " + replied.orElse(""))
                        .map(OtherMusicLinks::notSpotify))
                .orElse("Send a Spotify song link with it: /send <link> <a note, if you "
                        + "like> post:<a note for after they play it>, or answer a message that has one with /send.");
    }

    private void deliver(GroupChat chat, User sender, List<Share> madeBefore, GroupReceivers.Sorted sorted,
                         Track track, Typed notes) {
        Instant now = clock.instant();
        GroupSend send = GroupSend.of(Cause.id(CHAT_SEND), chat.address().key(), chat.title(), sender.address(), now);
        List<Share> created = new ArrayList<>(madeBefore);
        sorted.all().forEach(receiver -> created.add(sorted.receiptsAsChosen(Share.forGroupMember(shareIdFor(receiver),
                send.id(), sender.address(), receiver.address(), track, notes.pre(), notes.post(), now), receiver)));
        // Every share is stored before any is delivered, so no summary can be made from part of the send; the group
        // send last, so a run that finds it knows every share of it is stored.
        created.forEach(shares::insertShare);
        groups.insertGroupSend(send);
        deliver(chat, sender, send, created);
    }

    /** The id of the share this event makes for {@code member}: the same however often the event is handled. */
    private static String shareIdFor(User member) {
        return Cause.id("chat share to " + member.address().key());
    }

    private void deliver(GroupChat chat, User sender, GroupSend send, List<Share> stored) {
        String heading = sender.name() + " shared a song in " + chat.title();
        stored.stream().filter(share -> share.status().isOpen()).forEach(share -> outbox.deliverShare(
                share.receiver(), SongMessage.of(heading, share, sender.name(), !share.receiptsOff()), share.id(),
                sender.address()));
        songMessages.showOnce(send, chat);
    }

    /**
     * An earlier run of this event stored the group send and was cut short: delivers the shares it stored (the
     * outbox sends each song once however often it is handed over), shows the chat's message unless it was saved,
     * and confirms to the sender as it would have (the same notice, so held once).
     */
    private void resume(GroupChat chat, User sender, GroupSend send, boolean countedInNow) {
        List<Share> stored = shares.sharesOfGroupSend(send.id()).stream()
                .sorted(Comparator.comparing(share -> share.receiver().key())).toList();
        if (stored.isEmpty()) {
            return;
        }
        deliver(chat, sender, send, stored);
        boolean anyTells = stored.stream().anyMatch(share -> !share.receiptsOff());
        outbox.notify(sender.address(), Message.text(confirmation(stored.getFirst().track(), chat, stored.size(),
                stored.size(), anyTells, List.of()) + (countedInNow ? countedInBySharing(chat) : "")));
    }

    /**
     * {@code anyTells}: whether one of them shares their plays, else there is nothing to promise to tell. {@code counted}:
     * how many it could have gone to (the sender and whoever posted the song aside); when it went to fewer, says so ("2
     * of the 3 people"), since "the 2 people counted in" would deny that the ones left out are counted in too.
     */
    private String confirmation(Track track, GroupChat chat, int sent, int counted, boolean anyTells,
                                List<String> disconnected) {
        String to = sent < counted ? sent + " of the " + Texts.people(counted) : "the " + Texts.people(sent);
        String text = "Sent " + track.title() + " to " + to + " counted in for " + chat.title()
                + "." + (anyTells ? " " + Texts.tellingPlays(sent, schedule.watchPeriod()) : "");
        return disconnected.isEmpty() ? text : text + " Not sent to " + String.join(", ", disconnected)
                + ": they've disconnected their listening, so I couldn't tell when they play it.";
    }
}
