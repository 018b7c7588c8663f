package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.chat.GroupChat;
import app.sendsongs.core.chat.GroupChatAction;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.HandleSeen;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The queued form of the core's events: every kind comes back equal, and bad bodies are refused by name. */
class InboundCodecTest {
    private static final ChatAddress ALICE = ChatAddress.messenger("6483920174825591");
    private static final Instant AT = Instant.parse("2025-11-25T09:59:59.871123Z");

    private static final ChatAddress BOB_ON_TELEGRAM = new ChatAddress(Platform.TELEGRAM, "511223344");
    private static final GroupChat BAND = new GroupChat(new ChatAddress(Platform.TELEGRAM, "-1001987654321"),
            "Friday Band 🎸");

    private static Inbound inGroup(String updateId, GroupChatAction action) {
        return new Inbound.InGroupChat(updateId, BOB_ON_TELEGRAM, AT, BAND, action);
    }

    @Test
    void everyKindOfEventComesBackEqual() {
        List<Inbound> events = List.of(
                new Inbound.Text("m_1", ALICE, AT, "send_song name:\"Bob Fisher\" pre:\"🎧 für dich\" "
                        + "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC"),
                new Inbound.ChoiceTapped("m_2", ALICE, AT, "1", "Dan Brown (since May)"),
                new Inbound.ButtonTapped("m_3", new ChatAddress(Platform.TELEGRAM, "42:odd"), AT, "pending", "Pending"),
                new Inbound.OpenedLink("ref-1", ALICE, AT, ""),
                new Inbound.Unreadable("m_4", ALICE, AT, "voice message"),
                new Inbound.Edited(Inbound.editedMessageId("511223344", "57"), BOB_ON_TELEGRAM, AT),
                new Inbound.BotBlocked("254000138", BOB_ON_TELEGRAM, AT),
                new Inbound.BotUnblocked("254000139", BOB_ON_TELEGRAM, AT),
                inGroup("254000140", new GroupChatAction.Command("send", "for the drive post:“told you”",
                        Optional.of("listen https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC"))),
                inGroup("254000147", new GroupChatAction.Command("send", "", Optional.of("https://spotify.link/x"),
                        Optional.of(new ChatAddress(Platform.TELEGRAM, "8")))),
                inGroup("254000141", new GroupChatAction.Command("join", "", Optional.empty())),
                inGroup("254000142", new GroupChatAction.Tap("join", "3011000000000000001")),
                inGroup(Inbound.editedMessageId("-1001987654321", "9"), new GroupChatAction.Edited()),
                inGroup("254000143", new GroupChatAction.BotAdded()),
                inGroup("254000144", new GroupChatAction.BotRemoved()),
                inGroup("254000147", new GroupChatAction.Renamed()),
                inGroup("254000145", new GroupChatAction.MemberLeft(BOB_ON_TELEGRAM)),
                inGroup("254000146", new GroupChatAction.Moved(new ChatAddress(Platform.TELEGRAM, "-1002471352452"))));

        for (Inbound event : events) {
            assertThat(InboundCodec.decode(InboundCodec.encode(event))).isEqualTo(event);
        }
    }

    @Test
    void theUsernameSeenWithAnEventComesBackAsDoesItsAbsenceAndABodyWithoutOneTellsNothing() {
        Inbound text = new Inbound.Text("254000150", BOB_ON_TELEGRAM, AT, "/history");
        HandleSeen bobbyT = new HandleSeen(BOB_ON_TELEGRAM, Optional.of("bobby_t"));
        HandleSeen none = new HandleSeen(BOB_ON_TELEGRAM, Optional.empty());

        assertThat(InboundCodec.encode(text, Optional.of(bobbyT))).contains("\"handle\":\"bobby_t\"");
        assertThat(InboundCodec.read(InboundCodec.encode(text, Optional.of(bobbyT))))
                .isEqualTo(new InboundCodec.Queued(text, Optional.of(bobbyT)));
        assertThat(InboundCodec.read(InboundCodec.encode(text, Optional.of(none))))
                .isEqualTo(new InboundCodec.Queued(text, Optional.of(none)));
        String before = "{\"version\":1,\"kind\":\"text\",\"eventId\":\"254000150\",\"from\":\"telegram:511223344\","
                + "\"at\":\"2025-11-25T09:59:59.871123Z\",\"text\":\"/history\"}";
        assertThat(InboundCodec.read(before)).as("queued by a build before handles came along")
                .isEqualTo(new InboundCodec.Queued(text, Optional.empty()));
        assertThat(InboundCodec.encode(text, Optional.of(new HandleSeen(ALICE, Optional.of("alice_x")))))
                .as("only the sender's").doesNotContain("handle");
    }

