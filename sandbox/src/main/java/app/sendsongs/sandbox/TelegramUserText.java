package app.sendsongs.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Telegram marks in a text a person typed: {@code bot_command} ({@code /send} or {@code /send@SomeBot}),
 * {@code url} and {@code mention} entities (https://core.telegram.org/bots/api#messageentity), beside the
 * {@code text_link}s the person set on words; and the {@code bot_command}s of a bot's own text.
 */
final class TelegramUserText {
    private static final Pattern COMMAND = Pattern.compile("(?<![\\w/])/\\w{1,64}(?:@\\w{3,32})?(?![\\w/@])");
    private static final Pattern URL = Pattern.compile("https?://[^\\s]+");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@\\w{5,32}(?!\\w)");
    private static final String TRAILING_PUNCTUATION = ".,;:!?)]}'\"";
    /** A command as Telegram finds one ({@code match_bot_commands} of TDLib, https://github.com/tdlib/td). */
    private static final Pattern BOT_COMMAND = Pattern.compile(
            "(?<![\\p{L}\\p{N}_/<>])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\\p{L}\\p{N}_/<>@])");
    private static final Set<String> NOT_MARKED_INSIDE = Set.of("code", "pre", "text_link", "url");

    private TelegramUserText() {
    }

    static TelegramFormattedText of(String text) {
        return of(text, List.of());
    }

    /** As {@link #of(String)}, with {@code text_link} entities the person set on words of the text. */
    static TelegramFormattedText of(String text, List<TelegramEntity> hiddenLinks) {
        List<TelegramEntity> entities = new ArrayList<>(hiddenLinks);
        find(COMMAND, text, "bot_command", entities);
        find(URL, text, "url", entities);
        find(MENTION, text, "mention", entities);
        entities.sort(TelegramFormattedText.ENTITY_ORDER);
        return new TelegramFormattedText(text, entities);
    }

    /**
     * A bot's text as Telegram shows it: its {@code /commands} marked as {@code bot_command} entities, which people tap
     * to send them (https://core.telegram.org/bots/api#messageentity), except inside code, a pre block or a link. As
     * Telegram does, a command touching a letter, a digit, '_', '/', '<' or '>' is none ({@code </b>} says no command).
     */
    static TelegramFormattedText withBotCommands(TelegramFormattedText parsed) {
        List<TelegramEntity> found = new ArrayList<>();
        find(BOT_COMMAND, parsed.text(), "bot_command", found);
        List<TelegramEntity> entities = new ArrayList<>(parsed.entities());
        found.stream().filter(command -> parsed.entities().stream().noneMatch(e -> NOT_MARKED_INSIDE.contains(e.type())
                && e.offset() < command.offset() + command.length() && command.offset() < e.offset() + e.length()))
                .forEach(entities::add);
        if (entities.size() == parsed.entities().size()) {
            return parsed;
        }
        entities.sort(TelegramFormattedText.ENTITY_ORDER);
        return new TelegramFormattedText(parsed.text(), entities);
    }

    /**
     * Whether a bot in privacy mode sees this group message (https://core.telegram.org/bots/features#privacy-mode):
     * it holds a command meant for the bot ({@code /cmd} or {@code /cmd@bot}) or mentions the bot.
     */
    static boolean seenInPrivacyMode(TelegramFormattedText message, String botUsername) {
        String bot = "@" + botUsername.toLowerCase(Locale.ROOT);
        for (TelegramEntity e : message.entities()) {
            String covered = message.text().substring(e.offset(), e.offset() + e.length()).toLowerCase(Locale.ROOT);
            if (e.type().equals("bot_command") && (covered.indexOf('@') < 0 || covered.endsWith(bot))) {
                return true;
            }
            if (e.type().equals("mention") && covered.equals(bot)) {
                return true;
            }
        }
        return false;
    }

    private static void find(Pattern pattern, String text, String type, List<TelegramEntity> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            int end = m.end();
            if (type.equals("url")) {
                while (end > m.start() && TRAILING_PUNCTUATION.indexOf(text.charAt(end - 1)) >= 0) {
                    end--;
                }
            }
            into.add(new TelegramEntity(type, m.start(), end - m.start()));
        }
    }
}
