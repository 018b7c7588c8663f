package app.sendsongs.core.group;

import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandParser;
import app.sendsongs.core.command.ParseResult;
import app.sendsongs.core.share.ChoiceStore;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * "Which one?" about the groups a name fits ({@link WhichGroup}), as it is kept in the person's slot of the {@link
 * ChoiceStore}: a {@link PendingChoice} with no candidates (those are people) whose command text is {@code
 * which_group} and the ids of the groups offered, in the order offered, on its first line (then, for a question about
 * the song being shared, {@code ~} and that song's id), and the command that named them on the lines after. The
 * question's key ({@link PendingChoice#key}) so covers the groups, the command and the song.
 */
record GroupQuestion(List<String> groupIds, String commandText, Optional<String> song) {
    private static final String MARK = "which_group ";
    private static final String SONG = "~";
    private static final CommandParser PARSER = new CommandParser();

    GroupQuestion {
        groupIds = List.copyOf(groupIds);
    }

    PendingChoice asChoice(ChatAddress person, Instant expiresAt) {
        String about = song.map(id -> " " + SONG + id).orElse("");
        return new PendingChoice(person, MARK + String.join(" ", groupIds) + about + "\n" + commandText, List.of(),
                expiresAt);
    }

    /** The question {@code choice} keeps, when it is one about groups. */
    static Optional<GroupQuestion> of(PendingChoice choice) {
        String text = choice.commandText();
        int lineEnd = text.indexOf('\n');
        if (!choice.candidates().isEmpty() || !text.startsWith(MARK) || lineEnd < 0) {
            return Optional.empty();
        }
        List<String> words = Arrays.stream(text.substring(MARK.length(), lineEnd).split(" "))
                .filter(word -> !word.isEmpty()).toList();
        List<String> ids = words.stream().filter(word -> !word.startsWith(SONG)).toList();
        Optional<String> song = words.stream().filter(word -> word.startsWith(SONG)).findFirst()
                .map(word -> word.substring(SONG.length()));
        return ids.isEmpty() ? Optional.empty()
                : Optional.of(new GroupQuestion(ids, text.substring(lineEnd + 1), song));
    }

    /**
     * The command the question finishes: {@code send_song group:Family …}, or {@code send_song Family …} where the
     * name a friend's would have is a group's, read as {@code send_song} reads it then; or, for the song being shared,
     * {@code to Family} (also {@code send_song group:Family} with no link, which sends it at once).
     */
    Optional<Command> command() {
        return switch (PARSER.parse(commandText)) {
            case ParseResult.Parsed(Command.SendSong send) ->
                    Optional.of(new Command.SendToGroup(send.friendName(), send.song(), send.pre(), send.post()));
            case ParseResult.Parsed(Command command) -> Optional.of(command);
            default -> Optional.empty();
        };
    }
}
