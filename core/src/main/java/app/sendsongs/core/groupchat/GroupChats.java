package app.sendsongs.core.groupchat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.GroupChat;
import app.sendsongs.core.chat.GroupChatAction;
import app.sendsongs.core.chat.GroupChatPlatform;
import app.sendsongs.core.chat.HandlingMarks;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.chat.Payload;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandParser;
import app.sendsongs.core.command.ParseResult;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The bot in group chats (Telegram groups): what people do there, answered there. Commands are {@code /send},
 * {@code /join}, {@code /leave}, {@code /who} and {@code /help}; the one button is <em>Count me in</em>. A person must
 * have connected with the bot privately first (their listening is watched, and songs reach them there); someone who
 * has not is pointed to the bot's private chat. Every tap is answered, with a notice only the tapper sees, so taps do
 * not fill the chat.
 */
public final class GroupChats {
    private static final Logger LOG = Logger.getLogger(GroupChats.class.getName());
    /** What a {@code /leave} marks before it counts the person out ({@link #countOut}). */
    private static final String COUNTED_OUT = "/leave counted the person out";
    /** What the private-chat link carries when it comes from a group chat. */
    static final String FROM_GROUP = "group";
    private static final String WHAT_WORKS_HERE = "Here: /send <Spotify link> <note>, /join, /leave, /who.";
    private static final CommandParser PARSER = new CommandParser();

    private final GroupChatPlatforms platforms;
    private final Roster roster;
    private final ChatSend send;
    private final UserStore users;
    private final Outbox outbox;
    private final ChatMove move;
    private final ChatSongMessages songMessages;
    private final Headcount headcount;
    private final HandlingMarks marks;

    public GroupChats(GroupChatPlatforms platforms, Roster roster, ChatSend send, UserStore users, Outbox outbox,
                      ChatMove move, ChatSongMessages songMessages, Headcount headcount, HandlingMarks marks) {
        this.headcount = headcount;
        this.marks = marks;
        this.outbox = outbox;
        this.move = move;
        this.songMessages = songMessages;
        this.platforms = platforms;
        this.roster = roster;
        this.send = send;
        this.users = users;
    }

    /**
     * What someone not connected yet who opened the private chat from a group chat (its "Count me in" sends them there
     * with a notice that goes in a moment) is told before the welcome; empty for any other link. Who tapped Count me in
     * (or sent {@code /join}) there is counted in once connected; anyone else is told to tap it.
     */
    public Optional<String> backToTheChat(String ref, ChatAddress newcomer) {
        if (!FROM_GROUP.equals(ref)) {
            return Optional.empty();
        }
        return Optional.of(roster.taps().waiting(newcomer)
                ? "Once you've connected, you're counted in for the group chat where you tapped Count me in."
                : "Once you've connected, go back to the group chat and tap Count me in there to get the songs "
                        + "shared in it.");
    }

    /**
     * {@code person}, registered just now: counted in for the chat where they tapped Count me in (or sent {@code /join})
     * before connecting, if that tap is kept and they are still in the chat, as a tap now would; what to tell them,
     * after the welcome. Empty when no tap is kept, or they are no longer in the chat.
     */
    public Optional<Message> registered(User person) {
        Optional<ChatAddress> tapped = roster.taps().take(person.address());
        Optional<GroupChatPlatform> platform = tapped.flatMap(platforms::of);
        if (platform.isEmpty()
                || platform.get().membership(tapped.get().id(), person.address().id())
                == GroupChatPlatform.Membership.OUT) {
            return Optional.empty();
        }
        Optional<String> called = platform.get().title(tapped.get().id());
        String title = called.orElse("the group chat");
        return Optional.of(Message.text(switch (roster.join(tapped.get(), called, person.address())) {
            case JOINED, ALREADY -> "You're counted in for " + title + ": songs shared there come to you.";
            case FULL -> "You tapped Count me in in " + title + ", but already " + Roster.MOST_COUNTED + " people "
                    + "are counted in for it, the most one chat can have.";
        }));
    }

    /** Someone not registered asked to be forgotten: the Count me in they tapped before connecting goes. */
    public void forgetTap(ChatAddress newcomer) {
        roster.taps().forget(newcomer);
    }

    /** Whether songs shared in some group chat come to the person (they are counted in there). */
    public boolean countsIn(ChatAddress person) {
        return roster.countedInAnywhere(person);
    }

