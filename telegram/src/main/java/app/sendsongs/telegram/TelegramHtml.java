package app.sendsongs.telegram;

/**
 * Escaping for Telegram's HTML parse mode: every '&lt;', '&gt;' and '&amp;' that is not part of a tag or entity must
 * be written {@code &lt; &gt; &amp;} (https://core.telegram.org/bots/api#html-style), and a '"' inside an attribute
 * {@code &quot;}, the only named entities Telegram knows besides those three.
 */
public final class TelegramHtml {
    private TelegramHtml() {
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
