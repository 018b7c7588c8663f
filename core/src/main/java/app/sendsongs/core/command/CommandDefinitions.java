package app.sendsongs.core.command;

import static app.sendsongs.core.command.ArgumentReaders.bare;
import static app.sendsongs.core.command.GroupArgumentReaders.existingGroup;
import static app.sendsongs.core.command.GroupArgumentReaders.groupAndPerson;
import static app.sendsongs.core.command.GroupArgumentReaders.newGroup;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every command, in the order {@code help} lists them. A new command, or a new way to spell one,
 * is added here and nowhere else: the parser, help and "did you mean" follow.
 */
final class CommandDefinitions {
    private static final Set<String> NO_OPTIONS = Set.of();
    private static final Set<String> GROUP_OPTIONS = Set.of("name", "group");
    private static final Optional<HelpTopic> NO_TOPIC = Optional.empty();
    private static final Optional<HelpTopic> GROUPS = Optional.of(HelpTopic.GROUPS);
    private static final Optional<HelpTopic> PRIVACY = Optional.of(HelpTopic.PRIVACY);

    static final List<CommandDefinition> ALL = List.of(
            new CommandDefinition("send_song", List.of("send_song", "send-song", "sendsong", "share", "send"),
                    "send_song name:\"Bob Fisher\" pre:\"you'll love the bridge\" post:\"told you!\" "
                            + "https://open.spotify.com/track/<id>",
                    "pre goes with the song, post once they play it; name can be a Telegram @username. To a group: "
                            + "{send_song} group:\"Family\" <link>. Or just paste a link.",
                    Set.of("name", "group", "pre", "post"), Map.of("to", "name"), NO_TOPIC,
                    ShareArgumentReaders::sendSong),
            new CommandDefinition("to", List.of("to"),
                    "to Bob Fisher", "who the song you pasted is for ({to} group Family: a group).",
                    Set.of("name", "group"), NO_TOPIC, ShareArgumentReaders::draftTo),
            new CommandDefinition("note", List.of("note", "pre"),
                    "note you'll love the bridge", "a note with the song you're sharing.",
                    NO_OPTIONS, NO_TOPIC, ShareArgumentReaders.draftNote(false)),
            new CommandDefinition("after", List.of("after", "post"),
                    "after told you!", "a note for once they've played it.",
                    NO_OPTIONS, NO_TOPIC, ShareArgumentReaders.draftNote(true)),
            new CommandDefinition("discard", List.of("discard"),
                    "discard", "drop the song you were sharing.",
                    NO_OPTIONS, NO_TOPIC, ShareArgumentReaders::discard),
            new CommandDefinition("register", List.of("register"),
                    "register code:\"<code>\" name:\"<your full name>\"",
                    "finish connecting with the code from the connect page.",
                    Set.of("code", "name"), NO_TOPIC, ArgumentReaders::register),
            new CommandDefinition("connect", List.of("connect", "reconnect"),
                    "connect [spotify|lastfm|listenbrainz]",
                    "connect where I see what you play, or switch to another service.",
                    NO_OPTIONS, NO_TOPIC, ArgumentReaders::connect),
            new CommandDefinition("name", List.of("name", "rename"),
                    "name \"Your Full Name\"", "change the name friends use to send you songs.",
                    Set.of("name"), NO_TOPIC, ArgumentReaders::rename),
            new CommandDefinition("pending", List.of("pending"),
                    "pending", "the songs you sent that are still being watched.",
                    NO_OPTIONS, NO_TOPIC, bare(new Command.Pending())),
            new CommandDefinition("history", List.of("history"),
                    "history", "the songs you sent lately and how they went ({history} 2: the ten before).",
                    NO_OPTIONS, NO_TOPIC, ArgumentReaders::history),
            new CommandDefinition("cancel", List.of("cancel"),
                    "cancel <number>|all", "stop a song or an invite in your pending list.",
                    NO_OPTIONS, NO_TOPIC, ArgumentReaders::cancel),
            new CommandDefinition("create_group", List.of("create_group", "create-group", "creategroup"),
                    "create_group name:\"Family\"", "make a group you own ({create_group} Family works too).",
                    GROUP_OPTIONS, GROUPS, newGroup(Command.CreateGroup::new)),
            new CommandDefinition("add_to_group", List.of("add_to_group", "add-to-group", "addtogroup"),
                    "add_to_group Family \"Bob Fisher\"",
                    "add someone registered with me; I tell them, and they can leave.",
                    GROUP_OPTIONS, GROUPS, groupAndPerson("add", Command.AddToGroup::new)),
            new CommandDefinition("remove_from_group",
                    List.of("remove_from_group", "remove-from-group", "removefromgroup"),
                    "remove_from_group Family \"Bob Fisher\"", "take someone out of your group.",
                    GROUP_OPTIONS, GROUPS, groupAndPerson("remove", Command.RemoveFromGroup::new)),
            new CommandDefinition("leave_group", List.of("leave_group", "leave-group", "leavegroup"),
                    "leave_group Family", "leave a group; its songs stop coming.",
                    GROUP_OPTIONS, GROUPS, existingGroup(Command.LeaveGroup::new)),
            new CommandDefinition("groups", List.of("groups"),
                    "groups", "the groups you're in.",
                    NO_OPTIONS, GROUPS, bare(new Command.ListGroups())),
            new CommandDefinition("members", List.of("members"),
                    "members Family", "who is in a group.",
                    GROUP_OPTIONS, GROUPS, existingGroup(Command.ListMembers::new)),
            new CommandDefinition("delete_group", List.of("delete_group", "delete-group", "deletegroup"),
                    "delete_group Family", "delete a group you made (I ask first).",
                    GROUP_OPTIONS, GROUPS, GroupArgumentReaders::deleteGroup),
            new CommandDefinition("block", List.of("block"),
                    "block Bob Fisher", "stop someone's songs; they aren't told.",
                    Set.of("name"), PRIVACY, ArgumentReaders.person(Command.Block::new)),
            new CommandDefinition("unblock", List.of("unblock"),
                    "unblock Bob Fisher", "let their songs through again.",
                    Set.of("name"), PRIVACY, ArgumentReaders::unblock),
            new CommandDefinition("receipts", List.of("receipts", "receipt"),
                    "receipts off [name]", "don't tell friends (or one) when you play their songs; {receipts} on "
                            + "to undo.",
                    Set.of("name"), PRIVACY, ArgumentReaders::receipts),
            new CommandDefinition("forget_me", List.of("forget_me", "forget-me", "forgetme"),
                    "forget_me", "delete everything stored about you (I ask first).",
                    NO_OPTIONS, PRIVACY, ArgumentReaders::forgetMe),
            new CommandDefinition("menu", List.of("menu", "hi", "hello", "hey", "hiya", "howdy", "hallo", "hola",
                    "start", "yo"),
                    "menu", "what I can do, to tap.",
                    NO_OPTIONS, NO_TOPIC, ArgumentReaders::menu),
            // help asked for in the languages people most often try first: the list (in English) beats "Sorry"
            new CommandDefinition("help", List.of("help", "?", "commands", "ayuda", "aide", "hilfe", "aiuto", "ajuda",
                    "hulp", "помощь"),
                    "help [command]", "this list, or one command; {help} groups, {help} privacy.",
                    NO_OPTIONS, NO_TOPIC, ArgumentReaders::help));

