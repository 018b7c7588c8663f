package app.sendsongs.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The parser and help are derived from the one list of command definitions, and nothing is lost on the way. */
class CommandDefinitionsTest {
    private static final String ID = "4uLU6hMCjMI75M1A2tKUQC";
    private static final List<CommandDefinition> ALL = CommandDefinitions.ALL;
    private final CommandParser parser = new CommandParser();

    /** Every word the parser accepted before the definitions existed, and the command it meant. */
    private static final Map<String, String> SPELLINGS_BEFORE = Map.ofEntries(
            Map.entry("send_song", "send_song"), Map.entry("send-song", "send_song"),
            Map.entry("sendsong", "send_song"), Map.entry("share", "send_song"), Map.entry("send", "send_song"),
            Map.entry("register", "register"),
            Map.entry("help", "help"), Map.entry("?", "help"), Map.entry("commands", "help"),
            Map.entry("pending", "pending"), Map.entry("history", "history"), Map.entry("cancel", "cancel"),
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
            Map.entry("groups", "groups"), Map.entry("members", "members"),
            Map.entry("connect", "connect"), Map.entry("reconnect", "connect"),
            Map.entry("name", "name"), Map.entry("rename", "name"));

    /** The spellings added since, each deliberately: the steps of a share made from a pasted link, the receiver's
     * controls, the greetings that get the menu, and help asked for in other languages. */
    private static final Map<String, String> SPELLINGS_ADDED = Map.ofEntries(
            Map.entry("to", "to"), Map.entry("note", "note"), Map.entry("pre", "note"), Map.entry("after", "after"),
            Map.entry("post", "after"), Map.entry("discard", "discard"), Map.entry("block", "block"),
            Map.entry("unblock", "unblock"), Map.entry("receipts", "receipts"), Map.entry("receipt", "receipts"),
            Map.entry("menu", "menu"), Map.entry("hi", "menu"), Map.entry("hello", "menu"), Map.entry("hey", "menu"),
            Map.entry("hiya", "menu"), Map.entry("howdy", "menu"), Map.entry("hallo", "menu"),
            Map.entry("hola", "menu"), Map.entry("start", "menu"), Map.entry("yo", "menu"),
            Map.entry("ayuda", "help"), Map.entry("aide", "help"), Map.entry("hilfe", "help"),
            Map.entry("aiuto", "help"), Map.entry("ajuda", "help"), Map.entry("hulp", "help"),
            Map.entry("помощь", "help"));

    /** What can follow a command word: nothing, a word, options, a group and a person, a song. */
    private static final List<String> TAILS = List.of("", " all", " 2", " Family", " Family \"Bob Fisher\"",
            " name:\"Bob\"", " group:'Family' name:'Bob'", " code:\"ABCD\" name:\"Al\"", " pre:x",
            " name:\"Bob\" spotify:track:" + ID, " group:Family post:'yes' https://open.spotify.com/track/" + ID,
            " name:a name:b", " \"unclosed");

