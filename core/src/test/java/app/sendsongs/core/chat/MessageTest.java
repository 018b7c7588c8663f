package app.sendsongs.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.shared.ChatAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The platform-neutral message: its limits, and the plain text a platform without rich messages sends. */
class MessageTest {
    private static final URI SONG = URI.create("https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC");

    @Test
    void aTextMessageFallsBackToItsText() {
        assertThat(Message.text("Hello").fallbackText()).isEqualTo("Hello");
        assertThat(Message.text("Hello").hasOnlyText()).isTrue();
    }

    @Test
    void theFallbackCarriesTheCardAndTheChoicesAsLines() {
        SongCard card = SongCard.of("Never Gonna Give You Up", "Rick Astley", SONG)
                .withImage(URI.create("https://i.scdn.co/image/abc"))
                .withButtons(List.of(new Button.Link("Open in Spotify", SONG),
                        new Button.Reply("Don't tell Alice", "receipts off Alice")));
        Message message = Message.text("🎵 Alice sent you a song")
                .withCard(card)
                .withChoices(List.of(Choice.of("history"), new Choice("Bob Fisher", "1"), new Choice("Help", "help")));

        assertThat(message.hasOnlyText()).isFalse();
        assertThat(message.fallbackText()).isEqualTo("""
                🎵 Alice sent you a song
                Never Gonna Give You Up
                Rick Astley
                https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC
                Open in Spotify: https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC
                Don't tell Alice — reply: receipts off Alice
                • history
                • Bob Fisher — reply: 1
                • Help""");
    }

    @Test
    void aCardNeedsNoTextAndAnEmptySubtitleIsLeftOut() {
        Message message = new Message("", List.of(), Optional.of(SongCard.of("Take On Me", "", SONG)));

        assertThat(message.fallbackText()).isEqualTo("Take On Me\n" + SONG);
    }

    @Test
    void aMessageWithoutTextNeedsACard() {
        assertThatThrownBy(() -> Message.text(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Message("", List.of(Choice.of("1")), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPayloadIsAtMost64BytesOfUtf8() {
        assertThat(Choice.of("x".repeat(64)).payload()).hasSize(64);
        assertThatThrownBy(() -> Choice.of("x".repeat(65))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 bytes");
        // 22 three-byte characters are 66 bytes though only 22 characters
        assertThatThrownBy(() -> new Choice("ok", "€".repeat(22))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Button.Reply("ok", "€".repeat(22))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Choice("ok", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Choice(" ", "1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void atMostThirteenChoicesAndThreeButtons() {
        List<Choice> thirteen = Collections.nCopies(13, Choice.of("1"));
        assertThat(Message.text("Pick").withChoices(thirteen).choices()).hasSize(13);
        assertThatThrownBy(() -> Message.text("Pick").withChoices(Collections.nCopies(14, Choice.of("1"))))
                .isInstanceOf(IllegalArgumentException.class);

        List<Button> three = Collections.nCopies(3, new Button.Link("Open", SONG));
        assertThat(SongCard.of("Song", "", SONG).withButtons(three).buttons()).hasSize(3);
        assertThatThrownBy(() -> SongCard.of("Song", "", SONG).withButtons(Collections.nCopies(4,
                new Button.Link("Open", SONG)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linksAreAbsoluteHttpUrls() {
        assertThatThrownBy(() -> SongCard.of("Song", "", URI.create("spotify:track:4uLU6hMCjMI75M1A2tKUQC")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Button.Link("Open", URI.create("/relative")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Button.Link("Open", URI.create("javascript:alert(1)")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInboundEventIsRecordedUnderItsPlatformAndId() {
        Instant at = Instant.parse("2030-05-01T12:00:00Z");
        Inbound typed = new Inbound.Text("m_1", ChatAddress.messenger("123"), at, "help");
        Inbound tapped = new Inbound.ChoiceTapped("m_1", ChatAddress.parse("telegram:123"), at, "1", "Bob");

        assertThat(typed.deliveryKey()).isEqualTo("messenger:m_1");
        assertThat(tapped.deliveryKey()).isEqualTo("telegram:m_1");
        assertThatThrownBy(() -> new Inbound.OpenedLink(" ", ChatAddress.messenger("123"), at, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
