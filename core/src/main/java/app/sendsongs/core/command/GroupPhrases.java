package app.sendsongs.core.command;

import app.sendsongs.core.shared.UserText;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain words for the group commands, as people type them on a phone rather than the commands' syntax: "create a
 * group called Family", "new group", "add Bob to Family", "kick Bob from Family", "leave the Family group", "I don't
 * want to be in Family", "who is in Family", "members of Family", "delete the Family group", "my groups". Each is
 * read only when its shape is unmistakable (a verb and, for a person, "to" or "from" before the group); a group
 * asked to be made without a name is {@link Command.NameNewGroup}, which asks for one. "How do I …" about anything but
 * making a group is the command's help, not the command: it asks, it does not want it done. Text with a {@code key:}
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
    private static final Pattern ADD = Pattern.compile("^add\\s+(.+?)\\s+(?:to|in|into)\\s+" + GROUP_NAME + "$",
            FLAGS);
    private static final Pattern REMOVE = Pattern.compile("^(?:remove|kick|kick out|take|throw|delete)\\s+(.+?)"
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

    /** Words that are no one and no group: "add a note to it", "leave me alone", "remove it from the list". */
    private static final Set<String> NO_NAME = Set.of("it", "this", "that", "them", "these", "those", "me", "me alone",
            "me be", "us", "us alone", "a note", "note", "the note", "my note", "a comment", "comment", "a message",
            "message", "a song", "the song", "this song", "that song", "song", "songs", "now", "here", "there", "too",
            "my playlist", "playlist", "the playlist", "a playlist", "it alone", "alone", "a group", "group", "groups",
            "my group", "the group", "all", "everyone", "everybody", "someone", "somebody", "people");

    private GroupPhrases() {
    }

    /** The group command {@code text} says in plain words, if it says one unmistakably. */
    static Optional<Command> read(String text) {
        String words = withoutEnding(text.strip().replaceAll("\\s+", " "));
        if (words.contains(":") || words.split(" ")[0].contains("_")) {
            return Optional.empty(); // the commands' own syntax
        }
        Matcher how = HOW.matcher(words);
        if (how.find()) {
            String asked = words.substring(how.end());
            Optional<Command> create = matched(CREATE, asked, m -> new Command.NameNewGroup());
            return create.or(() -> helpAbout(asked));
        }
        String asked = POLITE.matcher(words).replaceFirst("");
        return create(asked)
                .or(() -> twoNames(ADD, asked, false, (person, group) -> new Command.AddToGroup(group, person)))
                .or(() -> removal(asked))
                .or(() -> oneName(LEAVE, asked, Command.LeaveGroup::new))
                .or(() -> oneName(MEMBERS, asked, Command.ListMembers::new))
                .or(() -> deletion(asked))
                .or(() -> matched(LIST, asked, m -> new Command.ListGroups()));
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

    private static Optional<Command> create(String words) {
        Matcher m = CREATE.matcher(words);
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(1) == null ? "" : unquoted(m.group(1));
        boolean forWhom = name.toLowerCase(Locale.ROOT).startsWith("for "); // "for my friends": no name yet
        return Optional.of(name.isEmpty() || forWhom ? new Command.NameNewGroup() : new Command.CreateGroup(name));
    }

    /** "remove me from Family" is leaving it; anyone else is removed by the group's owner. */
    private static Optional<Command> removal(String words) {
        return twoNames(REMOVE, words, true, (person, group) -> person.equalsIgnoreCase("me") || person.equalsIgnoreCase(
                "myself") ? new Command.LeaveGroup(group) : new Command.RemoveFromGroup(group, person));
    }

    private static Optional<Command> deletion(String words) {
        Matcher m = DELETE.matcher(words);
        if (!m.matches()) {
            return Optional.empty();
        }
        String group = unquoted(m.group(1) != null ? m.group(1) : m.group(2));
        return named(group) && !group.toLowerCase(Locale.ROOT).startsWith("confirm ") ? Optional.of(new Command.DeleteGroup(group)) : Optional.empty();
    }

    private static Optional<Command> helpAbout(String asked) {
        if (!HOW_TOPIC.matcher(asked).matches()) {
            return Optional.empty();
        }
        String verb = asked.toLowerCase(Locale.ROOT);
        String topic = verb.startsWith("add") || verb.startsWith("put") || verb.startsWith("invite") ? "add_to_group"
                : verb.startsWith("remove") || verb.startsWith("kick") ? "remove_from_group"
                : verb.startsWith("leave") || verb.startsWith("quit") || verb.startsWith("exit") ? "leave_group"
                : verb.startsWith("delete") || verb.startsWith("end") ? "delete_group" : "members";
        return Optional.of(new Command.Help(Optional.of(topic)));
    }

    private static Optional<Command> oneName(Pattern pattern, String words, Function<String, Command> make) {
        Matcher m = pattern.matcher(words);
        if (!m.matches()) {
            return Optional.empty();
        }
        String group = unquoted(m.group(1));
        return named(group) ? Optional.of(make.apply(group)) : Optional.empty();
    }

    /** A person and a group; {@code meMeant}: "me" may be the person (who then leaves the group). */
    private static Optional<Command> twoNames(Pattern pattern, String words, boolean meMeant,
                                              BiFunction<String, String, Command> make) {
        Matcher m = pattern.matcher(words);
        if (!m.matches()) {
            return Optional.empty();
        }
        String person = unquoted(m.group(1));
        String group = unquoted(m.group(2));
        boolean me = meMeant && (person.equalsIgnoreCase("me") || person.equalsIgnoreCase("myself"));
        return (named(person) || me) && named(group) ? Optional.of(make.apply(person, group)) : Optional.empty();
    }

    private static Optional<Command> matched(Pattern pattern, String words, Function<Matcher, Command> make) {
        Matcher m = pattern.matcher(words);
        return m.matches() ? Optional.of(make.apply(m)) : Optional.empty();
    }

    /** Whether {@code name} can be someone's or a group's name, not "it" or "a note". */
    private static boolean named(String name) {
        return !name.isEmpty() && !NO_NAME.contains(name.toLowerCase(Locale.ROOT));
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
