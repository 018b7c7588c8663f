package app.sendsongs.core.command;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the bot writes a command in what it tells a person, so that its texts teach what their platform teaches:
 * on Messenger the plain name ({@code send_song}, {@code pending}); on Telegram a leading {@code /}, which makes the
 * command in the bot's message a tap that sends it, and {@code /send} for {@code send_song}, as the bot's menu names
 * it. Only the writing differs: every spelling is read on every platform. Chosen by the person's {@link Platform}, so
 * whatever builds a reply for a {@link ChatAddress} can spell commands their way with no platform's types in the core;
 * a platform without a style of its own is written plain.
 */
public enum CommandStyle {
    PLAIN("", Map.of()),
    SLASHED("/", Map.of("send_song", "send"));

    /** A command named inside a longer text: {@code {send_song}} is written as the style writes {@code send_song}. */
    private static final Pattern REFERENCE = Pattern.compile("\\{([a-z_]+)}");

    private final String prefix;
    private final Map<String, String> words;

    CommandStyle(String prefix, Map<String, String> words) {
        this.prefix = prefix;
        this.words = words;
    }

    /** The style of the person at {@code address}. */
    public static CommandStyle of(ChatAddress address) {
        return of(address.platform());
    }

    /** Telegram's is {@link #SLASHED}; every other platform's {@link #PLAIN}. */
    public static CommandStyle of(Platform platform) {
        return platform.equals(Platform.TELEGRAM) ? SLASHED : PLAIN;
    }

    /** The command named {@code name} as this style writes it: {@code /send} for {@code send_song} when slashed. */
    public String spell(String name) {
        return prefix + words.getOrDefault(name, name);
    }

    /** The name of the command this style's word (prefix left off) stands for: {@code send_song} for {@code send}. */
    public String nameOf(String word) {
        return words.entrySet().stream().filter(e -> e.getValue().equals(word)).map(Map.Entry::getKey)
                .findFirst().orElse(word);
    }

    /** {@code text} with each command named in it as {@code {name}} written this style's way. */
    public String write(String text) {
        Matcher reference = REFERENCE.matcher(text);
        return reference.replaceAll(r -> Matcher.quoteReplacement(spell(r.group(1))));
    }
}
