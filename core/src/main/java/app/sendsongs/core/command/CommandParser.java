package app.sendsongs.core.command;

import app.sendsongs.core.command.ParseResult.Invalid;
import app.sendsongs.core.command.ParseResult.Parsed;
import app.sendsongs.core.command.Tokenizer.Option;
import app.sendsongs.core.command.Tokenizer.Token;
import app.sendsongs.core.command.Tokenizer.Word;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.music.TrackLinks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Turns what a person typed into a {@link Command}, or a short reason with the usage line. */
public final class CommandParser {
    private static final int MAX_NOTE = 500;
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("send_song", "send_song"), Map.entry("send-song", "send_song"),
            Map.entry("sendsong", "send_song"), Map.entry("share", "send_song"), Map.entry("send", "send_song"),
            Map.entry("register", "register"),
            Map.entry("help", "help"), Map.entry("?", "help"), Map.entry("commands", "help"),
            Map.entry("pending", "pending"),
            Map.entry("history", "history"),
            Map.entry("cancel", "cancel"),
            Map.entry("forget_me", "forget_me"), Map.entry("forget-me", "forget_me"),
            Map.entry("forgetme", "forget_me"),
            Map.entry("create_group", "create_group"), Map.entry("create-group", "create_group"),
            Map.entry("creategroup", "create_group"),
            Map.entry("add_to_group", "add_to_group"), Map.entry("add-to-group", "add_to_group"),
            Map.entry("addtogroup", "add_to_group"),
            Map.entry("remove_from_group", "remove_from_group"), Map.entry("remove-from-group", "remove_from_group"),
            Map.entry("removefromgroup", "remove_from_group"),
            Map.entry("leave_group", "leave_group"), Map.entry("leave-group", "leave_group"),
            Map.entry("leavegroup", "leave_group"),
            Map.entry("delete_group", "delete_group"), Map.entry("delete-group", "delete_group"),
            Map.entry("deletegroup", "delete_group"),
            Map.entry("groups", "groups"),
            Map.entry("members", "members"));

    public ParseResult parse(String text) {
        if (text == null || text.isBlank()) {
            return new Invalid("I didn't get any text.", Help.brief());
        }
        List<Token> tokens;
        try {
            tokens = Tokenizer.tokens(text.strip());
        } catch (Tokenizer.UnclosedQuoteException e) {
            String command = commandOf(text.strip().split("\\s+", 2)[0]);
            return new Invalid(e.getMessage(), command == null ? Help.brief() : Help.usage(command));
        }
        if (tokens.getFirst() instanceof Word first && !first.quoted()) {
            if (tokens.size() == 1 && first.text().matches("\\d{1,3}")) {
                return new Parsed(new Command.Choose(Integer.parseInt(first.text())));
            }
            String command = commandOf(first.text());
            if (command != null) {
                return parseCommand(command, tokens.subList(1, tokens.size()));
            }
        }
        return new Invalid("Sorry, I don't know that command.", Help.brief());
    }

    private static String commandOf(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return ALIASES.get(lower.startsWith("/") ? lower.substring(1) : lower);
    }

    private ParseResult parseCommand(String command, List<Token> args) {
        Arguments parsed = Arguments.of(args);
        if (parsed.repeatedKey != null) {
            return invalid(command, parsed.repeatedKey + ": is given twice.");
        }
        return switch (command) {
            case "send_song" -> sendSong(parsed);
            case "register" -> register(parsed);
            case "help" -> noOptions(command, parsed).orElseGet(() -> new Parsed(
                    new Command.Help(parsed.words.stream().findFirst())));
            case "pending" -> bare(command, parsed, new Command.Pending());
            case "history" -> bare(command, parsed, new Command.History());
            case "forget_me" -> bare(command, parsed, new Command.ForgetMe());
            case "cancel" -> cancel(parsed);
            case "create_group" -> oneGroup(command, parsed, "Give the group a name: create_group name:\"Family\"",
                    Command.CreateGroup::new);
            case "add_to_group" -> groupAndPerson(command, parsed, "add", Command.AddToGroup::new);
            case "remove_from_group" -> groupAndPerson(command, parsed, "remove", Command.RemoveFromGroup::new);
            case "leave_group" -> oneGroup(command, parsed, "Which group? leave_group <group>",
                    Command.LeaveGroup::new);
            case "delete_group" -> oneGroup(command, parsed, "Which group? delete_group <group>",
                    Command.DeleteGroup::new);
            case "members" -> oneGroup(command, parsed, "Which group? members <group>", Command.ListMembers::new);
            case "groups" -> bare(command, parsed, new Command.ListGroups());
            default -> throw new IllegalStateException("no parser for " + command);
        };
    }

    private ParseResult sendSong(Arguments args) {
        Optional<ParseResult> unexpected = unexpectedKeys("send_song", args, Set.of("name", "group", "pre", "post"));
        if (unexpected.isPresent()) {
            return unexpected.get();
        }
        String name = args.options.getOrDefault("name", "").strip();
        String group = args.options.getOrDefault("group", "").strip();
        if (!name.isEmpty() && !group.isEmpty()) {
            return invalid("send_song", "Send it to a friend (name:) or to a group (group:), not both at once.");
        }
        if (name.isEmpty() && group.isEmpty()) {
            return invalid("send_song", "Who is it for? Add name:\"<friend's full name>\" or group:\"<group>\".");
        }
        List<String> links = args.words;
        if (links.isEmpty()) {
            return invalid("send_song", "Add the Spotify link of the song.");
        }
        if (links.size() > 1) {
            return invalid("send_song", "I found more than one link or word besides the options; send one song at a time.");
        }
        Optional<TrackId> track = TrackLinks.parse(links.getFirst());
        if (track.isEmpty()) {
            return invalid("send_song", TrackLinks.looksLikeSpotify(links.getFirst())
                    ? "That Spotify link isn't a track (albums, playlists and artists can't be sent)."
                    : "That isn't a Spotify track link.");
        }
        String pre = args.options.getOrDefault("pre", "").strip();
        String post = args.options.getOrDefault("post", "").strip();
        if (pre.length() > MAX_NOTE || post.length() > MAX_NOTE) {
            return invalid("send_song", "Notes can be at most " + MAX_NOTE + " characters.");
        }
        return new Parsed(group.isEmpty() ? new Command.SendSong(name, track.get(), pre, post)
                : new Command.SendToGroup(group, track.get(), pre, post));
    }

    private ParseResult register(Arguments args) {
        Optional<ParseResult> unexpected = unexpectedKeys("register", args, Set.of("code", "name"));
        if (unexpected.isPresent()) {
            return unexpected.get();
        }
        if (!args.words.isEmpty()) {
            return invalid("register", "Put the code and the name in quotes after code: and name:.");
        }
        String code = args.options.getOrDefault("code", "").strip();
        if (code.isEmpty()) {
            return invalid("register", "Add the code from the connect page: code:\"<code>\".");
        }
        Optional<String> name = Optional.ofNullable(args.options.get("name")).map(String::strip);
        if (name.isPresent() && name.get().isEmpty()) {
            return invalid("register", "The name is empty.");
        }
        return new Parsed(new Command.Register(code, name));
    }

    private ParseResult cancel(Arguments args) {
        Optional<ParseResult> unexpected = noOptions("cancel", args);
        if (unexpected.isPresent()) {
            return unexpected.get();
        }
        if (args.words.size() > 1 || (args.words.size() == 1 && !args.words.getFirst().matches("(?i)all|#?\\d{1,4}"))) {
            return invalid("cancel", "Say which one: a number from your pending list, or all.");
        }
        return new Parsed(new Command.Cancel(args.words.stream().findFirst()
                .map(w -> w.replace("#", "").toLowerCase(Locale.ROOT))));
    }

    /**
     * A command whose one argument is a group: {@code name:"..."}, {@code group:"..."}, or the words
     * after the command (joined, so {@code leave_group Family (Bob Fisher's)} needs no quotes).
     */
    private ParseResult oneGroup(String command, Arguments args, String missing, Function<String, Command> make) {
        Optional<ParseResult> unexpected = unexpectedKeys(command, args, Set.of("name", "group"));
        if (unexpected.isPresent()) {
            return unexpected.get();
        }
        if (args.options.size() > 1) {
            return invalid(command, "Give the group once, with name: or group:.");
        }
        Optional<String> option = args.options.values().stream().findFirst().map(String::strip);
        if (option.isPresent() && !args.words.isEmpty()) {
            return invalid(command, "I found words after the group's name; put a name with spaces in quotes.");
        }
        String group = option.orElse(String.join(" ", args.words).strip());
        return group.isEmpty() ? invalid(command, missing) : new Parsed(make.apply(group));
    }

    /**
     * {@code add_to_group <group> "<full name>"} and {@code remove_from_group}: the group is
     * {@code group:...} or the first word, the person {@code name:...} or the rest of the words.
     */
    private ParseResult groupAndPerson(String command, Arguments args, String verb,
                                       BiFunction<String, String, Command> make) {
        Optional<ParseResult> unexpected = unexpectedKeys(command, args, Set.of("name", "group"));
        if (unexpected.isPresent()) {
            return unexpected.get();
        }
        List<Word> rest = new ArrayList<>(args.wordTokens);
        String group = Optional.ofNullable(args.options.get("group"))
                .orElseGet(() -> rest.isEmpty() ? "" : rest.removeFirst().text()).strip();
        String example = command + " Family \"Bob Fisher\"";
        if (group.isEmpty()) {
            return invalid(command, "Which group? " + example);
        }
        if (args.options.containsKey("name") && !rest.isEmpty()) {
            return invalid(command, "I found more words than a group and a name; put names with spaces in quotes: "
                    + example);
        }
        if (rest.size() > 1 && rest.stream().anyMatch(Word::quoted)) {
            return invalid(command, "Please " + verb + " one person at a time: " + example);
        }
        String person = Optional.ofNullable(args.options.get("name"))
                .orElseGet(() -> String.join(" ", rest.stream().map(Word::text).toList())).strip();
        if (person.isEmpty()) {
            return invalid(command, "Who? Add their full name in quotes: " + example);
        }
        return new Parsed(make.apply(group, person));
    }

    private ParseResult bare(String command, Arguments args, Command result) {
        if (!args.words.isEmpty() || !args.options.isEmpty()) {
            return invalid(command, command + " takes nothing after it.");
        }
        return new Parsed(result);
    }

    private Optional<ParseResult> noOptions(String command, Arguments args) {
        return unexpectedKeys(command, args, Set.of());
    }

    private Optional<ParseResult> unexpectedKeys(String command, Arguments args, Set<String> allowed) {
        return args.options.keySet().stream().filter(k -> !allowed.contains(k)).findFirst()
                .map(k -> invalid(command, command + " has no " + k + ": option."));
    }

    private static ParseResult invalid(String command, String problem) {
        return new Invalid(problem, Help.usage(command));
    }

    /** The words (as text, and as tokens that know whether they were quoted) and options after the command word. */
    private record Arguments(List<String> words, List<Word> wordTokens, Map<String, String> options,
                             String repeatedKey) {
        static Arguments of(List<Token> tokens) {
            List<Word> words = new ArrayList<>();
            Map<String, String> options = new HashMap<>();
            String repeated = null;
            for (Token token : tokens) {
                switch (token) {
                    case Word w -> words.add(w);
                    case Option o -> {
                        if (options.put(o.key(), o.value()) != null) {
                            repeated = o.key();
                        }
                    }
                }
            }
            return new Arguments(words.stream().map(Word::text).toList(), List.copyOf(words), options, repeated);
        }
    }
}
