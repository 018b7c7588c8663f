package app.sendsongs.core.share;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandParser;
import app.sendsongs.core.command.ParseResult;
import app.sendsongs.core.share.TellingApart.Description;
import app.sendsongs.core.share.TellingApart.Fact;
import app.sendsongs.core.shared.Handles;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * When a name matches several people: asks which one was meant (never picking the first), keeps the question with
 * the original command, and reads the numbered answer. The question tells the people apart only as a friend
 * would: the groups they are in with the asker, songs exchanged, their platform, and when they joined; never an
 * account id. The question's last tap, after the people (and after the invite of "did you mean"), is not to run the
 * command: Don't send, for a song; a no typed at the question (a bare {@code cancel} among them, {@link
 * WordsForTaps}) is that tap.
 */
public final class WhichPerson {
    /** How long a "which one?" question stays open (one about groups too). */
    public static final Duration CHOICE_LIFETIME = Duration.ofMinutes(10);
    /** The answer to a tap or number when no question it answers is open. */
    public static final String NOT_WAITING = "I'm not waiting for an answer from you.";
    /** A chat app named as the answer to "which one?": "telegram", "the one on messenger", "the telegram one". */
    private static final Pattern ON_THE_APP = Pattern.compile("(?:the )?(?:one )?(?:on )?(?<app>\\p{L}+)(?: one)?");
    /** People offered at most: one tap each, and one for the last tap (a platform shows 13). */
    static final int MAX_CANDIDATES = Message.MAX_CHOICES - 1;
    private static final String DONT_SEND = "Don't send";
    private static final String NEVER_MIND = "Never mind";
    private static final CommandParser PARSER = new CommandParser();

    private final ChoiceStore choices;
    private final UserStore users;
    private final ShareStore shares;
    private final Acquaintances acquaintances;
    private final Clock clock;

    public WhichPerson(ChoiceStore choices, UserStore users, ShareStore shares, Acquaintances acquaintances,
                       Clock clock) {
        this.choices = choices;
        this.users = users;
        this.shares = shares;
        this.acquaintances = acquaintances;
        this.clock = clock;
    }

    /** The answer to a question: the person picked, a no to its command, or the reply to send instead. */
    public sealed interface Answer {
        record Picked(User person) implements Answer {
        }

        record Dropped() implements Answer {
        }

        record Unusable(String reply) implements Answer {
        }
    }

    /**
     * Keeps the question (with {@code commandText}, to finish it later) and returns it, the people as taps, then one
     * not to run the command (Don't send, or Never mind).
     */
    public Message ask(User asker, List<User> candidates, String commandText) {
        List<User> offered = candidates.subList(0, Math.min(MAX_CANDIDATES, candidates.size()));
        PendingChoice question = new PendingChoice(asker.address(), commandText,
                offered.stream().map(User::address).toList(), clock.instant().plus(CHOICE_LIFETIME));
        choices.saveChoice(question);
        return whichOne(asker, question, offered);
    }

    /** "Which one?" as {@link #ask} asks it, {@code offered} being the people of {@code question}. */
    private Message whichOne(User asker, PendingChoice question, List<User> offered) {
        boolean oneName = offered.stream().map(User::nameKey).distinct().count() == 1;
        StringBuilder text = new StringBuilder(oneName
                ? offered.size() + " people are called " + offered.getFirst().name() + ". Which one?"
                : "That name fits " + offered.size() + " people. Which one?");
        List<Choice> taps = new ArrayList<>();
        List<Description> descriptions = describe(asker, offered, songsSent(asker, question));
        for (int i = 0; i < offered.size(); i++) {
            User candidate = offered.get(i);
            Description description = descriptions.get(i);
            String number = Integer.toString(i + 1);
            text.append("\n").append(number).append(". ").append(candidate.name()).append(" — ")
                    .append(description.line());
            taps.add(new Choice(number + ". " + (oneName ? description.tapTitle(candidate) : candidate.name()),
                    Command.Choose.payload(i + 1, question.key())));
        }
        taps.add(lastTap(question, false));
        return Message.text(text.toString()).withChoices(taps);
    }

