package app.sendsongs.core.share;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Once a sender knows two people of one name, what the bot tells them about either names which one it is, as "which
 * one?" tells them apart: by their chat app when they are on two, else by another fact (here when they joined). So
 * does what it tells a receiver who knows two senders of one name.
 */
class NamesakesToldApartTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String OTHER_LINK = FakeMusic.OTHER_SONG.id().link();
    private static final String TITLE = FakeMusic.SONG.title();
    private static final String OTHER_TITLE = FakeMusic.OTHER_SONG.title();
    private static final Track THIRD = FakeMusic.track("2Ar3b0DQhnFjJZHdJPxBav", "Hey Ya!", "Outkast");
    private final RecordingChat telegram = RecordingChat.rich(Platform.TELEGRAM, 4096);
    private final BotHarness bot = new BotHarness(telegram);

    /**
     * The first of two people of one name on Messenger, and the second, registered three hours later: what tells the
     * first and the second apart when both exchanged songs with the reader or are in a group with them, and what tells
     * the second when only they are in the reader's group; and what tells the second apart from the first when picked
     * at "which one?" after the reader exchanged songs with the first only.
     */
    enum Namesakes {
        ON_TWO_APPS(new ChatAddress(Platform.TELEGRAM, "7001"), new ChatAddress(Platform.TELEGRAM, "7002"),
                " (on Messenger)", " (on Telegram)", " (on Telegram)", " (on Telegram)"),
        ON_ONE_APP(BotHarness.at("bob2"), BotHarness.at("alice2"), " (joined 1 May 12:00 UTC)",
                " (joined 1 May 15:00 UTC)", " (in Family with you)", " (joined 1 May 2030)");

        final ChatAddress secondBob;
        final ChatAddress secondAlice;
        final String first;
        final String second;
        final String secondInGroup;
        final String secondPicked;

        Namesakes(ChatAddress secondBob, ChatAddress secondAlice, String first, String second, String secondInGroup,
                  String secondPicked) {
            this.secondBob = secondBob;
            this.secondAlice = secondAlice;
            this.first = first;
            this.second = second;
            this.secondInGroup = secondInGroup;
            this.secondPicked = secondPicked;
        }
    }

    private void register(Namesakes namesakes) {
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.register("carol", "Carol King");
        bot.clock.advance(Duration.ofHours(3));
        bot.register(namesakes.secondBob, "Bob Fisher");
        bot.register(namesakes.secondAlice, "Alice Smith");
    }

    /** Alice sends a song to each Bob, the first one first; returns her confirmation of the second. */
    private String aliceSendsEachBobASong(Namesakes namesakes) {
        register(namesakes);
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK)).contains("Which one?");
        assertThat(bot.reply("alice", "1")).as("picked from two she does not know yet, as the question told them")
                .startsWith("Sent " + TITLE + " to Bob Fisher" + namesakes.first + ". ");
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + OTHER_LINK)).contains("Which one?");
        return bot.reply("alice", "2");
    }

    @ParameterizedTest
    @EnumSource(Namesakes.class)
    void theConfirmationOfASongSaysWhichBobItWentTo(Namesakes namesakes) {
        assertThat(aliceSendsEachBobASong(namesakes)).as("as the question told them, before this song")
                .isEqualTo("Sent " + OTHER_TITLE + " to Bob Fisher" + namesakes.secondPicked + ". I'll tell you when they play it (I'll watch for 7 days).");
    }

    @ParameterizedTest
    @EnumSource(Namesakes.class)
    void aPastedSongForABobPickedAtWhichOneAsksAndConfirmsNamingHimAsTheQuestionToldThemApart(Namesakes namesakes) {
        register(namesakes);
        assertThat(bot.reply("alice", LINK)).startsWith("Who is it for?");
        assertThat(bot.reply("alice", "Bob Fisher")).contains("Which one?");

        assertThat(bot.reply("alice", "2")).isEqualTo("Send " + TITLE + " to Bob Fisher" + namesakes.second + "?");
        assertThat(bot.reply("alice", "yes")).startsWith("Sent " + TITLE + " to Bob Fisher" + namesakes.second + ". ");
    }

    @ParameterizedTest
    @EnumSource(Namesakes.class)
    void thePlayNoticeSaysWhichBobListened(Namesakes namesakes) {
        aliceSendsEachBobASong(namesakes);
        bot.play(namesakes.secondBob, FakeMusic.OTHER_SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.last("alice")).isEqualTo("🎧 Bob Fisher" + namesakes.second + " listened to " + OTHER_TITLE
                + " (5 min ago).");
    }

    @ParameterizedTest
    @EnumSource(Namesakes.class)
    void theNoticeOfASongNotPlayedInTimeSaysWhichBobItWasFor(Namesakes namesakes) {
        aliceSendsEachBobASong(namesakes);

        bot.advance(BotHarness.WATCH_ENDS);

        assertThat(bot.inbox("alice")).contains(TITLE + ", sent to Bob Fisher" + namesakes.first
                        + ", was not played within 7 days, so I've stopped watching.",
                OTHER_TITLE + ", sent to Bob Fisher" + namesakes.second + ", was not played within 7 days, so I've "
                        + "stopped watching.");
    }

    @ParameterizedTest
    @EnumSource(Namesakes.class)
    void pendingAndHistoryListSayWhichBobEachSongIsFor(Namesakes namesakes) {
        aliceSendsEachBobASong(namesakes);

        assertThat(bot.reply("alice", "pending")).contains("1. " + TITLE + " → Bob Fisher" + namesakes.first + ": ")
                .contains("2. " + OTHER_TITLE + " → Bob Fisher" + namesakes.second + ": ");
        assertThat(bot.reply("alice", "history")).contains("• " + OTHER_TITLE + " → Bob Fisher" + namesakes.second
                + ": ").contains("• " + TITLE + " → Bob Fisher" + namesakes.first + ": ");
    }

    @ParameterizedTest
    @EnumSource(Namesakes.class)
    void cancelListsAndAnswersWithWhichBob(Namesakes namesakes) {
        aliceSendsEachBobASong(namesakes);

        assertThat(bot.reply("alice", "cancel")).contains("2. " + OTHER_TITLE + " → Bob Fisher" + namesakes.second);
        assertThat(bot.reply("alice", "cancel 2")).isEqualTo("Stopped watching " + OTHER_TITLE + " for Bob Fisher"
                + namesakes.second + ".");
    }

    @ParameterizedTest
    @EnumSource(Namesakes.class)
    void theGroupSummaryNamesEachBob(Namesakes namesakes) {
        register(namesakes);
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        assertThat(bot.reply("alice", "1")).startsWith("Added Bob Fisher");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        assertThat(bot.reply("alice", "2")).startsWith("Added Bob Fisher");
        assertThat(bot.reply("alice", "send_song group:Family " + LINK)).startsWith("Sent ");

        bot.advance(BotHarness.WATCH_ENDS);

        assertThat(bot.last("alice")).isEqualTo("0 of 2 played " + TITLE + " (sent to Family).\nNot played within 7 "
                + "days: Bob Fisher" + namesakes.first + ", Bob Fisher" + namesakes.second + ".");
    }

    @ParameterizedTest
    @EnumSource(Namesakes.class)
    void aReceiverWhoKnowsTwoAlicesIsToldWhichSentTheSongAndWhoseNoteItIs(Namesakes namesakes) {
        register(namesakes);
        bot.reply("alice", "send_song name:\"Carol King\" " + LINK);
        assertThat(bot.last("carol")).startsWith("🎵 Alice Smith sent you a song: ");
        bot.reply(namesakes.secondAlice, "send_song name:\"Carol King\" " + OTHER_LINK);
        assertThat(bot.last("carol")).as("the caution tells the newcomer apart").startsWith("🎵 Alice Smith sent you a "
                + "song: " + OTHER_TITLE + "\n⚠️ This Alice Smith is new to you");
        bot.music.add(THIRD);
        bot.reply(namesakes.secondAlice, "send_song name:\"Carol King\" post:\"told you\" " + THIRD.id().link());

        assertThat(bot.last("carol")).isEqualTo("🎵 Alice Smith" + namesakes.second + " sent you a song: "
                + THIRD.title());
        bot.play("carol", THIRD);
        bot.advance(Duration.ofMinutes(5));
        assertThat(bot.last("carol")).isEqualTo("Alice Smith" + namesakes.second + "'s note on " + THIRD.title()
                + ": “told you”");
    }

    @ParameterizedTest
    @EnumSource(Namesakes.class)
    void aMemberWhoKnowsTwoAlicesIsToldWhichSentASongToTheirGroup(Namesakes namesakes) {
        register(namesakes);
        bot.reply("alice", "send_song name:\"Carol King\" " + LINK);
        bot.reply(namesakes.secondAlice, "create_group Family");
        assertThat(bot.reply(namesakes.secondAlice, "add_to_group Family \"Carol King\"")).startsWith("Added ");

        assertThat(bot.reply(namesakes.secondAlice, "send_song group:Family " + OTHER_LINK)).startsWith("Sent ");

        assertThat(bot.last("carol")).startsWith("🎵 Alice Smith" + namesakes.secondInGroup + " sent a song to "
                + "Family: " + OTHER_TITLE);
    }

    @ParameterizedTest
    @EnumSource(Namesakes.class)
    void theQuestionBeforeAPastedSongGoesSaysWhichBobItIsFor(Namesakes namesakes) {
        register(namesakes);
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK)).contains("Which one?");
        bot.reply("alice", "1");

        bot.reply("alice", OTHER_LINK);
        assertThat(bot.reply("alice", "Bob Fisher")).contains("Which one?");

        String question = bot.reply("alice", "2");
        assertThat(question).startsWith("Send " + OTHER_TITLE).doesNotContain(" to Bob Fisher?");
        if (namesakes == Namesakes.ON_TWO_APPS) {
            assertThat(question).contains(" to Bob Fisher (on Telegram)?");
        }
    }

    @ParameterizedTest
    @EnumSource(Namesakes.class)
    void theDailyLimitOfSongsToAFriendSaysWhichBobHasHadEnough(Namesakes namesakes) {
        BotHarness limited = new BotHarness(new SendLimits(100, 1, 20), RecordingChat.rich(Platform.TELEGRAM, 4096));
        limited.register("alice", "Alice Smith");
        limited.register("bob", "Bob Fisher");
        limited.clock.advance(Duration.ofHours(3));
        limited.register(namesakes.secondBob, "Bob Fisher");
        limited.register(namesakes.secondAlice, "Alice Smith");
        limited.music.add(THIRD);
        limited.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        limited.reply("alice", "1");
        limited.reply("alice", "send_song name:\"Bob Fisher\" " + OTHER_LINK);
        assertThat(limited.reply("alice", "2")).startsWith("Sent ");

        limited.reply("alice", "send_song name:\"Bob Fisher\" " + THIRD.id().link());
        assertThat(limited.reply("alice", "2")).isEqualTo("You've sent Bob Fisher" + namesakes.second + " 1 song "
                + "in the last 24 hours, the most one friend gets from one person in a day. You can send them another "
                + "in 1 day.");
    }

    @ParameterizedTest
    @EnumSource(Namesakes.class)
    void turningReceiptsOffAndBlockingSayWhichBob(Namesakes namesakes) {
        aliceSendsEachBobASong(namesakes);

        assertThat(bot.reply("alice", "receipts off Bob Fisher")).contains("Which one?");
        assertThat(bot.reply("alice", "2")).startsWith("Done: I won't tell Bob Fisher" + namesakes.second
                + " when you play their songs.");
        assertThat(bot.reply("alice", "block Bob Fisher")).as("the Bob she has a rule for first")
                .contains("Which one?\n1. Bob Fisher — ");
        assertThat(bot.reply("alice", "1")).startsWith("Blocked Bob Fisher" + namesakes.second + ": ");
        assertThat(bot.reply("alice", "unblock Bob Fisher")).contains("Which one?");
        assertThat(bot.reply("alice", "1")).startsWith("Unblocked Bob Fisher" + namesakes.second + ": ");
    }

    /**
     * A choice already made about one Bob does not settle which Bob a later command means: she knows two, and is
     * asked, as {@code send_song} asks, by what tells them apart and never by an account id.
     */
    @ParameterizedTest
    @EnumSource(Namesakes.class)
    void aChoiceAboutOneBobDoesNotPickHimForTheNextCommandThatNamesBobFisher(Namesakes namesakes) {
        aliceSendsEachBobASong(namesakes);
        bot.reply("alice", "receipts off Bob Fisher");
        bot.reply("alice", "1");

        for (String command : new String[] {"block Bob Fisher", "receipts on Bob Fisher", "receipts off for Bob "
                + "Fisher"}) {
            String asked = bot.reply("alice", command);
            assertThat(asked).as(command).contains("Which one?").doesNotContain(namesakes.secondBob.id())
                    .doesNotContain(BotHarness.at("bob").id() + " ");
            assertThat(bot.chat.messages("alice").getLast().choices()).as(command)
                    .extracting(Choice::title).hasSize(3).doesNotContainAnyElementsOf(java.util.List.of(
                            namesakes.secondBob.id(), "bob"));
            bot.reply("alice", "3");
        }
        assertThat(bot.reply("alice", "block Bob Fisher")).contains("Which one?");
        assertThat(bot.reply("alice", "2")).as("the other Bob, after the one she has a rule for")
                .startsWith("Blocked Bob Fisher" + namesakes.second + ": ");
        assertThat(bot.reply("alice", "unblock Bob Fisher")).contains("Which one?");
        assertThat(bot.reply("alice", "3")).isEqualTo("OK, never mind.");
    }
}