    @Test
    void theTopicAGroupChatEventHappenedInComesBackAndOneQueuedWithoutIsInNone() {
        Inbound inTopic = new Inbound.InGroupChat("254000148", BOB_ON_TELEGRAM, AT,
                new GroupChat(BAND.address(), BAND.title(), Optional.of("3190")), new GroupChatAction.Tap("join", "7"));

        assertThat(InboundCodec.encode(inTopic)).contains("\"topic\":\"3190\"");
        assertThat(InboundCodec.decode(InboundCodec.encode(inTopic))).isEqualTo(inTopic);
        String queued = "{\"version\":1,\"kind\":\"group\",\"eventId\":\"254000140\",\"from\":\"telegram:511223344\","
                + "\"at\":\"2025-11-25T09:59:59.871123Z\",\"chat\":\"telegram:-1001987654321\",\"title\":\"Band\","
                + "\"action\":\"tap\",\"payload\":\"join\",\"tapId\":\"7\"}";
        assertThat(((Inbound.InGroupChat) InboundCodec.decode(queued)).chat().topic()).isEmpty();
    }

    @Test
    void aReplyQueuedBeforeItsAuthorWasCarriedIsReadWithoutOne() {
        String queued = "{\"version\":1,\"kind\":\"group\",\"eventId\":\"254000140\",\"from\":\"telegram:511223344\","
                + "\"at\":\"2025-11-25T09:59:59.871123Z\",\"chat\":\"telegram:-1001987654321\",\"title\":\"Band\","
                + "\"action\":\"command\",\"name\":\"send\",\"arguments\":\"\",\"replied\":\"https://spotify.link/x\"}";

        assertThat(((Inbound.InGroupChat) InboundCodec.decode(queued)).action()).isEqualTo(
                new GroupChatAction.Command("send", "", Optional.of("https://spotify.link/x"), Optional.empty()));
    }

    @Test
    void theBodyIsSmallVersionedJsonInAsciiOnly() {
        String body = InboundCodec.encode(new Inbound.Text("m_1", ALICE, AT, "hé 🎧\u0000\n"));

        assertThat(body).isEqualTo("{\"version\":1,\"kind\":\"text\",\"eventId\":\"m_1\","
                + "\"from\":\"messenger:6483920174825591\",\"at\":\"2025-11-25T09:59:59.871123Z\","
                + "\"text\":\"h\\u00E9 \\uD83C\\uDFA7\\u0000\\n\"}");
        assertThat(body.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    @Test
    void aLoneSurrogateARealMessengerStringMayHoldRoundTrips() {
        Inbound odd = new Inbound.Text("m_1", ALICE, AT, "broken \uD83C pair");

        assertThat(InboundCodec.decode(InboundCodec.encode(odd))).isEqualTo(odd);
    }

    @Test
    void anEventLargerThanAQueueMessageIsRefusedAndTheLargestThatFitsIsKept() {
        String overhead = InboundCodec.encode(new Inbound.Text("m_1", ALICE, AT, ""));
        Inbound fits = new Inbound.Text("m_1", ALICE, AT, "a".repeat(InboundCodec.MAX_BYTES - overhead.length()));
        Inbound tooLarge = new Inbound.Text("m_1", ALICE, AT, "é".repeat(InboundCodec.MAX_BYTES / 6 + 1));

        assertThat(InboundCodec.encode(fits)).hasSize(InboundCodec.MAX_BYTES);
        assertThatThrownBy(() -> InboundCodec.encode(tooLarge)).isInstanceOf(InboundCodec.TooLargeException.class)
                .hasMessageContaining("does not fit in a queue message");
        assertThatThrownBy(() -> InboundCodec.decode(" ".repeat(InboundCodec.MAX_BYTES + 1)))
                .hasMessageContaining("larger than " + InboundCodec.MAX_BYTES);
    }

    @Test
    void malformedBodiesAreRefusedByWhatIsWrongNeverByTheirText() {
        String good = InboundCodec.encode(new Inbound.Text("m_1", ALICE, AT, "private words"));

        assertThatThrownBy(() -> InboundCodec.decode("private words")).hasMessage("a queued event is not JSON");
        assertThatThrownBy(() -> InboundCodec.decode("[]")).hasMessage("a queued event is not a JSON object");
        assertThatThrownBy(() -> InboundCodec.decode(good.replace("\"version\":1", "\"version\":2")))
                .hasMessage("a queued event of version 2 cannot be read here (version 1 can)");
        assertThatThrownBy(() -> InboundCodec.decode(good.replace("\"version\":1,", "")))
                .hasMessage("a queued event has no version");
        assertThatThrownBy(() -> InboundCodec.decode(good.replace("\"text\":", "\"words\":")))
                .hasMessage("a queued event lacks the text field text");
        assertThatThrownBy(() -> InboundCodec.decode(good.replace("\"kind\":\"text\"", "\"kind\":\"sticker\"")))
                .hasMessage("a queued event of unknown kind sticker");
        assertThatThrownBy(() -> InboundCodec.decode(good.replace("2025-11-25T09:59:59.871123Z", "yesterday")))
                .hasMessageStartingWith("a queued event has an unreadable field");
        assertThatThrownBy(() -> InboundCodec.decode(good.replace("messenger:6483920174825591", "nobody")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InboundCodec.decode(good.replace("\"eventId\":\"m_1\"", "\"eventId\":\" \"")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
