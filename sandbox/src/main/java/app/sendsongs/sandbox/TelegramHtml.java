package app.sendsongs.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Telegram's HTML parse mode (https://core.telegram.org/bots/api#html-style), parsed the way Telegram's own parser
 * does it ({@code parse_html} in https://github.com/tdlib/td, {@code td/telegram/MessageEntity.cpp}): only the
 * supported tags, {@code &lt; &gt; &amp; &quot;} and numeric character references; a '&amp;' that starts no entity
 * stays as it is; every other '&lt;' must open or close a tag. The errors carry Telegram's wording and UTF-8 byte
 * offsets.
 */
final class TelegramHtml {
    private static final Set<String> TAGS = Set.of("a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins",
            "tg-spoiler", "tg-emoji", "tg-time", "span", "pre", "code", "blockquote");

    private record Open(String tag, String argument, int offset) {
    }

    private final String html;
    private final int n;
    private final StringBuilder out = new StringBuilder();
    private final List<TelegramEntity> entities = new ArrayList<>();
    private final Deque<Open> open = new ArrayDeque<>();
    private int i;
    private boolean surrogateDecoded;

    private TelegramHtml(String html) {
        this.html = html;
        this.n = html.length();
    }

    /** The text and entities of {@code html}; a 400 "can't parse entities" problem when Telegram would refuse it. */
    static TelegramFormattedText parse(String html) {
        return new TelegramHtml(html).run();
    }

    private TelegramFormattedText run() {
        for (i = 0; i < n; i++) {
            char c = html.charAt(i);
            if (c == '&' && decodeEntity()) {
                continue;
            }
            if (c != '<') {
                out.append(c);
                continue;
            }
            int begin = i++;
            if (i < n && html.charAt(i) == '/') {
                endTag(begin);
            } else {
                startTag(begin);
            }
        }
        if (!open.isEmpty()) {
            throw error("Can't find end tag corresponding to start tag \"" + open.peek().tag() + "\"");
        }
        if (surrogateDecoded && TelegramFormattedText.hasLoneSurrogate(out)) {
            throw error("Text contains invalid Unicode characters after decoding HTML entities, check for "
                    + "unmatched surrogate code units");
        }
        entities.replaceAll(e -> e.type().equals("code") ? new TelegramEntity("code", e.offset(), e.length()) : e);
        entities.sort(TelegramFormattedText.ENTITY_ORDER);
        return new TelegramFormattedText(out.toString(), entities);
    }

    /** Appends the character of the entity at {@code i} and moves past it; false when it is no entity. */
    private boolean decodeEntity() {
        long decoded = decode(html, i);
        if (decoded < 0) {
            return false;
        }
        int code = (int) (decoded >>> 32);
        out.appendCodePoint(code);
        surrogateDecoded |= code >= 0xd800 && code <= 0xdfff;
        i = (int) decoded - 1;
        return true;
    }

    /**
     * The character reference starting with the '&amp;' at {@code at}: its code point in the high half and the index
     * after it in the low half; -1 when it is none (td's {@code decode_html_entity}).
     */
    private static long decode(String s, int at) {
        int n = s.length();
        int end = at + 1;
        long code;
        if (end < n && s.charAt(end) == '#') {
            end++;
            int radix = 10;
            if (end < n && (s.charAt(end) == 'x' || s.charAt(end) == 'X')) {
                radix = 16;
                end++;
            }
            code = 0;
            while (end < n && asciiDigit(s.charAt(end), radix) >= 0) {
                code = Math.min(code * radix + asciiDigit(s.charAt(end), radix), 0x110000);
                end++;
            }
            if (code == 0 || code >= 0x10ffff || end - at >= 10) {
                return -1;
            }
        } else {
            while (end < n && isAsciiLetter(s.charAt(end))) {
                end++;
            }
            code = switch (s.substring(at + 1, end)) {
                case "lt" -> '<';
                case "gt" -> '>';
                case "amp" -> '&';
                case "quot" -> '"';
                default -> -1;
            };
            if (code < 0) {
                return -1;
            }
        }
        if (end < n && s.charAt(end) == ';') {
            end++;
        }
        return code << 32 | end;
    }

    private void startTag(int begin) {
        while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>') {
            i++;
        }
        if (i >= n) {
            throw error("Unclosed start tag at byte offset " + byteOffset(begin));
        }
        String tag = html.substring(begin + 1, i).toLowerCase(Locale.ROOT);
        if (!TAGS.contains(tag)) {
            throw error("Unsupported start tag \"" + tag + "\" at byte offset " + byteOffset(begin));
        }
        String argument = attributes(tag, begin);
        if (tag.equals("span") && !"spoiler".equals(argument)) {
            throw error("Tag \"span\" must have class \"tg-spoiler\" at byte offset " + byteOffset(begin));
        }
        open.push(new Open(tag, argument, out.length()));
    }

    /** Reads the attributes up to the closing '&gt;' and returns the one the tag uses (href, class...), or null. */
    private String attributes(String tag, int begin) {
        String argument = null;
        while (i < n && html.charAt(i) != '>') {
            skipSpaces();
            if (i < n && html.charAt(i) == '>') {
                break;
            }
            String name = attributeName(tag, begin);
            skipSpaces();
            checkStartTagGoesOn(tag, begin);
            if (html.charAt(i) != '=') {
                if (tag.equals("blockquote") && name.equals("expandable")) {
                    argument = "expandable";
                }
                continue;
            }
            i++;
            skipSpaces();
            checkStartTagGoesOn(tag, begin);
            String value = attributeValue();
            if (i >= n) {
                throw error("Unclosed start tag at byte offset " + byteOffset(begin));
            }
            argument = argumentOf(tag, name, value, argument);
        }
        return argument;
    }

    private String attributeName(String tag, int begin) {
        int nameStart = i;
        while (i < n && !isSpace(html.charAt(i)) && "=>/\"'".indexOf(html.charAt(i)) < 0) {
            i++;
        }
        String name = html.substring(nameStart, i);
        if (name.isEmpty()) {
            throw error("Empty attribute name in the tag \"" + tag + "\" at byte offset " + byteOffset(begin));
        }
        return name;
    }

    private void checkStartTagGoesOn(String tag, int begin) {
        if (i >= n) {
            throw error("Unclosed start tag \"" + tag + "\" at byte offset " + byteOffset(begin));
        }
    }

    private void skipSpaces() {
        while (i < n && isSpace(html.charAt(i))) {
            i++;
        }
    }

    private String attributeValue() {
        char quote = html.charAt(i);
        if (quote != '"' && quote != '\'') {
            int tokenStart = i;
            while (i < n && (isAsciiLetterOrDigit(html.charAt(i)) || html.charAt(i) == '.' || html.charAt(i) == '-')) {
                i++;
            }
            if (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>') {
                throw error("Unexpected end of name token at byte offset " + byteOffset(tokenStart));
            }
            return html.substring(tokenStart, i).toLowerCase(Locale.ROOT);
        }
        i++;
        StringBuilder value = new StringBuilder();
        while (i < n && html.charAt(i) != quote) {
            value.append(html.charAt(i++));
        }
        if (i < n) {
            i++;
        }
        return unescapeAttribute(value.toString());
    }

    private static String argumentOf(String tag, String name, String value, String current) {
        if (tag.equals("a") && name.equals("href")) {
            return value;
        }
        if (tag.equals("code") && name.equals("class") && value.startsWith("language-")) {
            return value.substring("language-".length());
        }
        if (tag.equals("span") && name.equals("class") && value.startsWith("tg-")) {
            return value.substring("tg-".length());
        }
        if (tag.equals("tg-emoji") && name.equals("emoji-id")) {
            return value;
        }
        if (tag.equals("blockquote") && name.equals("expandable")) {
            return "expandable";
        }
        return current;
    }

    private void endTag(int begin) {
        if (open.isEmpty()) {
            throw error("Unexpected end tag at byte offset " + byteOffset(begin));
        }
        while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>') {
            i++;
        }
        String name = html.substring(begin + 2, i).toLowerCase(Locale.ROOT);
        skipSpaces();
        if (i >= n || html.charAt(i) != '>') {
            throw error("Unclosed end tag at byte offset " + byteOffset(begin));
        }
        Open top = open.pop();
        if (!name.isEmpty() && !name.equals(top.tag())) {
            throw error("Unmatched end tag at byte offset " + byteOffset(begin) + ", expected \"</" + top.tag()
                    + ">\", found \"</" + name + ">\"");
        }
        if (out.length() > top.offset()) {
            addEntity(top, out.length() - top.offset());
        }
    }

    private void addEntity(Open tag, int length) {
        int offset = tag.offset();
        switch (tag.tag()) {
            case "b", "strong" -> entities.add(new TelegramEntity("bold", offset, length));
            case "i", "em" -> entities.add(new TelegramEntity("italic", offset, length));
            case "u", "ins" -> entities.add(new TelegramEntity("underline", offset, length));
            case "s", "strike", "del" -> entities.add(new TelegramEntity("strikethrough", offset, length));
            case "tg-spoiler", "span" -> entities.add(new TelegramEntity("spoiler", offset, length));
            case "code" -> code(tag, length);
            case "pre" -> pre(tag, length);
            case "blockquote" -> entities.add(new TelegramEntity(
                    tag.argument() == null ? "blockquote" : "expandable_blockquote", offset, length));
            case "a" -> link(tag, length);
            case "tg-emoji" -> customEmoji(tag, length);
            default -> {
                // tg-time: a date shown in the reader's format; the sandbox keeps its text only
            }
        }
    }

    /** {@code <pre><code class="language-x">} in either order is one {@code pre} block with a language. */
    private void code(Open tag, int length) {
        TelegramEntity last = entities.isEmpty() ? null : entities.get(entities.size() - 1);
        String language = tag.argument() == null || tag.argument().isEmpty() ? null : tag.argument();
        if (language != null && sameSpan(last, "pre", tag.offset(), length)) {
            entities.set(entities.size() - 1, new TelegramEntity("pre", tag.offset(), length, language));
        } else {
            entities.add(new TelegramEntity("code", tag.offset(), length, language));
        }
    }

    private void pre(Open tag, int length) {
        TelegramEntity last = entities.isEmpty() ? null : entities.get(entities.size() - 1);
        if (sameSpan(last, "code", tag.offset(), length) && last.argument() != null) {
            entities.set(entities.size() - 1, new TelegramEntity("pre", tag.offset(), length, last.argument()));
        } else {
            entities.add(new TelegramEntity("pre", tag.offset(), length));
        }
    }

    private static boolean sameSpan(TelegramEntity entity, String type, int offset, int length) {
        return entity != null && entity.type().equals(type) && entity.offset() == offset && entity.length() == length;
    }

    private void link(Open tag, int length) {
        String url = tag.argument() == null || tag.argument().isEmpty()
                ? out.substring(tag.offset(), tag.offset() + length) : tag.argument();
        TelegramLinks.checked(url).ifPresent(checked ->
                entities.add(new TelegramEntity("text_link", tag.offset(), length, checked)));
    }

    private void customEmoji(Open tag, int length) {
        String id = tag.argument();
        if (id == null || !id.matches("[1-9][0-9]{0,18}")) {
            throw TelegramErrors.badRequest("invalid custom emoji identifier specified");
        }
        entities.add(new TelegramEntity("custom_emoji", tag.offset(), length, id));
    }

    private int byteOffset(int index) {
        return TelegramFormattedText.utf8Length(html.substring(0, index));
    }

    private static HttpProblem error(String detail) {
        return TelegramErrors.cantParseEntities(detail);
    }

    private static String unescapeAttribute(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int k = 0; k < value.length(); k++) {
            long decoded = value.charAt(k) == '&' ? decode(value, k) : -1;
            if (decoded < 0) {
                out.append(value.charAt(k));
            } else {
                out.appendCodePoint((int) (decoded >>> 32));
                k = (int) decoded - 1;
            }
        }
        return out.toString();
    }

    /** td's {@code is_space}: the white space that ends a tag name. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u000b' || c == '\f';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int asciiDigit(char c, int radix) {
        return c < 128 ? Character.digit(c, radix) : -1;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }
}