    /**
     * Asks whether a name that matched nobody meant one of the asker's contacts with a close name (see
     * {@link FriendFinder#closeContacts}), each a tap, then a tap inviting the name as typed, then Don't send. The
     * question is kept as {@link #ask} keeps it; the answer after the last contact is the invite ({@link #invites}).
     */
    public Message askAboutTypo(User asker, String typed, List<User> close, String commandText) {
        PendingChoice question = new PendingChoice(asker.address(), commandText,
                close.stream().map(User::address).toList(), clock.instant().plus(CHOICE_LIFETIME));
        choices.saveChoice(question);
        return didYouMean(asker, typed, question, close);
    }

    /** "Did you mean" as {@link #askAboutTypo} asks it, {@code close} being the people of {@code question}. */
    private Message didYouMean(User asker, String typed, PendingChoice question, List<User> close) {
        List<Choice> taps = new ArrayList<>();
        List<Description> descriptions = describe(asker, close);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < close.size(); i++) {
            User candidate = close.get(i);
            boolean namesakes = close.stream().filter(u -> u.nameKey().equals(candidate.nameKey())).count() > 1;
            taps.add(new Choice(namesakes ? descriptions.get(i).tapTitle(candidate) : candidate.name(),
                    Command.Choose.payload(i + 1, question.key())));
            names.add(candidate.name() + (namesakes ? " (" + descriptions.get(i).tellingLine() + ")" : ""));
        }
        Optional<String> handle = Handles.typed(typed);
        taps.add(new Choice("Invite " + handle.map(h -> "@" + h).orElseGet(() -> Names.quoted(typed)),
                Command.Choose.payload(close.size() + 1, question.key())));
        taps.add(lastTap(question, true));
        String meant = names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
        String unknown = handle.map(h -> "Nobody with the username @" + h + " has connected with me yet.")
                .orElseGet(() -> "I don't know anyone called " + Names.quoted(typed) + ".");
        return Message.text(unknown + " Did you mean " + meant + "?").withChoices(taps);
    }

    /**
     * The open {@code question} asked again after {@code lead}, with its taps as they were: on Messenger only the
     * newest message shows them. Just {@code lead} when someone it offered is no longer registered, as its numbers
     * could then no longer be shown as they were.
     */
    public Message askAgain(User asker, PendingChoice question, String lead) {
        List<User> offered = question.candidates().stream().map(users::findUser).flatMap(Optional::stream).toList();
        if (offered.size() < question.candidates().size()) {
            return Message.text(lead.strip());
        }
        Message asked = inviteOffered(question)
                ? didYouMean(asker, command(question).flatMap(WhichPerson::nameTyped).orElseThrow(), question, offered)
                : whichOne(asker, question, offered);
        return asked.withLead(lead);
    }

    /**
     * The answer to a {@code number} that answers nothing of the open {@code question} about people: the question
     * again, with its taps. Empty for a number it takes (a person, the invite of "did you mean", its last tap).
     */
    public Optional<Message> outOfRange(User asker, PendingChoice question, int number) {
        boolean inviteOffered = inviteOffered(question);
        int answers = question.candidates().size() + (inviteOffered ? 1 : 0);
        return number >= 1 && number <= answers + 1 ? Optional.empty()
                : Optional.of(askAgain(asker, question, "Please answer with a number from 1 to " + answers + ".\n"));
    }

    /** Whether {@code number} answers a question asked by {@link #askAboutTypo} with its last tap, the invite. */
    public static boolean invites(PendingChoice choice, int number) {
        return number == choice.candidates().size() + 1;
    }

    /**
     * Whether the question about {@code typed} was "did you mean" ({@link #askAboutTypo}), which ends with the tap to
     * invite the name as typed: none of the people it offered has that name, where "which one?" offers only people
     * who have it. Told from the people offered, not from who has the name now: someone may have registered under
     * it since the question.
     */
    public boolean askedAboutTypo(PendingChoice choice, String typed) {
        return choice.candidates().stream().map(users::findUser).flatMap(Optional::stream)
                .noneMatch(person -> FriendFinder.isNamed(person, typed));
    }

    /**
     * The title of a tap for each of {@code people}, in order: their name, or, for people who share a name with
     * another of them, their first name and what tells them apart (as "which one?" tells them, {@link #describe}), so
     * that no two taps look alike: two friends called Bob Fisher, one on each chat app, show as "Bob · Messenger" and
     * "Bob · Telegram".
     */
    public List<String> tapTitles(User asker, List<User> people) {
        List<User> namesakes = people.stream().filter(person -> people.stream()
                .filter(other -> other.nameKey().equals(person.nameKey())).count() > 1).toList();
        // told apart only when there are namesakes: most lists have none, and cost no reads of groups and contacts
        List<Description> descriptions = namesakes.isEmpty() ? List.of() : describe(asker, namesakes);
        return people.stream().map(person -> namesakes.contains(person)
                ? descriptions.get(namesakes.indexOf(person)).tapTitle(person) : person.name()).toList();
    }

    /**
     * What tells one person offered from the others, as a friend would know it: a group they share with the asker,
     * that they exchanged songs with the asker, the platform they are on (when the people offered are not all on the
     * same one), and the day they joined, with the time when two of the same name would look alike without it, and
     * the order they joined in when even the minute would.
     */
    private List<Description> describe(User asker, List<User> offered) {
        return describe(asker, offered, person -> List.of());
    }

    /** As {@link #describe(User, List)}, each person's facts after {@code first}'s of them. */
    private List<Description> describe(User asker, List<User> offered, Function<User, List<Fact>> first) {
        return TellingApart.describe(acquaintances, asker.address(), acquaintances.contactsOf(asker.address()), offered,
                first);
    }

    /**
     * For a question about whose songs the asker takes, and how (block, unblock, receipts): the latest song each person
     * offered sent the asker, which tells a friend from a namesake who sent them something else. None for other
     * questions.
     */
    private Function<User, List<Fact>> songsSent(User asker, PendingChoice question) {
        boolean aboutSenders = command(question).filter(command -> command instanceof Command.Block
                || command instanceof Command.Unblock || command instanceof Command.Receipts).isPresent();
        if (!aboutSenders) {
            return person -> List.of();
        }
        List<Share> received = shares.sharesReceivedBy(asker.address()); // newest first
        return person -> received.stream().filter(share -> share.sender().equals(person.address())).findFirst()
                .map(share -> List.of(new Fact("sent you " + share.track().title(), share.track().name())))
                .orElse(List.of());
    }


    /** Whether {@code choice} is a question about people ({@link #ask}, {@link #askAboutTypo}). */
    public static boolean asks(PendingChoice choice) {
        return !choice.candidates().isEmpty();
    }

    /**
     * The payload of the question's last tap, not to run its command, when {@code typed} means it: its title or a no
     * ({@link WordsForTaps}); of its one person, for a yes to "did you mean" one person. Empty for other words, and
     * when {@code question} is not about people.
     */
    public Optional<String> tapMeant(PendingChoice question, String typed) {
        if (!asks(question)) {
            return Optional.empty();
        }
        boolean inviteOffered = inviteOffered(question);
        if (inviteOffered && question.candidates().size() == 1 && WordsForTaps.saysYes(typed)) {
            return Optional.of(Command.Choose.payload(1, question.key())); // "Did you mean Carol King?" "Yes"
        }
        Optional<String> onTheApp = onTheAppNamed(question, typed);
        if (onTheApp.isPresent()) {
            return onTheApp;
        }
        return WordsForTaps.saysNo(typed, lastTitle(question))
                ? Optional.of(lastTap(question, inviteOffered).payload()) : Optional.empty();
    }

    /**
     * The tap of the one person offered on the chat app {@code typed} names ("telegram", "the one on Messenger",
     * "Telegram one"): what "which one?" tells namesakes on two apps apart by. Empty when it names no app, or when
     * more than one of the people offered (or none) is on it.
     */
    private static Optional<String> onTheAppNamed(PendingChoice question, String typed) {
        Matcher app = ON_THE_APP.matcher(WordsForTaps.key(typed));
        if (!app.matches()) {
            return Optional.empty();
        }
        List<Integer> onIt = IntStream.range(0, question.candidates().size()).boxed()
                .filter(i -> question.candidates().get(i).platform().displayName().equalsIgnoreCase(app.group("app")))
                .toList();
        return onIt.size() == 1 ? Optional.of(Command.Choose.payload(onIt.getFirst() + 1, question.key()))
                : Optional.empty();
    }

    /** Whether {@code question} is "did you mean", which offers to invite the name as typed after the people. */
    private boolean inviteOffered(PendingChoice question) {
        return command(question).flatMap(WhichPerson::nameTyped)
                .filter(name -> askedAboutTypo(question, name)).isPresent();
    }

    /** The last tap of {@code question}: the number after the people, and after the invite of "did you mean". */
    private static Choice lastTap(PendingChoice question, boolean inviteOffered) {
        int number = question.candidates().size() + (inviteOffered ? 2 : 1);
        return new Choice(lastTitle(question), Command.Choose.payload(number, question.key()));
    }

    /** Don't send, when the question's command sends a song (now, or the one being shared); else Never mind. */
    private static String lastTitle(PendingChoice question) {
        boolean sends = command(question)
                .filter(command -> command instanceof Command.SendSong || command instanceof Command.DraftTo)
                .isPresent();
        return sends ? DONT_SEND : NEVER_MIND;
    }

    private static Optional<Command> command(PendingChoice question) {
        return PARSER.parse(question.commandText()) instanceof ParseResult.Parsed(Command command)
                ? Optional.of(command) : Optional.empty();
    }

    /** The name typed for whom a song goes to, which a "did you mean" question is about. */
    private static Optional<String> nameTyped(Command command) {
        return switch (command) {
            case Command.SendSong send -> Optional.of(send.friendName());
            case Command.DraftTo to -> to.friend();
            default -> Optional.empty();
        };
    }

    /** Reads the answer {@code number} to {@code choice}; a number out of range keeps the question open. */
    public Answer answer(PendingChoice choice, int number) {
        return answer(choice, number, false);
    }

    /**
     * As {@link #answer(PendingChoice, int)}, for a question that ended with a tap to invite the name as typed
     * ({@code inviteOffered}), which the caller handles: its number is in range too. The number after that is the
     * last tap, a no: the question ends. A number that answers the question takes it ({@link #take}); one out of range
     * leaves it open.
     */
    public Answer answer(PendingChoice choice, int number, boolean inviteOffered) {
        int answers = choice.candidates().size() + (inviteOffered ? 1 : 0);
        boolean dropped = number == answers + 1;
        if (!dropped && (number < 1 || number > choice.candidates().size())) {
            return new Answer.Unusable("Please answer with a number from 1 to " + answers + ".");
        }
        if (!take(choice)) {
            return new Answer.Unusable(NOT_WAITING);
        }
        if (dropped) {
            return new Answer.Dropped();
        }
        Optional<User> person = users.findUser(choice.candidates().get(number - 1));
        return person.<Answer>map(Answer.Picked::new).orElseGet(() -> new Answer.Unusable(
                "That person is no longer registered."));
    }

    /**
     * The song being shared has who it is for: a "which one?" asked about a name typed for it before ends, so that
     * neither a number nor a yes meant for the share now answers it.
     */
    public void shareAddressed(User asker) {
        ShownPendingList.openQuestion(choices, asker.address()).filter(WhichPerson::asks)
                .filter(question -> command(question).filter(Command.DraftTo.class::isInstance).isPresent())
                .ifPresent(question -> ShownPendingList.take(choices, question));
    }

    /**
     * Ends {@code choice}, the open question read a moment ago, as it is answered now: false when another answer took
     * it first, which then acts on it alone.
     */
    public boolean take(PendingChoice choice) {
        return ShownPendingList.take(choices, choice).isPresent();
    }
}
