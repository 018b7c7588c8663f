package app.sendsongs.core.bot;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.command.Help;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What people type in plain words for what a command does: a read-only wish is answered as the command would answer
 * it; a wish with an effect is offered as a tap, never done on a guess.
 */
class PlainWishesTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String TITLE = FakeMusic.SONG.title();
    private static final Choice MENU = new Choice("Menu", "menu");
    private static final String NOT_UNDERSTOOD = "Sorry, I didn't understand that.";
    private final BotHarness bot = new BotHarness();

    @BeforeEach
    void aliceAndBob() {
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
    }

    @Test
    void askingWhetherAFriendListenedOrWhatWasSentIsAnsweredWithTheHistory() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        String history = bot.reply("alice", "history");
        assertThat(history).startsWith("Your latest songs:");

        for (String said : List.of("did Bob listen to it?", "Did Bob Fisher listen?", "has Bob played it",
                "did bob hear it yet", "did they listen", "has anyone listened to my song?", "was it played?",
                "what have I sent", "What did I send?", "what have i sent you", "my songs", "songs I sent",
                "show my history")) {
            assertThat(bot.reply("alice", said)).as(said).isEqualTo(history);
        }
    }

    @Test
    void askingWhatIsPendingIsAnsweredWithThePendingList() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        String pending = bot.reply("alice", "pending");

        for (String said : List.of("what's pending", "What’s pending?", "whats pending", "anything pending?",
                "who hasn't listened yet")) {
            assertThat(bot.reply("alice", said)).as(said).isEqualTo(pending);
            assertThat(bot.chat.messages("alice").getLast().choices()).as(said).isNotEmpty();
        }
    }

    @Test
    void askingToChangeOnesNameOffersTheRenameAsATapAndChangesNothingUntilTapped() {
        assertThat(bot.reply("alice", "change my name to Alicia Smith")).isEqualTo("Change the name friends find you "
                + "by to \"Alicia Smith\"?");
        assertThat(bot.chat.messages("alice").getLast().choices())
                .containsExactly(new Choice("name \"Alicia Smith\"", "name \"Alicia Smith\""), MENU);
        assertThat(bot.user("alice").name()).isEqualTo("Alice Smith");

        for (String said : List.of("Change my name to “Alicia Smith”", "please change my name to Alicia Smith",
                "can you change my name to Alicia Smith?", "set my name to Alicia Smith", "my new name is Alicia Smith",
                "update name to Alicia Smith")) {
            assertThat(bot.reply("alice", said)).as(said).isEqualTo("Change the name friends find you by to "
                    + "\"Alicia Smith\"?");
        }
        assertThat(bot.user("alice").name()).isEqualTo("Alice Smith");

        assertThat(bot.reply("alice", "name \"Alicia Smith\"")).as("the tap").startsWith("Done: friends now find you "
                + "as \"Alicia Smith\"");
    }

    @Test
    void renameWithWordsThatSayWhoseNameItIsOffersTheNameAfterThemInsteadOfTakingThemAsTheName() {
        for (String said : List.of("rename me to Alicia Smith", "Rename to Alicia Smith", "name me as Alicia Smith",
                "rename myself to \"Alicia Smith\"")) {
            assertThat(bot.reply("alice", said)).as(said).isEqualTo("Change the name friends find you by to "
                    + "\"Alicia Smith\"?");
            assertThat(bot.chat.messages("alice").getLast().choices()).as(said)
                    .containsExactly(new Choice("name \"Alicia Smith\"", "name \"Alicia Smith\""), MENU);
        }
        assertThat(bot.user("alice").name()).isEqualTo("Alice Smith");
        assertThat(bot.reply("alice", "name To Ngoc Lan")).as("a name may start with To")
                .startsWith("Done: friends now find you as \"To Ngoc Lan\"");
        assertThat(bot.reply("alice", "rename Alicia Smith")).startsWith("Done: friends now find you as \"Alicia "
                + "Smith\"");
    }

    @Test
    void theRenameTapIsSpelledTheWayThePlatformSpellsCommands() {
        RecordingChat telegram = RecordingChat.rich(Platform.TELEGRAM, 4096);
        BotHarness withTelegram = new BotHarness(telegram);
        ChatAddress tess = new ChatAddress(Platform.TELEGRAM, "7001");
        withTelegram.register(tess, "Tess Gray");

        assertThat(withTelegram.reply(tess, "change my name to Tessa Gray")).isEqualTo("Change the name friends "
                + "find you by to \"Tessa Gray\"?");
        assertThat(telegram.messages(tess.id()).getLast().choices())
                .containsExactly(new Choice("/name \"Tessa Gray\"", "name \"Tessa Gray\""), MENU);
        assertThat(withTelegram.reply(tess, "who sent me songs")).as("commands as Telegram writes them")
                .endsWith("What you sent is in /history.");
    }

    @Test
    void askingToChangeOnesNameWithoutANameOrWithOneThatCannotBeGetsHowToDoIt() {
        String usage = Help.usage("name", CommandStyle.PLAIN);
        for (String said : List.of("change my name", "How do I change my name?", "change my name to \u202EBob")) {
            assertThat(bot.reply("alice", said)).as(said).isEqualTo(usage);
        }
        assertThat(bot.user("alice").name()).isEqualTo("Alice Smith");
    }

    @Test
    void undoRightAfterASendOffersToStopThatSongAsATap() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);

        for (String said : List.of("undo", "Unsend!", "take it back", "wrong person")) {
            assertThat(bot.reply("alice", said)).as(said).isEqualTo(TITLE + " has reached Bob Fisher already, so it "
                    + "stays in their chat. Stop watching it? You'd no longer hear when they play it.");
        }
        List<Choice> taps = bot.chat.messages("alice").getLast().choices();
        assertThat(taps).extracting(Choice::title).containsExactly("Stop watching", "Menu");
        assertThat(taps.getFirst().payload()).startsWith("cancel song ");
        assertThat(bot.reply("alice", "pending")).as("nothing stopped yet").contains(TITLE);

        assertThat(bot.reply("alice", taps.getFirst().payload())).isEqualTo("Stopped watching " + TITLE + " for Bob "
                + "Fisher.");
    }

    @Test
    void undoOfASongStillWaitingForItsReceiverOffersToCancelItBeforeItGoes() {
        bot.chat.windowCloses("bob"); // Messenger's window: Bob hasn't written lately, so the song waits for him
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);

        assertThat(bot.reply("alice", "undo")).isEqualTo(TITLE + " hasn't reached Bob Fisher yet. Cancel it, so they "
                + "never get it?");
        List<Choice> taps = bot.chat.messages("alice").getLast().choices();
        assertThat(taps).extracting(Choice::title).containsExactly("Cancel it", "Menu");
        bot.reply("alice", taps.getFirst().payload());

        bot.chat.windowOpens("bob");
        bot.reply("bob", "hi");
        assertThat(bot.inbox("bob")).noneMatch(text -> text.contains(TITLE));
    }

    @Test
    void undoLongAfterASendListsTheSongsThatCanStillBeStoppedAndUndoWithNothingSentSaysSo() {
        assertThat(bot.reply("alice", "undo")).isEqualTo("There's nothing to take back: no song you sent is being "
                + "watched.");
        assertThat(bot.chat.messages("alice").getLast().choices()).containsExactly(MENU);

        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.advance(Duration.ofHours(2));
        String pending = bot.reply("alice", "pending");
        List<Choice> pendingTaps = bot.chat.messages("alice").getLast().choices();

        assertThat(bot.reply("alice", "undo")).isEqualTo("Nothing went just now. To stop watching a song you sent, "
                + "tap its Cancel.\n" + pending);
        assertThat(bot.chat.messages("alice").getLast().choices()).isEqualTo(pendingTaps);
        assertThat(bot.reply("alice", "pending")).as("nothing stopped").isEqualTo(pending);
    }

    @Test
    void undoRightAfterASongWentToAGroupListsItsSongsWithTheirCancelTaps() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        bot.reply("alice", "send_song group:Family " + LINK);
        String pending = bot.reply("alice", "pending");

        assertThat(bot.reply("alice", "undo")).isEqualTo("To stop watching a song you sent, tap its Cancel.\n"
                + pending);
        assertThat(bot.chat.messages("alice").getLast().choices()).extracting(Choice::title)
                .containsExactly("Cancel 1");
    }

    @Test
    void askingForReceiptsOffOrOnInPlainWordsOffersTheCommandAsATap() {
        for (String said : List.of("turn off receipts", "Turn read receipts off", "don't tell people when I listen",
                "don't tell anyone", "stop telling friends when i play their songs")) {
            assertThat(bot.reply("alice", said)).as(said).isEqualTo("Stop telling friends when you play the songs "
                    + "they send you?");
            assertThat(bot.chat.messages("alice").getLast().choices()).as(said)
                    .containsExactly(new Choice("receipts off", "receipts off"), MENU);
        }
        assertThat(bot.reply("alice", "turn on receipts")).isEqualTo("Tell friends again when you play the songs "
                + "they send you?");
        assertThat(bot.chat.messages("alice").getLast().choices())
                .containsExactly(new Choice("receipts on", "receipts on"), MENU);
        assertThat(bot.reply("alice", "receipts")).as("nothing changed")
                .startsWith("When you play a song a friend sent, I tell them.");
    }

    @Test
    void askingWhoSentThisNamesTheSenderOfTheLatestSongOrSaysWhereSongsAre() {
        assertThat(bot.reply("bob", "who sent this?")).as("no song yet").startsWith("I keep no list of the songs");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);

        for (String said : List.of("who sent this?", "Who sent me this song", "who sent it", "who's this from?")) {
            assertThat(bot.reply("bob", said)).as(said).isEqualTo("Alice Smith sent you " + TITLE + ", the latest "
                    + "song you got.");
        }
    }

    @Test
    void askingWhoSentSongsSaysHonestlyThatTheChatHoldsThem() {
        for (String said : List.of("who sent me songs", "What did people send me?", "songs sent to me", "my inbox")) {
            assertThat(bot.reply("alice", said)).as(said).isEqualTo("I keep no list of the songs friends send you: "
                    + "each came as a message here, with who sent it, so scroll up to find one. What you sent is "
                    + "in history.");
            assertThat(bot.chat.messages("alice").getLast().choices()).as(said)
                    .containsExactly(new Choice("History", "history"), MENU);
        }
    }

    @Test
    void theQuestionsTheFirstScreenOffersAsTapsTypedAreAnsweredAsTheTapsAre() {
        String howToSend = bot.reply("alice", "help send_song");
        String menu = bot.reply("alice", "menu");
        String groups = bot.reply("alice", "help groups");

        for (String said : List.of("How do I send a song?", "how do i send songs", "how to send a song",
                "how can I share a song?", "how does this work?", "How does it work", "how do I use this")) {
            assertThat(bot.reply("alice", said)).as(said).isEqualTo(howToSend);
        }
        for (String said : List.of("What can you do?", "what do you do", "what is this?", "what's this",
                "who are you")) {
            assertThat(bot.reply("alice", said)).as(said).isEqualTo(menu);
        }
        for (String said : List.of("How do groups work?", "how do groups work", "how do I send a song to a group?")) {
            assertThat(bot.reply("alice", said)).as(said).isEqualTo(groups);
        }
    }

    @Test
    void askingForSettingsOrPrivacyExplainsWhatFriendsLearnAndTheControls() {
        String privacy = bot.reply("alice", "help privacy");
        assertThat(privacy).startsWith("Privacy: ").contains("• block Bob Fisher", "• unblock Bob Fisher",
                "• receipts off [name]", "• forget_me").doesNotContain("There's no command");

        for (String said : List.of("privacy", "settings", "my settings", "Privacy settings?", "preferences",
                "help settings")) {
            assertThat(bot.reply("alice", said)).as(said).isEqualTo(privacy);
        }
        assertThat(String.join("\n", bot.say("alice", "help"))).contains("help privacy");
    }

    @Test
    void someoneNotRegisteredAskingAboutPrivacyGetsItBeforeTheWelcome() {
        String privacy = bot.reply("alice", "help privacy");

        for (String said : List.of("privacy", "Privacy settings?")) {
            assertThat(bot.reply("zoe", said)).as(said).startsWith(privacy + "\n\n").contains("Hi! I'm Send Songs");
        }
    }

    @Test
    void notWantingSomeonesSongsOffersTheBlockAndNotTellingThemOffersTheirReceiptsOffNeitherDoneUntilTapped() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        String receipts = bot.reply("bob", "receipts");

        for (String said : List.of("I don't want songs from Alice", "no more songs from alice please", "mute Alice",
                "stop songs from Alice Smith")) {
            assertThat(bot.reply("bob", said)).as(said).startsWith("Block ").endsWith("? I won't pass on their songs, "
                    + "and they aren't told.");
            assertThat(bot.chat.messages("bob").getLast().choices().getFirst().payload()).as(said)
                    .startsWith("block ");
        }
        for (String said : List.of("don't tell Alice", "stop telling alice when I listen",
                "don’t tell Alice Smith")) {
            assertThat(bot.reply("bob", said)).as(said).startsWith("Stop telling ").endsWith(" when you play their "
                    + "songs?");
            assertThat(bot.chat.messages("bob").getLast().choices().getFirst().payload()).as(said)
                    .startsWith("receipts off ");
        }
        for (String said : List.of("mute notifications", "mute this chat", "mute it", "mute you", "stop telling me",
                "don't tell them")) {
            assertThat(bot.reply("bob", said)).as(said).doesNotStartWith("Block ").doesNotStartWith("Stop telling ");
        }
        assertThat(bot.reply("bob", "receipts")).as("nothing changed").isEqualTo(receipts);

        bot.reply("bob", "mute Alice");
        String tap = bot.chat.messages("bob").getLast().choices().getFirst().payload();
        assertThat(bot.reply("bob", tap)).startsWith("Blocked Alice Smith");

        for (String said : List.of("unmute Alice", "un-mute alice please", "Unmute Alice Smith")) {
            assertThat(bot.reply("bob", said)).as(said).startsWith("Unblock ").endsWith("? Their songs come to you "
                    + "again.");
            assertThat(bot.chat.messages("bob").getLast().choices().getFirst().payload()).as(said)
                    .startsWith("unblock ");
        }
        assertThat(bot.reply("bob", "unmute notifications")).doesNotStartWith("Unblock ");
        bot.reply("bob", "unmute Alice");
        assertThat(bot.reply("bob", bot.chat.messages("bob").getLast().choices().getFirst().payload()))
                .startsWith("Unblocked Alice Smith");
    }

    @Test
    void askingForAReminderSaysTheBotSendsNoneAndWhatItDoesInstead() {
        for (String said : List.of("remind Bob", "remind bob to listen", "nudge Bob Fisher about it", "ping bob")) {
            assertThat(bot.reply("alice", said)).as(said).isEqualTo("I don't send reminders, so a song never nags "
                    + "anyone: it waits in their chat until they play it. To nudge them, write to them yourself.");
        }
        assertThat(bot.reply("alice", "remind me what I sent")).as("a wish about the person's own songs")
                .doesNotStartWith("I don't send reminders");
    }

    @Test
    void askingHowToAddOrInviteFriendsSaysThereIsNoListToFillAndHowInvitesWork() {
        for (String said : List.of("How do I add friends?", "how do i add a friend", "find friends",
                "invite a friend", "How do I invite someone?", "invite", "how to invite my friends")) {
            assertThat(bot.reply("alice", said)).as(said).isEqualTo("There's no friends list to fill: a song goes to "
                    + "anyone registered with me, by the name they registered (paste the song's link, then type it), "
                    + "and after that they come up as a tap. Not registered yet? Type their name all the same: I'll "
                    + "give you a link to forward them, and the song goes to them when they sign up.");
        }
        assertThat(bot.reply("alice", "how do I add someone to my group?")).as("about a group")
                .isEqualTo(Help.usage("add_to_group", CommandStyle.PLAIN));
    }

    @Test
    void askingWhoWasBlockedIsAnsweredWithTheReceiptsAndBlocksAsTheyAreSet() {
        bot.reply("alice", "block Bob Fisher");
        String settings = bot.reply("alice", "receipts");
        assertThat(settings).contains("Bob Fisher");

        for (String said : List.of("who did I block?", "who have I blocked", "blocked people", "my blocks",
                "my block list", "blocked", "Blocked?", "blocklist")) {
            assertThat(bot.reply("alice", said)).as(said).isEqualTo(settings);
        }
    }

    @Test
    void askingWhetherAFriendLikedASongSaysTheBotOnlySeesPlaysThenGivesTheHistory() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        String history = bot.reply("alice", "history");

        for (String said : List.of("did Bob like it?", "Did Bob Fisher love it", "what did Bob think?",
                "what did they think of it", "who played my songs?", "how many songs have I sent")) {
            assertThat(bot.reply("alice", said)).as(said).endsWith(history);
        }
        assertThat(bot.reply("alice", "did Bob like it?")).startsWith("I only see whether friends play a song, "
                + "not what they think of it: ask them!");
    }

    @Test
    void askingToSwitchServiceOffersItsConnectAsATap() {
        assertThat(bot.reply("alice", "switch to Last.fm")).isEqualTo("Switch to Last.fm, to have me watch your "
                + "plays there?");
        assertThat(bot.chat.messages("alice").getLast().choices())
                .containsExactly(new Choice("connect lastfm", "connect lastfm"), MENU);
        assertThat(bot.reply("alice", "I want to use ListenBrainz instead")).startsWith("Switch to ListenBrainz");
        assertThat(bot.reply("alice", "change my service")).isEqualTo(bot.reply("alice", "help connect"));
    }

    @Test
    void aSentenceThatMerelyMentionsAWishOrANameIsNotOne() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);

        for (String said : List.of("tell me about the history of jazz", "my history teacher loved this song",
                "Bob Fisher", "did Bob listen to the radio today", "did you get it", "my name is Alicia",
                "I told Bob to change my name to something", "what have I sent Bob for his birthday last year",
                "undo the last three things please", "who sent me this weird message")) {
            assertThat(bot.reply("alice", said)).as(said).startsWith(NOT_UNDERSTOOD);
        }
        assertThat(bot.user("alice").name()).isEqualTo("Alice Smith");
        assertThat(bot.reply("alice", "pending")).as("nothing stopped").contains(TITLE);
    }

    @Test
    void aNoteBeingTypedForASongIsTheNoteNotAWish() {
        bot.reply("bob", "send_song name:\"Alice Smith\" " + FakeMusic.OTHER_SONG.id().link());
        bot.reply("alice", LINK);
        bot.reply("alice", "1");
        bot.reply("alice", "note");

        assertThat(bot.reply("alice", "undo")).isEqualTo("Noted. Send " + TITLE + " to Bob Fisher?\n"
                + "With it: “undo”");
        assertThat(bot.reply("alice", "note")).startsWith("Type the note");
        assertThat(bot.reply("alice", "what have I sent")).isEqualTo("Noted. Send " + TITLE + " to Bob Fisher?\n"
                + "With it: “what have I sent”");
    }
}
