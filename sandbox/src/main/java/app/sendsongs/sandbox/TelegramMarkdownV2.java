package app.sendsongs.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telegram's MarkdownV2 parse mode (https://core.telegram.org/bots/api#markdownv2-style), parsed the way Telegram's
 * own parser does it ({@code parse_markdown_v2} in https://github.com/tdlib/td, {@code td/telegram/MessageEntity.cpp}):
 * every one of {@code _*[]()~`>#+-=|{}.!} outside an entity's syntax must be escaped with '\', and an entity left
 * open is an error. The errors carry Telegram's wording and UTF-8 byte offsets.
 */
final class TelegramMarkdownV2 {
    private static final String RESERVED = "_*[]()~`>#+-=|{}.!\n";
    private static final Pattern CUSTOM_EMOJI_URL = Pattern.compile("tg://emoji\\?id=([1-9][0-9]{0,18})");
    private static final Pattern TIME_URL = Pattern.compile("tg://time\\?unix=[0-9]+(&format=[a-zA-Z]*)?");

    private enum Kind {
        BOLD("Bold", "bold"), ITALIC("Italic", "italic"), UNDERLINE("Underline", "underline"),
        STRIKETHROUGH("Strikethrough", "strikethrough"), SPOILER("Spoiler", "spoiler"), CODE("Code", "code"),
        PRE("Pre", "pre"), PRE_CODE("PreCode", "pre"), TEXT_URL("TextUrl", "text_link"),
        CUSTOM_EMOJI("CustomEmoji", "custom_emoji"), BLOCKQUOTE("BlockQuote", "blockquote"),
        EXPANDABLE_BLOCKQUOTE("ExpandableBlockQuote", "expandable_blockquote");

        final String errorName;
        final String apiType;

        Kind(String errorName, String apiType) {
            this.errorName = errorName;
            this.apiType = apiType;
        }
    }

    /** An entity begun at {@code sourceIndex} of the source and {@code offset} of the text. */
    private record Open(Kind kind, String argument, int offset, int sourceIndex) {
    }

    private final String source;
    private final int n;
    private final StringBuilder out = new StringBuilder();
    private final List<TelegramEntity> entities = new ArrayList<>();
    private final Deque<Open> open = new ArrayDeque<>();
    private boolean haveBlockquote;
    private boolean canStartBlockquote = true;
    private int i;

    private TelegramMarkdownV2(String source) {
        this.source = source;
        this.n = source.length();
    }

    static TelegramFormattedText parse(String markdown) {
        return new TelegramMarkdownV2(markdown).run();
    }

    private TelegramFormattedText run() {
        for (i = 0; i < n; i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < n && source.charAt(i + 1) > 0 && source.charAt(i + 1) <= 126) {
                char escaped = source.charAt(++i);
                out.append(escaped);
                if (escaped != '\r') {
                    canStartBlockquote = escaped == '\n';
                }
                continue;
            }
            if (reserved().indexOf(c) < 0) {
                out.append(c);
                if (c != '\r') {
                    canStartBlockquote = false;
                }
                continue;
            }
            if (isEndOfEntity(c)) {
                end(c);
            } else {
                begin(c);
            }
        }
        finishBlockquote();
        if (!open.isEmpty()) {
            throw cannotFindEnd(open.peek());
        }
        entities.sort(TelegramFormattedText.ENTITY_ORDER);
        return new TelegramFormattedText(out.toString(), entities);
    }

    private String reserved() {
        Kind top = open.isEmpty() ? null : open.peek().kind();
        return top == Kind.CODE || top == Kind.PRE || top == Kind.PRE_CODE ? "`" : RESERVED;
    }

    private boolean isEndOfEntity(char c) {
        if (open.isEmpty()) {
            return false;
        }
        if (haveBlockquote && c == '\n' && (i + 1 == n || source.charAt(i + 1) != '>')) {
            return true;
        }
        return switch (open.peek().kind()) {
            case BOLD -> c == '*';
            case ITALIC -> c == '_' && at(i + 1) != '_';
            case CODE -> c == '`';
            case PRE, PRE_CODE -> c == '`' && at(i + 1) == '`' && at(i + 2) == '`';
            case TEXT_URL, CUSTOM_EMOJI -> c == ']';
            case UNDERLINE -> c == '_' && at(i + 1) == '_';
            case STRIKETHROUGH -> c == '~';
            case SPOILER -> c == '|' && at(i + 1) == '|';
            case BLOCKQUOTE, EXPANDABLE_BLOCKQUOTE -> false;
        };
    }

    private void begin(char c) {
        int sourceIndex = i;
        switch (c) {
            case '\n' -> {
                out.append('\n');
                canStartBlockquote = true;
            }
            case '>' -> beginBlockquote(c, sourceIndex);
            case '`' -> beginCode(sourceIndex);
            default -> open.push(new Open(readMark(c), null, out.length(), sourceIndex));
        }
    }

    /** Reads the one or two characters that begin an entity of text at {@code i}, leaving {@code i} on the last. */
    private Kind readMark(char c) {
        return switch (c) {
            case '_' -> {
                if (at(i + 1) != '_') {
                    yield Kind.ITALIC;
                }
                i++;
                yield Kind.UNDERLINE;
            }
            case '*' -> Kind.BOLD;
            case '~' -> Kind.STRIKETHROUGH;
            case '|' -> {
                readSecond('|', c);
                yield Kind.SPOILER;
            }
            case '[' -> Kind.TEXT_URL;
            case '!' -> {
                readSecond('[', c);
                yield Kind.CUSTOM_EMOJI;
            }
            default -> throw reservedCharacter(c);
        };
    }

    /** A mark of two characters: the one after {@code first} must be {@code second}. */
    private void readSecond(char second, char first) {
        if (at(i + 1) != second) {
            throw reservedCharacter(first);
        }
        i++;
    }

    /** A quote begins at the start of a line; its next lines' '>' only go on with it. */
    private void beginBlockquote(char c, int sourceIndex) {
        if (!canStartBlockquote) {
            throw reservedCharacter(c);
        }
        if (haveBlockquote) {
            return;
        }
        haveBlockquote = true;
        open.push(new Open(Kind.BLOCKQUOTE, null, out.length(), sourceIndex));
    }

    /** '`' begins code; '```' a pre block, whose first word, when a line follows, names the code's language. */
    private void beginCode(int sourceIndex) {
        if (at(i + 1) != '`' || at(i + 2) != '`') {
            open.push(new Open(Kind.CODE, null, out.length(), sourceIndex));
            return;
        }
        i += 3;
        Kind kind = Kind.PRE;
        String language = null;
        int languageEnd = i;
        while (languageEnd < n && !isSpace(source.charAt(languageEnd)) && source.charAt(languageEnd) != '`') {
            languageEnd++;
        }
        if (i != languageEnd && languageEnd < n && source.charAt(languageEnd) != '`') {
            kind = Kind.PRE_CODE;
            language = source.substring(i, languageEnd);
            i = languageEnd;
        }
        skipOneLineBreak();
        i--;
        open.push(new Open(kind, language, out.length(), sourceIndex));
    }

    private void skipOneLineBreak() {
        char c = at(i);
        if (c == '\n' || c == '\r') {
            char next = at(i + 1);
            i += (next == '\n' || next == '\r') && next != c ? 2 : 1;
        }
    }

    private void end(char c) {
        Kind kind = open.peek().kind();
        if (c == '\n' && kind != Kind.BLOCKQUOTE) {
            endSpoilerThatMakesQuoteExpandable();
            kind = Kind.EXPANDABLE_BLOCKQUOTE;
        }
        Open top = open.peek();
        String argument = top.argument();
        boolean skip = out.length() == top.offset();
        switch (kind) {
            case UNDERLINE, SPOILER -> i++;
            case PRE, PRE_CODE -> i += 2;
            case TEXT_URL -> {
                String url = at(i + 1) == '(' ? readUrl() : out.substring(top.offset());
                argument = TelegramLinks.checked(url).orElse(null);
                skip |= argument == null;
            }
            case CUSTOM_EMOJI -> {
                argument = customEmojiId();
                skip |= argument == null;
            }
            case BLOCKQUOTE, EXPANDABLE_BLOCKQUOTE -> {
                haveBlockquote = false;
                out.append(source.charAt(i));
                canStartBlockquote = true;
                skip = false;
            }
            default -> {
            }
        }
        if (!skip) {
            entities.add(new TelegramEntity(kind.apiType, top.offset(), out.length() - top.offset(), argument));
        }
        open.pop();
    }

    /**
     * A line of a quote ends: only a spoiler closed by "||" right at its end may be open, and it makes the quote
     * expandable.
     */
    private void endSpoilerThatMakesQuoteExpandable() {
        Open spoiler = open.peek();
        boolean spoilerEndsLine = spoiler.kind() == Kind.SPOILER && (spoiler.sourceIndex() == i - 2
                || (spoiler.sourceIndex() == i - 3 && !out.isEmpty() && out.charAt(out.length() - 1) == '\r'));
        if (!spoilerEndsLine) {
            throw cannotFindEnd(spoiler);
        }
        open.pop();
        if (open.peek().kind() != Kind.BLOCKQUOTE) {
            throw cannotFindEnd(open.peek());
        }
    }

    /** The custom emoji's id from its {@code (tg://emoji?id=...)}; null for a {@code tg://time} URL, no entity. */
    private String customEmojiId() {
        if (at(i + 1) != '(') {
            throw TelegramErrors.cantParseEntities("The entity must contain a tg://emoji or tg://time URL");
        }
        String url = readUrl();
        Matcher emoji = CUSTOM_EMOJI_URL.matcher(url);
        if (emoji.matches()) {
            return emoji.group(1);
        }
        if (TIME_URL.matcher(url).matches()) {
            return null;
        }
        throw TelegramErrors.cantParseEntities("Invalid tg://emoji or tg://time URL specified");
    }

    /** Reads {@code (url)} after the ']' at {@code i}, unescaping '\' pairs; leaves {@code i} on the ')'. */
    private String readUrl() {
        i += 2;
        int urlBegin = i;
        StringBuilder url = new StringBuilder();
        while (i < n && source.charAt(i) != ')') {
            if (source.charAt(i) == '\\' && i + 1 < n && source.charAt(i + 1) > 0 && source.charAt(i + 1) <= 126) {
                url.append(source.charAt(i + 1));
                i += 2;
                continue;
            }
            url.append(source.charAt(i++));
        }
        if (i >= n) {
            throw TelegramErrors.cantParseEntities("Can't find end of a URL at byte offset " + byteOffset(urlBegin));
        }
        return url.toString();
    }

    private void finishBlockquote() {
        if (!haveBlockquote) {
            return;
        }
        Kind kind = Kind.BLOCKQUOTE;
        if (open.peek().kind() == Kind.SPOILER && open.peek().sourceIndex() == n - 2) {
            open.pop();
            kind = Kind.EXPANDABLE_BLOCKQUOTE;
        }
        if (open.peek().kind() == Kind.BLOCKQUOTE) {
            haveBlockquote = false;
            Open quote = open.pop();
            if (out.length() > quote.offset()) {
                entities.add(new TelegramEntity(kind.apiType, quote.offset(), out.length() - quote.offset()));
            }
        }
    }

    private char at(int index) {
        return index < n ? source.charAt(index) : '\0';
    }

    private HttpProblem reservedCharacter(char c) {
        return TelegramErrors.cantParseEntities(
                "Character '" + c + "' is reserved and must be escaped with the preceding '\\'");
    }

    private HttpProblem cannotFindEnd(Open entity) {
        return TelegramErrors.cantParseEntities("Can't find end of " + entity.kind().errorName
                + " entity at byte offset " + byteOffset(entity.sourceIndex()));
    }

    private int byteOffset(int index) {
        return TelegramFormattedText.utf8Length(source.substring(0, index));
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u000b' || c == '\f';
    }
}
