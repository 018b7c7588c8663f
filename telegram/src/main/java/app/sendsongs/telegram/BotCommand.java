package app.sendsongs.telegram;

import java.util.regex.Pattern;

/**
 * A command listed in the bot's menu (https://core.telegram.org/bots/api#botcommand): 1-32 of {@code a-z 0-9 _}
 * without the '/', and a description of 1-256 characters.
 */
public record BotCommand(String command, String description) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,32}");

    public BotCommand {
        if (command == null || !NAME.matcher(command).matches()) {
            throw new IllegalArgumentException("a command is 1-32 of a-z, 0-9 and _, without the '/'");
        }
        if (description == null || description.isBlank()
                || description.strip().codePointCount(0, description.strip().length()) > 256) {
            throw new IllegalArgumentException("a command's description is 1-256 characters");
        }
    }
}
