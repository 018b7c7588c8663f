package app.sendsongs.telegram;

import app.sendsongs.core.chat.Button;
import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.ChoiceTitles;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.SongCard;
import app.sendsongs.core.shared.Graphemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A core {@link Message} as Telegram messages (https://core.telegram.org/bots/api#sendmessage), in the order they are
 * sent. Telegram puts a text and an inline keyboard in one message, so a message is usually one:
 *
 * <ul>
 *   <li>The text is plain text, escaped for the HTML parse mode ({@link FormattedText}).</li>
 *   <li>A {@link SongCard} whose title and subtitle the text already names makes that title in the text a link to the
 *       song, and adds nothing more (the song's preview and the card's buttons stay). Otherwise it follows the text
 *       after a blank line: its title as a link to the song (Telegram shows the
 *       song's preview, cover included, asked for as the message's preview: else a link in the text before it, in a
 *       note, would be previewed), its subtitle on the next line, and its
 *       buttons as the first row of the inline keyboard: a reply as a callback button carrying its payload, a link as a
 *       URL button.</li>
 *   <li>The choices are callback buttons under the card's, their payloads as {@code callback_data} (the core's payloads
 *       are at most 64 bytes, Telegram's limit), packed {@value #MOST_PER_ROW} to a row while their titles are short.</li>
 *   <li>A text and card together longer than {@value TelegramBotApi#MAX_TEXT} characters go as several messages, cut
 *       at a line break, the keyboard with the last.</li>
 * </ul>
 * Button texts are fitted to {@value #MAX_BUTTON_TEXT} characters: Telegram documents no limit
 * (https://core.telegram.org/bots/api#inlinekeyboardbutton), but a phone shows only the start of a long one; the
 * choices' so that they are still told apart ({@link ChoiceTitles}: two long names that start alike keep the ends that
 * differ).
 */
final class TelegramMessages {
    static final int MAX_BUTTON_TEXT = 40;
    static final int MOST_PER_ROW = 3;
    /** The titles of one row, in all: past this a row of a phone's width cuts them. */
    static final int ROW_TEXT = 30;

    private TelegramMessages() {
    }

    static List<OutgoingText> render(Message message) {
        String plain = message.text().strip();
        FormattedText text = FormattedText.plain(plain);
        if (message.card().isPresent()) {
            SongCard song = message.card().get();
            FormattedText card = card(song);
            text = titleLinked(plain, song)
                    .orElseGet(() -> plain.isEmpty() ? card : FormattedText.plain(plain + "\n\n").append(card));
        }
        List<List<InlineButton>> keyboard = new ArrayList<>();
        message.card().filter(card -> !card.buttons().isEmpty())
                .ifPresent(card -> keyboard.add(card.buttons().stream().map(TelegramMessages::button).toList()));
        keyboard.addAll(rows(message.choices()));
        // the song's preview, not that of a link in the note before it: Telegram previews a message's first link
        return new OutgoingText(text, keyboard, message.card().map(SongCard::link)).split(TelegramBotApi.MAX_TEXT);
    }

    /**
     * The text with the song's title in it as the link to the song, when the text already names the song as the card
     * would (its title, and its subtitle when it has one): the card under it would only say it again.
     */
    private static Optional<FormattedText> titleLinked(String text, SongCard card) {
        String title = card.title().strip();
        int at = text.indexOf(title);
        if (title.isEmpty() || at < 0 || !text.contains(card.subtitle().strip())) {
            return Optional.empty();
        }
        return Optional.of(FormattedText.plain(text.substring(0, at)).append(FormattedText.link(title, card.link()))
                .append(FormattedText.plain(text.substring(at + title.length()))));
    }

    private static FormattedText card(SongCard card) {
        FormattedText text = FormattedText.plain("🎵 ").append(FormattedText.link(card.title().strip(), card.link()));
        return card.subtitle().isBlank() ? text : text.append(FormattedText.plain("\n" + card.subtitle().strip()));
    }

    private static InlineButton button(Button button) {
        String title = fit(button.title());
        return switch (button) {
            case Button.Reply reply -> new InlineButton.Callback(title, reply.payload());
            case Button.Link link -> new InlineButton.Url(title, link.url());
        };
    }

    /** The choices in rows of at most {@value #MOST_PER_ROW}, a row's titles together at most {@value #ROW_TEXT} long. */
    private static List<List<InlineButton>> rows(List<Choice> choices) {
        List<List<InlineButton>> rows = new ArrayList<>();
        List<InlineButton> row = new ArrayList<>();
        int rowText = 0;
        List<String> titles = ChoiceTitles.fitApart(choices.stream().map(Choice::title).toList(), MAX_BUTTON_TEXT);
        for (int i = 0; i < choices.size(); i++) {
            Choice choice = choices.get(i);
            String title = titles.get(i);
            if (!row.isEmpty() && (row.size() == MOST_PER_ROW || rowText + title.length() > ROW_TEXT)) {
                rows.add(row);
                row = new ArrayList<>();
                rowText = 0;
            }
            row.add(new InlineButton.Callback(title, choice.payload()));
            rowText += title.length();
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    /**
     * The title without surrounding white space, cut to {@value #MAX_BUTTON_TEXT} characters with "…" at the cut,
     * which falls between characters as people see them ({@link Graphemes}).
     */
    static String fit(String title) {
        return Graphemes.fit(title, MAX_BUTTON_TEXT);
    }
}
