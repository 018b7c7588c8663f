package app.sendsongs.telegram;

import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandParser;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.command.ParseResult;
import app.sendsongs.core.music.TrackLinks;
import java.util.List;
import java.util.Optional;

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

    private static final CommandParser PARSER = new CommandParser();

    private TelegramCommands() {
    }

    /**
     * The command as typed elsewhere: {@code send} and its arguments is {@code send_song <arguments>}. A command the
     * bot does not know there keeps its slash ({@code /leave}, a group chat's; {@code /pendng}), as the core reads a
     * slash and a word: a command, maybe mistyped, never the name of someone to invite nor a song's note.
     */
    public static String typed(String name, String arguments) {
        String word = CommandStyle.SLASHED.nameOf(name);
        String typed = arguments.isBlank() ? word : word + " " + arguments;
        return PARSER.parse(typed) instanceof ParseResult.Unknown ? "/" + typed : typed;
    }

    /**
     * {@link #typed(String, String)}, and when it sends a song without naming one ({@code /send}, {@code /send Carol})
     * in answer to a message with a Spotify link (a song the bot delivered, a link the person pasted), that link:
     * {@code /send Carol} answering a song passes it on to Carol, as {@code /send} answering a link does in a group.
     */
    public static String typed(String name, String arguments, Optional<String> repliedText) {
        String typed = typed(name, arguments);
        boolean sendWithoutSong = PARSER.parse(typed) instanceof ParseResult.Parsed(Command.DraftTo draft)
                && draft.sendNow();
        return sendWithoutSong ? repliedText.flatMap(TelegramCommands::songLinkIn).map(link -> typed + " " + link)
                .orElse(typed) : typed;
    }

    /** The first song link of the text; else its first Spotify link, which the answer then says is no song. */
    private static Optional<String> songLinkIn(String text) {
        List<String> links = TrackLinks.spotifyWordsIn(text);
        return links.stream().filter(link -> TrackLinks.songLink(link).isPresent()).findFirst()
                .or(() -> links.stream().findFirst());
    }
}
