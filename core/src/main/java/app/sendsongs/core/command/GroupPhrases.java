package app.sendsongs.core.command;

import app.sendsongs.core.shared.UserText;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain words for the group commands, as people type them on a phone rather than the commands' syntax: "create a
 * group called Family", "new group", "add Bob to Family", "kick Bob from Family", "leave the Family group", "I don't
 * want to be in Family", "who is in Family", "members of Family", "delete the Family group", "my groups". Each is
 * read only when its shape is unmistakable (a verb and, for a person, "to" or "from" before the group); a group
 * asked to be made without a name is {@link Command.NameNewGroup}, which asks for one. "How do I …" about anything
 * but making a group is the command's help, not the command: it asks, it does not want it done. Text with a {@code key:}
 * option is the commands' own syntax and is not read here.
 */
final class GroupPhrases {
    /**
     * The commands whose word some phrases start with ("members of Family", "start a group"): the phrase is meant, not
     * the command. A phrase that starts with another command's words ("create group Family", "delete group Family")
     * is that command, read as the command reads it.
     */
    static final Set<String> START_WITH_A_COMMAND = Set.of("members", "menu");
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** Words in front that make a request or a question of what follows. */
    private static final Pattern POLITE = Pattern.compile("^(?:please|pls|can you|could you|would you|i want to|"
            + "i wanna|i['’]d like to|i would like to|let['’]?s|let me|i need to)\\s+", FLAGS);
    private static final Pattern HOW = Pattern.compile("^(?:how (?:do|can|would|should) i|how do you|how to|"
            + "how can you|can i)\\s+", FLAGS);
    private static final Pattern ENDING = Pattern.compile("(?:[\\s?!.]+|\\s+please|\\s+pls)$", FLAGS);
    private static final String GROUP_NAME = "(?:the\\s+)?(?:group\\s+)?(.+?)(?:\\s+group)?";

    private static final Pattern CREATE = Pattern.compile("^(?:make|create|start|set up|setup|form|open|new)\\s+"
            + "(?:me\\s+)?(?:a\\s+|an\\s+|one\\s+)?(?:new\\s+)?group(?:\\s+(?:called|named|titled|name)?\\s*(.*))?$",
            FLAGS);
    /** A group chat asked for ("make a group chat"): how groups and group chats work, not a group called "chat". */
    private static final Pattern GROUP_CHAT = Pattern.compile("^(?:make|create|start|set up|setup|form|open|new)\\s+"
            + "(?:me\\s+)?(?:a\\s+|an\\s+|one\\s+)?(?:new\\s+)?group\\s*chat\\b.*$", FLAGS);
    private static final Pattern ADD = Pattern.compile("^(?:add|put)\\s+(.+?)\\s+(?:to|in|into)\\s+"
            + GROUP_NAME + "$", FLAGS);
    private static final Pattern REMOVE = Pattern.compile("^(?:kick out|kick|remove|take|throw|delete)\\s+(.+?)"
            + "\\s+(?:out\\s+of|out\\s+from|off|from)\\s+" + GROUP_NAME + "$", FLAGS);
    private static final Pattern LEAVE = Pattern.compile("^(?:leave|exit|quit|get out of|take me out of|"
            + "remove me from|get me out of|i['’]?m leaving|i am leaving|i (?:don['’]?t|do not) want to be in|"
            + "i (?:don['’]?t|do not) wanna be in)\\s+" + GROUP_NAME + "(?:\\s+any\\s*more)?$", FLAGS);
    private static final Pattern MEMBERS = Pattern.compile("^(?:who(?:['’]s|\\s+is|\\s+are|\\s+else\\s+is)?\\s+in|"
            + "(?:show\\s+(?:me\\s+)?|list\\s+|see\\s+)?(?:the\\s+)?(?:members|people)\\s+(?:of|in)|"
            + "who(?:['’]s|\\s+is)\\s+a\\s+member\\s+of)\\s+" + GROUP_NAME + "$", FLAGS);
    private static final Pattern DELETE = Pattern.compile("^(?:delete|remove|end|close|disband|get rid of)\\s+"
            + "(?:the\\s+|my\\s+)?(?:group\\s+(.+)|(.+?)\\s+group)$", FLAGS);
    private static final Pattern LIST = Pattern.compile("^(?:(?:show|list|see)\\s+(?:me\\s+)?)?(?:my|all|all my)"
            + "\\s+groups|(?:show|list|see)\\s+(?:me\\s+)?(?:the\\s+)?groups|what groups am i in|which groups am i in$",
            FLAGS);
    /** "How do I …" a group command: which command's help it asks for. */
    private static final Pattern HOW_TOPIC = Pattern.compile("^(?:add|put|invite)\\b.*|^(?:remove|kick)\\b.*|"
            + "^(?:leave|quit|exit)\\b.*|^(?:delete|end)\\b.*group.*|^(?:see|list)\\b.*members.*", FLAGS);

