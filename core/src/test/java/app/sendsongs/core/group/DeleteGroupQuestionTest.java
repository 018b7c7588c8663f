package app.sendsongs.core.group;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.SendSongs;
import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.InMemoryGroups;
import app.sendsongs.core.fakes.InMemoryOutbox;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code delete_group}'s "Delete the group Family?" is the person's open question: a no typed at it (a bare {@code
 * cancel} among them) is its "No, keep it" tap, not the {@code cancel} command, which would stop a song sent earlier;
 * only its "Yes, delete it" tap deletes, and only while the question is open.
 */
class DeleteGroupQuestionTest {
    private static final String MENU = "Hi Alice! Paste a Spotify link";
    private static final String QUESTION = "Delete the group Family? Its other member is told";
    private BotHarness bot;

    @BeforeEach
    void aliceHasFamilyWithBobAndSentCarolASong() {
        bot = new BotHarness();
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.register("carol", "Carol King");
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        assertThat(bot.reply("alice", "send_song name:\"Carol King\" " + FakeMusic.SONG.id().link()))
                .startsWith("Sent ");
    }

    @Test
    void cancelOrNoTypedAtTheQuestionIsItsNoTapAndStopsNoSongSentEarlier() {
        for (String typed : List.of("cancel", "Cancel.", "discard", "no", "No, keep it", "never mind")) {
            assertThat(bot.reply("alice", "delete_group Family")).startsWith(QUESTION);
            assertThat(bot.reply("alice", typed)).as(typed).startsWith(MENU);
        }

        assertThat(bot.stores.groups().groupsOf(at("alice"))).hasSize(1);
        assertThat(bot.inbox("bob")).noneMatch(text -> text.contains("deleted"));
        assertCarolsSongStillWatched();
        assertThat(bot.reply("alice", "cancel")).as("the question answered, the command")
                .startsWith("Stopped watching " + FakeMusic.SONG.title());
    }

    @Test
    void cancelWithTheSlashIsStillTheCommandAndTheQuestionStaysOpen() {
        bot.reply("alice", "delete_group Family");
        Message question = lastTo("alice");

        assertThat(bot.reply("alice", "/cancel")).startsWith("Stopped watching " + FakeMusic.SONG.title());
        assertThat(tapYes(question)).startsWith("Deleted the group Family");
    }

    @Test
    void onlyTheTapSaysYes() {
        bot.reply("alice", "delete_group Family");
        Message question = lastTo("alice");

        for (String typed : List.of("yes", "Yes, delete it", "1")) {
            bot.say("alice", typed);
            assertThat(bot.stores.groups().groupsOf(at("alice"))).as(typed).hasSize(1);
        }
        assertThat(tapYes(question)).isEqualTo("Deleted the group Family and told its other member.");
        assertThat(bot.last("bob")).isEqualTo("Alice Smith deleted the group Family.");
    }

    @Test
    void aYesTappedAfterTheNoAsksAgainAndDeletesNothing() {
        bot.reply("alice", "delete_group Family");
        Message question = lastTo("alice");
        tap("alice", question, "No, keep it");

        assertThat(tapYes(question)).startsWith(QUESTION);
        assertThat(bot.stores.groups().groupsOf(at("alice"))).hasSize(1);
        assertThat(bot.inbox("bob")).noneMatch(text -> text.contains("deleted"));
        assertThat(tapYes(lastTo("alice"))).as("the question asked again").startsWith("Deleted the group Family");
        assertThat(tapYes(question)).as("the group gone").isEqualTo("That group no longer exists.");
    }

    @Test
    void aYesTappedAfterAnotherQuestionOrTooLateAsksAgain() {
        bot.reply("alice", "create_group Band");
        bot.reply("alice", "delete_group Family");
        Message family = lastTo("alice");
        bot.reply("alice", "delete_group Band");

        assertThat(tapYes(family)).as("asked about Band since").startsWith(QUESTION);
        bot.advance(Duration.ofMinutes(11));
        assertThat(tapYes(lastTo("alice"))).as("asked eleven minutes ago").startsWith(QUESTION);
        assertThat(bot.stores.groups().groupsOf(at("alice"))).hasSize(2);

        assertThat(tapYes(lastTo("alice"))).startsWith("Deleted the group Family");
        assertThat(bot.stores.groups().groupsOf(at("alice"))).extracting(Group::name).containsExactly("Band");
    }

