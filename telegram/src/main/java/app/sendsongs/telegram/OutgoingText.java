package app.sendsongs.telegram;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A text message for {@code sendMessage} or {@code editMessageText}: its formatted text, an inline keyboard
 * (rows of buttons; none when empty) and the link whose preview it shows: a song's, named since the note before it may
 * hold a link, or none. Telegram would otherwise preview the text's first link, and the other links the bot writes
 * are no song: a person's own connect link (whose preview is the source's login page), the connect page, a
 * placeholder in a help line, a link to the bot. A keyboard has at most {@value #MAX_BUTTONS_PER_ROW} buttons a row and
 * {@value #MAX_BUTTONS} in all. The text may be longer than one message holds; {@link #split} cuts it into messages.
 */
public record OutgoingText(FormattedText text, List<List<InlineButton>> keyboard, Optional<URI> preview) {
    public static final int MAX_BUTTONS_PER_ROW = 8;
    public static final int MAX_BUTTONS = 100;

    public OutgoingText {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a message needs some text that is not only white space");
        }
        List<List<InlineButton>> rows = new ArrayList<>();
        int buttons = 0;
        for (List<InlineButton> row : keyboard) {
            if (row.isEmpty() || row.size() > MAX_BUTTONS_PER_ROW) {
                throw new IllegalArgumentException("a keyboard row holds 1-" + MAX_BUTTONS_PER_ROW + " buttons");
            }
            rows.add(List.copyOf(row));
            buttons += row.size();
        }
        if (buttons > MAX_BUTTONS) {
            throw new IllegalArgumentException("a keyboard holds at most " + MAX_BUTTONS + " buttons");
        }
        keyboard = List.copyOf(rows);
    }

    public OutgoingText(FormattedText text, List<List<InlineButton>> keyboard) {
        this(text, keyboard, Optional.empty());
    }

    /** Plain text without a keyboard. */
    public static OutgoingText of(String text) {
        return new OutgoingText(FormattedText.plain(text), List.of());
    }

    public static OutgoingText of(FormattedText text) {
        return new OutgoingText(text, List.of());
    }

    public OutgoingText withKeyboard(List<List<InlineButton>> rows) {
        return new OutgoingText(text, rows, preview);
    }

    /** Messages of at most {@code maxLength} characters each; the keyboard and the preview go with the last. */
    public List<OutgoingText> split(int maxLength) {
        List<FormattedText> parts = text.split(maxLength);
        List<OutgoingText> messages = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            messages.add(new OutgoingText(parts.get(i), last ? keyboard : List.of(), last ? preview : Optional.empty()));
        }
        return messages;
    }
}
