package app.sendsongs.telegram;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A message text as a list of spans, plain, bold or linked, sent in Telegram's HTML parse mode
 * (https://core.telegram.org/bots/api#html-style). Building the text from spans rather than writing HTML keeps every
 * piece of text escaped and every tag closed, and lets a long text be split anywhere without breaking a tag. Its
 * {@link #length()} is what Telegram counts against the 4096-character limit: the text people see, in UTF-16 units.
 */
public record FormattedText(List<FormattedText.Span> spans) {
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "tg");

    /** A piece of the text. */
    public sealed interface Span {
        String text();

        Span withText(String text);
    }

    public record Plain(String text) implements Span {
        public Plain {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public Span withText(String text) {
            return new Plain(text);
        }
    }

    public record Bold(String text) implements Span {
        public Bold {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public Span withText(String text) {
            return new Bold(text);
        }
    }

    /** Text that opens {@code url}: an absolute http, https or tg URL. */
    public record Link(String text, URI url) implements Span {
        public Link {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!LINK_SCHEMES.contains(scheme)) {
                throw new IllegalArgumentException("a link opens an http, https or tg URL");
            }
        }

        @Override
        public Span withText(String text) {
            return new Link(text, url);
        }
    }

    public FormattedText {
        spans = List.copyOf(spans);
    }

    public static FormattedText plain(String text) {
        return new FormattedText(List.of(new Plain(text)));
    }

    public static FormattedText bold(String text) {
        return new FormattedText(List.of(new Bold(text)));
    }

    public static FormattedText link(String text, URI url) {
        return new FormattedText(List.of(new Link(text, url)));
    }

    /** This text followed by {@code more}. */
    public FormattedText append(FormattedText more) {
        List<Span> all = new ArrayList<>(spans);
        all.addAll(more.spans);
        return new FormattedText(all);
    }

    /** The text people see. */
    public String visibleText() {
        StringBuilder text = new StringBuilder();
        spans.forEach(span -> text.append(span.text()));
        return text.toString();
    }

    /** Characters Telegram counts: UTF-16 units of the visible text. */
    public int length() {
        int length = 0;
        for (Span span : spans) {
            length += span.text().length();
        }
        return length;
    }

    public boolean isBlank() {
        return visibleText().isBlank();
    }

    /** The text in Telegram's HTML: each span escaped, bold in {@code <b>}, links in {@code <a href>}. */
    public String html() {
        StringBuilder html = new StringBuilder();
        for (Span span : spans) {
            switch (span) {
                case Plain plain -> html.append(TelegramHtml.escape(plain.text()));
                case Bold bold -> html.append("<b>").append(TelegramHtml.escape(bold.text())).append("</b>");
                case Link link -> html.append("<a href=\"").append(TelegramHtml.escape(link.url().toString()))
                        .append("\">").append(TelegramHtml.escape(link.text())).append("</a>");
            }
        }
        return html.toString();
    }

    /**
     * Parts of at most {@code maxLength} characters each, in order, cut at a line break or else a space in the last
     * half of a part when there is one, else between characters as people see them; the white space at a cut is dropped (Telegram
     * trims it anyway). A span cut in two keeps its format on both sides.
     */
    public List<FormattedText> split(int maxLength) {
        if (maxLength < 2) {
            throw new IllegalArgumentException("a part holds at least 2 characters");
        }
        String all = visibleText();
        if (all.length() <= maxLength) {
            return List.of(this);
        }
        List<FormattedText> parts = new ArrayList<>();
        int start = TextCut.skipSpaces(all, 0);
        while (all.length() - start > maxLength) {
            int cut = TextCut.cutPoint(all, start, maxLength);
            int end = TextCut.trimEnd(all, start, cut);
            if (end > start) {
                parts.add(slice(start, end));
            }
            start = TextCut.skipSpaces(all, cut);
        }
        int end = TextCut.trimEnd(all, start, all.length());
        if (end > start) {
            parts.add(slice(start, end));
        }
        return parts;
    }

    /** The spans covering {@code [from, to)} of the visible text. */
    private FormattedText slice(int from, int to) {
        List<Span> kept = new ArrayList<>();
        int offset = 0;
        for (Span span : spans) {
            int spanStart = offset;
            int spanEnd = offset + span.text().length();
            offset = spanEnd;
            int a = Math.max(spanStart, from);
            int b = Math.min(spanEnd, to);
            if (a < b) {
                kept.add(span.withText(span.text().substring(a - spanStart, b - spanStart)));
            }
        }
        return new FormattedText(kept);
    }
}