    @Test
    void aYesCutShortByACrashFinishesWhenHandledAgainTellingEachMemberOnce() {
        bot.reply("alice", "add_to_group Family \"Carol King\"");
        bot.reply("alice", "delete_group Family");
        Message question = lastTo("alice");
        Inbound yes = yesTo(question);
        bot.chat.diesOnSend(1, true); // Messenger took the notice to Bob, then the process died
        assertThatThrownBy(() -> bot.handle(yes)).isInstanceOf(RecordingChat.ProcessDied.class);
        bot.app.confirmSent(bot.chat.references("bob"));

        bot.handle(yes);
        bot.advance(SendSongs.Settings.LEASE.multipliedBy(2));

        assertThat(bot.inbox("alice")).filteredOn(text -> text.startsWith("Delete")).containsExactly(
                "Delete the group Family? Its 2 other members are told, and the songs sent through it that haven't "
                        + "been played stop being watched.",
                "Deleted the group Family and told its 2 other members.");
        assertThat(bot.inbox("bob")).filteredOn(text -> text.contains("deleted")).hasSize(1);
        assertThat(bot.inbox("carol")).filteredOn(text -> text.contains("deleted")).hasSize(1);
        assertThat(bot.stores.groups().groupsOf(at("alice"))).isEmpty();
        assertThat(tapYes(question)).as("a second yes").isEqualTo("That group no longer exists.");
    }

    @Test
    void aYesCutShortByACrashAnswersWhenHandledAgainWithTheCountsTheFirstRunWouldHaveGiven() {
        bot.reply("alice", "add_to_group Family \"Carol King\"");
        bot.reply("alice", "send_song group:Family " + FakeMusic.OTHER_SONG.id().link());
        bot.reply("alice", "delete_group Family");
        Inbound yes = yesTo(lastTo("alice"));
        bot.chat.diesOnSend(1, true); // Bob's song stopped and his notice sent, then the process died
        assertThatThrownBy(() -> bot.handle(yes)).isInstanceOf(RecordingChat.ProcessDied.class);
        bot.app.confirmSent(bot.chat.references("bob"));

        bot.handle(yes);

        assertThat(bot.inbox("alice")).filteredOn(text -> text.startsWith("Deleted")).containsExactly(
                "Deleted the group Family and told its 2 other members. I've stopped watching your 2 songs sent "
                        + "through it that had not been played yet.");
    }

    @Test
    void aYesCutShortRightAfterTheGroupWentIsAnsweredOnceAsTheFirstRunWouldHaveWhenHandledAgain() {
        bot.reply("alice", "delete_group Family");
        Inbound yes = yesTo(lastTo("alice"));
        ((InMemoryGroups) bot.stores.groups()).diesAfterNextDelete();
        assertThatThrownBy(() -> bot.handle(yes)).isInstanceOf(RecordingChat.ProcessDied.class);

        bot.handle(yes);
        bot.advance(SendSongs.Settings.LEASE.multipliedBy(2));

        assertThat(bot.inbox("alice")).filteredOn(text -> text.startsWith("Delete") || text.startsWith("That group"))
                .containsExactly(QUESTION + ", and the songs sent through it that haven't been played stop being "
                        + "watched.", "Deleted the group Family and told its other member.");
        assertThat(bot.reply("alice", "no")).as("the question taken").startsWith("Sorry");
    }

    @Test
    void theYesIsAnsweredOnlyOnceNobodyElseIsInTheGroup() {
        bot.reply("alice", "delete_group Family");
        List<String> othersInFamilyWhenHeld = othersInFamilyWhenTheAnswerIsHeld();

        assertThat(tapYes(lastTo("alice"))).isEqualTo("Deleted the group Family and told its other member.");
        assertThat(othersInFamilyWhenHeld).as("a song Bob sends to Family once Alice reads it is deleted must go "
                + "nowhere").containsOnly("[]");
    }

