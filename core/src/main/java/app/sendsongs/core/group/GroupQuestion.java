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
 * "Which one?" about the groups a song was sent to by name ({@link WhichGroup}), as it is kept in the person's slot of
 * the {@link ChoiceStore}: a {@link PendingChoice} with no candidates (those are people) whose command text is {@code
 * which_group} and the ids of the groups offered, in the order offered, on its first line, and the command that named
 * them on the lines after. The question's key ({@link PendingChoice#key}) so covers both the groups and the song.
 */
record GroupQuestion(List<String> groupIds, String commandText) {
    private static final String MARK = "which_group ";
    private static final CommandParser PARSER = new CommandParser();

    GroupQuestion {
        groupIds = List.copyOf(groupIds);
    }

    PendingChoice asChoice(ChatAddress person, Instant expiresAt) {
        return new PendingChoice(person, MARK + String.join(" ", groupIds) + "\n" + commandText, List.of(), expiresAt);
    }

    /** The question {@code choice} keeps, when it is one about groups. */
    static Optional<GroupQuestion> of(PendingChoice choice) {
        String text = choice.commandText();
        int lineEnd = text.indexOf('\n');
        if (!choice.candidates().isEmpty() || !text.startsWith(MARK) || lineEnd < 0) {
            return Optional.empty();
        }
        List<String> ids = Arrays.stream(text.substring(MARK.length(), lineEnd).split(" "))
                .filter(id -> !id.isEmpty()).toList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(new GroupQuestion(ids, text.substring(lineEnd + 1)));
    }

    /**
     * The send the question finishes: {@code send_song group:Family …}, or {@code send_song Family …} where the name a
     * friend's would have is a group's, read as {@code send_song} reads it then.
     */
    Optional<Command.SendToGroup> send() {
        return switch (PARSER.parse(commandText)) {
            case ParseResult.Parsed(Command.SendToGroup send) -> Optional.of(send);
            case ParseResult.Parsed(Command.SendSong send) ->
                    Optional.of(new Command.SendToGroup(send.friendName(), send.song(), send.pre(), send.post()));
            default -> Optional.empty();
        };
    }
}
