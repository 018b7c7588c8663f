package app.sendsongs.telegram;

import java.util.List;
import java.util.Optional;

/**
 * The choices under one of the bot's messages in a private chat, spent once one of them was tapped: the message
 * {@code messageId} of the chat {@code chatId} is to keep only {@code kept} (the song card's row, which stays
 * meaningful; none when the message has no card with buttons), as Messenger hides its quick replies once one is tapped.
 *
 * <p>A message's keyboard is {@link TelegramMessages}' rendering: the card's buttons first, in one row that always
 * holds its link (a URL button), then the choices, callback buttons only. So a row with a URL button is the card's. A
 * tap on a card's button ("Don't tell", "Block") spends nothing: the card keeps its buttons, as on Messenger.
 */
public record SpentChoices(long chatId, long messageId, List<List<InlineButton>> kept) {
    public SpentChoices {
        kept = kept.stream().map(List::copyOf).toList();
    }

    /**
     * What a tap spent: empty for a tap in a group (a song post's buttons stay for everyone), on a card's button, under
     * an inline-mode message, or whose message's keyboard did not come along.
     */
    public static Optional<SpentChoices> of(TelegramUpdate.ButtonPress press) {
        boolean privateChat = press.chat().filter(chat -> !chat.isGroup()).isPresent();
        if (!privateChat || press.messageId().isEmpty()) {
            return Optional.empty();
        }
        Optional<List<InlineButton>> tappedRow = press.keyboard().stream()
                .filter(row -> row.stream().anyMatch(button -> carries(button, press.data()))).findFirst();
        if (tappedRow.isEmpty() || isCardRow(tappedRow.get())) {
            return Optional.empty();
        }
        return Optional.of(new SpentChoices(press.chat().get().id(), press.messageId().getAsLong(),
                press.keyboard().stream().filter(SpentChoices::isCardRow).toList()));
    }

    private static boolean carries(InlineButton button, String data) {
        return button instanceof InlineButton.Callback callback && callback.data().equals(data);
    }

    private static boolean isCardRow(List<InlineButton> row) {
        return row.stream().anyMatch(InlineButton.Url.class::isInstance);
    }
}