    /** Words that are no one and no group: "add a note to it", "leave me alone", "remove my data". */
    private static final Set<String> NO_NAME = Set.of("it", "this", "that", "them", "these", "those", "me", "myself",
            "me alone", "me be", "us", "us alone", "a note", "note", "the note", "my note", "a comment", "comment",
            "a message", "message", "a song", "the song", "this song", "that song", "song", "songs", "now", "here",
            "there", "too", "my playlist", "playlist", "the playlist", "a playlist", "it alone", "alone", "all",
            "everything", "my data", "all my data", "my account", "my name", "a link", "the link", "link");
    /** Words for some group, none named: "add Bob to a group", "leave my group". */
    private static final Set<String> SOME_GROUP = Set.of("a", "my", "one", "any", "our", "a group", "group", "groups",
            "my group", "the group", "one of my groups", "any group", "a new group", "new group", "this group",
            "that group", "one of my", "my groups");
    /** Words for someone, nobody named: "add people to Family". */
    private static final Set<String> PEOPLE = Set.of("people", "someone", "somebody", "friends", "my friends",
            "members", "a friend", "a person", "more people", "new people", "some people", "others", "a member",
            "new members", "more", "someone else", "anyone", "more members", "more friends", "some friends");
    private static final Pattern ADD_ALONE = Pattern.compile("^add\\s+(?!(?:to|in|into)\\s)(.+)$", FLAGS);
    private static final Pattern REMOVE_ALONE = Pattern.compile(
            "^(?:kick out|kick|remove)\\s+(?!(?:to|in|from|of)\\s)(.+)$", FLAGS);

    private GroupPhrases() {
    }

    /**
     * The group command {@code text} says in plain words, if it says one unmistakably: parsed, or, when it names no
     * group where one is needed ("leave a group"), what the command says typed without it.
     */
    static Optional<ParseResult> read(String text) {
        String words = withoutEnding(text.strip().replaceAll("\\s+", " "));
        if (words.contains(":") || words.split(" ")[0].contains("_")) {
            return Optional.empty(); // the commands' own syntax
        }
        Matcher how = HOW.matcher(words);
        if (how.find()) {
            String asked = words.substring(how.end());
            Optional<Command> create = groupChat(asked)
                    .or(() -> matched(CREATE, asked, m -> new Command.NameNewGroup()));
            return create.or(() -> helpAbout(asked)).map(ParseResult.Parsed::new);
        }
        String asked = POLITE.matcher(words).replaceFirst("");
        return create(asked).<ParseResult>map(ParseResult.Parsed::new)
                .or(() -> addition(asked))
                .or(() -> removal(asked))
                .or(() -> oneGroup(LEAVE, asked, "leave_group", Command.LeaveGroup::new))
                .or(() -> oneGroup(MEMBERS, asked, "members", Command.ListMembers::new))
                .or(() -> deletion(asked))
                .or(() -> matched(LIST, asked, m -> new Command.ListGroups()).map(ParseResult.Parsed::new));
    }

    /** The words without a closing question mark, full stop, "!" or "please". */
    private static String withoutEnding(String words) {
        String before;
        String after = words;
        do {
            before = after;
            after = ENDING.matcher(before).replaceAll("");
        } while (!after.equals(before));
        return after;
    }

    private static Optional<Command> groupChat(String words) {
        return GROUP_CHAT.matcher(words).matches() ? Optional.of(new Command.Help(Optional.of("groups")))
                : Optional.empty();
    }

    private static Optional<Command> create(String words) {
        Optional<Command> chat = groupChat(words);
        if (chat.isPresent()) {
            return chat;
        }
        Matcher m = CREATE.matcher(words);
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(1) == null ? "" : unquoted(m.group(1));
        boolean forWhom = name.toLowerCase(Locale.ROOT).startsWith("for "); // "for my friends": no name yet
        return Optional.of(name.isEmpty() || forWhom ? new Command.NameNewGroup() : new Command.CreateGroup(name));
    }

    /**
     * "add Bob to Family"; without a group ("add Bob", "add Bob to a group") or a person ("add people to Family"), the
     * command with that left empty, which the bot asks about.
     */
    private static Optional<ParseResult> addition(String words) {
        return personAndGroup(ADD, ADD_ALONE, words).flatMap(said -> {
            if (PEOPLE.contains(lower(said.person()))) {
                return parsed(new Command.AddToGroup(said.group(), ""));
            }
            return named(said.person()) ? parsed(new Command.AddToGroup(said.group(), said.person()))
                    : Optional.empty();
        });
    }

    /**
     * "remove Bob from Family", "kick Bob"; "remove me from Family" is leaving it. Without a group, the command with it
     * left empty, which the bot asks about.
     */
    private static Optional<ParseResult> removal(String words) {
        return personAndGroup(REMOVE, REMOVE_ALONE, words).flatMap(said -> {
            if (lower(said.person()).equals("me") || lower(said.person()).equals("myself")) {
                return said.group().isEmpty() ? Optional.empty() : parsed(new Command.LeaveGroup(said.group()));
            }
            return named(said.person()) ? parsed(new Command.RemoveFromGroup(said.group(), said.person()))
                    : Optional.empty();
        });
    }