    /**
     * What someone listing their groups is also told: how many group chats they are counted in for, whose songs come to
     * them as a group's do, and how those stop. Empty when none: a group chat is none of their groups.
     */
    public Optional<String> countedInLine(ChatAddress person) {
        int chats = roster.chatsCountingIn(person);
        if (chats == 0) {
            return Optional.empty();
        }
        return Optional.of(chats == 1
                ? "You're counted in for 1 group chat: songs shared there come to you here, and /leave sent in that "
                        + "chat stops them."
                : "You're counted in for " + chats + " group chats: songs shared there come to you here, and /leave "
                        + "sent in one of them stops its songs.");
    }

    /**
     * What a group chat's own command typed in the private chat ({@code /join}, {@code /leave}, {@code /who}, as the
     * chat's welcome and {@code /help groups} name them) gets: where it works, and for {@code /leave} which chats
     * count the person in. Empty for any other text, and on a platform without group chats.
     */
    public Optional<String> onlyInAChat(String typed, ChatAddress person) {
        if (platforms.of(person).isEmpty()) {
            return Optional.empty();
        }
        String word = typed.strip().toLowerCase(Locale.ROOT);
        return switch (word) {
            case "/join" -> Optional.of("/join works in a group chat, not here: send it there, or tap Count me in under "
                    + "my message there, to get the songs shared in it.");
            case "/leave" -> Optional.of("/leave works in a group chat, not here: send it in the chat whose songs "
                    + "should stop." + countedInLine(person).map(line -> "\n" + line)
                    .orElse(" You're not counted in for any group chat."));
            case "/who" -> Optional.of("/who works in a group chat, not here: send it there to see whom the songs "
                    + "shared in it go to.");
            default -> Optional.empty();
        };
    }

    public void handle(Inbound.InGroupChat event) {
        Optional<GroupChatPlatform> platform = platforms.of(event.chat().address());
        if (platform.isEmpty()) {
            LOG.warning("an event of a group chat on a platform without group chats was ignored");
            return;
        }
        GroupChat chat = event.chat();
        if (!(event.action() instanceof GroupChatAction.Moved)) {
            move.catchUp(chat.address());
        }
        switch (event.action()) {
            case GroupChatAction.Command command ->
                    command(chat, platform.get(), event, command).ifPresent(reply -> post(chat, reply));
            case GroupChatAction.Tap tap -> tap(chat, platform.get(), event.from(), tap);
            case GroupChatAction.Edited edited -> post(chat, Message.text(Inbound.Edited.ANSWER));
            case GroupChatAction.BotAdded added -> botAdded(chat, event.from(), platform.get());
            case GroupChatAction.Renamed renamed -> roster.renamed(chat);
            case GroupChatAction.BotRemoved removed -> botRemoved(chat, event.from());
            case GroupChatAction.MemberLeft left -> roster.leave(chat.address(), left.member());
            case GroupChatAction.Moved moved -> move.move(chat.address(), moved.to());
        }
    }

    /**
     * The bot was removed from the chat ({@code by} removed it): everyone counted in is counted out (and kept for
     * its return, {@link Roster#botLeft}), and told so privately first, but for whoever removed it, who knows.
     * Otherwise the songs would stop without a word. Told before the count: an event cut short between the two tells
     * the same people again under the same ids, which go once.
     */
    private void botRemoved(GroupChat chat, ChatAddress by) {
        Message told = Message.text("I was removed from " + chat.title() + ", so the songs shared there no longer "
                + "come to you. If someone adds me back within " + Roster.KEPT_FOR.toDays() + " days while you're "
                + "still in it, you're counted in again; after that, tap Count me in there again.");
        roster.members(chat.address()).stream().map(CountedMember::person).filter(person -> !person.equals(by))
                .forEach(person -> outbox.notify(person, told));
        roster.botLeft(chat.address());
    }

    /**
     * The bot was added to the chat ({@code addedBy} added it): its welcome, or, back within {@link Roster#KEPT_FOR} of
     * leaving (also at the chat's new address, when it moved meanwhile: {@link Roster#keptAndStillIn}), whoever was
     * counted in then and is still in the chat is counted in again, and the chat is told how many. Said before they
     * are: an event cut short after it finds the same people and says it again under the same id, which goes once.
     * Then the song messages that changed meanwhile are brought up to date.
     */
    private void botAdded(GroupChat chat, ChatAddress addedBy, GroupChatPlatform platform) {
        Optional<List<CountedMember>> back = roster.keptAndStillIn(chat.address(), addedBy, platform);
        post(chat, back.map(members -> welcomeBack(chat, members.size())).orElseGet(() -> welcome(chat, platform)));
        back.ifPresent(members -> roster.countInAgain(chat, members));
        songMessages.botBack(chat.address());
    }

