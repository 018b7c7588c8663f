package app.sendsongs.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.GroupChat;
import app.sendsongs.core.chat.GroupChatAction;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.HandleSeen;
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/leave          | /leave",
        "/who            | /who",
        "/join@SendSongsBot | /join",
        "/frobnicate now | /frobnicate now",
    })
    void aCommandTheBotDoesNotKnowPrivatelyKeepsItsSlashSoItIsNeverTakenForANameOrANote(String typed, String text) {
        // the group chat's /join, /leave and /who, or a typo: read as "leave", it invited someone called "leave" at
        // "Who is it for?" and was the note at "Send … to Bob?"
        Optional<Inbound> event = TelegramInbound.privateChat(parser.parse(update(typed).getBytes()));

        assertThat(event).get().isInstanceOfSatisfying(Inbound.Text.class, t -> assertThat(t.text()).isEqualTo(text));
    }

    private static String reply(String text, String replied) {
        return "{\"update_id\":254000201,\"message\":{\"message_id\":3,\"from\":{\"id\":385741296,\"first_name\":\"A\"},"
                + "\"chat\":{\"id\":385741296,\"type\":\"private\"},\"date\":1764064800,\"text\":\"" + text + "\","
                + "\"reply_to_message\":{\"message_id\":2,\"from\":{\"id\":7000000001,\"is_bot\":true,\"first_name\":"
                + "\"Send Songs\"},\"chat\":{\"id\":385741296,\"type\":\"private\"},\"date\":1764064700,\"text\":\""
                + replied + "\"}}}";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/send Carol        | for you https://open.spotify.com/track/60RgwcFFC3Ka3c210aUVZ6?si=x!  | send_song Carol https://open.spotify.com/track/60RgwcFFC3Ka3c210aUVZ6?si=x",
        "/send              | album https://open.spotify.com/album/1A2B3C and https://spotify.link/aB3 | send_song https://spotify.link/aB3",
        "/send              | https://open.spotify.com/album/1A2B3C                                   | send_song https://open.spotify.com/album/1A2B3C",
        "/send Carol https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC | https://open.spotify.com/track/60RgwcFFC3Ka3c210aUVZ6 | send_song Carol https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC",
        "/send Carol        | no link here                                                            | send_song Carol",
        "/to Carol          | https://open.spotify.com/track/60RgwcFFC3Ka3c210aUVZ6                   | to Carol",
        "/pending           | https://open.spotify.com/track/60RgwcFFC3Ka3c210aUVZ6                   | pending",
    })
    void aSendThatNamesNoSongAnsweringALinkTakesThatLink(String typed, String replied, String text) {
        Optional<Inbound> event = TelegramInbound.privateChat(parser.parse(reply(typed, replied).getBytes()));

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

    private Inbound.InGroupChat inGroup(String name) {
        try (InputStream in = getClass().getResourceAsStream("/updates/" + name + ".json")) {
            return (Inbound.InGroupChat) TelegramInbound.of(parser.parse(in.readAllBytes())).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aGroupCommandIsACommandInThatGroupWithTheTextItAnswers() {
        Inbound.InGroupChat event = inGroup("group_reply_command");

        assertThat(event.chat()).isEqualTo(new GroupChat(new ChatAddress(Platform.TELEGRAM, "-1001987654321"),
                "Friday Band"));
        assertThat(event.from()).isEqualTo(new ChatAddress(Platform.TELEGRAM, "511223344"));
        assertThat(event.deliveryKey()).isEqualTo("telegram:254000140");
        assertThat(event.action()).isEqualTo(new GroupChatAction.Command("send", "", Optional.of(
                "this one is for the drive https://open.spotify.com/track/60RgwcFFC3Ka3c210aUVZ6?si=ab12"),
                Optional.of(new ChatAddress(Platform.TELEGRAM, "385741296"))));
        assertThat(inGroup("group_command").action()).isEqualTo(new GroupChatAction.Command("send",
                "Bob Fisher https://open.spotify.com/track/60RgwcFFC3Ka3c210aUVZ6", Optional.empty()));
    }

    @Test
    void aCommandInAForumTopicIsInThatTopicAndAReplyThreadIsNoTopic() {
        assertThat(inGroup("forum_topic_command").chat()).isEqualTo(new GroupChat(
                new ChatAddress(Platform.TELEGRAM, "-1003100200300"), "Friday Band", Optional.of("3190")));
        assertThat(inGroup("group_reply_thread_command").chat()).isEqualTo(new GroupChat(
                new ChatAddress(Platform.TELEGRAM, "-1001987654321"), "Friday Band"));
    }

    @Test
    void aMentionOfTheBotIsASendWhenItOrTheMessageItAnswersHasALinkElseHelp() {
        assertThat(inGroup("group_mention").action()).isEqualTo(new GroupChatAction.Command("help",
                "what did Alice send me?", Optional.empty()));
        String mention = "{\"update_id\":254000202,\"message\":{\"message_id\":4,\"from\":{\"id\":511223344,"
                + "\"first_name\":\"Bob\"},\"chat\":{\"id\":-4012345678,\"type\":\"group\",\"title\":\"Road trip\"},"
                + "\"date\":1764064800,\"text\":\"@SendSongsBot this one\",\"entities\":[{\"offset\":0,\"length\":13,"
                + "\"type\":\"mention\"}],\"reply_to_message\":{\"message_id\":3,\"from\":{\"id\":385741296,"
                + "\"first_name\":\"Alice\"},\"chat\":{\"id\":-4012345678,\"type\":\"group\"},\"date\":1764064700,"
                + "\"text\":\"https://open.spotify.com/track/60RgwcFFC3Ka3c210aUVZ6\"}}}";

        Inbound.InGroupChat event = (Inbound.InGroupChat) TelegramInbound.of(parser.parse(mention.getBytes()))
                .orElseThrow();

        assertThat(event.action()).isEqualTo(new GroupChatAction.Command("send", "this one",
                Optional.of("https://open.spotify.com/track/60RgwcFFC3Ka3c210aUVZ6"), Optional.of(ALICE)));
    }

    @Test
    void aMentionWithASongLinkWithoutItsSchemeIsASendToo() {
        String mention = "{\"update_id\":254000203,\"message\":{\"message_id\":5,\"from\":{\"id\":511223344,"
                + "\"first_name\":\"Bob\"},\"chat\":{\"id\":-4012345678,\"type\":\"group\",\"title\":\"Road trip\"},"
                + "\"date\":1764064800,\"text\":\"@SendSongsBot open.spotify.com/track/60RgwcFFC3Ka3c210aUVZ6\","
                + "\"entities\":[{\"offset\":0,\"length\":13,\"type\":\"mention\"},{\"offset\":14,\"length\":45,"
                + "\"type\":\"url\"}]}}";

        Inbound.InGroupChat event = (Inbound.InGroupChat) TelegramInbound.of(parser.parse(mention.getBytes()))
                .orElseThrow();

        assertThat(event.action()).isInstanceOfSatisfying(GroupChatAction.Command.class,
                command -> assertThat(command.name()).isEqualTo("send"));
    }

    @Test
    void theBotJoiningOrLeavingAGroupAndSomeoneLeavingItAreGroupEvents() {
        assertThat(inGroup("my_chat_member_added_to_group").action()).isEqualTo(new GroupChatAction.BotAdded());
        Inbound.InGroupChat left = inGroup("left_chat_member");
        assertThat(left.action()).isEqualTo(new GroupChatAction.MemberLeft(
                new ChatAddress(Platform.TELEGRAM, "511223344")));
        assertThat(left.from()).isEqualTo(new ChatAddress(Platform.TELEGRAM, "511223344"));
    }

    @Test
    void aGroupRenamedIsAGroupEventCarryingItsNewTitle() {
        String update = "{\"update_id\":254000301,\"message\":{\"message_id\":9,\"from\":{\"id\":511223344,"
                + "\"first_name\":\"Bob\"},\"chat\":{\"id\":-1001987654321,\"type\":\"supergroup\","
                + "\"title\":\"Saturday Band\"},\"date\":1,\"new_chat_title\":\"Saturday Band\"}}";

        Inbound.InGroupChat event = (Inbound.InGroupChat) TelegramInbound.of(parser.parse(update.getBytes()))
                .orElseThrow();

        assertThat(event.action()).isEqualTo(new GroupChatAction.Renamed());
        assertThat(event.chat().title()).isEqualTo("Saturday Band");
        assertThat(event.from()).isEqualTo(new ChatAddress(Platform.TELEGRAM, "511223344"));
    }

    @Test
    void aTapInAGroupCarriesTheCallbackQueryToAnswer() {
        String update = "{\"update_id\":254000300,\"callback_query\":{\"id\":\"77\",\"from\":{\"id\":511223344,"
                + "\"first_name\":\"Bob\"},\"message\":{\"message_id\":9,\"chat\":{\"id\":-1001987654321,"
                + "\"type\":\"supergroup\",\"title\":\"Friday Band\"},\"date\":1},\"data\":\"join\"}}";

        Inbound event = TelegramInbound.of(parser.parse(update.getBytes())).orElseThrow();

        assertThat(event).isInstanceOfSatisfying(Inbound.InGroupChat.class,
                tap -> assertThat(tap.action()).isEqualTo(new GroupChatAction.Tap("join", "77")));
    }

    @Test
    void anUnblockInThePersonsPrivateChatIsTheBotUnblockedByThem() {
        assertThat(sample("my_chat_member_unblocked")).contains(new Inbound.BotUnblocked("254000135", ALICE,
                Instant.ofEpochSecond(1764065260)));
        assertThat(sample("my_chat_member_added_to_group")).as("the bot added to a group").isEmpty();
    }

    @Test
    void aBlockInThePersonsPrivateChatIsTheBotBlockedByThem() {
        assertThat(sample("my_chat_member_blocked")).contains(new Inbound.BotBlocked("254000134", ALICE,
                Instant.ofEpochSecond(1764065200)));
    }

    @Test
    void aStickerOrAPhotoWithoutCaptionIsWhatTheBotCannotRead() {
        assertThat(sample("sticker")).contains(new Inbound.Unreadable("254000135", ALICE,
                Instant.ofEpochSecond(1764065300), "sticker"));
    }

    @Test
    void anEditIsAnEventOfTheMessageEditedSoThatEveryEditOfItIsOne() {
        assertThat(sample("edited_message")).contains(new Inbound.Edited("edited:385741296:57", ALICE,
                Instant.ofEpochSecond(1764064830)));
        TelegramUpdate.Chat band = new TelegramUpdate.Chat(-1001987654321L, TelegramUpdate.Chat.Type.SUPERGROUP,
                Optional.of("Band"));
        TelegramUpdate.Sender alice = new TelegramUpdate.Sender(385741296L, "Alice", Optional.empty(),
                Optional.empty());
        assertThat(TelegramInbound.of(new TelegramUpdate.Edited(254000301, 3120, alice, band,
                Instant.ofEpochSecond(1764065060)))).contains(new Inbound.InGroupChat("edited:-1001987654321:3120",
                ALICE, Instant.ofEpochSecond(1764065060), new GroupChat(new ChatAddress(Platform.TELEGRAM,
                "-1001987654321"), "Band"), new GroupChatAction.Edited()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "private_text     | alice_archer",
        "callback_query   | alice_archer",
        "group_command    | alice_archer",
        "edited_message   | ''",
    })
    void theUsernameTelegramShowsForTheSenderOfAMessageEditOrTapIsSeenAndItsAbsenceToo(String name, String username) {
        assertThat(TelegramInbound.handleSeen(parse(name))).contains(new HandleSeen(ALICE,
                Optional.of(username).filter(shown -> !shown.isEmpty())));
    }

    @Test
    void anUpdateFromNoPersonTheBotReadsShowsNoUsername() {
        assertThat(TelegramInbound.handleSeen(parse("anonymous_admin"))).isEmpty();
        assertThat(TelegramInbound.handleSeen(parse("left_chat_member"))).isEmpty();
    }

    private TelegramUpdate parse(String name) {
        try (InputStream in = getClass().getResourceAsStream("/updates/" + name + ".json")) {
            return parser.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void groupsInlineTapsAndWhatTheBotIgnoresAreNoPrivateEvent() {
        assertThat(sample("group_command")).isEmpty();
        assertThat(sample("callback_inline")).isEmpty();
        assertThat(TelegramInbound.of(parser.parse(update("hi").getBytes()))).isPresent();
    }
}