    private static final Map<String, CommandDefinition> BY_NAME = index(ALL, d -> List.of(d.name()));
    private static final Map<String, CommandDefinition> BY_SPELLING = index(ALL, CommandDefinition::spellings);

    private CommandDefinitions() {
    }

    /** The command a typed word spells, in any case and with or without a leading {@code /}. */
    static Optional<CommandDefinition> spelledBy(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(BY_SPELLING.get(lower.startsWith("/") ? lower.substring(1) : lower));
    }

    /** The command with this exact name (not another spelling). */
    static Optional<CommandDefinition> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every {@code key:} option some command accepts, and every alias: the words the tokenizer reads as keys. */
    static Set<String> optionKeys() {
        return ALL.stream().flatMap(d -> Stream.concat(d.options().stream(), d.optionAliases().keySet().stream()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Every spelling of every command, with its command, in help order. */
    static Stream<Map.Entry<String, CommandDefinition>> spellings() {
        return ALL.stream().flatMap(d -> d.spellings().stream().map(s -> Map.entry(s, d)));
    }

    /** Fails at start-up if two commands claim one word, so a spelling can never silently change meaning. */
    private static Map<String, CommandDefinition> index(List<CommandDefinition> definitions,
                                                        Function<CommandDefinition, List<String>> words) {
        return definitions.stream().flatMap(d -> words.apply(d).stream().map(w -> Map.entry(w, d)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
