package app.sendsongs.core.command;

import app.sendsongs.core.command.CommandDefinition.ArgumentReader;
import app.sendsongs.core.command.Tokenizer.Word;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.music.TrackLinks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** How each command reads what follows its word; {@link CommandDefinitions} picks one per command. */
final class ArgumentReaders {
    private static final int MAX_NOTE = 500;

    private ArgumentReaders() {
    }

    static ParseResult sendSong(Arguments args) {
        Optional<ParseResult> unexpected = args.unexpectedOption();
        if (unexpected.isPresent()) {
            return unexpected.get();
        }
        String name = args.options().getOrDefault("name", "").strip();
        String group = args.options().getOrDefault("group", "").strip();
        if (!name.isEmpty() && !group.isEmpty()) {
            return args.invalid("Send it to a friend (name:) or to a group (group:), not both at once.");
        }
        if (name.isEmpty() && group.isEmpty()) {
            return args.invalid("Who is it for? Add name:\"<friend's full name>\" or group:\"<group>\".");
        }
        List<String> links = args.words();
        if (links.isEmpty()) {
            return args.invalid("Add the Spotify link of the song.");
        }
        if (links.size() > 1) {
            return args.invalid("I found more than one link or word besides the options; send one song at a time.");
        }
        Optional<TrackId> track = TrackLinks.parse(links.getFirst());
        if (track.isEmpty()) {
            return args.invalid(TrackLinks.looksLikeSpotify(links.getFirst())
                    ? "That Spotify link isn't a track (albums, playlists and artists can't be sent)."
                    : "That isn't a Spotify track link.");
        }
        String pre = args.options().getOrDefault("pre", "").strip();
        String post = args.options().getOrDefault("post", "").strip();
        if (pre.length() > MAX_NOTE || post.length() > MAX_NOTE) {
            return args.invalid("Notes can be at most " + MAX_NOTE + " characters.");
        }
        return new ParseResult.Parsed(group.isEmpty() ? new Command.SendSong(name, track.get(), pre, post)
                : new Command.SendToGroup(group, track.get(), pre, post));
    }

    static ParseResult register(Arguments args) {
        Optional<ParseResult> unexpected = args.unexpectedOption();
        if (unexpected.isPresent()) {
            return unexpected.get();
        }
        if (!args.words().isEmpty()) {
            return args.invalid("Put the code and the name in quotes after code: and name:.");
        }
        String code = args.options().getOrDefault("code", "").strip();
        if (code.isEmpty()) {
            return args.invalid("Add the code from the connect page: code:\"<code>\".");
        }
        Optional<String> name = Optional.ofNullable(args.options().get("name")).map(String::strip);
        if (name.isPresent() && name.get().isEmpty()) {
            return args.invalid("The name is empty.");
        }
        return new ParseResult.Parsed(new Command.Register(code, name));
    }

    static ParseResult connect(Arguments args) {
        Optional<ParseResult> unexpected = args.unexpectedOption();
        if (unexpected.isPresent()) {
            return unexpected.get();
        }
        String source = String.join(" ", args.words()).strip();
        return new ParseResult.Parsed(new Command.Connect(source.isEmpty() ? Optional.empty() : Optional.of(source)));
    }

    /** {@code name "Bob Fisher"}, {@code name Bob Fisher} or {@code name name:"Bob Fisher"}. */
    static ParseResult rename(Arguments args) {
        Optional<ParseResult> unexpected = args.unexpectedOption();
        if (unexpected.isPresent()) {
            return unexpected.get();
        }
        Optional<String> option = Optional.ofNullable(args.options().get("name")).map(String::strip);
        if (option.isPresent() && !args.words().isEmpty()) {
            return args.invalid("Give the name once, in quotes.");
        }
        String name = option.orElse(String.join(" ", args.words()).strip());
        return name.isEmpty() ? args.invalid("What should friends call you? " + args.command().example())
                : new ParseResult.Parsed(new Command.Rename(name));
    }

    static ParseResult help(Arguments args) {
        return args.unexpectedOption().orElseGet(() -> new ParseResult.Parsed(
                new Command.Help(args.words().stream().findFirst())));
    }

    static ParseResult cancel(Arguments args) {
        Optional<ParseResult> unexpected = args.unexpectedOption();
        if (unexpected.isPresent()) {
            return unexpected.get();
        }
        List<String> words = args.words();
        if (words.size() > 1 || (words.size() == 1 && !words.getFirst().matches("(?i)all|#?\\d{1,4}"))) {
            return args.invalid("Say which one: a number from your pending list, or all.");
        }
        return new ParseResult.Parsed(new Command.Cancel(words.stream().findFirst()
                .map(w -> w.replace("#", "").toLowerCase(Locale.ROOT))));
    }

    /** A command with nothing after its word. */
    static ArgumentReader bare(Command command) {
        return args -> args.words().isEmpty() && args.options().isEmpty() ? new ParseResult.Parsed(command)
                : args.invalid(args.command().name() + " takes nothing after it.");
    }

    /** {@code create_group}: the one argument is the new group's name, asked for with the example. */
    static ArgumentReader newGroup(Function<String, Command> make) {
        return args -> oneGroup(args, "Give the group a name: " + args.command().example(), make);
    }

    /** A command whose one argument is an existing group: {@code leave_group}, {@code members}, ... */
    static ArgumentReader existingGroup(Function<String, Command> make) {
        return args -> oneGroup(args, "Which group? " + args.command().name() + " <group>", make);
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
    private static ParseResult oneGroup(Arguments args, String missing, Function<String, Command> make) {
        Optional<ParseResult> unexpected = args.unexpectedOption();
        if (unexpected.isPresent()) {
            return unexpected.get();
        }
        if (args.options().size() > 1) {
            return args.invalid("Give the group once, with name: or group:.");
        }
        Optional<String> option = args.options().values().stream().findFirst().map(String::strip);
        if (option.isPresent() && !args.words().isEmpty()) {
            return args.invalid("I found words after the group's name; put a name with spaces in quotes.");
        }
        String group = option.orElse(String.join(" ", args.words()).strip());
        return group.isEmpty() ? args.invalid(missing) : new ParseResult.Parsed(make.apply(group));
    }

    private static ParseResult groupAndPerson(Arguments args, String verb, BiFunction<String, String, Command> make) {
        Optional<ParseResult> unexpected = args.unexpectedOption();
        if (unexpected.isPresent()) {
            return unexpected.get();
        }
        List<Word> rest = new ArrayList<>(args.wordTokens());
        String group = Optional.ofNullable(args.options().get("group"))
                .orElseGet(() -> rest.isEmpty() ? "" : rest.removeFirst().text()).strip();
        String example = args.command().example();
        if (group.isEmpty()) {
            return args.invalid("Which group? " + example);
        }
        if (args.options().containsKey("name") && !rest.isEmpty()) {
            return args.invalid("I found more words than a group and a name; put names with spaces in quotes: "
                    + example);
        }
        if (rest.size() > 1 && rest.stream().anyMatch(Word::quoted)) {
            return args.invalid("Please " + verb + " one person at a time: " + example);
        }
        String person = Optional.ofNullable(args.options().get("name"))
                .orElseGet(() -> String.join(" ", rest.stream().map(Word::text).toList())).strip();
        if (person.isEmpty()) {
            return args.invalid("Who? Add their full name in quotes: " + example);
        }
        return new ParseResult.Parsed(make.apply(group, person));
    }
}
