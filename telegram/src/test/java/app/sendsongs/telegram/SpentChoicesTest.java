package app.sendsongs.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SpentChoicesTest {
    private static final long ALICE = 385_741_296L;
    private static final TelegramUpdate.Sender FROM = new TelegramUpdate.Sender(ALICE, "Alice", Optional.empty(),
            Optional.empty());
    private static final TelegramUpdate.Chat PRIVATE = new TelegramUpdate.Chat(ALICE, TelegramUpdate.Chat.Type.PRIVATE,
            Optional.empty());
    private static final TelegramUpdate.Chat GROUP = new TelegramUpdate.Chat(-100L, TelegramUpdate.Chat.Type.GROUP,
            Optional.of("Band"));
    private static final List<InlineButton> CARD = List.of(
            new InlineButton.Url("Open in Spotify", URI.create("https://open.spotify.com/track/x")),
            new InlineButton.Callback("Don't tell Bob", "receipts off 1"),
            new InlineButton.Callback("Block Bob", "block 1"));
    private static final List<InlineButton> CHOICES = List.of(new InlineButton.Callback("Send", "send"),
            new InlineButton.Callback("Don't send", "discard"));

    private static TelegramUpdate.ButtonPress tap(TelegramUpdate.Chat chat, String data,
                                                  List<List<InlineButton>> keyboard) {
        return new TelegramUpdate.ButtonPress(1, "q1", FROM, Optional.of(chat), OptionalLong.of(7), Instant.EPOCH, data,
                "", keyboard);
    }

    @Test
    void aTappedChoiceSpendsTheChoicesAndKeepsTheCardsRow() {
        assertThat(SpentChoices.of(tap(PRIVATE, "send", List.of(CARD, CHOICES))))
                .contains(new SpentChoices(ALICE, 7, List.of(CARD)));
        assertThat(SpentChoices.of(tap(PRIVATE, "send", List.of(CHOICES))))
                .contains(new SpentChoices(ALICE, 7, List.of()));
    }

    @Test
    void nothingIsSpentByACardsButtonAGroupTapOrAKeyboardThatDidNotComeAlong() {
        assertThat(SpentChoices.of(tap(PRIVATE, "block 1", List.of(CARD, CHOICES)))).isEmpty();
        assertThat(SpentChoices.of(tap(GROUP, "send", List.of(CHOICES)))).isEmpty();
        assertThat(SpentChoices.of(tap(PRIVATE, "send", List.of()))).isEmpty();
        assertThat(SpentChoices.of(new TelegramUpdate.ButtonPress(1, "q1", FROM, Optional.of(PRIVATE),
                OptionalLong.empty(), Instant.EPOCH, "send", "", List.of(CHOICES)))).isEmpty();
    }
}
