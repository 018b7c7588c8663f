package app.sendsongs.telegram;

import app.sendsongs.core.command.CommandStyle;
import java.util.List;

/**
 * Telegram's spelling of the bot's commands. People type {@code /send ...} (or pick it from the bot's menu), where
 * Messenger people type {@code send_song ...}: a command reaches the core as the text it stands for, so every command
 * and every form the core reads works on Telegram too ({@code /send_song name:"Bob" <link>}, {@code /groups},
 * {@code /create_group name:"Family"}...). {@link #MENU} is what the bot's menu lists ({@code setMyCommands}). The
 * names are the core's {@link CommandStyle#SLASHED}, the spelling the bot's own texts use on Telegram, so the menu,
 * the help list and the usage lines in replies teach one spelling.
 */
public final class TelegramCommands {
    /** The bot's menu: the commands people use most, with what they do. */
    public static final List<BotCommand> MENU = List.of(
            new BotCommand("send", "Send a song: paste a Spotify link, or /send Bob <Spotify link>"),
            new BotCommand("pending", "Songs you sent that are not played yet"),
            new BotCommand("history", "Songs you sent and what became of them"),
            new BotCommand("cancel", "Stop watching a song you sent"),
            new BotCommand("groups", "Your groups"),
            new BotCommand("create_group", "Make a group: /create_group name:\"Family\""),
            new BotCommand("receipts", "Whom I tell when you play their songs, and whom you blocked"),
            new BotCommand("connect", "Connect Spotify, Last.fm or ListenBrainz, or change which"),
            new BotCommand("menu", "What you can do, as buttons"),
            new BotCommand("help", "Every command, with examples"),
            new BotCommand("forget_me", "Delete everything I keep about you"));

    private TelegramCommands() {
    }

    /** The command as typed elsewhere: {@code send} and its arguments is {@code send_song <arguments>}. */
    public static String typed(String name, String arguments) {
        String word = CommandStyle.SLASHED.nameOf(name);
        return arguments.isBlank() ? word : word + " " + arguments;
    }
}