    @Test
    void everySpellingThatWorkedBeforeStillNamesTheSameCommandAndOnlyTheListedOnesWereAdded() {
        Map<String, String> now = ALL.stream().flatMap(d -> d.spellings().stream().map(s -> Map.entry(s, d.name())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, String> expected = new java.util.HashMap<>(SPELLINGS_BEFORE);
        expected.putAll(SPELLINGS_ADDED);

        assertThat(now).isEqualTo(expected);
    }

    @Test
    void aCommandsNameTypedAsSeparateWordsIsReadAsTheCommand() {
        for (CommandDefinition command : ALL) {
            String words = command.name().replace('_', ' ');
            for (String tail : TAILS) {
                assertThat(parser.parse(words + tail)).as(words + tail).isEqualTo(parser.parse(command.name() + tail));
            }
        }
    }

    @Test
    void noSpellingIsClaimedByTwoCommands() {
        List<String> spellings = ALL.stream().flatMap(d -> d.spellings().stream()).toList();

        assertThat(spellings).doesNotHaveDuplicates();
        assertThat(ALL.stream().map(CommandDefinition::name)).doesNotHaveDuplicates();
    }

    @Test
    void everySpellingInAnyCaseAndAfterASlashIsReadByItsOwnCommand() {
        for (CommandDefinition command : ALL) {
            for (String spelling : command.spellings()) {
                for (String typed : List.of(spelling, spelling.toUpperCase(Locale.ROOT), "/" + spelling)) {
                    assertThat(CommandDefinitions.spelledBy(typed)).as(typed).contains(command);
                    for (String tail : TAILS) {
                        assertThat(parser.parse(typed + tail)).as(typed + tail)
                                .isEqualTo(parser.parse(command.name() + tail));
                    }
                }
            }
        }
    }

    @Test
    void everyErrorEndsWithTheUsageLineOfTheCommandItIsAbout() {
        assertThat(ALL.stream().map(CommandDefinition::usage)).doesNotHaveDuplicates();
        for (CommandDefinition command : ALL) {
            for (String tail : TAILS) {
                if (parser.parse(command.name() + tail) instanceof ParseResult.Invalid invalid) {
                    assertThat(invalid.usage()).as(command.name() + tail).isEqualTo(command.usage());
                }
            }
        }
    }

    @Test
    void helpListsEveryUsageLineInTheDefinitionsOrder() {
        List<String> lines = Help.all().lines().toList();

        assertThat(lines.subList(1, lines.size() - 1))
                .containsExactlyElementsOf(ALL.stream().map(d -> "• " + d.usage()).toList());
        assertThat(Help.brief()).isEqualTo("Commands: " + ALL.stream().map(CommandDefinition::name)
                .collect(Collectors.joining(", ")) + ". Type help for examples.");
    }

    @Test
    void eachCommandsUsageAndHelpTopicComeFromItsDefinition() {
        for (CommandDefinition command : ALL) {
            assertThat(Help.usage(command.name())).isEqualTo(command.usage());
            assertThat(Help.usage(command.name().toUpperCase(Locale.ROOT))).isEqualTo(command.usage());
            if (HelpTopic.named(command.name()).isEmpty()) {
                assertThat(Help.topic(command.name().replace('_', '-'))).contains(command.usage());
            }
        }
        assertThat(Help.usage("nothing_like_it")).isEmpty();
        assertThat(Help.topic("nothing_like_it")).isEmpty();
    }

    @Test
    void theGroupsTopicListsTheCommandsThatBelongToItInOrder() {
        List<String> groupLines = ALL.stream().filter(d -> d.topic().equals(Optional.of(HelpTopic.GROUPS)))
                .map(d -> "• " + d.usage()).toList();
        List<String> topic = Help.topic("groups").orElseThrow().lines().toList();

        assertThat(groupLines).hasSize(7);
        assertThat(topic.subList(1, 1 + groupLines.size())).containsExactlyElementsOf(groupLines);
        for (String word : List.of("groups", "group", "GROUP")) {
            assertThat(Help.topic(word)).contains(Help.topic("groups").orElseThrow());
        }
    }

    @Test
    void theTokenizerReadsExactlyTheOptionKeysSomeCommandAccepts() {
        assertThat(Tokenizer.KEYS).isEqualTo(Set.of("name", "pre", "post", "code", "group", "to"));
        assertThat(ALL.stream().flatMap(d -> java.util.stream.Stream.concat(d.options().stream(),
                d.optionAliases().keySet().stream())).collect(Collectors.toSet())).isEqualTo(Tokenizer.KEYS);
    }

    @Test
    void aDefinitionMustBeConsistentWithItself() {
        CommandDefinition.ArgumentReader reader = ArgumentReaders::help;

        assertThatThrownBy(() -> new CommandDefinition("pending", List.of("waiting", "pending"), "pending", "x",
                Set.of(), Optional.empty(), reader)).hasMessageContaining("start with the name");
        assertThatThrownBy(() -> new CommandDefinition("pending", List.of("pending", "Pending"), "pending", "x",
                Set.of(), Optional.empty(), reader)).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> new CommandDefinition("pending", List.of("pending", "send song"), "pending", "x",
                Set.of(), Optional.empty(), reader)).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> new CommandDefinition("pending", List.of("pending"), "waiting", "x",
                Set.of(), Optional.empty(), reader)).hasMessageContaining("example starts with the name");
    }
}
