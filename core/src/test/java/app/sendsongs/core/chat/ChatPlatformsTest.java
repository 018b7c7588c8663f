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

    /** Sends every part of the message, as the outbox does; the outcome of the first that did not go, else Sent. */
    private SendOutcome send(ChatAddress to, Message message, MessageKind kind) {
        for (Message part : platforms.parts(to, message)) {
            SendOutcome outcome = platforms.send(to, part, kind, "ref");
            if (!(outcome instanceof SendOutcome.Sent)) {
                return outcome;
            }
        }
        return new SendOutcome.Sent();
    }

    @Test
    void aMessageGoesToThePlatformOfTheAddress() {
        send(ChatAddress.messenger("42"), Message.text("on Messenger"), MessageKind.RESPONSE);
        send(new ChatAddress(PLAIN, "42"), Message.text("on the other"), MessageKind.RESPONSE);

        assertThat(messenger.inbox("42")).containsExactly("on Messenger");
        assertThat(plain.inbox("42")).containsExactly("on the other");
    }

    @Test
    void aPlatformThatShowsRichMessagesGetsThemWhole() {
        assertThat(send(ChatAddress.messenger("42"), song, MessageKind.UPDATE))
                .isEqualTo(new SendOutcome.Sent());

        assertThat(messenger.messages("42")).containsExactly(song);
    }

    @Test
    void aPlatformOfPlainTextGetsTheFallbackInPartsItTakes() {
        send(new ChatAddress(PLAIN, "42"), song, MessageKind.UPDATE);

        assertThat(plain.messages("42")).allMatch(Message::hasOnlyText).allMatch(m -> m.text().length() <= 40);
        assertThat(String.join("\n", plain.inbox("42"))).isEqualTo(song.fallbackText());
    }

    @Test
    void theChoicesAndCardGoWithTheLastPartOfALongText() {
        Message longSong = song.withText("word ".repeat(500).strip());

        assertThat(platforms.parts(ChatAddress.messenger("42"), longSong)).hasSize(2);
        send(ChatAddress.messenger("42"), longSong, MessageKind.UPDATE);

        List<Message> parts = messenger.messages("42");
        assertThat(parts).hasSize(2);
        assertThat(parts.getFirst().hasOnlyText()).isTrue();
        assertThat(parts.getLast().card()).isEqualTo(song.card());
        assertThat(parts.getLast().choices()).isEqualTo(song.choices());
        assertThat(parts.getFirst().text() + " " + parts.getLast().text()).isEqualTo(longSong.text());
    }

    @Test
    void aLongTextWithoutSpacesIsCutBetweenCharactersAsPeopleSeeThem() {
        String thai = "\u0e01" + "\u0e2a\u0e38".repeat(30);
        String families = "a" + "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67".repeat(6);

        send(new ChatAddress(PLAIN, "42"), Message.text(thai), MessageKind.RESPONSE);
        send(new ChatAddress(PLAIN, "43"), Message.text(families), MessageKind.RESPONSE);

        assertThat(plain.inbox("42")).as("a vowel sign stays with its letter")
                .containsExactly(thai.substring(0, 39), thai.substring(39));
        assertThat(plain.inbox("43")).as("a family stays whole").containsExactly(families.substring(0, 33),
                families.substring(33));
    }

    @Test
    void aLineThatStartsWithARightToLeftNameGoesOutMarkedToReadLeftToRight() {
        Message notice = Message.text("🎧 علی listened to “Take On Me”\nBob Fisher did too")
                .withChoices(List.of(Choice.of("دنا")));

        send(ChatAddress.messenger("42"), notice, MessageKind.UPDATE);
        send(new ChatAddress(PLAIN, "42"), notice, MessageKind.UPDATE);

        assertThat(messenger.inbox("42"))
                .containsExactly("\u200E🎧 علی listened to “Take On Me”\nBob Fisher did too");
        assertThat(messenger.messages("42").getFirst().choices()).as("a tap is a label of its own")
                .isEqualTo(notice.choices());
        assertThat(String.join("\n", plain.inbox("42")))
                .isEqualTo("\u200E🎧 علی listened to “Take On Me”\nBob Fisher did too\n\u200E• دنا");
    }

    @Test
    void aPlatformThatIsNotConfiguredIsUnreachable() {
        SendOutcome outcome = send(ChatAddress.parse("telegram:42"), song, MessageKind.UPDATE);

        assertThat(outcome).isInstanceOf(SendOutcome.Unreachable.class);
        assertThat(messenger.inbox("42")).isEmpty();
    }

    @Test
    void onePlatformIsConfiguredOnce() {
        assertThatThrownBy(() -> new ChatPlatforms(List.of(messenger, new RecordingChat())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("messenger");
    }
}
