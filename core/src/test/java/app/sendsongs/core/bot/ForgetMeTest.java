package app.sendsongs.core.bot;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.SendSongs;
import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.command.Help;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.InMemoryOutbox;
import app.sendsongs.core.fakes.InMemoryShares;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.share.ShareStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code forget_me}: everything kept about the person goes, and nothing of anyone else. */
class ForgetMeTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String OTHER_LINK = FakeMusic.OTHER_SONG.id().link();
    private static final String OWNER_TOLD = "Someone who left Send Songs is no longer in your group %s.";
    private BotHarness bot;

    @BeforeEach
    void people() {
        bot = new BotHarness();
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.register("carol", "Carol King");
    }

    @Test
    void itAsksFirstAndTheTapThatConfirmsDeletes() {
        assertThat(bot.reply("alice", "forget me")).isEqualTo("This deletes everything I keep about you: your Spotify "
                + "connection, your name, the songs you sent and received, your groups and memberships. It can't be "
                + "undone. Delete it all?");
        assertThat(bot.chat.messages("alice").getLast().choices()).containsExactly(
                new Choice("Yes, delete it all", "forget_me confirm"), new Choice("No, keep it", "menu"));
        assertThat(bot.stores.users().findUser(at("alice"))).isPresent();

        assertThat(bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), at("alice"), bot.clock.instant(),
                "forget_me confirm", "Yes, delete it all"))).containsExactly("Done: I've deleted everything I kept "
                + "about you — your Spotify connection, your name, the songs you sent and received, your groups and "
                + "memberships. To use Send Songs again, just write to me.");
        assertThat(bot.stores.users().findUser(at("alice"))).isEmpty();
    }

    @Test
    void theQuestionNamesTheServiceThePersonConnected() {
        bot.connectThroughOwnLink(at("dave"), SourceKind.LASTFM, "davestone");

        assertThat(bot.reply("dave", "forget_me")).startsWith("This deletes everything I keep about you: your Last.fm "
                + "connection, your name, ");
    }

    @Test
    void writingAgainAfterwardsOffersEveryServiceToConnect() {
        forget("alice");

        assertThat(bot.reply("alice", "hi")).startsWith("Hi! I'm Send Songs");
        assertThat(bot.chat.messages("alice").getLast().choices()).extracting(Choice::payload)
                .contains("connect spotify", "connect lastfm");
    }

    @Test
    void aConfirmationNobodyAskedForOrTooLateAsksAgainAndDeletesNothing() {
        assertThat(bot.reply("alice", "forget_me confirm")).endsWith("Delete it all?");
        bot.advance(Duration.ofMinutes(6));
        assertThat(bot.reply("alice", "forget_me confirm")).as("asked more than five minutes ago")
                .endsWith("Delete it all?");
        bot.reply("alice", "menu");
        assertThat(bot.stores.users().findUser(at("alice"))).isPresent();
    }

    @Test
    void cancelOrNoTypedAtTheQuestionIsItsNoTapAndStopsNoSongSentEarlier() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);

        for (String typed : List.of("cancel", "Cancel.", "no", "No, keep it", "never mind")) {
            bot.reply("alice", "forget me");
            assertThat(bot.reply("alice", typed)).as(typed).startsWith("Hi Alice! Paste a Spotify link");
        }

        assertThat(bot.stores.users().findUser(at("alice"))).isPresent();
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).singleElement()
                .satisfies(share -> assertThat(share.status()).isEqualTo(ShareStatus.WATCHING));
        bot.advance(Duration.ofMinutes(6));
        assertThat(bot.reply("alice", "cancel")).as("with no question open, the command").startsWith("Stopped watching");
    }

    @Test
    void aYesTappedAfterTheNoAsksAgain() {
        bot.reply("alice", "forget me");
        List<Choice> taps = bot.chat.messages("alice").getLast().choices();
        assertThat(tap(taps.getLast())).startsWith("Hi Alice! Paste a Spotify link");

        assertThat(tap(taps.getFirst())).as("the Yes under the question answered no").endsWith("Delete it all?");
        assertThat(bot.stores.users().findUser(at("alice"))).isPresent();
    }

    private String tap(Choice choice) {
        return bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), at("alice"), bot.clock.instant(),
                choice.payload(), choice.title())).getLast();
    }

    @Test
    void anotherOpenQuestionIsNotTakenForTheConfirmation() {
        bot.register("bob2", "Bob Fisher");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);

        assertThat(bot.reply("alice", "forget_me confirm")).endsWith("Delete it all?");
        assertThat(bot.stores.users().findUser(at("alice"))).isPresent();
    }

    @Test
    void afterwardsTheBotNoLongerKnowsThem() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.reply("bob", "send_song name:\"Alice Smith\" " + LINK);

        forget("alice");

        assertThat(bot.stores.users().findUser(at("alice"))).isEmpty();
        assertThat(bot.stores.users().findUsersByName("Alice Smith")).isEmpty();
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).isEmpty();
        assertThat(bot.stores.shares().sharesWatchedFor(at("alice"))).isEmpty();
        assertThat(bot.stores.watches().findWatch(at("alice"))).isEmpty();
        assertThat(bot.reply("alice", "pending")).startsWith("That works once you've connected");
        assertThat(bot.reply("bob", "send_song name:\"Alice Smith\" " + LINK)).startsWith("I don't know anyone called");
    }

    @Test
    void noticesToOthersThatCarryTheirNameAndWaitToBeSentAreTakenBack() {
        bot.reply("carol", "send_song name:\"Alice Smith\" " + LINK);
        bot.chat.windowCloses("carol");
        bot.play("alice", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(10));
        assertThat(bot.stores.outbox().heldMessagesFor(at("carol"))).singleElement()
                .satisfies(held -> assertThat(held.message().text()).startsWith("🎧 Alice Smith listened to"));

        forget("alice");

        assertThat(bot.stores.outbox().heldMessagesFor(at("carol"))).isEmpty();
        bot.chat.windowOpens("carol");
        assertThat(bot.say("carol", "help")).noneMatch(text -> text.contains("Alice"));
    }

    @Test
    void songsTheySentStopBeingWatchedAndTheirNotesAreNotReleased() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" post:\"told you\" " + LINK);

        forget("alice");
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofDays(8));

        assertThat(bot.inbox("bob")).noneMatch(text -> text.contains("told you"));
        assertThat(bot.inbox("alice")).noneMatch(text -> text.startsWith("🎧") || text.contains("not played within"));
        assertThat(bot.stores.watches().findWatch(at("bob"))).isEmpty();
    }

    @Test
    void aSongTheySentThatStillWaitsForItsReceiverIsTakenBack() {
        bot.chat.windowCloses("bob");
        bot.reply("alice", "send_song name:\"Bob Fisher\" pre:\"from Alice\" " + LINK);

        forget("alice");
        bot.chat.windowOpens("bob");

        assertThat(bot.say("bob", "help")).containsExactly(Help.forAsker(Help.all(), "Bob Fisher"));
        assertThat(bot.stores.outbox().heldMessagesFor(at("bob"))).isEmpty();
    }

    @Test
    void songsSentToThemLeaveTheSendersListsAndOthersSongsStay() {
        bot.reply("bob", "send_song name:\"Alice Smith\" " + LINK);
        bot.reply("bob", "send_song name:\"Carol King\" " + LINK);

        forget("alice");

        assertThat(bot.reply("bob", "pending")).isEqualTo("Songs you sent that are being watched:\n1. "
                + FakeMusic.SONG.title() + " → Carol King: delivered just now, watching for 7 more days\n"
                + "Stop one with: cancel <number>");
        bot.play("carol", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        assertThat(bot.last("bob")).startsWith("🎧 Carol King listened to ");
    }

    @Test
    void aQuestionTheBotAskedThemIsForgottenToo() {
        bot.register("bob2", "Bob Fisher");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);

        forget("alice");
        bot.register("alice", "Alice Smith");

        assertThat(bot.reply("alice", "1")).isEqualTo("I'm not waiting for an answer from you.");
        assertThat(bot.inbox("bob")).isEmpty();
        assertThat(bot.inbox("bob2")).isEmpty();
    }

    @Test
    void aGroupSummaryWaitingForItsSenderComesOnceWithoutEachMemberForgottenMeanwhile() {
        bot.register("dan", "Dan Brown");
        bot.reply("bob", "create_group Family");
        bot.reply("bob", "add_to_group Family Alice Smith");
        bot.reply("bob", "add_to_group Family Carol King");
        bot.reply("bob", "add_to_group Family Dan Brown");
        bot.reply("bob", "send_song group:Family " + LINK);
        bot.chat.windowCloses("bob");
        bot.play("alice", FakeMusic.SONG);
        bot.play("carol", FakeMusic.SONG);
        bot.advance(Duration.ofDays(8));

        forget("alice");
        forget("carol");
        bot.chat.windowOpens("bob");

        assertThat(bot.say("bob", "help")).filteredOn(text -> text.contains("(sent to Family)")).containsExactly(
                "0 of 1 played " + FakeMusic.SONG.title() + " (sent to Family).\nNot played within 7 days: Dan Brown.");
    }

    @Test
    void theOwnerOfEachGroupTheyWereInIsToldAMemberLeftAsLeaveGroupTellsThemWithoutTheirName() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family Bob Fisher");
        bot.reply("carol", "create_group Band");
        bot.reply("carol", "add_to_group Band Bob Fisher");
        bot.reply("carol", "add_to_group Band Alice Smith");

        forget("bob");

        assertThat(bot.last("alice")).isEqualTo(OWNER_TOLD.formatted("Family"));
        assertThat(bot.last("carol")).isEqualTo(OWNER_TOLD.formatted("Band"));
        assertThat(bot.inbox("alice")).noneMatch(text -> text.contains("Bob Fisher left"));
        assertThat(bot.reply("alice", "members Family")).doesNotContain("Bob");
    }

    @Test
    void aYesCutShortBeforeTheOwnerIsToldTellsThemOnceWhenHandledAgain() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family Bob Fisher");
        bot.reply("bob", "forget_me");
        Inbound yes = yes("bob");
        ((InMemoryOutbox) bot.stores.outbox()).diesBeforeHolding(held -> held.to().equals(at("alice"))
                && held.message().text().equals(OWNER_TOLD.formatted("Family")));
        assertThatThrownBy(() -> bot.handle(yes)).isInstanceOf(RecordingChat.ProcessDied.class);

        bot.handle(yes);
        bot.handle(yes);

        assertThat(bot.inbox("alice")).filteredOn(OWNER_TOLD.formatted("Family")::equals).hasSize(1);
        assertThat(bot.stores.users().findUser(at("bob"))).isEmpty();
    }

    @Test
    void aYesCutShortOnceTheyLeftAGroupBeforeItsSongToThemStoppedStopsItWhenHandledAgainAndTheSummaryComes() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family Bob Fisher");
        bot.reply("alice", "add_to_group Family Carol King");
        bot.reply("alice", "send_song group:Family " + LINK);
        bot.play("carol", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        bot.reply("bob", "forget_me");
        Inbound yes = yes("bob");
        ((InMemoryShares) bot.stores.shares()).diesBeforeUpdating(share -> share.receiver().equals(at("bob"))
                && share.status() == ShareStatus.LEFT_GROUP);
        assertThatThrownBy(() -> bot.handle(yes)).isInstanceOf(RecordingChat.ProcessDied.class);

        bot.handle(yes);

        assertThat(bot.inbox("alice")).filteredOn(text -> text.contains("(sent to Family)")).containsExactly("1 of 1 "
                + "played " + FakeMusic.SONG.title() + " (sent to Family).\nNot counted, no longer in the group: "
                + "someone who left.");
    }

    @ParameterizedTest(name = "the other member plays it {0} the forgetting")
    @ValueSource(strings = {"before", "after"})
    void aGroupSongsSummaryCountsAForgottenMemberNeitherAsPlayedNorAsNotPlayed(String when) {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family Bob Fisher");
        bot.reply("alice", "add_to_group Family Carol King");
        bot.reply("alice", "send_song group:Family " + LINK);
        if (when.equals("before")) {
            bot.play("carol", FakeMusic.SONG);
            bot.advance(Duration.ofMinutes(5));
        }

        forget("bob");
        bot.play("carol", FakeMusic.SONG);
        bot.advance(BotHarness.WATCH_ENDS);

        assertThat(bot.inbox("alice")).filteredOn(text -> text.contains("(sent to Family)")).singleElement()
                .asString().startsWith("1 of 1 played " + FakeMusic.SONG.title() + " (sent to Family).")
                .doesNotContain("Not played").doesNotContain("Bob");
    }

    @Test
    void aSongFromTheirNamesakeThatStillWaitsComesWithoutTheCautionThatNamedThem() {
        bot.reply("bob", "send_song name:\"Alice Smith\" " + LINK);
        bot.reply("bob", "name \"Robert Fisher\"");
        bot.register("mallory", "Bob Fisher");
        bot.chat.windowCloses("alice");
        bot.reply("mallory", "send_song name:\"Alice Smith\" pre:\"it's me\" " + OTHER_LINK);
        assertThat(bot.stores.outbox().heldMessagesFor(at("alice"))).singleElement()
                .satisfies(held -> assertThat(held.message().text()).contains("who is now called Robert Fisher"));

        forget("bob");
        bot.chat.windowOpens("alice");

        assertThat(bot.say("alice", "help")).filteredOn(text -> text.startsWith("🎵")).containsExactly(
                "🎵 Bob Fisher sent you a song: " + FakeMusic.OTHER_SONG.title() + "\n“it's me”");
        assertThat(bot.stores.shares().sharesSentBy(at("mallory"))).singleElement()
                .satisfies(share -> assertThat(share.status()).isEqualTo(ShareStatus.WATCHING));
        assertThat(bot.stores.outbox().heldMessagesFor(at("alice"))).isEmpty();
    }

    @ParameterizedTest(name = "the process dies {0} the messages naming them are taken back")
    @ValueSource(strings = {"just before", "just after"})
    void aGroupSummaryBeingMadeAgainWithoutThemWhenTheProcessDiesReachesItsSenderOnceForgetMeIsDoneAgain(String when) {
        bot.register("dan", "Dan Brown");
        bot.reply("bob", "create_group Family");
        bot.reply("bob", "add_to_group Family Alice Smith");
        bot.reply("bob", "add_to_group Family Carol King");
        bot.reply("bob", "add_to_group Family Dan Brown");
        bot.reply("bob", "send_song group:Family " + LINK);
        bot.chat.windowCloses("bob");
        bot.play("alice", FakeMusic.SONG);
        bot.play("carol", FakeMusic.SONG);
        bot.advance(Duration.ofDays(8));
        ((InMemoryOutbox) bot.stores.outbox()).diesAtNextWithdrawAbout(when.equals("just after"));
        bot.reply("alice", "forget_me");
        assertThatThrownBy(() -> bot.say("alice", "forget_me confirm")).isInstanceOf(RecordingChat.ProcessDied.class);

        forget("alice");
        bot.chat.windowOpens("bob");

        assertThat(bot.say("bob", "help")).filteredOn(text -> text.contains("(sent to Family)")).containsExactly(
                "1 of 2 played " + FakeMusic.SONG.title() + " (sent to Family).\nNot played within 7 days: Dan Brown.");
    }

    @Test
    void aYesCutShortByACrashFinishesWhenHandledAgainTellingEachMemberOfEachGroupOnce() {
        bot.reply("alice", "create_group Band");
        bot.reply("alice", "add_to_group Band Bob Fisher");
        bot.reply("alice", "create_group Duo");
        bot.reply("alice", "add_to_group Duo Bob Fisher");
        bot.reply("alice", "add_to_group Duo Carol King");
        bot.reply("alice", "forget_me");
        Inbound yes = yes("alice");
        // Killed once the first group has ended, before Bob is told of the second.
        AtomicInteger toldBob = new AtomicInteger();
        ((InMemoryOutbox) bot.stores.outbox()).diesBeforeHolding(held -> held.to().equals(at("bob"))
                && held.message().text().contains("no longer exists") && toldBob.incrementAndGet() == 2);
        assertThatThrownBy(() -> bot.handle(yes)).isInstanceOf(RecordingChat.ProcessDied.class);

        bot.handle(yes);
        bot.advance(SendSongs.Settings.LEASE.multipliedBy(2));

        assertThat(bot.inbox("alice")).filteredOn(text -> text.startsWith("Done: ")).hasSize(1);
        assertThat(bot.last("alice")).startsWith("Done: ");
        assertThat(bot.inbox("bob")).filteredOn(text -> text.startsWith("The group ")).containsExactlyInAnyOrder(
                "The group Band no longer exists: the person who made it has left Send Songs.",
                "The group Duo no longer exists: the person who made it has left Send Songs.");
        assertThat(bot.inbox("carol")).filteredOn(text -> text.startsWith("The group ")).containsExactly(
                "The group Duo no longer exists: the person who made it has left Send Songs.");
        assertThat(bot.stores.users().findUser(at("alice"))).isEmpty();
    }

    @Test
    void aYesHandledAgainAfterACrashIsJudgedByWhenItWasTappedNotWhenItIsHandled() {
        bot.reply("alice", "forget_me");
        bot.advance(Duration.ofMinutes(4));
        Inbound yes = yes("alice");
        ((InMemoryOutbox) bot.stores.outbox()).diesAtNextWithdrawAbout(false);
        assertThatThrownBy(() -> bot.handle(yes)).isInstanceOf(RecordingChat.ProcessDied.class);
        bot.advance(SendSongs.Settings.LEASE);

        assertThat(bot.handle(yes)).containsExactly("Done: I've deleted everything I kept about you — your Spotify "
                + "connection, your name, the songs you sent and received, your groups and memberships. To use Send "
                + "Songs again, just write to me.");
        assertThat(bot.stores.users().findUser(at("alice"))).isEmpty();
    }

    @Test
    void aYesCutShortAfterEverythingWentBeforeItsAnswerSaysDoneWhenHandledAgain() {
        bot.reply("alice", "forget_me");
        Inbound yes = yes("alice");
        ((InMemoryOutbox) bot.stores.outbox()).diesBeforeHolding(held -> held.to().equals(at("alice"))
                && held.message().text().startsWith("Done: "));
        assertThatThrownBy(() -> bot.handle(yes)).isInstanceOf(RecordingChat.ProcessDied.class);
        assertThat(bot.stores.users().findUser(at("alice"))).as("everything went").isEmpty();

        assertThat(bot.handle(yes)).containsExactly("Done: I've deleted everything I kept about you — your Spotify "
                + "connection, your name, the songs you sent and received, your groups and memberships. To use Send "
                + "Songs again, just write to me.");
        assertThat(bot.handle(yes("alice"))).as("a second yes").singleElement().asString()
                .startsWith("I keep nothing about you.\n\nHi! I'm Send Songs");
    }

    @Test
    void aSecondYesAfterTheFirstDeletedEverythingSaysNothingIsKept() {
        bot.reply("alice", "forget_me");
        Inbound first = yes("alice");
        Inbound second = yes("alice");
        bot.handle(first);

        assertThat(bot.handle(second)).singleElement().asString()
                .startsWith("I keep nothing about you.\n\nHi! I'm Send Songs");
    }

    private Inbound yes(String psid) {
        return new Inbound.ChoiceTapped(bot.nextEventId(), at(psid), bot.clock.instant(), "forget_me confirm",
                "Yes, delete it all");
    }

    /** The person asks to be forgotten and confirms. */
    private void forget(String psid) {
        bot.reply(psid, "forget_me");
        assertThat(bot.reply(psid, "forget_me confirm")).startsWith("Done: I've deleted everything");
    }
}
