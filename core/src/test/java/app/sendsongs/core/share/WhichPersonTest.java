package app.sendsongs.core.share;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Which one?" about the people a name fits (and "did you mean?" about a name close to a contact's): a no typed at it
 * drops it, and never runs a command of the same word on something else (a bare {@code cancel} would stop a song sent
 * earlier).
 */
class WhichPersonTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String TITLE = FakeMusic.SONG.title();
    private static final String OTHER_LINK = FakeMusic.OTHER_SONG.id().link();
    private static final String NOT_WAITING = "I'm not waiting for an answer from you.";
    private BotHarness bot;

    @BeforeEach
    void twoBobFishersAndASongAliceSentCarol() {
        bot = new BotHarness();
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.register("carol", "Carol King");
        bot.advance(Duration.ofDays(1));
        bot.register("bob2", "Bob Fisher");
        assertThat(bot.reply("alice", "send_song name:\"Carol King\" " + LINK)).startsWith("Sent " + TITLE);
    }

    @Test
    void cancelStopOrDiscardTypedAtWhichOneDropsItAndNoSongSentEarlierIsStopped() {
        for (String typed : List.of("cancel", "Stop", "Cancel.", "discard", "no", "never mind")) {
            assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + OTHER_LINK)).contains("Which one?");
            assertThat(bot.reply("alice", typed)).as(typed).isEqualTo("OK, I didn't send it.");
            assertThat(bot.reply("alice", "1")).as("after " + typed).isEqualTo(NOT_WAITING);
        }

        assertThat(bot.inbox("bob")).isEmpty();
        assertThat(bot.inbox("bob2")).isEmpty();
        assertCarolsSongStillWatched();
        assertThat(bot.reply("alice", "cancel")).as("with no question open, the command")
                .startsWith("Stopped watching " + TITLE);
    }

    @Test
    void cancelTypedAtWhichOneAboutBlockingOrAddingToAGroupDoesNeitherAndStopsNoSong() {
        bot.reply("bob", "send_song name:\"Alice Smith\" " + OTHER_LINK);
        bot.reply("bob2", "send_song name:\"Alice Smith\" " + OTHER_LINK);
        assertThat(bot.reply("alice", "block Bob Fisher")).contains("Which one?");
        assertThat(bot.reply("alice", "cancel")).isEqualTo("OK, never mind.");
        assertThat(bot.reply("alice", "1")).isEqualTo(NOT_WAITING);

        bot.reply("alice", "create_group Band");
        assertThat(bot.reply("alice", "add_to_group Band \"Bob Fisher\"")).contains("Which one?");
        assertThat(bot.reply("alice", "Cancel")).isEqualTo("OK, never mind.");
        assertThat(bot.reply("alice", "members Band")).doesNotContain("Bob");

        bot.reply("bob", "send_song name:\"Alice Smith\" " + LINK);
        assertThat(bot.last("alice")).as("not blocked, and told from the other Bob Fisher")
                .startsWith("🎵 Bob Fisher (joined 1 May 2030) sent you a song");
        assertCarolsSongStillWatched();
    }

    @Test
    void whichOneAboutBlockingOrReceiptsTellsTheSendersApartByTheLatestSongEachSent() {
        bot.reply("bob", "send_song name:\"Alice Smith\" " + LINK);
        bot.reply("bob2", "send_song name:\"Alice Smith\" " + OTHER_LINK);
        String other = FakeMusic.OTHER_SONG.title();

        for (String command : List.of("block Bob Fisher", "receipts off Bob Fisher")) {
            assertThat(bot.reply("alice", command)).as(command).isEqualTo("2 people are called Bob Fisher. Which one?"
                    + "\n1. Bob Fisher — sent you " + other + ", exchanged songs with you, joined 2 May 2030"
                    + "\n2. Bob Fisher — sent you " + TITLE + ", exchanged songs with you, joined 1 May 2030");
            assertThat(question().choices()).extracting(Choice::title).containsExactly("1. Bob · "
                    + FakeMusic.OTHER_SONG.name(), "2. Bob · " + FakeMusic.SONG.name(), "Never mind");
            assertThat(bot.reply("alice", "7")).as("asked again alike").startsWith("Please answer with a number from "
                    + "1 to 2.\n2 people are called Bob Fisher. Which one?\n1. Bob Fisher — sent you " + other);
            assertThat(bot.reply("alice", "2")).as(command).contains("Bob Fisher");
        }
        assertThat(bot.reply("alice", "receipts")).as("which of the two").contains("Blocked: Bob Fisher (joined 1 May "
                + "2030).");
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + OTHER_LINK)).as("a song's question: as before")
                .doesNotContain("sent you");
    }

    @Test
    void cancelTypedAtWhichOneAboutTheSongBeingSharedDropsTheSongAndTheQuestion() {
        bot.reply("alice", OTHER_LINK);
        assertThat(bot.reply("alice", "Bob Fisher")).contains("Which one?");

        assertThat(bot.reply("alice", "cancel")).isEqualTo("OK, I've dropped that song.");
        assertThat(bot.stores.drafts().findDraft(at("alice"))).isEmpty();
        assertThat(bot.reply("alice", "1")).isEqualTo(NOT_WAITING);
        assertCarolsSongStillWatched();
    }

    @Test
    void cancelTypedAtDidYouMeanDropsItAndStopsNoSong() {
        assertThat(bot.reply("alice", "send_song name:\"Carol Kign\" " + OTHER_LINK))
                .startsWith("I don't know anyone called \"Carol Kign\". Did you mean Carol King?");

        assertThat(bot.reply("alice", "cancel")).isEqualTo("OK, I didn't send it.");
        assertThat(bot.reply("alice", "1")).isEqualTo(NOT_WAITING);
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).hasSize(1);
        assertCarolsSongStillWatched();
    }

    @Test
    void cancelWithTheSlashIsStillTheCommandAndTheQuestionStaysOpen() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + OTHER_LINK);

        assertThat(bot.reply("alice", "/cancel")).startsWith("Stopped watching " + TITLE);
        assertThat(bot.reply("alice", "2"))
                .startsWith("Sent " + FakeMusic.OTHER_SONG.title() + " to Bob Fisher (joined 2 May 2030).");
        assertThat(bot.inbox("bob2")).hasSize(1);
    }

    @Test
    void theQuestionEndsWithATapNotToSendThatDropsItAndASecondTapOfItIsHarmless() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + OTHER_LINK);
        assertThat(question().choices()).extracting(Choice::title)
                .containsExactly("1. Bob · 1 May 2030", "2. Bob · 2 May 2030", "Don't send");
        assertThat(question().choices()).extracting(Choice::payload).allMatch(p -> p.matches("[1-3] #[0-9a-f]{8}"));
        Choice dontSend = tapTitled("Don't send");
        Inbound.ChoiceTapped tap = new Inbound.ChoiceTapped(bot.nextEventId(), at("alice"), bot.clock.instant(),
                dontSend.payload(), dontSend.title());

        assertThat(bot.handle(tap)).containsExactly("OK, I didn't send it.");
        assertThat(bot.handle(tap)).as("the same tap delivered again").isEmpty();
        assertThat(tap(dontSend)).as("tapped again").containsExactly(NOT_WAITING);
        assertThat(bot.reply("alice", "1")).isEqualTo(NOT_WAITING);
        assertThat(bot.inbox("bob")).isEmpty();
        assertThat(bot.inbox("bob2")).isEmpty();
        assertCarolsSongStillWatched();
    }

    @Test
    void aCommandThatSendsNoSongEndsItsQuestionWithNeverMind() {
        bot.reply("bob", "send_song name:\"Alice Smith\" " + OTHER_LINK);
        bot.reply("bob2", "send_song name:\"Alice Smith\" " + OTHER_LINK);
        bot.reply("alice", "block Bob Fisher");
        assertThat(question().choices()).extracting(Choice::title).last().isEqualTo("Never mind");

        assertThat(tap(tapTitled("Never mind"))).containsExactly("OK, never mind.");
        assertThat(bot.reply("alice", "1")).isEqualTo(NOT_WAITING);
        bot.reply("bob", "send_song name:\"Alice Smith\" " + LINK);
        assertThat(bot.last("alice")).as("not blocked, and told from the other Bob Fisher")
                .startsWith("🎵 Bob Fisher (joined 1 May 2030) sent you a song");
    }

    @Test
    void didYouMeanEndsWithDontSendAfterTheInvite() {
        bot.reply("alice", "send_song name:\"Carol Kign\" " + OTHER_LINK);
        assertThat(question().choices()).extracting(Choice::title)
                .containsExactly("Carol King", "Invite \"Carol Kign\"", "Don't send");

        assertThat(tap(tapTitled("Don't send"))).containsExactly("OK, I didn't send it.");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).hasSize(1);
    }

    @Test
    void dontSendAtWhichOneAboutTheSongBeingSharedDropsTheSong() {
        bot.reply("alice", OTHER_LINK);
        bot.reply("alice", "Bob Fisher");

        assertThat(tap(tapTitled("Don't send"))).containsExactly("OK, I've dropped that song.");
        assertThat(bot.stores.drafts().findDraft(at("alice"))).isEmpty();
        assertThat(bot.reply("alice", "1")).isEqualTo(NOT_WAITING);
    }

    @Test
    void dontSendUnderAnEarlierQuestionDoesNothingAndTheOpenOneStillSends() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + OTHER_LINK);
        Choice older = tapTitled("Don't send");
        bot.reply("alice", "send_song name:\"Bob Fisher\" pre:\"this one\" " + OTHER_LINK);
        Choice newer = tapTitled("2. Bob · 2 May 2030");

        assertThat(tap(older)).singleElement().asString().as("the open one asked again")
                .startsWith("That tap answered an earlier question, so I did nothing.\n2 people are called Bob Fisher.");
        assertThat(bot.inbox("bob2")).isEmpty();
        assertThat(tap(newer)).singleElement().asString()
                .startsWith("Sent " + FakeMusic.OTHER_SONG.title() + " to Bob Fisher (joined 2 May 2030).");
        assertThat(bot.last("bob2")).endsWith("“this one”");
    }

    @Test
    void thirteenPeopleOfOneNameLeaveRoomForTheLastTap() {
        for (int i = 3; i <= 14; i++) {
            bot.register("bob" + i, "Bob Fisher");
        }

        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + OTHER_LINK))
                .startsWith("12 people are called Bob Fisher. Which one?");
        assertThat(question().choices()).hasSize(Message.MAX_CHOICES).extracting(Choice::title).last()
                .isEqualTo("Don't send");
        assertThat(tap(tapTitled("Don't send"))).containsExactly("OK, I didn't send it.");
    }

    @Test
    void aNumberOutOfRangeAsksTheQuestionAgainWithItsTaps() {
        String asked = bot.reply("alice", "send_song name:\"Bob Fisher\" " + OTHER_LINK);
        List<Choice> taps = question().choices();

        assertThat(bot.reply("alice", "4")).as("Messenger shows taps only under the newest message")
                .isEqualTo("Please answer with a number from 1 to 2.\n" + asked);
        assertThat(question().choices()).isEqualTo(taps);
        assertThat(bot.reply("alice", "0")).startsWith("Please answer with a number from 1 to 2.\n");
        assertThat(tap(tapTitled("Don't send"))).containsExactly("OK, I didn't send it.");

        bot.reply("alice", "send_song name:\"Carol Kng\" " + OTHER_LINK);
        List<Choice> typoTaps = question().choices();
        assertThat(bot.reply("alice", "9")).isEqualTo("Please answer with a number from 1 to 2.\nI don't know "
                + "anyone called \"Carol Kng\". Did you mean Carol King?");
        assertThat(question().choices()).isEqualTo(typoTaps);

        bot.reply("bob", "send_song name:\"Alice Smith\" " + OTHER_LINK);
        bot.reply("bob2", "send_song name:\"Alice Smith\" " + OTHER_LINK);
        bot.reply("alice", "block Bob Fisher");
        List<Choice> blockTaps = question().choices();
        assertThat(bot.reply("alice", "3")).as("a block's question ends with Never mind, its number 3")
                .isEqualTo("OK, never mind.");
        bot.reply("alice", "block Bob Fisher");
        assertThat(bot.reply("alice", "5")).startsWith("Please answer with a number from 1 to 2.\n2 people are "
                + "called Bob Fisher. Which one?");
        assertThat(question().choices()).isEqualTo(blockTaps);
    }

    @Test
    void aYesTypedAtWhichOneAskedSinceTheSongBeingSharedSendsNothingAndAsksWhichOneAgain() {
        bot.reply("bob", "send_song name:\"Alice Smith\" " + LINK);
        bot.reply("bob2", "send_song name:\"Alice Smith\" " + LINK);
        bot.reply("alice", OTHER_LINK);
        String carol = question().choices().stream().filter(choice -> choice.title().equals("Carol King"))
                .findFirst().orElseThrow().payload();
        assertThat(bot.reply("alice", carol)).isEqualTo("Send " + FakeMusic.OTHER_SONG.title() + " to Carol King?");
        String asked = bot.reply("alice", "block Bob Fisher");
        List<Choice> taps = question().choices();

        for (String typed : List.of("yes", "OK!", "send it")) {
            assertThat(bot.reply("alice", typed)).as(typed)
                    .isEqualTo("A yes doesn't tell me which one, so I did nothing.\n" + asked);
            assertThat(question().choices()).isEqualTo(taps);
        }
        assertThat(bot.inbox("carol")).hasSize(1).noneMatch(song -> song.contains(FakeMusic.OTHER_SONG.title()));
        assertThat(bot.reply("alice", "never mind")).isEqualTo("OK, never mind.");
        assertThat(bot.reply("alice", "yes")).as("the question answered, a yes is the share's again")
                .startsWith("Sent " + FakeMusic.OTHER_SONG.title() + " to Carol King.");
    }

    @Test
    void anotherNameGivenForTheSongBeingSharedEndsTheWhichOneAskedAboutItsFirstName() {
        String other = FakeMusic.OTHER_SONG.title();
        bot.reply("alice", OTHER_LINK);
        assertThat(bot.reply("alice", "Bob Fisher")).contains("Which one?");
        assertThat(bot.reply("alice", "Carol King")).isEqualTo("Send " + other + " to Carol King?");

        assertThat(bot.reply("alice", "1")).as("the question about Bob ended").startsWith("I'm not waiting for a "
                + "number from you. Send " + other + " to Carol King?");
        assertThat(bot.reply("alice", "yes")).startsWith("Sent " + other + " to Carol King.");
        assertThat(bot.inbox("bob")).isEmpty();
    }

    @Test
    void theStartOfAContactsFirstNameOrItsShortFormAsksDidYouMeanRatherThanInvitingSomeoneNew() {
        bot.register("thomas", "Thomas Reed");
        assertThat(bot.reply("alice", "send_song name:\"Thomas Reed\" " + OTHER_LINK)).startsWith("Sent ");

        for (String typed : List.of("Car", "ca")) {
            bot.reply("alice", LINK);
            assertThat(bot.reply("alice", typed)).as(typed).isEqualTo("I don't know anyone called \"" + typed
                    + "\". Did you mean Carol King?");
            bot.reply("alice", "Don't send");
        }
        bot.reply("alice", LINK);
        assertThat(bot.reply("alice", "Tom")).isEqualTo("I don't know anyone called \"Tom\". Did you mean Thomas "
                + "Reed?");
        assertThat(bot.reply("alice", "yes")).isEqualTo("Send " + TITLE + " to Thomas Reed?");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
    }

    @Test
    void theChatAppTypedAtWhichOneAmongNamesakesOnDifferentAppsPicksTheOneOnIt() {
        ChatAddress telegramSam = new ChatAddress(Platform.TELEGRAM, "4401");
        bot.register("sam", "Sam Lee");
        bot.register(telegramSam, "Sam Lee");

        for (String typed : List.of("telegram", "The one on Telegram", "on telegram", "telegram one")) {
            assertThat(bot.reply("alice", "send_song name:\"Sam Lee\" " + OTHER_LINK)).contains("Which one?");
            assertThat(bot.reply("alice", typed)).as(typed).contains(" to Sam Lee (on Telegram)");
            bot.reply("alice", "cancel all");
        }
        assertThat(bot.inbox("sam")).isEmpty();

        assertThat(bot.reply("alice", "send_song name:\"Sam Lee\" " + LINK)).contains("Which one?");
        assertThat(bot.reply("alice", "messenger")).startsWith("Sent " + TITLE + " to Sam Lee");
        assertThat(bot.inbox("sam")).isNotEmpty();
    }

    @Test
    void aYesTypedAtDidYouMeanOnePersonIsThatPerson() {
        String other = FakeMusic.OTHER_SONG.title();
        assertThat(bot.reply("alice", "send_song name:\"Carol Kng\" " + OTHER_LINK))
                .endsWith("Did you mean Carol King?");
        assertThat(bot.reply("alice", "yes")).startsWith("Sent " + other + " to Carol King.");

        bot.reply("alice", LINK);
        assertThat(bot.reply("alice", "Carol Kng")).endsWith("Did you mean Carol King?");
        assertThat(bot.reply("alice", "Yes please")).isEqualTo("Send " + TITLE + " to Carol King?");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
    }

    @Test
    void aYesTypedAtWhichGroupAsksItAgain() {
        for (String owner : new String[] {"bob", "carol"}) {
            bot.reply(owner, "create_group Family");
            bot.reply(owner, "add_to_group Family \"Alice Smith\"");
        }
        String asked = bot.reply("alice", "members Family");
        assertThat(asked).startsWith("You're in 2 groups called Family. Which one?");

        assertThat(bot.reply("alice", "yes")).isEqualTo("A yes doesn't tell me which one, so I did nothing.\n"
                + asked);
        assertThat(question().choices()).hasSize(3);
    }

    private Message question() {
        return bot.chat.messages("alice").getLast();
    }

    private Choice tapTitled(String title) {
        return question().choices().stream().filter(choice -> choice.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no tap " + title + " under " + question()));
    }

    private List<String> tap(Choice choice) {
        return bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), at("alice"), bot.clock.instant(),
                choice.payload(), choice.title()));
    }

    private void assertCarolsSongStillWatched() {
        assertThat(bot.stores.shares().sharesSentBy(at("alice")))
                .filteredOn(share -> share.receiver().equals(at("carol"))).singleElement()
                .satisfies(share -> assertThat(share.status().isOpen()).as("still watched").isTrue());
    }
}