    private Optional<Message> command(GroupChat chat, GroupChatPlatform platform, Inbound.InGroupChat event,
                                      GroupChatAction.Command command) {
        ChatAddress from = event.from();
        Optional<User> user = users.findUser(from);
        return switch (command.name().toLowerCase(Locale.ROOT)) {
            case "send", "send_song" -> user.isEmpty() ? Optional.of(connectFirst(platform, "share songs here"))
                    : send.send(chat, platform, user.get(), command, event.at());
            case "join", "in" -> Optional.of(user.map(u -> joined(chat, u)).orElseGet(() -> {
                roster.taps().keep(from, chat.address());
                return connectFirst(platform, "be counted in");
            }));
            case "leave", "out" -> Optional.of(left(countOut(chat, from, event.at()), user));
            case "who", "members" -> Optional.of(who(chat));
            case "help", "start" -> Optional.of(asksForOwnGroups(command.arguments())
                    ? Message.text("Groups of your own (made, filled, left) are kept in our private chat: "
                    + platform.privateChatLink(FROM_GROUP) + ". " + WHAT_WORKS_HERE)
                    : welcome(chat, platform));
            default -> Optional.of(Message.text((privateCommand(command.name())
                    ? "/" + command.name() + " works in our private chat, not here: " + platform.privateChatLink(FROM_GROUP)
                    + ". Here: /send <Spotify link> <note>, /join, /leave, /who."
                    : "I don't know /" + command.name() + " in a group. Here: /send <Spotify link> <note>, /join, "
                    + "/leave, /who. Everything else in our private chat: " + platform.privateChatLink(FROM_GROUP))));
        };
    }

    /** Whether {@code name} is one of the private chat's commands ({@code pending}, {@code history}, ...). */
    private static boolean privateCommand(String name) {
        return !(PARSER.parse(name) instanceof ParseResult.Unknown);
    }

    /**
     * Whether the words the bot was asked with (mentioned in the chat, no link) ask for one of the person's own groups
     * in plain words ("leave Family", "add Bob to Family", "who is in Family?"): those are the private chat's, and the
     * chat's welcome, which says {@code /leave} counts them out here, would point them to the wrong one.
     */
    private static boolean asksForOwnGroups(String words) {
        return !words.isBlank() && PARSER.parse(words) instanceof ParseResult.Parsed(Command.GroupCommand command);
    }

    private void tap(GroupChat chat, GroupChatPlatform platform, ChatAddress from, GroupChatAction.Tap tap) {
        Optional<User> user = users.findUser(from);
        if (!tap.payload().strip().equalsIgnoreCase(ChatSongMessages.COUNT_ME_IN)) {
            platform.answerTap(tap.tapId(), Payload.NOT_USED_ANY_MORE, Optional.empty());
            return;
        }
        if (user.isEmpty()) {
            roster.taps().keep(from, chat.address());
            platform.answerTap(tap.tapId(), "Connect with me first (I've opened our chat): once you have, you're "
                    + "counted in here.", Optional.of(platform.privateChatLink(FROM_GROUP)));
            return;
        }
        // A tap may come from someone who sees the chat without being in it (who just left, or a public group seen
        // from outside): they would be told they are in, and named by /who, while no song could reach them.
        if (platform.membership(chat.address().id(), from.id()) == GroupChatPlatform.Membership.OUT) {
            platform.answerTap(tap.tapId(), "Only people in " + chat.title() + " can be counted in for it.",
                    Optional.empty());
            return;
        }
        Roster.Joined joined = roster.join(chat, user.get().address());
        Headcount.Standing standing = headcount.standing(user.get());
        if (joined != Roster.Joined.FULL && standing != Headcount.Standing.REACHED) {
            platform.answerTap(tap.tapId(), songsDoNotReachYou(joined, user.get(), standing),
                    Optional.of(platform.privateChatLink(FROM_GROUP)));
            return;
        }
        String notice = switch (joined) {
            case JOINED -> "You're in: songs shared in " + chat.title() + " come to you privately.";
            case ALREADY -> "You're already counted in for " + chat.title() + ".";
            case FULL -> full(chat);
        };
        platform.answerTap(tap.tapId(), notice, Optional.empty());
    }

    /**
     * The tap's notice to someone counted in whom songs do not reach (only they see it, so it can say why), with their
     * private chat opened, where writing makes them reachable again and {@code /connect} reconnects their listening. No
     * chat title: a notice is cut at 200 characters, and a long title would cut off what to do.
     */
    private static String songsDoNotReachYou(Roster.Joined joined, User user, Headcount.Standing standing) {
        String in = joined == Roster.Joined.JOINED ? "You're in" : "You're counted in already";
        if (standing == Headcount.Standing.DISCONNECTED) {
            return in + ", but your " + user.connection().kind().displayName() + " connection has ended, so the "
                    + "songs shared here don't reach you. Send /connect in our chat (I've opened it) to reconnect.";
        }
        return in + ", but I can't reach you: you've blocked me or stopped me in your chat app. Write to me in our "
                + "chat (I've opened it) to get the songs shared here.";
    }

