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
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.share.Share;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A song sent to a group name the sender has several groups of, none of them theirs: the bot asks which one, each
 * group a tap, and the tap (or the answer typed) sends the song there as {@code send_song group:"<that one>"} would.
 */
class WhichGroupTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String TITLE = FakeMusic.SONG.title();
    private static final String QUESTION = "You're in 2 groups called Family. Which one?\n"
            + "1. Family (Alice Smith's) — made by Alice Smith, 3 members\n"
            + "2. family (Bob Fisher's) — made by Bob Fisher, 2 members";
    private BotHarness bot;

    @BeforeEach
    void carolIsInTwoFamilies() {
        bot = new BotHarness();
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.register("carol", "Carol King");
        bot.register("dan", "Dan Brown");
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Carol King\"");
        bot.reply("alice", "add_to_group Family \"Dan Brown\"");
        bot.advance(Duration.ofMinutes(1));
        bot.reply("bob", "create_group family");
        bot.reply("bob", "add_to_group family \"Carol King\"");
    }

    @Test
    void twoGroupsOfOneNameAreOfferedOneTapEachAndAWayNotToSend() {
        assertThat(bot.reply("carol", "send_song group:Family pre:\"road trip\" " + LINK)).isEqualTo(QUESTION);

        List<Choice> taps = question().choices();
        assertThat(taps).extracting(Choice::title).containsExactly("1. Alice Smith's", "2. Bob Fisher's", "Don't send");
        assertThat(taps).extracting(Choice::payload).allMatch(payload -> payload.matches("[1-3] #[0-9a-f]{8}"));
        assertThat(bot.stores.shares().sharesSentBy(at("carol"))).isEmpty();
        assertThat(bot.inbox("bob")).noneMatch(text -> text.contains("sent a song"));
    }

    @Test
    void theTapSendsTheSongWithItsNotesToThatGroupOnly() {
        bot.reply("carol", "send_song group:Family pre:\"road trip\" post:\"told you\" " + LINK);

        assertThat(tap("carol", "2. Bob Fisher's")).containsExactly("Sent " + TITLE + " to family (Bob Fisher's) (1 "
                + "person). I'll tell you when they play it, or if they haven't within 7 days.");

        assertThat(bot.last("bob")).isEqualTo("🎵 Carol King sent a song to family: " + TITLE + "\n“road trip”");
        assertThat(bot.inbox("alice")).noneMatch(text -> text.contains("sent a song"));
        assertThat(bot.inbox("dan")).noneMatch(text -> text.contains("sent a song"));
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        assertThat(bot.last("bob")).isEqualTo("Carol King's note on " + TITLE + ": “told you”");
    }

    @Test
    void theGroupNamedWhereAFriendsNameGoesIsAskedAboutTheSameWay() {
        assertThat(bot.reply("carol", "send_song Family " + LINK)).isEqualTo(QUESTION);

        assertThat(tap("carol", "1. Alice Smith's")).singleElement().asString().startsWith("Sent " + TITLE
                + " to Family (Alice Smith's) (2 people).");
        assertThat(bot.last("dan")).startsWith("🎵 Carol King sent a song to Family: " + TITLE);
        assertThat(bot.inbox("bob")).noneMatch(text -> text.contains("sent a song"));
    }

    @Test
    void anAnswerTypedNamingOneOfThemSendsIt() {
        bot.reply("carol", "send_song group:Family " + LINK);
        assertThat(bot.reply("carol", "bob's")).startsWith("Sent " + TITLE + " to family (Bob Fisher's) (1 person).");

        bot.reply("carol", "send_song group:Family " + FakeMusic.OTHER_SONG.id().link());
        assertThat(bot.reply("carol", "Family (Alice Smith’s)")).startsWith("Sent " + FakeMusic.OTHER_SONG.title()
                + " to Family (Alice Smith's) (2 people).");

        bot.reply("carol", "send_song group:Family post:\"again\" " + LINK);
        assertThat(bot.reply("carol", "1")).startsWith("Sent " + TITLE + " to Family (Alice Smith's) (2 people).");
        assertThat(bot.stores.shares().sharesSentBy(at("carol"))).hasSize(5);
    }

    @Test
    void aNameThatFitsBothOrANumberOutOfRangeIsNoAnswerAndTheQuestionStaysOpen() {
        bot.reply("carol", "send_song group:Family " + LINK);

        assertThat(bot.reply("carol", "Family")).doesNotStartWith("Sent");
        assertThat(bot.reply("carol", "4")).isEqualTo("Please answer with a number from 1 to 2.\n" + QUESTION);
        assertThat(bot.stores.shares().sharesSentBy(at("carol"))).isEmpty();

        assertThat(tap("carol", "2. Bob Fisher's")).singleElement().asString()
                .startsWith("Sent " + TITLE + " to family");
    }

    @Test
    void dontSendSendsNothingAndEndsTheQuestion() {
        bot.reply("carol", "send_song group:Family " + LINK);

        assertThat(tap("carol", "Don't send")).containsExactly("OK, I didn't send it.");
        assertThat(bot.reply("carol", "1")).isEqualTo("I'm not waiting for an answer from you.");
        bot.reply("carol", "send_song group:Family " + LINK);
        assertThat(bot.reply("carol", "never mind")).isEqualTo("OK, I didn't send it.");
        assertThat(bot.stores.shares().sharesSentBy(at("carol"))).isEmpty();
    }

    @Test
    void cancelStopOrDiscardTypedAtTheQuestionDropsItAndNoSongSentEarlierIsStopped() {
        bot.reply("carol", "send_song name:\"Dan Brown\" " + FakeMusic.OTHER_SONG.id().link());

        for (String typed : List.of("cancel", "Stop", "Cancel.", "discard", "don't send")) {
            bot.reply("carol", "send_song group:Family " + LINK);
            assertThat(bot.reply("carol", typed)).as(typed).isEqualTo("OK, I didn't send it.");
            assertThat(bot.reply("carol", "1")).as("after " + typed).isEqualTo("I'm not waiting for an answer from "
                    + "you.");
        }

        assertThat(bot.stores.shares().sharesSentBy(at("carol"))).singleElement()
                .satisfies(share -> assertThat(share.receiver()).isEqualTo(at("dan")))
                .satisfies(share -> assertThat(share.status().isOpen()).as("still watched").isTrue());
        assertThat(bot.reply("carol", "cancel")).as("with no question open, the command")
                .startsWith("Stopped watching " + FakeMusic.OTHER_SONG.title());
    }

    @Test
    void theNameTypedAtWhoIsItForAsksWhichWithATapEachAndTheTapMakesItTheSongsGroup() {
        bot.reply("carol", LINK + " road trip");

        assertThat(bot.reply("carol", "Family")).isEqualTo(QUESTION);
        assertThat(question().choices()).extracting(Choice::title)
                .containsExactly("1. Alice Smith's", "2. Bob Fisher's", "Don't send");
        assertThat(tap("carol", "2. Bob Fisher's")).containsExactly("Send " + TITLE + " to family (Bob Fisher's)?\n"
                + "With it: “road trip”");
        assertThat(bot.inbox("bob")).noneMatch(text -> text.contains("sent a song"));

        assertThat(tap("carol", "Send")).singleElement().asString().startsWith("Sent " + TITLE
                + " to family (Bob Fisher's) (1 person).");
        assertThat(bot.last("bob")).isEqualTo("🎵 Carol King sent a song to family: " + TITLE + "\n“road trip”");
        assertThat(bot.inbox("dan")).noneMatch(text -> text.contains("sent a song"));
        assertThat(bot.reply("carol", "1")).isEqualTo("I'm not waiting for an answer from you.");
    }

    @Test
    void theSharesQuestionIsAnsweredByANumberOrTheOwnersNameAndSendSongGroupSendsAtOnce() {
        bot.reply("carol", "for Family " + LINK);
        assertThat(question().text()).isEqualTo(QUESTION);
        assertThat(bot.reply("carol", "Alice")).isEqualTo("Send " + TITLE + " to Family (Alice Smith's)?");

        bot.reply("carol", FakeMusic.OTHER_SONG.id().link());
        bot.reply("carol", "to group Family");
        assertThat(bot.reply("carol", "2")).isEqualTo("Send " + FakeMusic.OTHER_SONG.title()
                + " to family (Bob Fisher's)?");

        bot.reply("carol", LINK);
        assertThat(bot.reply("carol", "send_song group:Family post:\"told you\"")).isEqualTo(QUESTION);
        assertThat(tap("carol", "1. Alice Smith's")).singleElement().asString().startsWith("Sent " + TITLE
                + " to Family (Alice Smith's) (2 people).");
        assertThat(bot.last("dan")).isEqualTo("🎵 Carol King sent a song to Family: " + TITLE);
        bot.play("dan", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        assertThat(bot.last("dan")).isEqualTo("Carol King's note on " + TITLE + ": “told you”");
    }

    @Test
    void dontSendOrCancelAtTheSharesQuestionDropsTheSongBeingShared() {
        bot.reply("carol", LINK);
        bot.reply("carol", "Family");
        assertThat(tap("carol", "Don't send")).containsExactly("OK, I've dropped that song.");
        assertThat(bot.stores.drafts().findDraft(at("carol"))).isEmpty();

        bot.reply("carol", LINK);
        bot.reply("carol", "Family");
        assertThat(bot.reply("carol", "cancel")).isEqualTo("OK, I've dropped that song.");
        assertThat(bot.stores.drafts().findDraft(at("carol"))).isEmpty();
        assertThat(bot.reply("carol", "1")).isEqualTo("I'm not waiting for an answer from you.");
        assertThat(bot.stores.shares().sharesSentBy(at("carol"))).isEmpty();
    }

    @Test
    void aTapUnderTheQuestionAboutAnEarlierSongPicksNothingForTheSongBeingSharedNow() {
        bot.reply("carol", LINK);
        bot.reply("carol", "Family");
        Choice older = tapTitled("2. Bob Fisher's");
        bot.reply("carol", FakeMusic.OTHER_SONG.id().link());
        bot.reply("carol", "Family");

        assertThat(tap("carol", older)).containsExactly("That tap answered an earlier question, so I did nothing. "
                + QUESTION);
        assertThat(tap("carol", "2. Bob Fisher's")).containsExactly("Send " + FakeMusic.OTHER_SONG.title()
                + " to family (Bob Fisher's)?");
    }

    @Test
    void aPersonTappedFromTheSharesEarlierOfferEndsTheGroupQuestion() {
        bot.reply("carol", "send_song name:\"Dan Brown\" " + FakeMusic.OTHER_SONG.id().link());
        bot.reply("carol", LINK);
        Choice dan = tapTitled("Dan Brown");
        bot.reply("carol", "Family");

        assertThat(tap("carol", dan)).containsExactly("Send " + TITLE + " to Dan Brown?");
        assertThat(bot.reply("carol", "Bob Fisher's")).as("no longer an answer")
                .doesNotStartWith("Send " + TITLE + " to Family");
    }

    @Test
    void membersOfANameTwoGroupsHaveAsksWhichAndTheTapListsThatGroup() {
        assertThat(bot.reply("carol", "members Family")).isEqualTo(QUESTION);
        assertThat(question().choices()).extracting(Choice::title)
                .containsExactly("1. Alice Smith's", "2. Bob Fisher's", "Never mind");

        assertThat(tap("carol", "2. Bob Fisher's")).containsExactly("family (Bob Fisher's) — made by Bob Fisher, "
                + "2 members:\n• Bob Fisher (made the group)\n• Carol King");
        assertThat(bot.reply("carol", "1")).isEqualTo("I'm not waiting for an answer from you.");
        bot.reply("carol", "members Family");
        assertThat(bot.reply("carol", "Alice")).startsWith("Family (Alice Smith's) — made by Alice Smith, 3 members:");
    }

    @Test
    void leavingANameTwoGroupsHaveAsksWhichAndOnlyTheGroupTappedIsLeft() {
        assertThat(bot.reply("carol", "leave_group Family")).isEqualTo(QUESTION);

        assertThat(tap("carol", "1. Alice Smith's")).containsExactly("You've left Family (Alice Smith's). Songs sent "
                + "to it won't come to you any more.");
        assertThat(bot.last("alice")).isEqualTo("Carol King left your group Family.");
        assertThat(bot.inbox("bob")).noneMatch(text -> text.contains("left your group"));
        assertThat(bot.reply("carol", "groups")).isEqualTo("Your groups:\n• family — made by Bob Fisher, 2 members\n"
                + "See who is in one with: members <group>");
    }

    @Test
    void neverMindOrCancelAtTheLeaveQuestionLeavesNoGroup() {
        bot.reply("carol", "leave_group Family");
        assertThat(tap("carol", "Never mind")).containsExactly("OK, never mind.");
        bot.reply("carol", "leave_group Family");
        assertThat(bot.reply("carol", "cancel")).isEqualTo("OK, never mind.");

        assertThat(bot.reply("carol", "1")).isEqualTo("I'm not waiting for an answer from you.");
        assertThat(bot.inbox("alice")).noneMatch(text -> text.contains("left your group"));
        assertThat(bot.inbox("bob")).noneMatch(text -> text.contains("left your group"));
    }

    @Test
    void whatOnlyTheMakerCanDoWithANameTwoGroupsHaveIsRefusedAtOnceWithHowToLeaveOne() {
        assertThat(bot.reply("carol", "delete_group Family")).isEqualTo("You're in 2 groups called Family and made "
                + "none of them: only the person who made a group can delete it. To leave one yourself, send: "
                + "leave_group Family");
        assertThat(bot.reply("carol", "add_to_group Family \"Dan Brown\"")).startsWith("You're in 2 groups called "
                + "Family and made none of them: only the person who made a group can add people to it.");

        assertThat(bot.reply("carol", "leave_group Family")).isEqualTo(QUESTION);
    }

    @Test
    void aReplayedOrSecondTapSendsTheSongOnce() {
        bot.reply("carol", "send_song group:Family " + LINK);
        Choice bobs = tapTitled("2. Bob Fisher's");
        Inbound.ChoiceTapped tap = new Inbound.ChoiceTapped(bot.nextEventId(), at("carol"), bot.clock.instant(),
                bobs.payload(), bobs.title());

        assertThat(bot.handle(tap)).singleElement().asString().startsWith("Sent " + TITLE);
        assertThat(bot.handle(tap)).as("the same tap delivered again").isEmpty();
        assertThat(tap("carol", bobs)).containsExactly("I'm not waiting for an answer from you.");

        assertThat(bot.stores.shares().sharesSentBy(at("carol"))).singleElement().extracting(Share::receiver)
                .isEqualTo(at("bob"));
        assertThat(bot.inbox("bob")).filteredOn(text -> text.contains("sent a song")).hasSize(1);
    }

    @Test
    void aTapCutShortWhileTheSongWentOutIsHandledAgainAndTheSongGoesOnce() {
        bot.reply("carol", "send_song group:Family " + LINK);
        Choice bobs = tapTitled("2. Bob Fisher's");
        Inbound.ChoiceTapped tap = new Inbound.ChoiceTapped(bot.nextEventId(), at("carol"), bot.clock.instant(),
                bobs.payload(), bobs.title());
        bot.chat.diesOnSend(1, false);
        assertThatThrownBy(() -> bot.handle(tap)).isInstanceOf(RecordingChat.ProcessDied.class);

        bot.handle(tap);
        bot.advance(SendSongs.Settings.LEASE);

        assertThat(bot.inbox("carol")).filteredOn(text -> text.startsWith("Sent ")).singleElement().asString()
                .startsWith("Sent " + TITLE + " to family");
        assertThat(bot.inbox("bob")).filteredOn(text -> text.contains("sent a song")).hasSize(1);
        assertThat(tap("carol", bobs)).containsExactly("I'm not waiting for an answer from you.");
    }

    @Test
    void aTapUnderAQuestionAskedAgainSinceIsToldSoAndTheOpenOneIsAskedAgainWithItsTaps() {
        bot.reply("carol", "send_song group:Family " + LINK);
        Choice older = tapTitled("2. Bob Fisher's");
        bot.reply("carol", "send_song group:Family " + FakeMusic.OTHER_SONG.id().link());
        List<Choice> newer = question().choices();

        assertThat(tap("carol", older)).containsExactly("That tap answered an earlier question, so I did nothing. "
                + QUESTION);
        assertThat(question().choices()).isEqualTo(newer);
        assertThat(bot.stores.shares().sharesSentBy(at("carol"))).isEmpty();

        assertThat(tap("carol", "2. Bob Fisher's")).singleElement().asString().startsWith("Sent "
                + FakeMusic.OTHER_SONG.title() + " to family (Bob Fisher's)");
        assertThat(bot.stores.shares().sharesSentBy(at("carol"))).singleElement()
                .satisfies(share -> assertThat(share.track().id()).isEqualTo(FakeMusic.OTHER_SONG.id()));
    }

    @Test
    void aTapAfterLeavingThatGroupSendsNothing() {
        bot.reply("carol", "send_song group:Family " + LINK);
        Choice bobs = tapTitled("2. Bob Fisher's");
        bot.reply("bob", "remove_from_group family \"Carol King\"");

        assertThat(tap("carol", bobs)).containsExactly("You're no longer in that group, so nothing was sent.\n"
                + "Which group?\n1. Family (Alice Smith's) — made by Alice Smith, 3 members");
        assertThat(bot.stores.shares().sharesSentBy(at("carol"))).isEmpty();
        assertThat(tap("carol", "1. Alice Smith's")).singleElement().asString().startsWith("Sent " + TITLE
                + " to Family (2 people).");
    }

    @Test
    void ownersOfOneNameAreToldApartOnTheTapsByTheirGroupsSize() {
        bot.advance(Duration.ofMinutes(1));
        bot.register("bob2", "Bob Fisher");
        bot.reply("bob2", "create_group FAMILY");
        bot.reply("bob2", "add_to_group FAMILY \"Carol King\"");
        bot.reply("bob2", "add_to_group FAMILY \"Dan Brown\"");
        bot.reply("bob2", "add_to_group FAMILY \"Alice Smith\"");

        bot.reply("carol", "send_song group:Family " + LINK);

        assertThat(question().choices()).extracting(Choice::title).containsExactly("1. Alice Smith's",
                "2. Bob's · 2 members", "3. Bob's · 4 members", "Don't send");
        assertThat(tap("carol", "3. Bob's · 4 members")).singleElement().asString().startsWith("Sent " + TITLE
                + " to FAMILY (Bob Fisher's) (3 people).");
    }

    @Test
    void moreGroupsOfTheNameThanTapsAreCountedTrulyAndThoseLeftOutCanBeNamedWithTheirMakers() {
        List<String> makers = List.of("Ann Amos", "Ben Bell", "Cid Cole", "Dee Dunn", "Eve Earl", "Fay Ford",
                "Gus Gale", "Hal Hart", "Ivy Iles", "Jon Jury", "Kim Kerr", "Lou Lane");
        for (int i = 0; i < makers.size(); i++) {
            bot.advance(Duration.ofMinutes(1));
            bot.register("maker" + i, makers.get(i));
            bot.reply("maker" + i, "create_group Family");
            bot.reply("maker" + i, "add_to_group Family \"Carol King\"");
        }

        String asked = bot.reply("carol", "send_song group:Family " + LINK);

        assertThat(asked).startsWith("You're in 14 groups called Family.");
        assertThat(question().choices()).hasSize(Message.MAX_CHOICES);
        assertThat(asked).endsWith("\nNot listed here: \"Family (Kim Kerr's)\", \"Family (Lou Lane's)\". To pick one of "
                + "those, send your command again with the group written that way.");
        assertThat(bot.reply("carol", "send_song group:\"Family (Lou Lane's)\" " + LINK)).startsWith("Sent " + TITLE
                + " to Family (Lou Lane's) (1 person).");

        bot.reply("carol", FakeMusic.OTHER_SONG.id().link());
        assertThat(bot.reply("carol", "Family")).startsWith("You're in 14 groups called Family.")
                .endsWith("\"Family (Lou Lane's)\". To pick one of those, type it that way.");
        assertThat(bot.reply("carol", "Family (Lou Lane's)")).startsWith("Send " + FakeMusic.OTHER_SONG.title()
                + " to Family (Lou Lane's)?");
    }

    @Test
    void whenEveryGroupOfferedIsGoneTheQuestionEndsAndCancelStopsTheSongSentEarlierAgain() {
        bot.reply("carol", "send_song name:\"Dan Brown\" " + FakeMusic.OTHER_SONG.id().link());
        bot.reply("carol", "send_song group:Family " + LINK);
        Choice bobs = tapTitled("2. Bob Fisher's");
        bot.reply("bob", "delete_group family");
        tap("bob", bot.chat.messages("bob").getLast().choices().getFirst());
        bot.reply("alice", "remove_from_group Family \"Carol King\"");

        assertThat(tap("carol", bobs)).containsExactly("You're no longer in any of those groups, so nothing was sent.");
        assertThat(bot.reply("carol", "1")).isEqualTo("I'm not waiting for an answer from you.");
        assertThat(bot.reply("carol", "cancel")).startsWith("Stopped watching " + FakeMusic.OTHER_SONG.title());
        assertThat(bot.stores.shares().sharesSentBy(at("carol"))).singleElement().extracting(Share::receiver)
                .isEqualTo(at("dan"));
    }

    @Test
    void cancelTypedWhenEveryGroupOfferedIsGoneStopsTheSongSentEarlier() {
        bot.reply("carol", "send_song name:\"Dan Brown\" " + FakeMusic.OTHER_SONG.id().link());
        bot.reply("carol", "send_song group:Family " + LINK);
        bot.reply("bob", "remove_from_group family \"Carol King\"");
        bot.reply("alice", "remove_from_group Family \"Carol King\"");

        assertThat(bot.reply("carol", "cancel")).startsWith("Stopped watching " + FakeMusic.OTHER_SONG.title());
    }

    private Message question() {
        return bot.chat.messages("carol").getLast();
    }

    private Choice tapTitled(String title) {
        return question().choices().stream().filter(choice -> choice.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no tap " + title + " under " + question()));
    }

    private List<String> tap(String psid, String title) {
        return tap(psid, tapTitled(title));
    }

    private List<String> tap(String psid, Choice choice) {
        return bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), at(psid), bot.clock.instant(), choice.payload(),
                choice.title()));
    }
}
