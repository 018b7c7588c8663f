package app.sendsongs.core.share;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.chat.Button;
import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.HeldMessage;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.OutboxStore;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.InMemoryOutbox;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.StableIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a receiver controls: whether senders are told of their plays, and whose songs they take at all. */
class ReceiverControlsTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String TITLE = FakeMusic.SONG.title();
    private static final String OTHER_LINK = FakeMusic.OTHER_SONG.id().link();
    private static final String OTHER = FakeMusic.OTHER_SONG.title();
    private BotHarness bot;

    @BeforeEach
    void people() {
        bot = new BotHarness();
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.register("carol", "Carol King");
    }

    @Test
    void wordsTheBotDoesNotUnderstandSoonAfterASongAreToldTheyReachNobody() {
        String notUnderstood = "Sorry, I didn't understand that. To share a song, paste its Spotify link.";
        assertThat(bot.reply("bob", "love it, thanks!!")).as("no song yet").isEqualTo(notUnderstood);
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);

        assertThat(bot.reply("bob", "love it, thanks!!")).isEqualTo(notUnderstood + "\nIf that was for Alice Smith: "
                + "I don't pass messages on, so tell them yourself. When you play " + TITLE + ", I'll tell them.");

        bot.reply("bob", "receipts off Alice Smith");
        assertThat(bot.reply("bob", "love it, thanks!!")).as("receipts off: no promise to tell")
                .isEqualTo(notUnderstood + "\nIf that was for Alice Smith: I don't pass messages on, so tell them "
                        + "yourself.");
        bot.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(bot.reply("bob", "love it, thanks!!")).as("a day later").isEqualTo(notUnderstood);
        assertThat(bot.reply("bob", "pendnig")).as("a typo keeps its guess").startsWith("Sorry, I don't know that "
                + "command. Did you mean");
    }

    @Test
    void withReceiptsOffTheSongArrivesTheSenderIsToldAtOnceAndNeverOfThePlayButTheNoteIsReleased() {
        assertThat(bot.reply("bob", "receipts off")).startsWith("Done: I won't tell anyone when you play their songs.");

        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" post:\"told you\" " + LINK)).isEqualTo("Sent "
                + TITLE + " to Bob Fisher. Bob Fisher doesn't share when they play songs, so I won't be able to tell "
                + "you whether they do.");
        assertThat(bot.chat.messages("bob").getLast().card().orElseThrow().buttons()).contains(
                new Button.Reply("Tell Alice", "receipts on song " + shareFrom("alice").id()));
        int aliceBefore = bot.inbox("alice").size();
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.last("bob")).isEqualTo("Alice Smith's note on " + TITLE + ": “told you”");
        assertThat(bot.inbox("alice")).hasSize(aliceBefore);
        assertThat(bot.reply("alice", "pending")).startsWith("Nothing pending");
        assertThat(bot.reply("alice", "history")).isEqualTo("Your latest songs:\n• " + TITLE + " → Bob Fisher: "
                + "delivered 5 min ago (they don't share plays)");
    }

    @Test
    void noExpiryNoticeEitherAndTheHistoryLooksTheSame() {
        bot.reply("bob", "receipts off Alice Smith");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        int aliceBefore = bot.inbox("alice").size();

        bot.advance(Duration.ofDays(8));

        assertThat(bot.inbox("alice")).hasSize(aliceBefore);
        assertThat(bot.reply("alice", "history")).endsWith("(they don't share plays)");
    }

    @Test
    void turningReceiptsOffForOneSenderSaysWhatTheSenderIsToldAsHelpPrivacyDoes() {
        assertThat(bot.reply("bob", "receipts off Alice Smith")).as("the sender learns it at their next send")
                .contains("they're told you don't share plays");
        assertThat(bot.reply("bob", "help privacy")).as("no promise the sender isn't told")
                .doesNotContain("stop telling isn't told").contains("Whoever you block isn't told so")
                .contains("whoever you stop telling is told you don't share plays when they send you a song");

        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK))
                .contains("Bob Fisher doesn't share when they play songs");
    }

    @Test
    void dontTellFromTheSongsCardCoversThatSongAndTheSendersNextOnesOnly() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.reply("carol", "send_song name:\"Bob Fisher\" " + LINK);
        Button.Reply dontTell = (Button.Reply) bot.chat.messages("bob").get(0).card().orElseThrow().buttons().get(1);

        assertThat(tap("bob", dontTell)).isEqualTo("Done: I won't tell Alice Smith when you play their songs. They "
                + "still come to you, notes and all; when they send one, they're told you don't share plays.");
        assertThat(bot.reply("alice", "pending")).as("the song left the list when Bob chose, not when he played it")
                .startsWith("Nothing pending");
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.inbox("alice")).noneMatch(text -> text.startsWith("🎧"));
        assertThat(bot.last("carol")).startsWith("🎧 Bob Fisher listened to " + TITLE);
        assertThat(bot.reply("bob", "receipts")).isEqualTo("When you play a song a friend sent, I tell them.\n"
                + "Except: I don't tell Alice Smith.\nYou haven't blocked anyone.");
    }

    @Test
    void theSameDontTellTapDeliveredTwiceIsAnsweredTheSecondTimeAsAlreadyDoneWithNoUndo() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        Button.Reply dontTell = (Button.Reply) bot.chat.messages("bob").getLast().card().orElseThrow().buttons().get(1);
        assertThat(tap("bob", dontTell)).startsWith("Done: I won't tell Alice Smith");

        assertThat(tap("bob", dontTell)).as("a double tap, or the tap replayed")
                .isEqualTo("Already done: I don't tell Alice Smith when you play their songs.");
        assertThat(bot.chat.messages("bob").getLast().choices()).as("no second Undo").isEmpty();
        assertThat(bot.reply("bob", "receipts off Alice Smith"))
                .isEqualTo("Already done: I don't tell Alice Smith when you play their songs.");
        assertThat(bot.reply("bob", "receipts")).isEqualTo("When you play a song a friend sent, I tell them.\n"
                + "Except: I don't tell Alice Smith.\nYou haven't blocked anyone.");
    }

    @Test
    void aBlockedSendersSongIsNotDeliveredAndTheyAreNotToldWhy() {
        assertThat(bot.reply("bob", "block Alice Smith")).isEqualTo("Blocked Alice Smith: I won't pass on their songs, "
                + "and they aren't told.");
        int bobBefore = bot.inbox("bob").size();

        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK)).isEqualTo("I couldn't deliver " + TITLE
                + " to Bob Fisher, so nothing was sent.");
        assertThat(bot.inbox("bob")).hasSize(bobBefore);
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).isEmpty();

        assertThat(bot.reply("bob", "unblock alice smith")).isEqualTo("Unblocked Alice Smith: their songs come "
                + "through again.");
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK)).startsWith("Sent ");
    }

    @Test
    void blockingTakesBackTheirSongsStillWaitingAndTellsThemNothingOfTheOthers() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.chat.windowCloses("bob");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.OTHER_SONG.id().link());
        Button.Reply block = (Button.Reply) bot.chat.messages("bob").getFirst().card().orElseThrow().buttons().get(2);
        assertThat(block).isEqualTo(new Button.Reply("Block Alice",
                "block song " + bot.stores.shares().sharesSentBy(at("alice")).getLast().id()));

        bot.chat.windowOpens("bob");
        assertThat(tap("bob", block)).isEqualTo("Blocked Alice Smith: I won't pass on their songs, and they aren't "
                + "told.");
        assertThat(bot.inbox("bob")).noneMatch(text -> text.contains(FakeMusic.OTHER_SONG.title()));
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofDays(8));
        assertThat(bot.inbox("alice")).noneMatch(text -> text.startsWith("🎧") || text.contains("not played within"));
    }

    @Test
    void aFirstNameThatNamesNoContactSaysAFullNameReachesAnyone() {
        assertThat(bot.reply("bob", "block carol")).isEqualTo("I don't know anyone called \"carol\" who sent you "
                + "songs. For someone who hasn't, type their full name.");
        assertThat(bot.reply("bob", "block Carol King")).startsWith("Blocked Carol King");
        assertThat(bot.reply("bob", "receipts off Carla King")).as("a full name: nothing more to try")
                .isEqualTo("I don't know anyone called \"Carla King\" who sent you songs.");
    }

    @Test
    void unblockWithoutANameListsWhoIsBlockedAsTaps() {
        assertThat(bot.reply("bob", "unblock")).as("nobody blocked: said so, not an example name")
                .isEqualTo("You haven't blocked anyone. To stop someone's songs: block <name>");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.reply("bob", "block Alice Smith");
        bot.reply("bob", "block Carol King");

        assertThat(bot.reply("bob", "unblock")).isEqualTo("You've blocked Alice Smith, Carol King. Whose songs should "
                + "come through again?");
        assertThat(bot.chat.messages("bob").getLast().choices()).containsExactly(
                new Choice("Unblock Alice", "unblock song " + shareFrom("alice").id()),
                new Choice("Unblock Carol", "unblock Carol King"), new Choice("Never mind", "menu"));
        assertThat(bot.reply("bob", "unblock song " + shareFrom("alice").id())).isEqualTo("Unblocked Alice Smith: their "
                + "songs come through again.");
        assertThat(bot.reply("bob", "unblock")).isEqualTo("You've blocked Carol King. Whose songs should come through "
                + "again?");
    }

    @Test
    void theTapsOfTheStatusMeanThePersonBlockedNotANamesake() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.advance(Duration.ofDays(1));
        bot.register("alice2", "Alice Smith");
        bot.reply("alice2", "send_song name:\"Bob Fisher\" " + OTHER_LINK);
        bot.reply("bob", "block song " + shareFrom("alice").id());

        String status = bot.reply("bob", "receipts");
        Choice unblock = bot.chat.messages("bob").getLast().choices().getFirst();

        assertThat(status).as("which Alice Smith").startsWith("When you play a song a friend sent, I tell them.\n"
                + "Blocked: Alice Smith (").endsWith(").");
        assertThat(unblock.title()).isEqualTo("Unblock Alice");
        assertThat(bot.reply("bob", unblock.payload())).as("no which-one: the tap names her")
                .startsWith("Unblocked Alice Smith");
        assertThat(bot.stores.preferences().preferencesOf(at("bob")).blocks(at("alice"))).isFalse();
    }

    @Test
    void blockingAndUnblockingASenderKeepsTheirReceiptsOff() {
        bot.reply("bob", "receipts off Alice Smith");
        bot.reply("bob", "block Alice Smith");

        assertThat(bot.reply("bob", "unblock Alice Smith")).isEqualTo("Unblocked Alice Smith: their songs come "
                + "through again. I still won't tell them when you play their songs.");
        assertThat(bot.reply("bob", "receipts")).isEqualTo("When you play a song a friend sent, I tell them.\n"
                + "Except: I don't tell Alice Smith.\nYou haven't blocked anyone.");
        assertThat(bot.chat.messages("bob").getLast().choices()).as("each exception undone with a tap")
                .containsExactly(new Choice("Tell Alice", "receipts on Alice Smith"),
                        new Choice("Receipts off", "receipts off"));
        bot.reply("bob", "block Carol King");
        bot.reply("bob", "receipts");
        assertThat(bot.chat.messages("bob").getLast().choices()).containsExactly(
                new Choice("Tell Alice", "receipts on Alice Smith"), new Choice("Unblock Carol", "unblock Carol King"),
                new Choice("Receipts off", "receipts off"));
        bot.reply("bob", "unblock Carol King");
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK)).contains("Bob Fisher doesn't share "
                + "when they play songs");
        int aliceBefore = bot.inbox("alice").size();
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        assertThat(bot.inbox("alice")).hasSize(aliceBefore);

        bot.reply("bob", "block Alice Smith");
        bot.reply("bob", "receipts on");
        assertThat(bot.reply("bob", "unblock Alice Smith")).as("receipts on for everyone since the block, not for them")
                .isEqualTo("Unblocked Alice Smith: their songs come through again. I still won't tell them when you "
                        + "play their songs.");
    }

    @Test
    void receiptsOnAgainSaysTheOpenSongsSentBeforeStayPrivateCountingThemAndNotThosePlayed() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + OTHER_LINK);
        bot.reply("bob", "receipts off Alice Smith");
        Choice undo = bot.chat.messages("bob").getLast().choices().getFirst();

        assertThat(bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), at("bob"), bot.clock.instant(),
                undo.payload(), undo.title()))).as("the Undo tap, seconds later").singleElement().asString()
                .isEqualTo("Done: I'll tell Alice Smith when you play the songs they send from now on. The 2 they "
                        + "sent before stay private.");
        assertThat(bot.reply("bob", "receipts on Alice Smith")).as("nothing more to say the second time")
                .isEqualTo("Done: I'll tell Alice Smith when you play the songs they send from now on. The 2 they "
                        + "sent before stay private.");

        bot.reply("carol", "send_song name:\"Bob Fisher\" " + LINK);
        bot.reply("bob", "receipts off");
        bot.play("bob", FakeMusic.OTHER_SONG);
        bot.advance(Duration.ofMinutes(5));
        assertThat(bot.reply("bob", "receipts on")).as("a song played since is no longer open")
                .isEqualTo("Done: friends are told again when you play the songs they send from now on. The 2 songs "
                        + "sent before stay private.");
        bot.reply("bob", "receipts off Carol King");
        assertThat(bot.reply("bob", "receipts on Carol King"))
                .isEqualTo("Done: I'll tell Carol King when you play the songs they send from now on. The one they "
                        + "sent before stays private.");
        assertThat(bot.reply("carol", "receipts on")).as("none marked: no count")
                .isEqualTo("Done: friends are told again when you play the songs they send from now on.");
    }

    @Test
    void someoneChosenNotToBeToldStaysUntoldThroughReceiptsOffForEveryoneAndItsUndo() {
        bot.reply("bob", "receipts off Alice Smith");
        bot.reply("bob", "receipts off");
        assertThat(bot.chat.messages("bob").getLast().choices()).containsExactly(new Choice("Undo", "receipts on"));
        assertThat(bot.reply("bob", "receipts")).isEqualTo("I don't tell friends when you play the songs they send.\n"
                + "If you turn that on again, I still won't tell Alice Smith.\nYou haven't blocked anyone.");

        assertThat(bot.reply("bob", "receipts on")).as("what the Undo tap sends")
                .isEqualTo("Done: friends are told again when you play the songs they send from now on. I still "
                        + "won't tell Alice Smith.");
        assertThat(bot.reply("bob", "receipts")).isEqualTo("When you play a song a friend sent, I tell them.\n"
                + "Except: I don't tell Alice Smith.\nYou haven't blocked anyone.");
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK)).contains("Bob Fisher doesn't share "
                + "when they play songs");
        assertThat(bot.reply("carol", "send_song name:\"Bob Fisher\" " + LINK)).contains("I'll tell you when they "
                + "play it");
        int aliceBefore = bot.inbox("alice").size();
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.inbox("alice")).hasSize(aliceBefore);
        assertThat(bot.last("carol")).startsWith("🎧 Bob Fisher listened to " + TITLE);
    }

    @Test
    void receiptsOffForEveryoneStillLeavesNobodyToldWhomTheyChoseToTellAndReceiptsOffForOneIsKeptMeanwhile() {
        bot.reply("bob", "receipts on Carol King");
        bot.reply("bob", "receipts off");
        assertThat(bot.reply("bob", "receipts")).isEqualTo("I don't tell friends when you play the songs they send.\n"
                + "You haven't blocked anyone.");
        bot.reply("bob", "receipts off Alice Smith");
        bot.reply("bob", "receipts on");

        assertThat(bot.reply("bob", "receipts")).isEqualTo("When you play a song a friend sent, I tell them.\n"
                + "Except: I don't tell Alice Smith.\nYou haven't blocked anyone.");
    }

    @Test
    void aBlockedSendersNoteIsNotReleasedWhenTheirEarlierSongIsPlayed() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" post:\"you can't escape me\" " + LINK);
        bot.reply("bob", "block Alice Smith");

        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.inbox("bob")).noneMatch(text -> text.contains("you can't escape me"));
        assertThat(bot.inbox("alice")).noneMatch(text -> text.startsWith("🎧"));
    }

    @Test
    void aNoteOfASenderStillWaitingWhenTheyAreBlockedIsNeverReleasedAndTheSenderIsNotTold() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" post:\"you can't escape me\" " + LINK);
        bot.reply("carol", "send_song name:\"Bob Fisher\" post:\"from Carol\" " + LINK);
        bot.chat.windowCloses("bob");
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        assertThat(bot.stores.outbox().heldMessagesFor(at("bob"))).extracting(held -> held.message().text())
                .containsExactlyInAnyOrder("Alice Smith's note on " + TITLE + ": “you can't escape me”",
                        "Carol King's note on " + TITLE + ": “from Carol”");
        int alicesBefore = bot.inbox("alice").size();

        assertThat(bot.say("bob", "block Alice Smith")).noneMatch(text -> text.contains("you can't escape me"))
                .contains("Carol King's note on " + TITLE + ": “from Carol”");

        bot.advance(Duration.ofDays(15));
        bot.say("bob", "hi");
        assertThat(bot.inbox("bob")).noneMatch(text -> text.contains("you can't escape me"));
        assertThat(bot.inbox("alice")).hasSize(alicesBefore);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"receipts off Alice Smith", "receipts off", "block Alice Smith"})
    void aPlayTheSenderHasNotBeenToldOfYetIsNeverToldOnceTheReceiverStopsTellingThem(String command) {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.reply("alice", "send_song name:\"Carol King\" " + LINK);
        bot.chat.windowCloses("alice");
        bot.play("bob", FakeMusic.SONG);
        bot.play("carol", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        assertThat(bot.stores.outbox().heldMessagesFor(at("alice"))).extracting(held -> held.message().text())
                .anyMatch(text -> text.startsWith("🎧 Bob Fisher listened to "));

        bot.reply("bob", command);
        bot.chat.windowOpens("alice");

        assertThat(bot.say("alice", "help")).noneMatch(text -> text.startsWith("🎧 Bob"))
                .anyMatch(text -> text.startsWith("🎧 Carol King listened to "));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"receipts off Alice Smith", "receipts off", "block Alice Smith"})
    void playsWhoseNoticeIsTakenBackShowInTheSendersHistoryAsDeliveredOnly(String command) {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + OTHER_LINK);
        bot.reply("alice", "send_song name:\"Carol King\" " + LINK);
        bot.chat.windowCloses("alice");
        bot.play("bob", FakeMusic.SONG);
        bot.play("bob", FakeMusic.OTHER_SONG);
        bot.play("carol", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        assertThat(heldTexts("alice")).anyMatch(text -> text.startsWith("🎧 Bob Fisher listened to 2 of your songs"));

        bot.reply("bob", command);
        bot.chat.windowOpens("alice");
        bot.say("alice", "hi");

        assertThat(bot.reply("alice", "history")).contains(
                "• " + TITLE + " → Bob Fisher: delivered 5 min ago (they don't share plays)",
                "• " + OTHER + " → Bob Fisher: delivered 5 min ago (they don't share plays)",
                "• " + TITLE + " → Carol King: played 5 min ago");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"receipts off Alice Smith", "receipts off"})
    void sendingAgainASongWhosePlayNoticeWasTakenBackIsAnsweredAsForASongStillUnplayed(String command) {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + OTHER_LINK);
        bot.chat.windowCloses("alice");
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        bot.reply("bob", command);

        String played = bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        String notPlayed = bot.reply("alice", "send_song name:\"Bob Fisher\" " + OTHER_LINK);
        assertThat(played).isEqualTo("You already sent " + TITLE + " to Bob Fisher (5 min ago), so I didn't "
                + "send it again.");
        assertThat(notPlayed).isEqualTo(played.replace(TITLE, OTHER));
    }

    @Test
    void anExpiryWhoseNoticeIsTakenBackShowsInTheSendersHistoryAsDeliveredOnly() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.chat.windowCloses("alice");
        bot.advance(Duration.ofDays(8));
        assertThat(heldTexts("alice")).anyMatch(text -> text.startsWith(TITLE + ", sent to Bob Fisher, was not played"));

        bot.reply("bob", "receipts off Alice Smith");
        bot.chat.windowOpens("alice");

        assertThat(bot.say("alice", "hi")).noneMatch(text -> text.contains("not played within"));
        assertThat(bot.reply("alice", "history")).isEqualTo("Your latest songs:\n• " + TITLE + " → Bob Fisher: "
                + "delivered 8 days ago (they don't share plays)");
    }

    @Test
    void aPlayTheSenderWasToldOfStaysInTheirHistoryOnceTheReceiverStopsTellingThem() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        assertThat(bot.inbox("alice")).anyMatch(text -> text.startsWith("🎧 Bob Fisher listened to " + TITLE));

        bot.reply("bob", "receipts off Alice Smith");

        assertThat(bot.reply("alice", "history")).startsWith("Your latest songs:\n• " + TITLE + " → Bob Fisher: "
                + "played 5 min ago");
    }

    @ParameterizedTest(name = "{0}, the process dying {1}")
    @CsvSource({"receipts off Alice Smith, just before the notice is taken back",
            "receipts off Alice Smith, just after the notice is taken back",
            "block Alice Smith, just before the notice is taken back"})
    void aPlayNoticeBeingTakenBackWhenTheProcessDiesNeverShowsThePlayAndIsGoneOnceTheChoiceIsMadeAgain(String command,
                                                                                                     String when) {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.chat.windowCloses("alice");
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        ((InMemoryOutbox) bot.stores.outbox()).diesReleasing(
                held -> held.message().text().startsWith("🎧 Bob Fisher listened to "), when.contains("after"));
        assertThatThrownBy(() -> bot.say("bob", command)).isInstanceOf(RecordingChat.ProcessDied.class);
        assertThat(shareFrom("alice").receiptsOff()).as("kept private before the notice is taken back").isTrue();

        bot.reply("bob", command);
        bot.chat.windowOpens("alice");

        assertThat(bot.say("alice", "hi")).noneMatch(text -> text.startsWith("🎧 Bob"));
        assertThat(bot.reply("alice", "history")).isEqualTo("Your latest songs:\n• " + TITLE + " → Bob Fisher: "
                + "delivered 5 min ago (they don't share plays)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"receipts off Alice Smith", "receipts off", "block Alice Smith"})
    void aGroupSummaryStillWaitingForItsSenderNoLongerCountsTheMemberWhoStopsTellingThem(String command) {
        aliceSendsHerFamilyASongWhileHerWindowIsClosed();
        bot.play("bob", FakeMusic.SONG);
        bot.play("carol", FakeMusic.SONG);
        bot.advance(Duration.ofDays(8));
        assertThat(heldTexts("alice")).contains("2 of 3 played " + TITLE + " (sent to Family).\nNot played within 7 "
                + "days: Dan Brown.");

        bot.reply("carol", command);
        bot.chat.windowOpens("alice");

        assertThat(bot.say("alice", "help")).noneMatch(text -> text.startsWith("🎧 Carol"))
                .filteredOn(text -> text.contains("(sent to Family)")).containsExactly("1 of 2 played " + TITLE
                        + " (sent to Family).\nNot played within 7 days: Dan Brown.\nNot counted, they don't share "
                        + "plays: Carol King.");
        assertThat(bot.reply("alice", "history")).contains(TITLE + " → Carol King (in Family): delivered 8 days ago "
                + "(they don't share plays)");
    }

    @Test
    void aGroupSummaryStillWaitingForItsSenderNoLongerSaysAMemberWhoStopsTellingThemDidNotPlayIt() {
        aliceSendsHerFamilyASongWhileHerWindowIsClosed();
        bot.play("bob", FakeMusic.SONG);
        bot.play("carol", FakeMusic.SONG);
        bot.advance(Duration.ofDays(8));

        bot.reply("dan", "receipts off Alice Smith");
        bot.chat.windowOpens("alice");

        assertThat(bot.say("alice", "help")).filteredOn(text -> text.contains("(sent to Family)")).containsExactly(
                "2 of 2 played " + TITLE + " (sent to Family).\nNot counted, they don't share plays: Dan Brown.");
    }

    @Test
    void aGroupSummaryNotMadeYetLeavesOutThePlayOfAMemberWhoStoppedTellingTheSenderSince() {
        aliceSendsHerFamilyASongWhileHerWindowIsClosed();
        bot.play("carol", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        bot.reply("carol", "receipts off Alice Smith");
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofDays(8));
        bot.chat.windowOpens("alice");

        assertThat(bot.say("alice", "help")).noneMatch(text -> text.startsWith("🎧 Carol"))
                .filteredOn(text -> text.contains("(sent to Family)")).containsExactly("1 of 2 played " + TITLE
                        + " (sent to Family).\nNot played within 7 days: Dan Brown.\nNot counted, they don't share "
                        + "plays: Carol King.");
    }

    @ParameterizedTest(name = "the process dies {0}")
    @ValueSource(strings = {"before the new summary is held", "just before the first is taken back",
            "just after the first is taken back"})
    void aGroupSummaryBeingMadeAgainWhenTheProcessDiesReachesItsSenderOnceTheChoiceIsMadeAgain(String when) {
        aliceSendsHerFamilyASongWhileHerWindowIsClosed();
        bot.play("bob", FakeMusic.SONG);
        bot.play("carol", FakeMusic.SONG);
        bot.advance(Duration.ofDays(8));
        InMemoryOutbox outbox = (InMemoryOutbox) bot.stores.outbox();
        if (when.startsWith("before")) {
            outbox.diesAtNextHoldNew();
        } else {
            outbox.diesReleasing(held -> held.message().text().startsWith("2 of 3 played "), when.contains("after"));
        }
        assertThatThrownBy(() -> bot.say("carol", "receipts off Alice Smith"))
                .isInstanceOf(RecordingChat.ProcessDied.class);
        assertThat(heldTexts("alice")).filteredOn(text -> text.contains("(sent to Family)"))
                .hasSize(when.startsWith("just before") ? 2 : 1);

        bot.reply("carol", "receipts off Alice Smith");
        bot.chat.windowOpens("alice");

        assertThat(bot.say("alice", "help")).filteredOn(text -> text.contains("(sent to Family)")).containsExactly(
                "1 of 2 played " + TITLE + " (sent to Family).\nNot played within 7 days: Dan Brown.\nNot counted, "
                        + "they don't share plays: Carol King.");
    }

    @Test
    void aSecondMembersChoiceCutShortFindsTheSummaryMadeAgainForTheFirstWhenMadeAgain() {
        aliceSendsHerFamilyASongWhileHerWindowIsClosed();
        bot.play("bob", FakeMusic.SONG);
        bot.play("carol", FakeMusic.SONG);
        bot.advance(Duration.ofDays(8));
        bot.reply("carol", "receipts off Alice Smith");
        ((InMemoryOutbox) bot.stores.outbox()).diesAtNextHoldNew();
        assertThatThrownBy(() -> bot.say("dan", "receipts off")).isInstanceOf(RecordingChat.ProcessDied.class);

        bot.reply("dan", "receipts off");
        bot.chat.windowOpens("alice");

        assertThat(bot.say("alice", "help")).filteredOn(text -> text.contains("(sent to Family)")).containsExactly(
                "1 of 1 played " + TITLE + " (sent to Family).\nNot counted, they don't share plays: Carol King, Dan "
                        + "Brown.");
    }

    @Test
    void aBlockMadeAgainAfterTheProcessDiedMakesTheWaitingGroupSummaryAgainToo() {
        aliceSendsHerFamilyASongWhileHerWindowIsClosed();
        bot.play("bob", FakeMusic.SONG);
        bot.play("carol", FakeMusic.SONG);
        bot.advance(Duration.ofDays(8));
        ((InMemoryOutbox) bot.stores.outbox()).diesAtNextHoldNew();
        assertThatThrownBy(() -> bot.say("carol", "block Alice Smith")).isInstanceOf(RecordingChat.ProcessDied.class);

        assertThat(bot.reply("carol", "block Alice Smith")).isEqualTo("Alice Smith is blocked already.");
        bot.chat.windowOpens("alice");

        assertThat(bot.say("alice", "help")).filteredOn(text -> text.contains("(sent to Family)")).containsExactly(
                "1 of 2 played " + TITLE + " (sent to Family).\nNot played within 7 days: Dan Brown.\nNot counted, "
                        + "they don't share plays: Carol King.");
    }

    @Test
    void aGroupSummaryMadeAgainForAMemberWhoStoppedTellingIsMadeAgainWithoutAnotherWhoIsForgotten() {
        aliceSendsHerFamilyASongWhileHerWindowIsClosed();
        bot.play("bob", FakeMusic.SONG);
        bot.play("carol", FakeMusic.SONG);
        bot.advance(Duration.ofDays(8));
        bot.reply("carol", "receipts off Alice Smith");

        bot.reply("bob", "forget_me");
        bot.reply("bob", "forget_me confirm");
        bot.chat.windowOpens("alice");

        assertThat(bot.say("alice", "help")).filteredOn(text -> text.contains("(sent to Family)")).containsExactly(
                "0 of 1 played " + TITLE + " (sent to Family).\nNot played within 7 days: Dan Brown.\nNot counted, "
                        + "they don't share plays: Carol King.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"receipts off Alice Smith", "receipts off", "block Alice Smith"})
    void aPlayNoticeHeldUnderItsIdOfBeforeIdsSaidWhatTheyAreIsTakenBackTooAndNothingElseIs(String command) {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.OTHER_SONG.id().link());
        bot.reply("alice", "send_song name:\"Carol King\" " + LINK);
        bot.chat.windowCloses("alice");
        bot.play("bob", FakeMusic.SONG);
        bot.play("bob", FakeMusic.OTHER_SONG);
        bot.play("carol", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        heldAsBefore("alice", "🎧 Bob Fisher listened to 2 of your songs", "played", "bob");
        heldAsBefore("alice", "🎧 Carol King listened to ", "played", "carol");
        bot.reply("bob", "send_song name:\"Alice Smith\" " + LINK);

        bot.reply("bob", command);
        bot.chat.windowOpens("alice");

        assertThat(bot.say("alice", "help")).noneMatch(text -> text.startsWith("🎧 Bob"))
                .anyMatch(text -> text.startsWith("🎧 Carol King listened to " + TITLE))
                .anyMatch(text -> text.startsWith("🎵 Bob Fisher sent you a song"));
    }

    @Test
    void anExpiryNoticeHeldUnderItsIdOfBeforeIdsSaidWhatTheyAreIsTakenBackToo() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.chat.windowCloses("alice");
        bot.advance(Duration.ofDays(8));
        heldAsBefore("alice", TITLE + ", sent to Bob Fisher, was not played", "expired", "bob");

        bot.reply("bob", "receipts off Alice Smith");
        bot.chat.windowOpens("alice");

        assertThat(bot.say("alice", "help")).noneMatch(text -> text.contains("not played within"));
    }

    @Test
    void thePlaysOfANoticeHeldUnderItsIdOfBeforeIdsSaidWhatTheyAreShowInTheSendersHistoryAsDeliveredOnly() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + OTHER_LINK);
        bot.chat.windowCloses("alice");
        bot.play("bob", FakeMusic.SONG);
        bot.play("bob", FakeMusic.OTHER_SONG);
        bot.advance(Duration.ofMinutes(5));
        heldAsBefore("alice", "🎧 Bob Fisher listened to 2 of your songs", "played", "bob");

        bot.reply("bob", "block Alice Smith");

        assertThat(bot.reply("alice", "history")).isEqualTo("Your latest songs:"
                + "\n• " + OTHER + " → Bob Fisher: delivered 5 min ago (they don't share plays)"
                + "\n• " + TITLE + " → Bob Fisher: delivered 5 min ago (they don't share plays)");
    }

    @Test
    void aNoteHeldUnderItsIdOfBeforeIdsSaidWhatTheyAreIsNotReleasedOnceItsSenderIsBlocked() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" post:\"you can't escape me\" " + LINK);
        bot.reply("carol", "send_song name:\"Bob Fisher\" post:\"from Carol\" " + LINK);
        bot.chat.windowCloses("bob");
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        heldAsBefore("bob", "Alice Smith's note on ", "post note", "bob");
        heldAsBefore("bob", "Carol King's note on ", "post note", "bob");

        assertThat(bot.say("bob", "block Alice Smith")).noneMatch(text -> text.contains("you can't escape me"))
                .contains("Carol King's note on " + TITLE + ": “from Carol”");
    }

    @Test
    void someoneWhoBlockedYouIsNotAddedToYourGroupsAndHearsNothingOfIt() {
        bot.reply("bob", "block Alice Smith");
        bot.reply("alice", "create_group Family");
        int bobBefore = bot.inbox("bob").size();

        assertThat(bot.reply("alice", "add_to_group Family Bob Fisher")).isEqualTo("I couldn't add Bob Fisher to "
                + "Family.");
        assertThat(bot.inbox("bob")).hasSize(bobBefore);
        assertThat(bot.reply("alice", "members Family")).doesNotContain("Bob Fisher");
        assertThat(bot.reply("alice", "add_to_group Family Carol King")).startsWith("Added Carol King to Family");
    }

    @Test
    void aGroupSongCountsOnlyTheMembersWhoSharePlays() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family Bob Fisher");
        bot.reply("alice", "add_to_group Family Carol King");
        bot.reply("carol", "receipts off");

        assertThat(bot.reply("alice", "send_song group:Family " + LINK)).endsWith("Carol King doesn't share when they "
                + "play songs, so you won't hear about theirs.");
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.inbox("alice")).contains("1 of 1 played " + TITLE + " (sent to Family).\nNot counted, they "
                + "don't share plays: Carol King.");
    }

    @Test
    void aGroupSongToMembersWhoNoneSharePlaysDoesNotPromiseToTellOfThem() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family Carol King");
        bot.reply("carol", "receipts off");

        assertThat(bot.reply("alice", "send_song group:Family " + LINK)).isEqualTo("Sent " + TITLE + " to Family (1 "
                + "person). Carol King doesn't share when they play songs, so you won't hear about theirs.");
    }

    @Test
    void sendingASongAgainToAFriendWhoKeepsTheirPlaysTellsNothingOfWhetherTheyPlayedIt() {
        String other = FakeMusic.OTHER_SONG.title();
        bot.reply("bob", "receipts off Alice Smith");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.OTHER_SONG.id().link());
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        String played = bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        String notPlayed = bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.OTHER_SONG.id().link());
        assertThat(played).isEqualTo("You already sent " + TITLE + " to Bob Fisher (5 min ago), so I didn't "
                + "send it again.");
        assertThat(notPlayed).isEqualTo(played.replace(TITLE, other));

        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family Bob Fisher");
        bot.reply("alice", "add_to_group Family Carol King");
        String groupPlayed = bot.reply("alice", "send_song group:Family " + LINK);
        bot.advance(Duration.ofHours(1));
        String groupNotPlayed = bot.reply("alice", "send_song group:Family " + FakeMusic.OTHER_SONG.id().link());
        assertThat(groupPlayed).contains(" Bob Fisher already has it from you, so I didn't send it again.")
                .doesNotContain("still watching");
        assertThat(groupNotPlayed.replace(other, TITLE)).isEqualTo(groupPlayed);

        bot.advance(BotHarness.WATCH_ENDS);
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK)).startsWith("Sent ");
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.OTHER_SONG.id().link()))
                .startsWith("Sent ");
    }

    @Test
    void removingMembersWhoKeepTheirPlaysTellsTheOwnerNothingOfWhetherTheyPlayedTheSong() {
        bobAndCarolKeepTheirPlaysFromAliceWhoSendsThemASongInHerGroupThatOnlyCarolPlays();

        String notPlayed = bot.reply("alice", "remove_from_group Family Bob Fisher");
        String played = bot.reply("alice", "remove_from_group Family Carol King");

        assertThat(notPlayed).isEqualTo("Removed Bob Fisher from Family.");
        assertThat(played).isEqualTo("Removed Carol King from Family.");
    }

    @Test
    void deletingAGroupTellsTheOwnerNothingOfWhetherMembersWhoKeepTheirPlaysPlayedItsSongs() {
        bobAndCarolKeepTheirPlaysFromAliceWhoSendsThemASongInHerGroupThatOnlyCarolPlays();
        bot.reply("carol", "send_song group:Family " + OTHER_LINK);

        bot.reply("alice", "delete_group Family");
        Message question = bot.chat.messages("alice").getLast();
        Choice yes = question.choices().stream().filter(c -> c.title().equals("Yes, delete it")).findFirst()
                .orElseThrow();
        List<String> replies = bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), at("alice"),
                bot.clock.instant(), yes.payload(), yes.title()));

        assertThat(replies.getLast()).as("Bob's song from Alice is his to tell of, Carol's song to Bob hers")
                .isEqualTo("Deleted the group Family and told its 2 other members.");
    }

    @Test
    void aSongStoppedByLeavingTheGroupShowsInTheSendersHistoryAsAPlayedOneDoes() {
        bobAndCarolKeepTheirPlaysFromAliceWhoSendsThemASongInHerGroupThatOnlyCarolPlays();

        bot.reply("bob", "leave_group Family");
        bot.reply("carol", "leave_group Family");

        assertThat(bot.reply("alice", "history")).isEqualTo("Your latest songs:\n• " + TITLE + " → Carol King (in "
                + "Family): delivered 5 min ago (they don't share plays)\n• " + TITLE + " → Bob Fisher (in "
                + "Family): delivered 5 min ago (they don't share plays)");
    }

    @Test
    void sendingAgainASongStoppedByLeavingTheGroupIsAnsweredAsForAPlayedOne() {
        bobAndCarolKeepTheirPlaysFromAliceWhoSendsThemASongInHerGroupThatOnlyCarolPlays();
        bot.reply("bob", "leave_group Family");
        bot.reply("carol", "leave_group Family");

        String notPlayed = bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        String played = bot.reply("alice", "send_song name:\"Carol King\" " + LINK);

        assertThat(played).isEqualTo("You already sent " + TITLE + " to Carol King (5 min ago), so I didn't "
                + "send it again.");
        assertThat(notPlayed).isEqualTo(played.replace("Carol King", "Bob Fisher"));
    }

    @Test
    void sendingAgainASongSentWhileTheFriendKeptTheirPlaysTellsNothingOfWhetherTheyPlayedItOnceTheyShareThemAgain() {
        bot.reply("bob", "receipts off Alice Smith");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + OTHER_LINK);
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        bot.reply("bob", "receipts on Alice Smith");

        String played = bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        String notPlayed = bot.reply("alice", "send_song name:\"Bob Fisher\" " + OTHER_LINK);

        assertThat(played).isEqualTo("You already sent " + TITLE + " to Bob Fisher (5 min ago), so I didn't "
                + "send it again.");
        assertThat(notPlayed).isEqualTo(played.replace(TITLE, OTHER));

        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family Bob Fisher");
        String groupPlayed = bot.reply("alice", "send_song group:Family " + LINK);
        String groupNotPlayed = bot.reply("alice", "send_song group:Family " + OTHER_LINK);
        assertThat(groupPlayed).contains("Bob Fisher already has it from you, so I didn't send it again.");
        assertThat(groupNotPlayed.replace(OTHER, TITLE)).isEqualTo(groupPlayed);
    }

    /** Family: Alice, Bob and Carol, who both keep their plays from Alice; Alice's song to it is played by Carol. */
    private void bobAndCarolKeepTheirPlaysFromAliceWhoSendsThemASongInHerGroupThatOnlyCarolPlays() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family Bob Fisher");
        bot.reply("alice", "add_to_group Family Carol King");
        bot.reply("bob", "receipts off Alice Smith");
        bot.reply("carol", "receipts off Alice Smith");
        assertThat(bot.reply("alice", "send_song group:Family " + LINK)).startsWith("Sent ");
        bot.play("carol", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
    }

    @Test
    void registeringSaysFriendsAreToldWhenYouPlayTheirSongs() {
        assertThat(bot.reply("bob", "receipts")).isEqualTo("When you play a song a friend sent, I tell them.\n"
                + "You haven't blocked anyone.");
    }

    @Test
    void aCardsTapsActOnWhoSentTheSongEvenAfterSomeoneElseTookTheirName() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        List<Button> aliceCard = bot.chat.messages("bob").getLast().card().orElseThrow().buttons();
        bot.register("fred", "Fred Jones");
        assertThat(bot.reply("alice", "name \"Alice Jones\"")).contains("Alice Jones");
        assertThat(bot.reply("fred", "name \"Alice Smith\"")).contains("Alice Smith");
        bot.reply("fred", "send_song name:\"Bob Fisher\" " + FakeMusic.OTHER_SONG.id().link());

        assertThat(tap("bob", (Button.Reply) aliceCard.get(1))).startsWith("Done: I won't tell Alice Jones");
        assertThat(tap("bob", (Button.Reply) aliceCard.get(2))).startsWith("Blocked Alice Jones:");

        assertThat(bot.reply("bob", "receipts")).contains("Blocked: Alice Jones.").doesNotContain("Alice Smith");
        assertThat(bot.reply("fred", "send_song name:\"Bob Fisher\" " + LINK))
                .as("Fred, who has Alice's old name, is not blocked").startsWith("Sent ");
    }

    @Test
    void undoingABlockActsOnWhoWasBlockedEvenAfterSomeoneElseTookTheirName() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.register("fred", "Fred Jones");
        assertThat(bot.reply("bob", "block Alice Smith")).startsWith("Blocked Alice Smith:");
        String undo = bot.chat.messages("bob").getLast().choices().getFirst().payload();

        bot.reply("alice", "name \"Alice Jones\"");
        bot.reply("fred", "name \"Alice Smith\"");

        assertThat(bot.reply("bob", undo)).isEqualTo("Unblocked Alice Jones: their songs come through again.");
        assertThat(bot.reply("bob", "receipts")).doesNotContain("Blocked");
    }

    @Test
    void aCardsTapForASongSentToSomeoneElseActsOnNobody() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        String blockAlice = ((Button.Reply) bot.chat.messages("bob").getLast().card().orElseThrow().buttons().get(2))
                .payload();

        assertThat(bot.reply("carol", blockAlice)).as("answered as a tap naming no song, never telling it exists")
                .isEqualTo("That button isn't used any more.");
        assertThat(bot.reply("carol", blockAlice.replace("block", "receipts off")))
                .isEqualTo("That button isn't used any more.");
        assertThat(bot.reply("carol", "receipts")).doesNotContain("Blocked").doesNotContain("Alice");
        assertThat(bot.reply("bob", "block song 00000000-0000-0000-0000-000000000000"))
                .isEqualTo("That button isn't used any more.");
    }

    /** Alice's group Family (Bob, Carol and Dan Brown) gets a song; from then on what Alice is told waits. */
    private void aliceSendsHerFamilyASongWhileHerWindowIsClosed() {
        bot.register("dan", "Dan Brown");
        bot.reply("alice", "create_group Family");
        for (String member : List.of("Bob Fisher", "Carol King", "Dan Brown")) {
            bot.reply("alice", "add_to_group Family " + member);
        }
        assertThat(bot.reply("alice", "send_song group:Family " + LINK)).startsWith("Sent ");
        bot.chat.windowCloses("alice");
    }

    /**
     * Holds the message held for {@code psid} that begins {@code textStart} again under the id the version before
     * ids said what they are gave it: of {@code kind} and of the shares it told of, those {@code receiver} got from
     * the people it names.
     */
    private void heldAsBefore(String psid, String textStart, String kind, String receiver) {
        OutboxStore outbox = bot.stores.outbox();
        HeldMessage held = outbox.heldMessagesFor(at(psid)).stream()
                .filter(message -> message.message().text().startsWith(textStart)).findFirst().orElseThrow();
        List<ChatAddress> senders = psid.equals(receiver) ? held.about() : List.of(at(psid));
        List<String> parts = new ArrayList<>(List.of(kind));
        bot.stores.shares().sharesReceivedBy(at(receiver)).stream().filter(share -> senders.contains(share.sender()))
                .map(Share::id).sorted().forEach(parts::add);
        outbox.releaseHeldMessage(held, bot.clock.instant());
        outbox.holdNew(List.of(new HeldMessage(StableIds.of(parts.toArray(String[]::new)), held.to(), held.message(),
                held.heldAt(), held.retryAt(), held.shareId(), held.tries(), held.refusals(), held.expiresAt(),
                held.about())));
    }

    private List<String> heldTexts(String psid) {
        return bot.stores.outbox().heldMessagesFor(at(psid)).stream().map(held -> held.message().text()).toList();
    }

    private Share shareFrom(String psid) {
        return bot.stores.shares().sharesSentBy(at(psid)).getLast();
    }

    private String tap(String psid, Button.Reply button) {
        List<String> replies = bot.handle(new Inbound.ButtonTapped(bot.nextEventId(), at(psid), bot.clock.instant(),
                button.payload(), button.title()));
        assertThat(replies).hasSize(1);
        return replies.getFirst();
    }
}
