package app.sendsongs.core.groupchat;

import app.sendsongs.core.chat.GroupChat;
import app.sendsongs.core.chat.GroupChatPlatform;
import app.sendsongs.core.group.GroupShareWithdrawal;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who a group chat's songs go to. A platform does not let the bot list a group's members, so the bot keeps the list
 * itself: a person is counted in by tapping <em>Count me in</em> under one of the bot's messages in the chat, by
 * {@code /join}, or by sharing a song there; they are counted out by {@code /leave}, by leaving the chat, when the
 * bot leaves it, or by {@code forget_me}. Before each song the platform confirms that each person counted in is still in the chat; whoever
 * is not is counted out. Counting out stops the songs of that chat still open for the person, as leaving a group does.
 * Whoever was counted in when the bot left a chat is kept for {@link #KEPT_FOR}, and counted in again if the bot is
 * added back meanwhile and they are still in the chat. Each person counted in carries the chat's title as learnt from
 * the chat's own events, so that what a chat is called needs no question to the platform.
 */
public final class Roster {
    /** At most this many people are counted in for one chat: one song is a message and a watched receiver each. */
    public static final int MOST_COUNTED = 50;
    /** How long those counted in when the bot left a chat are kept for its return. */
    public static final Duration KEPT_FOR = Duration.ofDays(30);
    /** The most chats, kept for whoever adds the bot to a chat, the platform is asked whether they moved there. */
    static final int MOVES_ASKED = 5;

    private final GroupChatStore store;
    private final GroupShareWithdrawal withdrawal;
    private final Clock clock;
    private final WaitingTaps taps;

    public Roster(GroupChatStore store, GroupShareWithdrawal withdrawal, Clock clock) {
        this.store = store;
        this.withdrawal = withdrawal;
        this.clock = clock;
        this.taps = new WaitingTaps(store, clock);
    }

    /** The Count me in taps of people not connected yet, kept until they have. */
    WaitingTaps taps() {
        return taps;
    }

    /** What counting a person in did. */
    public enum Joined { JOINED, ALREADY, FULL }

    /** Counts the person in for the chat of an event, which says what the chat is called now. */
    public Joined join(GroupChat chat, ChatAddress person) {
        return join(chat.address(), Optional.of(chat.title()), person);
    }

    /**
     * Counts the person in, with the chat's title when known. Someone counted in already keeps their first time; a
     * title that differs from the one kept (kept before titles were, or missed) becomes everyone's in the chat.
     */
    public Joined join(ChatAddress chat, Optional<String> title, ChatAddress person) {
        List<CountedMember> members = store.membersOf(chat);
        if (members.stream().anyMatch(member -> member.person().equals(person))) {
            title.filter(now -> members.stream().anyMatch(member -> !member.title().equals(Optional.of(now))))
                    .ifPresent(now -> store.retitle(chat, now));
            return Joined.ALREADY;
        }
        if (members.size() >= MOST_COUNTED) {
            return Joined.FULL;
        }
        if (!store.addMember(new CountedMember(chat, person, clock.instant(), title))) {
            return Joined.ALREADY;
        }
        if (beyondLimit(chat)) {
            store.removeMember(chat, person);
            return Joined.FULL;
        }
        return Joined.JOINED;
    }

    /**
     * Whether the chat went over its limit with this person: others counted in at the same moment on other workers saw
     * the same room. Each who finds the chat over gives way, so it never goes over; when two came at once, both may
     * give way, and tapping again counts one in.
     */
    private boolean beyondLimit(ChatAddress chat) {
        return store.membersOf(chat).size() > MOST_COUNTED;
    }

    /** Whether the person is counted in for {@code chat}. */
    public boolean countedIn(ChatAddress chat, ChatAddress person) {
        return store.membersOf(chat).stream().anyMatch(member -> member.person().equals(person));
    }

    /** Whether the person is counted in for any chat. */
    public boolean countedInAnywhere(ChatAddress person) {
        return !store.chatsOf(person).isEmpty();
    }

    /** How many group chats the person is counted in for. */
    public int chatsCountingIn(ChatAddress person) {
        return store.chatsOf(person).size();
    }

    /**
     * Counts the person out and stops the chat's songs still open for them (also when they were not counted in: a run
     * cut short after counting them out stops the rest when done again).
     */
    public void leave(ChatAddress chat, ChatAddress person) {
        store.removeMember(chat, person);
        withdrawal.withdraw(chat.key(), person);
    }

    /** Who is counted in for the chat. */
    public List<CountedMember> members(ChatAddress chat) {
        return store.membersOf(chat);
    }

    /**
     * The people counted in who are still in the chat, as the platform confirms one by one; those it says left are
     * counted out. Someone the platform cannot answer about now stays counted in.
     */
    public List<ChatAddress> stillInChat(ChatAddress chat, GroupChatPlatform platform) {
        List<ChatAddress> present = new ArrayList<>();
        for (CountedMember member : store.membersOf(chat)) {
            if (platform.membership(chat.id(), member.person().id()) == GroupChatPlatform.Membership.OUT) {
                leave(chat, member.person());
            } else {
                present.add(member.person());
            }
        }
        return present;
    }

    /**
     * The person is being forgotten: they are counted out of every chat, as if they had left each, and a Count me in
     * they tapped before connecting is kept no longer.
     */
    public void forget(ChatAddress person) {
        store.chatsOf(person).forEach(counted -> leave(counted.chat(), person));
        taps.forget(person);
    }

    /**
     * The chat goes on at {@code to} (a group upgraded to a supergroup): everyone counted in is counted in there, since
     * the time they joined, and nobody at the old address. Someone counted in at both keeps the earlier time.
     */
    public void move(ChatAddress from, ChatAddress to) {
        for (CountedMember member : store.membersOf(from)) {
            store.addMember(new CountedMember(to, member.person(), member.joinedAt(), member.title()));
        }
        store.removeChat(from);
    }

    /**
     * The bot left the chat: nobody is counted in any more (songs already delivered go on being watched), and whoever
     * was is kept for {@link #KEPT_FOR}.
     */
    public void botLeft(ChatAddress chat) {
        store.keepMembers(chat, clock.instant().plus(KEPT_FOR));
    }

    /**
     * The bot is back in the chat ({@code addedBy} added it): of those kept since it left ({@link #botLeft}), whoever
     * the platform confirms is still in the chat, as they were counted in (each with the chat they are kept for).
     * Those kept for a chat that has moved here meanwhile ({@link #keptBeforeMoving}) count too. Empty when nobody was
     * kept (the bot is new to the chat, or was away longer than {@link #KEPT_FOR}). Changes nothing:
     * {@link #countInAgain} does.
     */
    public Optional<List<CountedMember>> keptAndStillIn(ChatAddress chat, ChatAddress addedBy,
                                                        GroupChatPlatform platform) {
        List<CountedMember> kept = store.keptMembersOf(chat, clock.instant());
        if (kept.isEmpty()) {
            kept = keptBeforeMoving(chat, addedBy, platform);
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(kept.stream().filter(member -> platform.membership(chat.id(), member.person().id())
                == GroupChatPlatform.Membership.IN).toList());
    }

    /**
     * Those kept for the chat {@code chat} was before it moved here while the bot was away (a Telegram group upgraded
     * to a supergroup then: the bot, out of it, was told nothing): the move is learnt now, from the chats whoever added
     * the bot is kept for (at most {@link #MOVES_ASKED} of them, each asked of the platform), the one whose old id the
     * platform says goes on here. Empty when none did.
     */
    private List<CountedMember> keptBeforeMoving(ChatAddress chat, ChatAddress addedBy, GroupChatPlatform platform) {
        return store.chatsKeptFor(addedBy, clock.instant()).stream().map(CountedMember::chat)
                .filter(old -> old.platform() == chat.platform() && !old.equals(chat)).limit(MOVES_ASKED)
                .filter(old -> platform.movedTo(old.id()).filter(chat.id()::equals).isPresent()).findFirst()
                .map(old -> store.keptMembersOf(old, clock.instant())).orElse(List.of());
    }

    /**
     * Counts the people {@link #keptAndStillIn} found in again, since their first time, with the chat's title now, and
     * keeps nobody for the chat any more (nor for the chat it was before it moved, whose people these were). Cut short
     * and done again, whoever it counted in already stays so once.
     */
    public void countInAgain(GroupChat chat, List<CountedMember> back) {
        back.forEach(member -> store.addMember(new CountedMember(chat.address(), member.person(), member.joinedAt(),
                Optional.of(chat.title()))));
        back.stream().map(CountedMember::chat).filter(old -> !old.equals(chat.address())).distinct()
                .forEach(store::dropKept);
        store.dropKept(chat.address());
    }

    /** The chat was renamed: its new title is kept with everyone counted in for it. */
    public void renamed(GroupChat chat) {
        store.retitle(chat.address(), chat.title());
    }
}
