package app.sendsongs.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each message goes out on its receiver's platform, in parts that platform takes, as plain text where it must. */
class ChatPlatformsTest {
    private static final Platform PLAIN = new Platform("plainchat");
    private final RecordingChat messenger = new RecordingChat();
    private final RecordingChat plain = RecordingChat.plainText(PLAIN, 40);
    private final ChatPlatforms platforms = new ChatPlatforms(List.of(messenger, plain));
    private final Message song = Message.text("🎵 Alice sent you a song")
            .withCard(SongCard.of("Take On Me", "a-ha", URI.create("https://open.spotify.com/track/x")))
            .withChoices(List.of(Choice.of("history")));

    @Test
    void aMessageGoesToThePlatformOfTheAddress() {
        platforms.send(ChatAddress.messenger("42"), Message.text("on Messenger"), MessageKind.RESPONSE);
        platforms.send(new ChatAddress(PLAIN, "42"), Message.text("on the other"), MessageKind.RESPONSE);

        assertThat(messenger.inbox("42")).containsExactly("on Messenger");
        assertThat(plain.inbox("42")).containsExactly("on the other");
    }

    @Test
    void aPlatformThatShowsRichMessagesGetsThemWhole() {
        assertThat(platforms.send(ChatAddress.messenger("42"), song, MessageKind.UPDATE))
                .isEqualTo(new SendOutcome.Sent());

        assertThat(messenger.messages("42")).containsExactly(song);
    }

    @Test
    void aPlatformOfPlainTextGetsTheFallbackInPartsItTakes() {
        platforms.send(new ChatAddress(PLAIN, "42"), song, MessageKind.UPDATE);

        assertThat(plain.messages("42")).allMatch(Message::hasOnlyText).allMatch(m -> m.text().length() <= 40);
        assertThat(String.join("\n", plain.inbox("42"))).isEqualTo(song.fallbackText());
    }

    @Test
    void theChoicesAndCardGoWithTheLastPartOfALongText() {
        Message longSong = song.withText("word ".repeat(500).strip());

        platforms.send(ChatAddress.messenger("42"), longSong, MessageKind.UPDATE);

        List<Message> parts = messenger.messages("42");
        assertThat(parts).hasSize(2);
        assertThat(parts.getFirst().hasOnlyText()).isTrue();
        assertThat(parts.getLast().card()).isEqualTo(song.card());
        assertThat(parts.getLast().choices()).isEqualTo(song.choices());
        assertThat(parts.getFirst().text() + " " + parts.getLast().text()).isEqualTo(longSong.text());
    }

    @Test
    void aPlatformThatIsNotConfiguredIsUnreachable() {
        SendOutcome outcome = platforms.send(ChatAddress.parse("telegram:42"), song, MessageKind.UPDATE);

        assertThat(outcome).isInstanceOf(SendOutcome.Unreachable.class);
        assertThat(messenger.inbox("42")).isEmpty();
    }

    @Test
    void onePlatformIsConfiguredOnce() {
        assertThatThrownBy(() -> new ChatPlatforms(List.of(messenger, new RecordingChat())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("messenger");
    }
}
