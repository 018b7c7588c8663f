package app.sendsongs.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real private-chat updates as the core's events. */
class TelegramInboundTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final ChatAddress ALICE = new ChatAddress(Platform.TELEGRAM, "385741296");
    private final UpdateParser parser = new UpdateParser("SendSongsBot", Clock.fixed(NOW, ZoneOffset.UTC));

    private Optional<Inbound> sample(String name) {
        try (InputStream in = getClass().getResourceAsStream("/updates/" + name + ".json")) {
            return TelegramInbound.privateChat(parser.parse(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String update(String text) {
        return "{\"update_id\":254000200,\"message\":{\"message_id\":2,\"from\":{\"id\":385741296,\"first_name\":\"A\"},"
                + "\"chat\":{\"id\":385741296,\"type\":\"private\"},\"date\":1764064800,\"text\":\"" + text + "\"}}";
    }

    @Test
    void aTextIsATextFromThePersonWithTheUpdateIdAsItsEventId() {
        assertThat(sample("private_text")).get().isInstanceOfSatisfying(Inbound.Text.class, text -> {
            assertThat(text.from()).isEqualTo(ALICE);
            assertThat(text.eventId()).isEqualTo("254000123");
            assertThat(text.deliveryKey()).isEqualTo("telegram:254000123");
            assertThat(text.text()).startsWith("send_song name:\"Bob Fisher\"");
            assertThat(text.at()).isEqualTo(Instant.ofEpochSecond(1_764_064_800L));
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/send name:Bob https://open.spotify.com/track/60RgwcFFC3Ka3c210aUVZ6 | send_song name:Bob https://open.spotify.com/track/60RgwcFFC3Ka3c210aUVZ6",
        "/send_song name:Bob x                                                | send_song name:Bob x",
        "/pending                                                             | pending",
        "/help@SendSongsBot                                                   | help",
        "/create_group name:Family                                            | create_group name:Family",
    })
    void aCommandIsTheTextItStandsFor(String typed, String text) {
        Optional<Inbound> event = TelegramInbound.privateChat(parser.parse(update(typed).getBytes()));

        assertThat(event).get().isInstanceOfSatisfying(Inbound.Text.class, t -> assertThat(t.text()).isEqualTo(text));
    }

    @Test
    void startIsAnOpenedLinkWithTheDeepLinksPayload() {
        assertThat(sample("start_payload")).get().isInstanceOfSatisfying(Inbound.OpenedLink.class,
                opened -> assertThat(opened.ref()).isEqualTo("ref-Zm9vYmFy_42"));
        assertThat(sample("start_plain")).get().isInstanceOfSatisfying(Inbound.OpenedLink.class,
                opened -> assertThat(opened.ref()).isEmpty());
    }

    @Test
    void aTapIsAChoiceWithItsDataAndTheButtonsText() {
        assertThat(sample("callback_query")).get().isInstanceOfSatisfying(Inbound.ChoiceTapped.class, tap -> {
            assertThat(tap.from()).isEqualTo(ALICE);
            assertThat(tap.payload()).isEqualTo("send_song to:u42");
            assertThat(tap.title()).isEqualTo("Bob Fisher (Berlin)");
            assertThat(tap.at()).isEqualTo(NOW);
        });
    }

    @Test
    void groupsInlineTapsAndWhatTheBotIgnoresAreNoPrivateEvent() {
        assertThat(sample("group_command")).isEmpty();
        assertThat(sample("callback_inline")).isEmpty();
        assertThat(sample("sticker")).isEmpty();
        assertThat(sample("my_chat_member_blocked")).isEmpty();
    }
}
