package app.sendsongs.core.command;

import app.sendsongs.core.command.CommandDefinition.ArgumentReader;
import app.sendsongs.core.command.Tokenizer.Word;
import app.sendsongs.core.shared.UserText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** How the group commands read what follows their word: a group's name, and a person's for adding or removing. */
final class GroupArgumentReaders {
    private GroupArgumentReaders() {
    }

    /**
     * {@code create_group}: the one argument is the new group's name, kept as typed, so that a name with characters
     * groups cannot have is refused rather than changed; without one, the bot asks for it ({@link
     * Command.NameNewGroup}).
     */
    static ArgumentReader newGroup(Function<String, Command> make) {
        return args -> args.words().isEmpty() && args.options().isEmpty()
                ? new ParseResult.Parsed(new Command.NameNewGroup())
                : oneGroup(args, "Give the group a name: " + args.command().exampleToWrite(), String::strip, make);
    }

    /** {@code delete_group <group>}, which asks first, or {@code delete_group confirm <group id>}, the yes to it. */
    static ParseResult deleteGroup(Arguments args) {
        List<String> words = args.words();
        if (args.options().isEmpty() && words.size() == 2 && words.getFirst().equalsIgnoreCase(ArgumentReaders.CONFIRM)
                && ArgumentReaders.TAP_ID.matcher(words.get(1)).matches()) {
            return new ParseResult.Parsed(new Command.ConfirmDeleteGroup(words.get(1)));
        }
        return existingGroup(Command.DeleteGroup::new).read(args);
    }

    /** A command whose one argument is an existing group: {@code leave_group}, {@code members}, ... */
    static ArgumentReader existingGroup(Function<String, Command> make) {
        return args -> oneGroup(args, "Which group? {" + args.command().name() + "} <group>", UserText::typedName,
                make);
    }

    /**
     * {@code add_to_group <group> "<full name>"} and {@code remove_from_group}: the group is
     * {@code group:...} or the first word, the person {@code name:...} or the rest of the words.
     * {@code verb} says what the command does to the person, for "please add one person at a time".
     */
    static ArgumentReader groupAndPerson(String verb, BiFunction<String, String, Command> make) {
        return args -> groupAndPerson(args, verb, make);
    }

    /**
     * The group is {@code name:"..."}, {@code group:"..."}, or the words after the command (joined,
     * so {@code leave_group Family (Bob Fisher's)} needs no quotes).
     */
    private static ParseResult oneGroup(Arguments args, String missing, UnaryOperator<String> read,
                                        Function<String, Command> make) {
        Optional<ParseResult> unexpected = args.unexpectedOption();
        if (unexpected.isPresent()) {
            return unexpected.get();
        }
        if (args.options().size() > 1) {
            return args.invalid("Give the group once, with name: or group:.");
        }
        Optional<String> option = args.options().values().stream().findFirst();
        if (option.isPresent() && !args.words().isEmpty()) {
            return args.invalid("I found words after the group's name; put a name with spaces in quotes.");
        }
        String group = read.apply(option.orElse(String.join(" ", args.words())));
        return group.isEmpty() ? args.invalid(missing) : new ParseResult.Parsed(make.apply(group));
    }

    /**
     * Takes the group off the front of {@code words}: the first word, or, when only the last word is quoted (the
     * person), every word before it ({@code add_to_group Road Trip "Bob Fisher"}).
     */
    private static String groupBeforeQuotedName(List<Word> words) {
        boolean onlyLastQuoted = words.size() > 2 && words.getLast().quoted()
                && words.subList(0, words.size() - 1).stream().noneMatch(Word::quoted);
        List<Word> group = words.subList(0, onlyLastQuoted ? words.size() - 1 : 1);
        String name = String.join(" ", group.stream().map(Word::text).toList());
        group.clear();
        return name;
    }

    /**
     * The command written for the group and the one person named, as in {@code add_to_group Weekend "Carol King"}:
     * the example of what they meant, not the help's Family.
     */
    private static String exampleFor(Arguments args, String group, String person) {
        String groupArgument = group.chars().anyMatch(Character::isWhitespace) ? "\"" + group + "\"" : group;
        return "{" + args.command().name() + "} " + groupArgument + " \"" + person + "\"";
    }

    private static ParseResult groupAndPerson(Arguments args, String verb, BiFunction<String, String, Command> make) {
        Optional<ParseResult> unexpected = args.unexpectedOption();
        if (unexpected.isPresent()) {
            return unexpected.get();
        }
        List<Word> rest = new ArrayList<>(args.wordTokens());
        String group = UserText.typedName(Optional.ofNullable(args.options().get("group"))
                .orElseGet(() -> rest.isEmpty() ? "" : groupBeforeQuotedName(rest)));
        String example = args.command().exampleToWrite();
        if (group.isEmpty()) {
            return args.invalid("Which group? " + example);
        }
        if (args.options().containsKey("name") && !rest.isEmpty()) {
            return args.invalid("I found more words than a group and a name; put names with spaces in quotes: "
                    + example);
        }
        if (rest.size() > 1 && rest.stream().anyMatch(Word::quoted)) {
            return args.invalid("Please " + verb + " one person at a time: "
                    + exampleFor(args, group, rest.getFirst().text()));
        }
        String person = UserText.typedName(Optional.ofNullable(args.options().get("name"))
                .orElseGet(() -> String.join(" ", rest.stream().map(Word::text).toList())));
        if (person.isEmpty()) {
            return args.invalid("Who? Add their full name in quotes: " + example);
        }
        return new ParseResult.Parsed(make.apply(group, person));
    }
}
