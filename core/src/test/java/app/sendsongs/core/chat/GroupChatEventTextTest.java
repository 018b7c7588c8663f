package app.sendsongs.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupChatEventTextTest {
    private static final ChatAddress FROM = ChatAddress.parse("telegram:7");
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");
    private static final GroupChat CHAT = new GroupChat(ChatAddress.parse("telegram:-100123"), "Songs");

    @Test
    void fieldsThatLookLikeLengthsComeBackAsTyped() {
        Inbound.InGroupChat event = new Inbound.InGroupChat("9", FROM, AT, CHAT,
                new GroupChatAction.Command("send", "3:ab 12:", Optional.of("0:")));

        assertThat(read(GroupChatEventText.of(event))).isEqualTo(event);
    }

    @Test
    void aRenameComesBack() {
        Inbound.InGroupChat event = new Inbound.InGroupChat("9", FROM, AT, CHAT, new GroupChatAction.Renamed());

        assertThat(read(GroupChatEventText.of(event))).isEqualTo(event);
    }

    @Test
    void aCommandWithoutArgumentsOrReplyComesBackWithout() {
        Inbound.InGroupChat event = new Inbound.InGroupChat("9", FROM, AT, CHAT,
                new GroupChatAction.Command("join", "", Optional.empty()));

        assertThat(read(GroupChatEventText.of(event))).isEqualTo(event);
    }

    @Test
    void theAuthorOfTheMessageRepliedToComesBack() {
        Inbound.InGroupChat event = new Inbound.InGroupChat("9", FROM, AT, CHAT, new GroupChatAction.Command("send",
                "", Optional.of("https://open.spotify.com/track/x"), Optional.of(ChatAddress.parse("telegram:8"))));

        assertThat(read(GroupChatEventText.of(event))).isEqualTo(event);
    }

    @Test
    void aReplyStoredBeforeItsAuthorWasKeptIsReadWithoutOne() {
        String stored = "17:telegram:-10012377:command4:send0:32:https://open.spotify.com/track/x";

        assertThat(read(stored).action()).isEqualTo(new GroupChatAction.Command("send", "",
                Optional.of("https://open.spotify.com/track/x"), Optional.empty()));
    }

    @Test
    void theTopicItHappenedInComesBackAndAnEventStoredBeforeTopicsWereKeptIsInNone() {
        GroupChat inTopic = new GroupChat(CHAT.address(), CHAT.title(), Optional.of("12"));
        Inbound.InGroupChat event = new Inbound.InGroupChat("9", FROM, AT, inTopic,
                new GroupChatAction.Tap("join", "q1"));

        assertThat(GroupChatEventText.of(event)).startsWith("19:telegram:-100123/12");
        assertThat(read(GroupChatEventText.of(event))).isEqualTo(event);
        assertThat(read("16:telegram:-1001233:tap4:join2:q1").chat()).isEqualTo(CHAT);
    }

    @Test
    void anEditOfAMessageForTheBotComesBack() {
        Inbound.InGroupChat event = new Inbound.InGroupChat(Inbound.editedMessageId("-100123", "7"), FROM, AT, CHAT,
                new GroupChatAction.Edited());

        assertThat(GroupChatEventText.read(event.eventId(), FROM, AT, GroupChatEventText.of(event), CHAT.title()))
                .isEqualTo(event);
    }

    @Test
    void textThatIsNoGroupChatEventIsRefusedClearly() {
        for (String bad : new String[] {"", "x", "17:telegram:-100123", "5:abc", "-1:", "99999999999:a",
                "17:telegram:-1001234:what", "17:telegram:-1001233:tap1:a"}) {
            assertThatThrownBy(() -> read(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Inbound.InGroupChat read(String text) {
        return GroupChatEventText.read("9", FROM, AT, text, CHAT.title());
    }
}
