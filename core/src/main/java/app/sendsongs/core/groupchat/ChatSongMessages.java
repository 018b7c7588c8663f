package app.sendsongs.core.groupchat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.GroupChat;
import app.sendsongs.core.chat.GroupChatPlatform;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.group.GroupSend;
import app.sendsongs.core.group.GroupStore;
import app.sendsongs.core.share.ReceiptsStopped;
import app.sendsongs.core.share.Repeats;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareSettled;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.shared.AtOnce;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.StableIds;
import app.sendsongs.core.shared.TextDirection;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The message that shows a song sent in a group chat, in that chat: who shared what, with the note, and how many of
 * the people it went to have played it ("Played by 2 of 5 so far: Bob, Carol."), edited as each share settles. The
 * text is made from the shares each time, so an edit never shows less than it did; after an edit the shares are read
 * again, and when a settle came in between, the message is edited once more. The message is posted through the
 * {@link Outbox}, under an id of its song and chat, as every message of the bot is sent: a handling cut short after the
 * post and done again finds it posted, with the platform's id of it for the edits, and does not post it twice. A post
 * the chat's rate limit (or an outage) holds back waits in the outbox, and the tick looks again until it went out; an
 * edit held back is tried again from the tick. An edit refused because the bot was removed from the chat waits until
 * it is added back ({@link #botBack}).
 */
public final class ChatSongMessages implements ShareSettled, ReceiptsStopped {
    private static final Logger LOG = Logger.getLogger(ChatSongMessages.class.getName());
    /** A message to be tried again waits at least this long, so a busy chat is not asked every tick. */
    private static final Duration LEAST_WAIT = Duration.ofSeconds(5);
    /** Edits in a row for one update: a settle landing between an edit and its check needs one more. */
    private static final int MOST_EDITS = 3;
    public static final String COUNT_ME_IN = "join";
    static final int NAMES_SHOWN = 10;
    private static final String NEXT_ONES = "Count me in to get the next ones.";

    private final GroupChatStore store;
    private final GroupStore groups;
    private final ShareStore shares;
    private final UserStore users;
    private final GroupChatPlatforms platforms;
    private final Outbox outbox;
    private final Clock clock;

    public ChatSongMessages(GroupChatStore store, GroupStore groups, ShareStore shares, UserStore users,
                            GroupChatPlatforms platforms, Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.store = store;
        this.groups = groups;
        this.shares = shares;
        this.users = users;
        this.platforms = platforms;
        this.clock = clock;
    }

    /**
     * Shows a song just sent in the chat (or remembers to, when it cannot go now), in the chat's topic where it was
     * sent ({@link GroupChat#topic()}), where it stays.
     */
    public void show(GroupSend send, GroupChat chat) {
        ChatSong song = new ChatSong(send.id(), chat.address(), Optional.empty(), Optional.of(clock.instant()))
                .inTopic(chat.topic());
        store.saveChatSong(song);
        update(song);
    }

    /** As {@link #show}, unless the send's message was saved already (a handling run again). */
    public void showOnce(GroupSend send, GroupChat chat) {
        if (store.findChatSong(send.id()).isEmpty()) {
            show(send, chat);
        }
    }

    @Override
    public void settled(Share share) {
        share.groupSendId().flatMap(store::findChatSong).ifPresent(this::update);
    }

    /**
     * The receiver stopped telling these senders of their plays: the chat messages of the senders' songs they received
     * in a chat are edited to read as the shares do now, so that a play the sender is no longer to hear of (marked
     * kept private by the group's summary, which runs first) stops being named and counted there at once, not only at
     * the song's next settle. The edits go as every edit does, within the chat's rate limit.
     */
    @Override
    public void receiptsStopped(ChatAddress receiver, Predicate<ChatAddress> senders) {
        refresh(shares.sharesReceivedBy(receiver).stream().filter(share -> senders.test(share.sender()))
                .flatMap(share -> share.groupSendId().stream()).toList());
    }

    /**
     * Shows the songs of these group sends in their chats as they read now: after someone is forgotten, their name
     * goes from the songs they shared there (while the sends are still kept) and from the plays counted under the
     * songs they received. A send no longer kept has its chat message forgotten; one with no share left keeps its
     * message as it reads (it would no longer know the song).
     */
    public void refresh(Collection<String> groupSendIds) {
        groupSendIds.stream().distinct()
                .filter(id -> groups.findGroupSend(id).isEmpty() || !shares.sharesOfGroupSend(id).isEmpty())
                .flatMap(id -> store.findChatSong(id).stream()).forEach(this::update);
    }

    /**
     * The bot was added back to the chat: the songs' messages that had to change while it was out are edited to read
     * as their shares do now (the bot's own messages stay editable however old they are:
     * https://core.telegram.org/bots/api#editmessagetext). Edits the chat's rate limit holds back are done from the
     * tick.
     */
    public void botBack(ChatAddress chat) {
        store.chatSongsAwaitingBot(chat).forEach(this::update);
    }

    /** Posts or edits the messages whose earlier try could not go; returns how many were tried. */
    public int updateDue(int limit) {
        List<ChatSong> due = store.chatSongsDue(clock.instant(), limit);
        AtOnce.eachKey(due, ChatSong::chat, this::update);
        return due.size();
    }

    private void update(ChatSong song) {
        Optional<GroupChatPlatform> platform = platforms.of(song.chat());
        Optional<GroupSend> send = groups.findGroupSend(song.groupSendId());
        if (platform.isEmpty() || send.isEmpty()) {
            store.deleteChatSong(song.groupSendId());
            return;
        }
        if (song.messageRef().isPresent()) {
            edit(song, platform.get(), send.get());
            return;
        }
        Message shown = message(send.get(), song.chat());
        // A post that went out before this call (held back, or by a handling cut short) may show an older count.
        boolean postedBefore = outbox.sentAs(postId(song)).isPresent();
        Optional<ChatSong> posted = post(song, send.get(), shown);
        if (posted.isPresent() && (postedBefore || !message(send.get(), song.chat()).equals(shown))) {
            edit(posted.get(), platform.get(), send.get());
        }
    }

    /**
     * Posts the song's message through the outbox, once for the song in this chat: a handling done again, the tick
     * and a settle at the same moment all find the one post, held or sent. Answers the song as shown once the post
     * went out and its message id is known; else remembers to look again, or forgets a message that can never go.
     */
    private Optional<ChatSong> post(ChatSong song, GroupSend send, Message shown) {
        String id = postId(song);
        Outbox.Delivery delivery = outbox.post(song.postedTo(), shown, id, List.of(send.sender()));
        Optional<String> ref = outbox.sentAs(id);
        if (ref.isPresent()) {
            ChatSong current = song.shownAs(ref.get());
            store.saveChatSong(current);
            return Optional.of(current);
        }
        if (delivery == Outbox.Delivery.SENT || delivery == Outbox.Delivery.WAITING_FOR_PERSON) {
            LOG.info("a song's message could not be posted in its chat and was given up");
            store.deleteChatSong(song.groupSendId());
        } else {
            store.saveChatSong(song.dueAt(clock.instant().plus(LEAST_WAIT)));
        }
        return Optional.empty();
    }

    /**
     * Edits the posted message to read as the shares do now. An edit changes nothing when the text is the same
     * (Telegram's "message is not modified" is taken as done), so it needs no outbox: editing again is harmless.
     */
    private void edit(ChatSong song, GroupChatPlatform platform, GroupSend send) {
        ChatSong current = song;
        for (int edit = 0; edit < MOST_EDITS; edit++) {
            Message shown = message(send, song.chat());
            String chatId = song.chat().id();
            GroupChatPlatform.Outcome outcome = platform.edit(chatId, current.messageRef().orElseThrow(), shown);
            if (outcome instanceof GroupChatPlatform.Outcome.OutOfChat out) {
                current = awaitBot(current, out);
                outcome = platform.edit(chatId, current.messageRef().orElseThrow(), shown);
            }
            switch (outcome) {
                case GroupChatPlatform.Outcome.Posted posted -> {
                    ChatSong shownNow = current.shownAs(posted.messageRef());
                    if (!shownNow.equals(current)) {
                        current = shownNow;
                        store.saveChatSong(current);
                    }
                }
                case GroupChatPlatform.Outcome.Gone gone -> {
                    LOG.info("a song's message can no longer be shown in its chat: " + gone.reason());
                    store.deleteChatSong(song.groupSendId());
                    return;
                }
                case GroupChatPlatform.Outcome.OutOfChat stillOut -> {
                    return; // marked above, before this try
                }
                case GroupChatPlatform.Outcome.RetryLater later -> {
                    Duration wait = later.retryAfter().filter(d -> d.compareTo(LEAST_WAIT) > 0).orElse(LEAST_WAIT);
                    store.saveChatSong(current.dueAt(clock.instant().plus(wait)));
                    return;
                }
            }
            if (message(send, song.chat()).equals(shown)) {
                return;
            }
        }
    }

    /**
     * Marks the message to be edited when the bot is added back. The bot may have been added back, and that handled,
     * between the refusal and the mark: the caller tries the edit once more after the mark, so either that try goes
     * through or it was refused before the bot was back, and the sweep of the bot's return ({@link #botBack}) finds
     * the mark.
     */
    private ChatSong awaitBot(ChatSong song, GroupChatPlatform.Outcome.OutOfChat out) {
        LOG.info("a song's message waits for the bot to be added back to its chat: " + out.reason());
        ChatSong waiting = song.untilTheBotIsBack();
        store.saveChatSong(waiting);
        return waiting;
    }

    /** The outbox's id of the song's post in its chat: one post per song and chat (a chat that moved posts again). */
    static String postId(ChatSong song) {
        return StableIds.of("chat song post", song.groupSendId(), song.chat().key());
    }

    /** The song's message in {@code chat} as it should read now. */
    Message message(GroupSend send, ChatAddress chat) {
        List<Share> all = shares.sharesOfGroupSend(send.id());
        if (all.isEmpty()) {
            return Message.text("A song was shared here.");
        }
        Share first = all.getFirst();
        String sender = users.findUser(send.sender()).map(User::name)
                .filter(name -> !name.equals(User.SOMEONE_WHO_LEFT)).orElse("Someone who left");
        StringBuilder text = new StringBuilder("🎵 " + sender + " shared " + first.track().title());
        if (!first.pre().isEmpty()) {
            text.append('\n').append(Texts.note(first.pre()));
        }
        text.append('\n').append(first.track().id().link()).append("\n\n").append(progress(send, chat, all));
        // Edited without the outbox, so marked here as ChatPlatforms marks what it sends.
        return Message.text(TextDirection.leftToRight(text.toString()))
                .withChoices(List.of(new Choice("Count me in", COUNT_ME_IN)));
    }

    /** Up to {@value #NAMES_SHOWN} names, then how many more: the message stays one message however many played. */
    private static String names(List<String> played) {
        return Texts.names(played, NAMES_SHOWN);
    }

    /**
     * Who of those counted in played it, and whether it went to everyone counted in. Someone who keeps their plays
     * from the sender is not counted: the chat's message would tell the sender, and everyone else there, what they
     * chose not to share. When nobody is left to count only because of that (or because the sender stopped watching),
     * no count is shown: those people are still counted in here. Someone it never reached (undelivered) is not counted
     * either, as the sender's summary does not count them: they are among those it did not go to.
     */
    private String progress(GroupSend send, ChatAddress chat, List<Share> all) {
        List<Share> reached = all.stream().filter(ChatSongMessages::stillReached).toList();
        if (reached.isEmpty()) {
            return (all.stream().anyMatch(s -> s.status() == ShareStatus.LEFT_GROUP)
                    ? "Nobody it went to is counted in here any more. " : "It reached nobody counted in here. ")
                    + "Tap " + NEXT_ONES;
        }
        String tail = wentTo(missed(send, chat, all)) + "; tap " + NEXT_ONES;
        List<Share> counted = reached.stream()
                .filter(s -> s.status() != ShareStatus.CANCELLED && !s.receiptsOff()).toList();
        if (counted.isEmpty()) {
            return tail;
        }
        List<String> played = counted.stream().filter(s -> s.status() == ShareStatus.PLAYED)
                .map(s -> users.findUser(s.receiver()).map(User::name).orElse("someone")).sorted().toList();
        boolean open = counted.stream().anyMatch(s -> s.status().isOpen());
        String count = "Played by " + played.size() + " of " + counted.size() + (open ? " so far" : "");
        return (played.isEmpty() ? count + "." : count + ": " + names(played) + ".") + " " + tail;
    }

    /**
     * Whether the song reached the share's receiver and they are still among its people: not when it never reached
     * them, nor when they left since, unless they keep their plays from the sender, since leaving stops only a song
     * still unplayed, and the chat would tell everyone there that they had not played it.
     */
    private static boolean stillReached(Share share) {
        return share.status() != ShareStatus.UNDELIVERED
                && (share.status() != ShareStatus.LEFT_GROUP || Repeats.keptPrivate(share));
    }

    /**
     * How many of those counted in here since before the song was shared (the sender aside) it did not reach: every
     * song skips them (see {@link Headcount}), {@link ChatSend} left them out (they blocked the sender, have the song
     * already, it came from their message, they had as many songs from the sender as a day allows), or it was never
     * delivered. Only how many, never who or why: the sender is told that privately.
     */
    private long missed(GroupSend send, ChatAddress chat, List<Share> all) {
        Set<ChatAddress> reached = all.stream().filter(s -> s.status() != ShareStatus.UNDELIVERED)
                .map(Share::receiver).collect(Collectors.toSet());
        return store.membersOf(chat).stream().filter(member -> !member.joinedAt().isAfter(send.sentAt()))
                .map(CountedMember::person)
                .filter(person -> !person.equals(send.sender()) && !reached.contains(person)).count();
    }

    private static String wentTo(long missed) {
        return missed == 0 ? "It went privately to each person counted in here"
                : "It went privately to everyone counted in here but " + (missed == 1 ? "one" : String.valueOf(missed));
    }
}