    /**
     * Said in the chat; someone songs do not reach is named so, as {@code /who} names them: whoever can't be reached
     * with no reason.
     */
    private Message joined(GroupChat chat, User user) {
        Roster.Joined joined = roster.join(chat, user.address());
        Headcount.Standing standing = headcount.standing(user);
        if (joined != Roster.Joined.FULL && standing != Headcount.Standing.REACHED) {
            return Message.text(user.name() + " is counted in" + (joined == Roster.Joined.ALREADY ? " already" : "")
                    + (standing == Headcount.Standing.DISCONNECTED ? ", but isn't getting songs "
                    + Headcount.UNTIL_THEY_RECONNECT : ", but can't be reached right now " + Headcount.UNTIL_THEY_WRITE)
                    + ".");
        }
        return Message.text(switch (joined) {
            case JOINED -> user.name() + " is counted in: songs shared here now reach "
                    + Texts.people(headcount.of(chat.address()).reached().size()) + ".";
            case ALREADY -> user.name() + " is counted in already.";
            case FULL -> full(chat);
        });
    }

    /**
     * {@code /leave} from someone in the chat {@code sentAt}: counts them out; whether they were counted in. Marked
     * first ({@link HandlingMarks}): handled again after a crash once they were counted out, it finds them not counted
     * in, and still answers as its first run would have. The answer goes after the count: anything shared once it is
     * seen no longer goes to them.
     */
    private boolean countOut(GroupChat chat, ChatAddress from, Instant sentAt) {
        boolean counted = roster.countedIn(chat.address(), from);
        if (counted) {
            marks.mark(COUNTED_OUT, sentAt);
        }
        roster.leave(chat.address(), from);
        return counted || marks.marked(COUNTED_OUT);
    }

    /** Someone the bot does not know (not registered, or gone since) is answered as "you". */
    private static Message left(boolean counted, Optional<User> user) {
        return Message.text(user.map(User::name).map(name -> counted
                        ? name + " is counted out: songs shared here no longer go to them."
                        : name + " wasn't counted in here.")
                .orElse(counted ? "You're counted out: songs shared here no longer go to you."
                        : "You weren't counted in here."));
    }

    private Message who(GroupChat chat) {
        return Message.text(headcount.who(chat.address())).withChoices(countMeIn());
    }

    private static String full(GroupChat chat) {
        return "Already " + Roster.MOST_COUNTED + " people are counted in for " + chat.title()
                + ", the most one chat can have.";
    }

    private static Message connectFirst(GroupChatPlatform platform, String toDo) {
        URI link = platform.privateChatLink(FROM_GROUP);
        return Message.text("To " + toDo + ", connect with me first in our private chat: " + link
                + " (I watch what you play there, and songs reach you there).");
    }

    private static Message welcome(GroupChat chat, GroupChatPlatform platform) {
        return Message.text("Hi " + chat.title() + "! I'm Send Songs. Share a Spotify song here with /send <link> "
                + "<a note, if you like>, or answer a message that has a link with /send: it goes privately to "
                + "everyone counted in, and whoever shared it hears who played it. Tap Count me in (or /join) to be "
                + "counted in, /leave to stop. First time? Connect with me in our private chat: "
                + platform.privateChatLink(FROM_GROUP)).withChoices(countMeIn());
    }

    /**
     * The bot added back to a chat where people were counted in when it left ({@link Roster#KEPT_FOR} ago at most):
     * how many of them are counted in again, as still in the chat, and how the others are.
     */
    private static Message welcomeBack(GroupChat chat, int back) {
        String again = back == 0 ? "Nobody who was counted in before is still here"
                : Texts.people(back) + " who " + (back == 1 ? "was counted in before still is" : "were counted in "
                + "before still are") + ": songs shared here reach them again";
        return Message.text("I'm back, " + chat.title() + "! " + again + ". Others can tap Count me in (or /join) to "
                + "be counted in, /leave to stop. Share a Spotify song here with /send <link> <a note, if you like>.")
                .withChoices(countMeIn());
    }

    private static List<Choice> countMeIn() {
        return List.of(new Choice("Count me in", ChatSongMessages.COUNT_ME_IN));
    }

    /**
     * Posts in the chat through the outbox, as the event's next notice there: the event handled again after a cut
     * short finds it held or sent, and a post the chat's rate limit holds back goes out later, in order. What happened
     * in one of the chat's topics is answered in that topic.
     */
    private void post(GroupChat chat, Message message) {
        outbox.notify(chat.answersTo(), message);
    }
}
