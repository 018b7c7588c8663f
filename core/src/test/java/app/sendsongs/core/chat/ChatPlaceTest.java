package app.sendsongs.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.shared.ChatAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatPlaceTest {
    private static final ChatAddress CHAT = ChatAddress.parse("telegram:-1001987654321");

    @Test
    void aTopicsAddressIsTheChatsWithTheTopicAndReadsBack() {
        ChatPlace topic = new ChatPlace(CHAT, Optional.of("12"));

        assertThat(topic.address()).isEqualTo(ChatAddress.parse("telegram:-1001987654321/12"));
        assertThat(ChatPlace.of(topic.address())).isEqualTo(topic);
    }

    @Test
    void theChatItselfIsItsOwnAddress() {
        assertThat(new ChatPlace(CHAT, Optional.empty()).address()).isEqualTo(CHAT);
        assertThat(ChatPlace.of(CHAT)).isEqualTo(new ChatPlace(CHAT, Optional.empty()));
        assertThat(ChatPlace.of(ChatAddress.parse("telegram:7"))).isEqualTo(
                new ChatPlace(ChatAddress.parse("telegram:7"), Optional.empty()));
    }

    @Test
    void aTopicIdIsOneWordWithoutTheMark() {
        for (String bad : new String[] {"", " ", "1/2", " 3"}) {
            assertThatThrownBy(() -> new ChatPlace(CHAT, Optional.of(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