    @ParameterizedTest(name = "the process dies {0}")
    @ValueSource(strings = {"right after the first member went", "before holding the answer",
            "right after the group went"})
    void aYesCutShortAtAnyStepIsAnsweredOnceAsTheFirstRunWouldHaveOnceNobodyElseIsInTheGroup(String when) {
        bot.reply("alice", "add_to_group Family \"Carol King\"");
        bot.reply("alice", "send_song group:Family " + FakeMusic.OTHER_SONG.id().link());
        bot.reply("alice", "delete_group Family");
        Inbound yes = yesTo(lastTo("alice"));
        List<String> othersInFamilyWhenHeld = othersInFamilyWhenTheAnswerIsHeld();
        switch (when) {
            case "right after the first member went" -> ((InMemoryGroups) bot.stores.groups()).diesAfterNextRemoveMember();
            case "before holding the answer" -> ((InMemoryOutbox) bot.stores.outbox()).diesBeforeHolding(held ->
                    held.to().equals(at("alice")) && held.message().text().startsWith("Deleted"));
            default -> ((InMemoryGroups) bot.stores.groups()).diesAfterNextDelete();
        }
        assertThatThrownBy(() -> bot.handle(yes)).isInstanceOf(RecordingChat.ProcessDied.class);

        bot.handle(yes);
        bot.advance(SendSongs.Settings.LEASE.multipliedBy(2));

        assertThat(bot.inbox("alice")).filteredOn(text -> text.startsWith("Deleted") || text.startsWith("That group"))
                .containsExactly("Deleted the group Family and told its 2 other members. I've stopped watching your 2 "
                        + "songs sent through it that had not been played yet.");
        assertThat(bot.inbox("bob")).filteredOn(text -> text.contains("deleted")).hasSize(1);
        assertThat(bot.inbox("carol")).filteredOn(text -> text.contains("deleted")).hasSize(1);
        assertThat(othersInFamilyWhenHeld).containsOnly("[]");
        assertThat(bot.stores.groups().groupsOf(at("alice"))).isEmpty();
    }

    /** Who but Alice is in Family each time her answer "Deleted …" is held (or held again by a run handled again). */
    private List<String> othersInFamilyWhenTheAnswerIsHeld() {
        String family = bot.stores.groups().groupsOf(at("alice")).getFirst().id();
        List<String> seen = new ArrayList<>();
        ((InMemoryOutbox) bot.stores.outbox()).beforeEachHolding(held -> held.to().equals(at("alice"))
                && held.message().text().startsWith("Deleted"), () -> seen.add(bot.stores.groups().membersOf(family)
                .stream().map(member -> member.member().id()).filter(id -> !id.equals("alice")).toList().toString()));
        return seen;
    }

    @Test
    void aYesHandledAgainAfterACrashIsJudgedByWhenItWasTappedNotWhenItIsHandled() {
        bot.reply("alice", "delete_group Family");
        bot.advance(Duration.ofMinutes(9));
        Inbound yes = yesTo(lastTo("alice"));
        bot.chat.diesOnSend(1, false);
        assertThatThrownBy(() -> bot.handle(yes)).isInstanceOf(RecordingChat.ProcessDied.class);
        bot.advance(SendSongs.Settings.LEASE);

        assertThat(bot.handle(yes).getLast()).isEqualTo("Deleted the group Family and told its other member.");
        assertThat(bot.inbox("bob")).filteredOn(text -> text.contains("deleted")).hasSize(1);
    }

    /** Telegram keeps the buttons under every older message: the Yes of a question answered no asks again. */
    @Test
    void onTelegramTheYesUnderAQuestionAnsweredNoAsksAgain() {
        RecordingChat telegram = RecordingChat.rich(Platform.TELEGRAM, 4096);
        bot = new BotHarness(telegram);
        ChatAddress dave = new ChatAddress(Platform.TELEGRAM, "42");
        bot.register(dave, "Dave Stone");
        bot.reply(dave, "/create_group Friday Band");
        assertThat(bot.reply(dave, "/delete_group Friday Band")).startsWith("Delete the group Friday Band?");
        Message question = telegram.messages("42").getLast();

        assertThat(bot.reply(dave, "cancel")).startsWith("Hi Dave! Paste a Spotify link");
        assertThat(tap(dave, question, "Yes, delete it")).as("the no answered it")
                .startsWith("Delete the group Friday Band?");
        assertThat(tap(dave, telegram.messages("42").getLast(), "Yes, delete it"))
                .isEqualTo("Deleted the group Friday Band.");
    }

    private Message lastTo(String psid) {
        return bot.chat.messages(psid).getLast();
    }

    private String tapYes(Message question) {
        return tap("alice", question, "Yes, delete it");
    }

    private String tap(String psid, Message question, String title) {
        return tap(at(psid), question, title);
    }

    private String tap(ChatAddress person, Message question, String title) {
        return bot.handle(tapEvent(person, question, title)).getLast();
    }

    private Inbound yesTo(Message question) {
        return tapEvent(at("alice"), question, "Yes, delete it");
    }

    private Inbound tapEvent(ChatAddress person, Message question, String title) {
        Choice tap = question.choices().stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow();
        return new Inbound.ChoiceTapped(bot.nextEventId(), person, bot.clock.instant(), tap.payload(), tap.title());
    }

    private void assertCarolsSongStillWatched() {
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).singleElement()
                .satisfies(share -> assertThat(share.status().isOpen()).as("still watched").isTrue());
    }
}