    /** A person and a group a phrase names, the group empty when it names some group or none. */
    private record PersonAndGroup(String person, String group) {
    }

    /** The person and the group {@code both} reads ("add Bob to Family"), or the person alone ("add Bob"). */
    private static Optional<PersonAndGroup> personAndGroup(Pattern both, Pattern alone, String words) {
        Matcher withGroup = both.matcher(words);
        if (withGroup.matches()) {
            String group = withGroup.group(2);
            return groupNamed(group) || some(group) ? Optional.of(new PersonAndGroup(unquoted(withGroup.group(1)),
                    some(group) ? "" : unquoted(group))) : Optional.empty();
        }
        Matcher withoutGroup = alone.matcher(words);
        return withoutGroup.matches() ? Optional.of(new PersonAndGroup(unquoted(withoutGroup.group(1)), ""))
                : Optional.empty();
    }

    private static Optional<ParseResult> deletion(String words) {
        Matcher m = DELETE.matcher(words);
        if (!m.matches()) {
            return Optional.empty();
        }
        String group = m.group(1) != null ? m.group(1) : m.group(2);
        if (some(group)) {
            return Optional.of(whichGroup("delete_group"));
        }
        return groupNamed(group) && !lower(group).startsWith("confirm ")
                ? parsed(new Command.DeleteGroup(unquoted(group))) : Optional.empty();
    }

    private static Optional<Command> helpAbout(String asked) {
        if (!HOW_TOPIC.matcher(asked).matches() || aboutFriends(asked)) {
            return Optional.empty();
        }
        String verb = lower(asked);
        String topic = verb.startsWith("add") || verb.startsWith("put") || verb.startsWith("invite") ? "add_to_group"
                : verb.startsWith("remove") || verb.startsWith("kick") ? "remove_from_group"
                : verb.startsWith("leave") || verb.startsWith("quit") || verb.startsWith("exit") ? "leave_group"
                : verb.startsWith("delete") || verb.startsWith("end") ? "delete_group" : "members";
        return Optional.of(new Command.Help(Optional.of(topic)));
    }

    /**
     * "add friends", "invite someone", with no group in the words: how people are found and invited, which no group
     * command is about (the bot keeps no friends list).
     */
    private static boolean aboutFriends(String asked) {
        String[] verbAndRest = lower(asked).split(" ", 2);
        return verbAndRest.length == 2 && (verbAndRest[0].equals("add") || verbAndRest[0].equals("invite"))
                && PEOPLE.contains(verbAndRest[1]);
    }

    /** A command about one group; "leave a group" names none, and is answered as the command typed without one. */
    private static Optional<ParseResult> oneGroup(Pattern pattern, String words, String command,
                                                  Function<String, Command> make) {
        Matcher m = pattern.matcher(words);
        if (!m.matches()) {
            return Optional.empty();
        }
        if (some(m.group(1))) {
            return Optional.of(whichGroup(command));
        }
        String group = unquoted(m.group(1));
        return groupNamed(group) ? parsed(make.apply(group)) : Optional.empty();
    }

    /** What {@code command} typed without its group is told, as its reader tells it. */
    private static ParseResult whichGroup(String command) {
        return new ParseResult.Invalid("Which group? {" + command + "} <group>", Optional.of(command));
    }

    private static Optional<ParseResult> parsed(Command command) {
        return Optional.of(new ParseResult.Parsed(command));
    }

    private static Optional<Command> matched(Pattern pattern, String words, Function<Matcher, Command> make) {
        Matcher m = pattern.matcher(words);
        return m.matches() ? Optional.of(make.apply(m)) : Optional.empty();
    }

    private static boolean some(String group) {
        return SOME_GROUP.contains(lower(unquoted(group)));
    }

    private static String lower(String words) {
        return words.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code name} can be someone's or a group's name, not "it" or "a note". */
    private static boolean named(String name) {
        String words = lower(unquoted(name));
        return !words.isEmpty() && !NO_NAME.contains(words) && !SOME_GROUP.contains(words) && !PEOPLE.contains(words);
    }

    /**
     * Whether {@code name} can be a group's name: as {@link #named}, but the words for people ("friends", "my friends")
     * are a group's name too, one the bot itself suggests ({@code create_group Friends}).
     */
    private static boolean groupNamed(String name) {
        String words = lower(unquoted(name));
        return !words.isEmpty() && !NO_NAME.contains(words) && !SOME_GROUP.contains(words);
    }

    /** A name without the quotes around it (straight or typographic), as names are registered. */
    private static String unquoted(String name) {
        String quotes = "\"'“”‘’„«»";
        String stripped = name.strip();
        while (!stripped.isEmpty() && quotes.indexOf(stripped.charAt(0)) >= 0) {
            stripped = stripped.substring(1).strip();
        }
        while (!stripped.isEmpty() && quotes.indexOf(stripped.charAt(stripped.length() - 1)) >= 0) {
            stripped = stripped.substring(0, stripped.length() - 1).strip();
        }
        return UserText.typedName(stripped);
    }
}
