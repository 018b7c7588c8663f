package app.sendsongs.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real update bodies (test resources {@code updates/*.json}) and hostile ones. */
class UpdateParserTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final long ALICE = 385_741_296L;
    private static final String LINK = "https://open.spotify.com/track/60RgwcFFC3Ka3c210aUVZ6";
    private final UpdateParser parser = new UpdateParser("SendSongsBot", Clock.fixed(NOW, ZoneOffset.UTC));

    private TelegramUpdate sample(String name) {
        return parser.parse(sampleBytes(name));
    }

    private byte[] sampleBytes(String name) {
        try (InputStream in = getClass().getResourceAsStream("/updates/" + name + ".json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TelegramUpdate parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPrivateTextKeepsEveryCharacterAndWhoSentIt() {
        TelegramUpdate update = sample("private_text");

        assertThat(update).isInstanceOfSatisfying(TelegramUpdate.TextMessage.class, text -> {
            assertThat(text.updateId()).isEqualTo(254_000_123L);
            assertThat(text.messageId()).isEqualTo(57);
            assertThat(text.from()).isEqualTo(new TelegramUpdate.Sender(ALICE, "Alice", Optional.of("Archer"),
                    Optional.of("alice_archer")));
            assertThat(text.from().displayName()).isEqualTo("Alice Archer");
            assertThat(text.chat()).isEqualTo(new TelegramUpdate.Chat(ALICE, TelegramUpdate.Chat.Type.PRIVATE,
                    Optional.empty()));
            assertThat(text.at()).isEqualTo(Instant.ofEpochSecond(1_764_064_800L));
            assertThat(text.text()).isEqualTo("send_song name:\"Bob Fisher\" pre:\"you\u2019ll love the bridge "
                    + "\ud83c\udfb8\" https://open.spotify.com/track/sw0KSZFy2XPBgUm7JydSrm");
        });
    }

    @Test
    void startCarriesTheDeepLinkPayload() {
        assertThat(sample("start_payload")).isInstanceOfSatisfying(TelegramUpdate.Start.class, start -> {
            assertThat(start.payload()).contains("ref-Zm9vYmFy_42");
            assertThat(start.from().lastName()).contains("Fisher");
            assertThat(start.from().username()).isEmpty();
        });
        assertThat(sample("start_plain")).isInstanceOfSatisfying(TelegramUpdate.Start.class,
                start -> assertThat(start.payload()).isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/start                      | ",
        "/start abc_DEF-123          | abc_DEF-123",
        "/start@SendSongsBot grp-7   | grp-7",
        "/start has spaces in it     | ",
        "/start bad!chars            | ",
    })
    void aStartPayloadIsOnlyWhatALinkCanCarry(String text, String payload) {
        TelegramUpdate update = parse(privateText(text));
        assertThat(update).isInstanceOfSatisfying(TelegramUpdate.Start.class,
                start -> assertThat(start.payload()).isEqualTo(Optional.ofNullable(payload)));
        String sixtyFive = "a".repeat(65);
        assertThat(((TelegramUpdate.Start) parse(privateText("/start " + sixtyFive))).payload()).isEmpty();
    }

    @Test
    void aGroupCommandForThisBotIsACommandWithItsArguments() {
        assertThat(sample("group_command")).isInstanceOfSatisfying(TelegramUpdate.Command.class, command -> {
            assertThat(command.name()).isEqualTo("send");
            assertThat(command.arguments())
                    .isEqualTo("Bob Fisher https://open.spotify.com/track/60RgwcFFC3Ka3c210aUVZ6");
            assertThat(command.chat()).isEqualTo(new TelegramUpdate.Chat(-1_001_987_654_321L,
                    TelegramUpdate.Chat.Type.SUPERGROUP, Optional.of("Friday Band")));
            assertThat(command.chat().isGroup()).isTrue();
        });
        assertThat(parse(privateText("/HELP@sendsongsbot"))).isInstanceOfSatisfying(TelegramUpdate.Command.class,
                command -> assertThat(command).extracting(TelegramUpdate.Command::name, TelegramUpdate.Command::arguments)
                        .containsExactly("help", ""));
        assertThat(parse(privateText("/send Bob\nline two"))).isInstanceOfSatisfying(TelegramUpdate.Command.class,
                command -> assertThat(command.arguments()).isEqualTo("Bob\nline two"));
    }

    @Test
    void aMentionOfTheBotInAGroupIsAMentionWithTheRestOfTheText() {
        assertThat(sample("group_mention")).isInstanceOfSatisfying(TelegramUpdate.Mention.class, mention -> {
            assertThat(mention.text()).isEqualTo("what did Alice send me?");
            assertThat(mention.chat().type()).isEqualTo(TelegramUpdate.Chat.Type.GROUP);
            assertThat(mention.from().id()).isEqualTo(511_223_344L);
        });
        assertThat(parse(groupText("🎸 listen @sendsongsbot: " + LINK, 10, 13)))
                .isInstanceOfSatisfying(TelegramUpdate.Mention.class,
                        mention -> assertThat(mention.text()).isEqualTo("🎸 listen : " + LINK));
    }

    @Test
    void aMentionOfSomeoneElseInAGroupOrOfTheBotInAPrivateChatIsAText() {
        assertThat(parse(groupText("@SendSongsBot2 " + LINK, 0, 14))).isInstanceOf(TelegramUpdate.TextMessage.class);
        assertThat(parse(groupText("@carolk have you heard this one?", 0, 7)))
                .isInstanceOf(TelegramUpdate.TextMessage.class);
        assertThat(parse(privateText("@SendSongsBot " + LINK))).isInstanceOf(TelegramUpdate.TextMessage.class);
        assertThat(parse(groupText("@SendSongsBot", 5, 13))).as("an entity past the text")
                .isInstanceOf(TelegramUpdate.TextMessage.class);
        assertThat(parse(groupText("x@SendSongsBot", -1, 13))).isInstanceOf(TelegramUpdate.TextMessage.class);
    }

    @Test
    void aMentionWhoseLengthRunsPastTheLargestNumberIsNoMentionAndNoFailure() {
        assertThat(parse(groupText("x@SendSongsBot " + LINK, 1, Integer.MAX_VALUE)))
                .isInstanceOf(TelegramUpdate.TextMessage.class);
    }

    @Test
    void aButtonTapCarriesItsDataAndWhereItWas() {
        assertThat(sample("callback_query")).isInstanceOfSatisfying(TelegramUpdate.ButtonPress.class, press -> {
            assertThat(press.callbackQueryId()).isEqualTo("1658297543210987654");
            assertThat(press.data()).isEqualTo("send_song to:u42");
            assertThat(press.from().id()).isEqualTo(ALICE);
            assertThat(press.chat().map(TelegramUpdate.Chat::id)).contains(ALICE);
            assertThat(press.messageId()).isEqualTo(OptionalLong.of(58));
            assertThat(press.at()).isEqualTo(NOW);
            assertThat(press.buttonText()).isEqualTo("Bob Fisher (Berlin)");
        });
        assertThat(sample("callback_inline")).isInstanceOfSatisfying(TelegramUpdate.ButtonPress.class, press -> {
            assertThat(press.chat()).isEmpty();
            assertThat(press.messageId()).isEmpty();
            assertThat(press.data()).isEqualTo("played");
            assertThat(press.buttonText()).as("no keyboard came along").isEmpty();
        });
    }

    @Test
    void aCommandSentAsAReplyCarriesTheTextItAnswers() {
        assertThat(sample("group_reply_command")).isInstanceOfSatisfying(TelegramUpdate.Command.class, command -> {
            assertThat(command.name()).isEqualTo("send");
            assertThat(command.arguments()).isEmpty();
            assertThat(command.repliedText()).contains("this one is for the drive "
                    + "https://open.spotify.com/track/60RgwcFFC3Ka3c210aUVZ6?si=ab12");
            assertThat(command.repliedAuthor()).as("reply_to_message.from").isEqualTo(OptionalLong.of(ALICE));
        });
        assertThat(sample("group_reply_to_bot")).isInstanceOfSatisfying(TelegramUpdate.Command.class, command -> {
            assertThat(command.repliedText()).hasValueSatisfying(text -> assertThat(text).contains("Midnight City"));
            assertThat(command.repliedAuthor()).as("a bot is nobody to leave out").isEmpty();
        });
        assertThat(sample("group_command")).isInstanceOfSatisfying(TelegramUpdate.Command.class,
                command -> {
                    assertThat(command.repliedText()).isEmpty();
                    assertThat(command.repliedAuthor()).isEmpty();
                });
    }

    @Test
    void aMessageInAForumTopicIsInThatTopicButAReplyThreadOrTheGeneralTopicIsNone() {
        assertThat(sample("forum_topic_command")).isInstanceOfSatisfying(TelegramUpdate.Command.class, command -> {
            assertThat(command.chat()).isEqualTo(new TelegramUpdate.Chat(-1_003_100_200_300L,
                    TelegramUpdate.Chat.Type.SUPERGROUP, Optional.of("Friday Band"), OptionalLong.of(3190)));
            assertThat(command.repliedText()).as("the topic's first message, which has no text").isEmpty();
        });
        assertThat(sample("group_reply_thread_command")).isInstanceOfSatisfying(TelegramUpdate.Command.class,
                command -> assertThat(command.chat().topic()).as("no is_topic_message").isEmpty());
        String tapInTopic = "{\"update_id\":254000301,\"callback_query\":{\"id\":\"78\",\"from\":{\"id\":511223344,"
                + "\"first_name\":\"Bob\"},\"message\":{\"message_id\":3213,\"chat\":{\"id\":-1003100200300,"
                + "\"type\":\"supergroup\",\"title\":\"Friday Band\",\"is_forum\":true},\"date\":1,"
                + "\"message_thread_id\":3190,\"is_topic_message\":true},\"data\":\"join\"}}";
        assertThat(parse(tapInTopic)).isInstanceOfSatisfying(TelegramUpdate.ButtonPress.class,
                press -> assertThat(press.chat().orElseThrow().topic()).isEqualTo(OptionalLong.of(3190)));
        String topicInABasicGroup = "{\"update_id\":254000302,\"message\":{\"message_id\":5,\"from\":{\"id\":511223344,"
                + "\"first_name\":\"Bob\"},\"chat\":{\"id\":-4012345678,\"type\":\"group\",\"title\":\"Band\"},"
                + "\"date\":1,\"message_thread_id\":3,\"is_topic_message\":true,\"text\":\"/who@SendSongsBot\","
                + "\"entities\":[{\"offset\":0,\"length\":17,\"type\":\"bot_command\"}]}}";
        assertThat(parse(topicInABasicGroup)).isInstanceOfSatisfying(TelegramUpdate.Command.class,
                command -> assertThat(command.chat().topic()).as("only a supergroup has topics").isEmpty());
    }

    @Test
    void theBotsOwnMembershipIsReadFromEitherSide() {
        assertThat(sample("my_chat_member_added_to_group")).isInstanceOfSatisfying(
                TelegramUpdate.BotMembership.class, change -> {
                    assertThat(change.inChat()).isTrue();
                    assertThat(change.chat().isGroup()).isTrue();
                    assertThat(change.chat().title()).contains("Friday Band");
                    assertThat(change.from().id()).isEqualTo(ALICE);
                    assertThat(change.at()).isEqualTo(Instant.ofEpochSecond(1_764_064_000L));
                });
        assertThat(sample("my_chat_member_blocked")).isInstanceOfSatisfying(TelegramUpdate.BotMembership.class,
                blocked -> {
                    assertThat(blocked.inChat()).as("kicked from the private chat: blocked").isFalse();
                    assertThat(blocked.chat().isGroup()).isFalse();
                });
    }

    @Test
    void theBotMadeAnAdminOrRestrictedInAGroupItStaysInIsNoArrivalNorDeparture() {
        String change = "{\"update_id\":254000150,\"my_chat_member\":{"
                + "\"chat\":{\"id\":-1001987654321,\"title\":\"Friday Band\",\"type\":\"supergroup\"},"
                + "\"from\":{\"id\":385741296,\"is_bot\":false,\"first_name\":\"Alice\"},\"date\":1764064000,"
                + "\"old_chat_member\":{\"user\":{\"id\":7000000001,\"is_bot\":true,\"first_name\":\"Send Songs\"},%s},"
                + "\"new_chat_member\":{\"user\":{\"id\":7000000001,\"is_bot\":true,\"first_name\":\"Send Songs\"},%s}}}";
        String member = "\"status\":\"member\"";
        String admin = "\"status\":\"administrator\",\"can_be_edited\":false,\"is_anonymous\":false,"
                + "\"can_manage_chat\":true,\"can_delete_messages\":true";
        String restricted = "\"status\":\"restricted\",\"is_member\":true,\"can_send_messages\":true,"
                + "\"until_date\":0";
        String restrictedOut = "\"status\":\"restricted\",\"is_member\":false,\"until_date\":0";

        assertThat(parse(change.formatted(member, admin))).as("promoted").isInstanceOf(TelegramUpdate.Ignored.class);
        assertThat(parse(change.formatted(admin, member))).as("demoted").isInstanceOf(TelegramUpdate.Ignored.class);
        assertThat(parse(change.formatted(member, restricted))).as("restricted")
                .isInstanceOf(TelegramUpdate.Ignored.class);
        assertThat(parse(change.formatted(restrictedOut, member))).as("back in the group")
                .isInstanceOfSatisfying(TelegramUpdate.BotMembership.class, added -> assertThat(added.inChat()).isTrue());
        assertThat(parse(change.formatted(admin, "\"status\":\"kicked\",\"until_date\":0"))).as("removed")
                .isInstanceOfSatisfying(TelegramUpdate.BotMembership.class,
                        removed -> assertThat(removed.inChat()).isFalse());
    }

    @Test
    void someoneLeavingAGroupIsReadButNotTheBotLeaving() {
        assertThat(sample("left_chat_member")).isInstanceOfSatisfying(TelegramUpdate.MemberLeft.class, left -> {
            assertThat(left.userId()).isEqualTo(511_223_344L);
            assertThat(left.chat().id()).isEqualTo(-1_001_987_654_321L);
        });
        assertThat(parse("{\"update_id\":9,\"message\":{\"message_id\":2,\"from\":{\"id\":1,\"first_name\":\"A\"},"
                + "\"chat\":{\"id\":-5,\"type\":\"group\",\"title\":\"G\"},\"date\":1,"
                + "\"left_chat_member\":{\"id\":7000000001,\"is_bot\":true,\"first_name\":\"Send Songs\"}}}"))
                .isInstanceOf(TelegramUpdate.Ignored.class);
    }

    @Test
    void aGroupRenamedIsReadWithItsNewTitleFromWhoeverRenamedItOrFromNobody() {
        String renamed = "{\"update_id\":9,\"message\":{\"message_id\":2,%s\"chat\":{\"id\":-1001987654321,"
                + "\"type\":\"supergroup\",\"title\":\"Saturday Band\"},\"date\":1,"
                + "\"new_chat_title\":\"Saturday Band\"}}";

        assertThat(parse(renamed.formatted("\"from\":{\"id\":511223344,\"first_name\":\"Bob\"},")))
                .isInstanceOfSatisfying(TelegramUpdate.GroupRenamed.class, update -> {
                    assertThat(update.chat().title()).contains("Saturday Band");
                    assertThat(update.by()).hasValueSatisfying(by -> assertThat(by.id()).isEqualTo(511_223_344L));
                });
        assertThat(parse(renamed.formatted("\"from\":{\"id\":1087968824,\"is_bot\":true,\"first_name\":\"Group\","
                + "\"username\":\"GroupAnonymousBot\"},\"sender_chat\":{\"id\":-1001987654321,"
                + "\"type\":\"supergroup\",\"title\":\"Saturday Band\"},")))
                .as("an anonymous admin").isInstanceOfSatisfying(TelegramUpdate.GroupRenamed.class,
                        update -> assertThat(update.by()).isEmpty());
    }

    @Test
    void aGroupTitleTooLongIsCutBetweenCharactersAsPeopleSeeThem() {
        String title = "x".repeat(124) + "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67";
        assertThat(parse("{\"update_id\":9,\"message\":{\"message_id\":2,\"from\":{\"id\":1,\"first_name\":\"A\"},"
                + "\"chat\":{\"id\":-5,\"type\":\"group\",\"title\":\"" + title + "\"},\"date\":1,"
                + "\"left_chat_member\":{\"id\":511223344,\"is_bot\":false,\"first_name\":\"Bob\"}}}"))
                .isInstanceOfSatisfying(TelegramUpdate.MemberLeft.class,
                        left -> assertThat(left.chat().title()).contains("x".repeat(124)));
    }

    @Test
    void aGroupUpgradedToASupergroupIsReadWhoeverShowsAsItsSender() {
        String upgrade = "{\"update_id\":61708811,\"message\":{\"message_id\":153,\"from\":%s,"
                + "\"chat\":{\"id\":-4518810793,\"type\":\"group\",\"title\":\"Friday Band\"},"
                + "\"date\":1731694471,\"migrate_to_chat_id\":-1002471352452}}";
        assertThat(parse(upgrade.formatted("{\"id\":385741296,\"is_bot\":false,\"first_name\":\"Alice\"}")))
                .isInstanceOfSatisfying(TelegramUpdate.GroupUpgraded.class, upgraded -> {
                    assertThat(upgraded.chat().id()).isEqualTo(-4_518_810_793L);
                    assertThat(upgraded.supergroupId()).isEqualTo(-1_002_471_352_452L);
                    assertThat(upgraded.by()).map(TelegramUpdate.Sender::id).contains(ALICE);
                });
        assertThat(parse(upgrade.formatted("{\"id\":1087968824,\"is_bot\":true,\"first_name\":\"Group\","
                + "\"username\":\"GroupAnonymousBot\"}"))).isInstanceOfSatisfying(TelegramUpdate.GroupUpgraded.class,
                upgraded -> assertThat(upgraded.by()).isEmpty());
        assertThat(parse("{\"update_id\":2,\"message\":{\"message_id\":1,\"from\":{\"id\":1087968824,"
                + "\"is_bot\":true,\"first_name\":\"Group\"},\"sender_chat\":{\"id\":-1002471352452,"
                + "\"type\":\"supergroup\",\"title\":\"Friday Band\"},\"chat\":{\"id\":-1002471352452,"
                + "\"type\":\"supergroup\",\"title\":\"Friday Band\"},\"date\":1731694471,"
                + "\"migrate_from_chat_id\":-4518810793}}")).isInstanceOf(TelegramUpdate.Ignored.class);
    }

    @Test
    void aCaptionIsReadAsTheMessagesText() {
        assertThat(sample("photo_with_caption")).isInstanceOfSatisfying(TelegramUpdate.Command.class, command -> {
            assertThat(command.name()).isEqualTo("send");
            assertThat(command.arguments()).isEqualTo("Bob this cover");
        });
    }

    @Test
    void linksHiddenUnderWordsAreReadAfterTheText() {
        String forwarded = """
                {"update_id":254000140,"message":{"message_id":70,"from":{"id":385741296,"is_bot":false,
                 "first_name":"Alice"},"chat":{"id":385741296,"type":"private","first_name":"Alice"},"date":1764065400,
                 "forward_origin":{"type":"channel","chat":{"id":-1001234,"type":"channel","title":"New Music"},
                  "message_id":9,"date":1764060000},
                 "text":"Out today: Ferris Wheel in February. Listen",
                 "entities":[{"type":"bold","offset":0,"length":9},
                  {"type":"text_link","offset":38,"length":6,"url":"https://open.spotify.com/track/sw0KSZFy2XPBgUm7JydSrm"}]}}""";
        String captioned = """
                {"update_id":254000141,"message":{"message_id":71,"from":{"id":385741296,"is_bot":false,
                 "first_name":"Alice"},"chat":{"id":385741296,"type":"private","first_name":"Alice"},"date":1764065400,
                 "photo":[{"file_id":"x","file_unique_id":"y","width":90,"height":90}],"caption":"this one",
                 "caption_entities":[{"type":"text_link","offset":5,"length":3,"url":"https://spotify.link/aB3dE5fG7h"}]}}""";

        assertThat(parse(forwarded)).isInstanceOfSatisfying(TelegramUpdate.TextMessage.class, text -> assertThat(
                text.text()).isEqualTo("Out today: Ferris Wheel in February. Listen "
                + "https://open.spotify.com/track/sw0KSZFy2XPBgUm7JydSrm"));
        assertThat(parse(captioned)).isInstanceOfSatisfying(TelegramUpdate.TextMessage.class, text -> assertThat(
                text.text()).isEqualTo("this one https://spotify.link/aB3dE5fG7h"));
    }

    @Test
    void atMostFiveHiddenLinksAreReadNoneTooLongAndNoneTheTextShowsAlready() {
        StringBuilder entities = new StringBuilder("{\"type\":\"text_link\",\"offset\":0,\"length\":1,\"url\":\"https://x/"
                + "y".repeat(2_500) + "\"},{\"type\":\"text_link\",\"offset\":0,\"length\":1,\"url\":\"https://x/shown\"}");
        for (int i = 0; i < 7; i++) {
            entities.append(",{\"type\":\"text_link\",\"offset\":0,\"length\":1,\"url\":\"https://x/").append(i)
                    .append("\"}");
        }
        String many = "{\"update_id\":254000142,\"message\":{\"message_id\":72,\"from\":{\"id\":385741296,"
                + "\"is_bot\":false,\"first_name\":\"Alice\"},\"chat\":{\"id\":385741296,\"type\":\"private\"},"
                + "\"date\":1764065400,\"text\":\"see https://x/shown\",\"entities\":[" + entities + "]}}";

        assertThat(parse(many)).isInstanceOfSatisfying(TelegramUpdate.TextMessage.class, text -> assertThat(text.text())
                .isEqualTo("see https://x/shown https://x/0 https://x/1 https://x/2 https://x/3 https://x/4"));
    }

    @Test
    void anEditedMessageInThePrivateChatIsAnEditOfThatMessageAtItsEditDate() {
        assertThat(sample("edited_message")).isEqualTo(new TelegramUpdate.Edited(254000132, 57,
                new TelegramUpdate.Sender(ALICE, "Alice", Optional.empty(), Optional.empty()),
                new TelegramUpdate.Chat(ALICE, TelegramUpdate.Chat.Type.PRIVATE, Optional.empty()),
                Instant.ofEpochSecond(1764064830)));
    }

    @Test
    void inAGroupOnlyAnEditOfACommandOrAMentionForTheBotIsAnEdit() {
        String group = "{\"update_id\":254000300,\"edited_message\":{\"message_id\":3120,\"from\":{\"id\":385741296,"
                + "\"is_bot\":false,\"first_name\":\"Alice\"},\"chat\":{\"id\":-1001987654321,\"title\":\"Band\","
                + "\"type\":\"supergroup\"},\"date\":1764065000,\"edit_date\":1764065060,\"text\":\"%s\"}}";

        assertThat(parse(group.formatted("/send@SendSongsBot @bob " + LINK))).isInstanceOfSatisfying(
                TelegramUpdate.Edited.class, edited -> {
                    assertThat(edited.messageId()).isEqualTo(3120);
                    assertThat(edited.chat().isGroup()).isTrue();
                    assertThat(edited.at()).isEqualTo(Instant.ofEpochSecond(1764065060));
                });
        assertThat(parse(group.formatted("/who"))).isInstanceOf(TelegramUpdate.Edited.class);
        assertThat(parse(group.formatted("see you all at eight"))).isInstanceOf(TelegramUpdate.Ignored.class);
        assertThat(parse(group.formatted("/who@OtherBot"))).isInstanceOf(TelegramUpdate.Ignored.class);
    }

    @ParameterizedTest
    @CsvSource({
        "group_command_other_bot, a command for another bot",
        "callback_game, a tap without data (a game button)",
        "edited_channel_post, edited_channel_post updates are not used",
        "channel_post, channel_post updates are not used",
        "message_reaction, message_reaction updates are not used",
        "new_chat_members, a service message",
    })
    void whatTheBotDoesNotUseIsIgnoredWithAReason(String sample, String reason) {
        assertThat(sample(sample)).isInstanceOfSatisfying(TelegramUpdate.Ignored.class,
                ignored -> assertThat(ignored.reason()).isEqualTo(reason));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"photo\":[{\"file_id\":\"A\",\"file_unique_id\":\"a\",\"width\":90,\"height\":90}]   | photo",
        "\"voice\":{\"file_id\":\"A\",\"file_unique_id\":\"a\",\"duration\":4}                   | voice message",
        "\"audio\":{\"file_id\":\"A\",\"file_unique_id\":\"a\",\"duration\":212,\"title\":\"Song\"} | audio file",
        "\"video\":{\"file_id\":\"A\",\"file_unique_id\":\"a\",\"width\":1,\"height\":1,\"duration\":3} | video",
        "\"video_note\":{\"file_id\":\"A\",\"file_unique_id\":\"a\",\"length\":240,\"duration\":3} | video message",
        "\"document\":{\"file_id\":\"A\",\"file_unique_id\":\"a\",\"file_name\":\"setlist.pdf\"} | file",
        "\"animation\":{\"file_id\":\"A\",\"file_unique_id\":\"a\",\"width\":1,\"height\":1,\"duration\":2},\"document\":{\"file_id\":\"A\",\"file_unique_id\":\"a\"} | GIF",
        "\"location\":{\"latitude\":52.37,\"longitude\":4.89}                                     | location",
        "\"venue\":{\"location\":{\"latitude\":52.37,\"longitude\":4.89},\"title\":\"Paradiso\",\"address\":\"Weteringschans 6\"},\"location\":{\"latitude\":52.37,\"longitude\":4.89} | location",
        "\"contact\":{\"phone_number\":\"+31600000000\",\"first_name\":\"Bob\"}                  | contact",
        "\"poll\":{\"id\":\"1\",\"question\":\"Which song?\",\"options\":[],\"total_voter_count\":0,\"is_closed\":false,\"is_anonymous\":true,\"type\":\"regular\",\"allows_multiple_answers\":false} | poll",
        "\"sticker\":{\"file_id\":\"A\",\"file_unique_id\":\"a\",\"type\":\"regular\",\"width\":512,\"height\":512,\"is_animated\":false,\"is_video\":false,\"emoji\":\"😂\"} | sticker",
    })
    void aMessageWithoutTextInAPrivateChatIsWhatItCarriesAndInAGroupNothing(String field, String what) {
        String message = "{\"update_id\":7,\"message\":{\"message_id\":3,\"from\":{\"id\":385741296,\"is_bot\":false,"
                + "\"first_name\":\"Alice\"},\"chat\":{\"id\":385741296,\"type\":\"private\"},\"date\":1764065300,"
                + field + "}}";

        assertThat(parse(message)).isEqualTo(new TelegramUpdate.Unreadable(7, 3, new TelegramUpdate.Sender(ALICE,
                "Alice", Optional.empty(), Optional.empty()), new TelegramUpdate.Chat(ALICE,
                TelegramUpdate.Chat.Type.PRIVATE, Optional.empty()), Instant.ofEpochSecond(1764065300), what));
        assertThat(parse(message.replace("{\"id\":385741296,\"type\":\"private\"}",
                "{\"id\":-4012345678,\"type\":\"group\",\"title\":\"Road trip\"}")))
                .as("in a group, not addressed to the bot").isInstanceOf(TelegramUpdate.Ignored.class);
    }

    @Test
    void aServiceMessageOrAMessageOfAKindNotNamedInAPrivateChatIsStillIgnored() {
        String service = "{\"update_id\":7,\"message\":{\"message_id\":3,\"from\":{\"id\":385741296,\"is_bot\":false,"
                + "\"first_name\":\"Alice\"},\"chat\":{\"id\":385741296,\"type\":\"private\"},\"date\":1764065300,"
                + "\"write_access_allowed\":{\"from_request\":true}}}";
        assertThat(parse(service)).isInstanceOf(TelegramUpdate.Ignored.class);
    }

    @Test
    void aThumbsUpOrDownStickerInAPrivateChatIsReadAsItsEmojiAndInAGroupNot() {
        String sticker = new String(sampleBytes("sticker"), StandardCharsets.UTF_8);
        String thumbsUp = sticker.replace("\\ud83c\\udfb5", "\\ud83d\\udc4d\\ud83c\\udffd");
        String thumbsDown = sticker.replace("\\ud83c\\udfb5", "\\ud83d\\udc4e");

        assertThat(parse(thumbsUp)).isInstanceOfSatisfying(TelegramUpdate.TextMessage.class,
                text -> assertThat(text.text()).isEqualTo("👍"));
        assertThat(parse(thumbsDown)).isInstanceOfSatisfying(TelegramUpdate.TextMessage.class,
                text -> assertThat(text.text()).isEqualTo("👎"));
        assertThat(parse(thumbsUp.replace("\"chat\":{\"id\":385741296,\"first_name\":\"Alice\",\"type\":\"private\"}",
                "\"chat\":{\"id\":-4012345678,\"type\":\"group\",\"title\":\"Road trip\"}")))
                .isInstanceOf(TelegramUpdate.Ignored.class);
    }

    @Test
    void messagesWithoutAPersonAreIgnoredAndAnAnonymousAdminsCommandForThisBotIsToldApart() {
        assertThat(sample("anonymous_admin")).isEqualTo(new TelegramUpdate.AnonymousCommand(254000138L,
                -1001987654321L));
        assertThat(parse(new String(sampleBytes("anonymous_admin"), StandardCharsets.UTF_8).replace("/help@SendSongsBot", "hello all")))
                .isInstanceOf(TelegramUpdate.Ignored.class);
        assertThat(parse(new String(sampleBytes("anonymous_admin"), StandardCharsets.UTF_8).replace("/help@SendSongsBot", "/help@OtherBot")))
                .isInstanceOf(TelegramUpdate.Ignored.class);
        assertThat(parse("{\"update_id\":5,\"message\":{\"message_id\":1,\"date\":1,\"text\":\"hi\","
                + "\"chat\":{\"id\":1,\"type\":\"private\"}}}")).isInstanceOf(TelegramUpdate.Ignored.class);
    }

    @Test
    void oddButWellFormedUpdatesAreIgnoredNotRefused() {
        assertThat(parse("{\"update_id\":7}")).isInstanceOf(TelegramUpdate.Ignored.class);
        assertThat(parse("{\"update_id\":7,\"message\":\"text\"}")).isInstanceOf(TelegramUpdate.Ignored.class);
        assertThat(parse("{\"update_id\":7,\"message\":{\"message_id\":1,\"from\":{\"id\":1,\"first_name\":\"A\"},"
                + "\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"" + "x".repeat(4097) + "\"}}"))
                .isInstanceOfSatisfying(TelegramUpdate.Ignored.class,
                        ignored -> assertThat(ignored.reason()).contains("longer"));
        assertThat(parse("{\"update_id\":7,\"callback_query\":{\"id\":\"1\",\"from\":{\"id\":1,\"first_name\":\"A\"},"
                + "\"data\":\"" + "d".repeat(65) + "\"}}")).isInstanceOf(TelegramUpdate.Ignored.class);
        assertThat(parse("{\"update_id\":7,\"message\":{\"message_id\":1,\"from\":{\"id\":1,\"first_name\":\"A\"},"
                + "\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"hi\"}}"))
                .isInstanceOfSatisfying(TelegramUpdate.TextMessage.class,
                        text -> assertThat(text.at()).as("no date: the clock").isEqualTo(NOW));
    }

    @Test
    void aGroupWithAPersonsIdOrAPrivateChatThatIsNotTheSendersIsIgnored() {
        String from = "\"from\":{\"id\":" + ALICE + ",\"first_name\":\"A\"}";
        assertThat(parse("{\"update_id\":11,\"message\":{\"message_id\":1," + from + ",\"chat\":{\"id\":"
                + 511_223_344L + ",\"type\":\"group\",\"title\":\"T\"},\"date\":1,\"text\":\"/who\"}}"))
                .as("a group's id is negative; a positive one is a person's private chat")
                .isInstanceOf(TelegramUpdate.Ignored.class);
        assertThat(parse("{\"update_id\":11,\"message\":{\"message_id\":1," + from + ",\"chat\":{\"id\":"
                + 511_223_344L + ",\"type\":\"private\"},\"date\":1,\"text\":\"/pending\"}}"))
                .isInstanceOf(TelegramUpdate.Ignored.class);
        assertThat(parse("{\"update_id\":11,\"callback_query\":{\"id\":\"q1\"," + from + ",\"message\":{"
                + "\"message_id\":3,\"chat\":{\"id\":511223344,\"type\":\"private\"},\"date\":1},"
                + "\"data\":\"menu\"}}"))
                .as("a tap on a message in someone else's private chat spends nothing there")
                .isInstanceOf(TelegramUpdate.Ignored.class);
        assertThat(parse("{\"update_id\":11,\"my_chat_member\":{" + from + ",\"chat\":{\"id\":511223344,"
                + "\"type\":\"private\"},\"date\":1,\"old_chat_member\":{\"status\":\"member\"},"
                + "\"new_chat_member\":{\"status\":\"kicked\"}}}"))
                .as("only the person blocks the bot in their own chat")
                .isInstanceOf(TelegramUpdate.Ignored.class);
    }

    @Test
    void aDateBeyondWhatATimeCanHoldIsReadAsTheLatestTime() {
        for (String date : List.of("9223372036854775807", "99999999999999999")) {
            String body = "{\"update_id\":9,\"message\":{\"message_id\":1,\"date\":" + date
                    + ",\"from\":{\"id\":1,\"first_name\":\"A\"},\"chat\":{\"id\":1,\"type\":\"private\"},"
                    + "\"text\":\"/pending\"}}";
            assertThat(parse(body)).as(date).isInstanceOfSatisfying(TelegramUpdate.Command.class,
                    command -> assertThat(command.at()).isEqualTo(Instant.ofEpochSecond(Instant.MAX.getEpochSecond())));
        }
    }

    @Test
    void namesAreClippedToTelegramsLimits() {
        String longName = "N".repeat(500);
        TelegramUpdate update = parse("{\"update_id\":8,\"message\":{\"message_id\":1,\"from\":{\"id\":1,"
                + "\"first_name\":\"" + longName + "\",\"username\":\"" + longName + "\"},"
                + "\"chat\":{\"id\":1,\"type\":\"private\"},\"date\":1,\"text\":\"hi\"}}");
        TelegramUpdate.Sender from = ((TelegramUpdate.TextMessage) update).from();
        assertThat(from.firstName()).hasSize(64);
        assertThat(from.username()).hasValueSatisfying(name -> assertThat(name).hasSize(32));
        assertThat(from.toString()).doesNotContain("NNN");
    }

    @Test
    void aBodyThatIsNoUpdateIsRefused() {
        assertThatThrownBy(() -> parser.parse(new byte[0])).isInstanceOf(MalformedUpdateException.class);
        assertThatThrownBy(() -> parser.parse(null)).isInstanceOf(MalformedUpdateException.class);
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(MalformedUpdateException.class);
        assertThatThrownBy(() -> parse("[1,2]")).isInstanceOf(MalformedUpdateException.class);
        assertThatThrownBy(() -> parse("{\"message\":{}}")).hasMessageContaining("update_id");
        assertThatThrownBy(() -> parse("{\"update_id\":\"12\"}")).hasMessageContaining("update_id");
        assertThatThrownBy(() -> parse("{\"update_id\":-1}")).hasMessageContaining("update_id");
        assertThatThrownBy(() -> parse("{\"update_id\":1} trailing")).isInstanceOf(MalformedUpdateException.class);
        assertThatThrownBy(() -> parse("{\"update_id\":1,\"x\":" + "[".repeat(100) + "]".repeat(100) + "}"))
                .isInstanceOf(MalformedUpdateException.class);
        byte[] huge = ("{\"update_id\":1,\"pad\":\"" + "p".repeat(UpdateParser.MAX_BODY_BYTES) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(huge)).hasMessageContaining("larger");
    }

    private static String privateText(String text) {
        return "{\"update_id\":9,\"message\":{\"message_id\":2,\"from\":{\"id\":1,\"first_name\":\"A\"},"
                + "\"chat\":{\"id\":1,\"type\":\"private\"},\"date\":1764064800,\"text\":"
                + quote(text) + "}}";
    }

    /** A text in a group with one {@code mention} entity at {@code offset}, {@code length} UTF-16 units long. */
    private static String groupText(String text, int offset, int length) {
        return "{\"update_id\":10,\"message\":{\"message_id\":3,\"from\":{\"id\":2,\"first_name\":\"B\"},"
                + "\"chat\":{\"id\":-4012345678,\"type\":\"group\",\"title\":\"Road trip\"},\"date\":1764064800,"
                + "\"text\":" + quote(text) + ",\"entities\":[{\"offset\":" + offset + ",\"length\":" + length
                + ",\"type\":\"mention\"}]}}";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
