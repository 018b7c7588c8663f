package app.sendsongs.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Escaping for text put into HTML. */
final class Html {
    /** A web address in a message, up to a space or what ends a sentence after it. */
    private static final Pattern ADDRESS = Pattern.compile("https?://[^\\s<>\"']+?(?=[.,;:!?)]*(?:\\s|$))");

    private Html() {
    }

    /** {@link #escape escaped}, with each web address in it a link: on a phone, text is not tapped open. */
    static String linked(String text) {
        StringBuilder out = new StringBuilder();
        Matcher address = ADDRESS.matcher(text);
        int last = 0;
        while (address.find()) {
            String url = escape(address.group());
            out.append(escape(text.substring(last, address.start()))).append("<a href=\"").append(url).append("\">")
                    .append(url).append("</a>");
            last = address.end();
        }
        return out.append(escape(text.substring(last))).toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
