package app.sendsongs.core.bot;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.command.Help;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever a person does in the chat comes to {@link Bot#handle} once and gets one answer. */
class FrontDoorTest {
    private static final Platform OTHER = new Platform("otherchat");
    private final RecordingChat other = RecordingChat.plainText(OTHER, 2000);
    private final BotHarness bot = new BotHarness(other);
    private final Instant now = BotHarness.T0;
    private static final String MENU = "Hi Alice! Paste a Spotify link and I'll ask who it's for. Or tap:";

    @Test
    void anEventDeliveredAgainIsAnsweredOnce() {
        bot.register("alice", "Alice Smith");
        Inbound help = new Inbound.Text("m_1", at("alice"), now, "help");

        assertThat(bot.handle(help)).containsExactly(Help.all());
        assertThat(bot.handle(help)).isEmpty();
    }

    @Test
    void anEditedMessageIsAnsweredThatOnlyNewMessagesAreReadOncePerMessage() {
        bot.register("alice", "Alice Smith");
        String edited = Inbound.editedMessageId("alice", "57");

        assertThat(bot.handle(new Inbound.Edited(edited, at("alice"), now))).containsExactly("I only read new "
                + "messages, so that edit changed nothing. Send the corrected message again.");
        assertThat(bot.handle(new Inbound.Edited(edited, at("alice"), now.plusSeconds(30))))
                .as("the same message edited again").isEmpty();
        assertThat(bot.handle(new Inbound.Edited(Inbound.editedMessageId("alice", "58"), at("alice"), now)))
                .as("another message").hasSize(1);
        assertThat(bot.handle(new Inbound.Edited(Inbound.editedMessageId("newcomer", "1"), at("newcomer"), now)))
                .as("someone not registered").singleElement().asString().startsWith("I only read new messages");
    }

    @Test
    void theSameEventIdOnTwoPlatformsIsTwoEvents() {
        ChatAddress onOther = new ChatAddress(OTHER, "alice");

        assertThat(bot.handle(new Inbound.Text("1", at("alice"), now, "hi"))).hasSize(1);
        assertThat(bot.handle(new Inbound.Text("1", onOther, now, "hi"))).hasSize(1);
    }

    @Test
    void aTappedChoiceIsReadAsItsPayloadTyped() {
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.register("bob2", "Bob Fisher");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.SONG.id().link());

        assertThat(bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), at("alice"), now, "2", "Bob Fisher")))
                .containsExactly("Sent " + FakeMusic.SONG.title() + " to Bob Fisher (joined 1 May 12:00 UTC, the "
                        + "second of the two). I'll tell you when they play it (I'll watch for 7 days).");
        assertThat(bot.inbox("bob2")).hasSize(1);
    }

    @Test
    void aTappedButtonIsReadAsItsPayloadTyped() {
        bot.register("alice", "Alice Smith");

        assertThat(bot.handle(new Inbound.ButtonTapped(bot.nextEventId(), at("alice"), now, "pending", "My songs")))
                .containsExactly(bot.reply("alice", "pending"));
    }

    @Test
    void openingTheChatThroughALinkGetsTheWelcomeOrTheMenu() {
        bot.register("alice", "Alice Smith");

        assertThat(bot.handle(new Inbound.OpenedLink(bot.nextEventId(), at("newcomer"), now, "some-ref")))
                .singleElement().asString().startsWith("Hi! I'm Send Songs");
        assertThat(bot.handle(new Inbound.OpenedLink(bot.nextEventId(), at("alice"), now, "")))
                .containsExactly(MENU);
    }

    @Test
    void openingTheChatReleasesWhatWaitedForThePerson() {
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.chat.windowCloses("bob");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.SONG.id().link());

        assertThat(bot.handle(new Inbound.OpenedLink(bot.nextEventId(), at("bob"), now, "")))
                .containsExactly("🎵 Alice Smith sent you a song: " + FakeMusic.SONG.title(),
                        "Hi Bob! Paste a Spotify link and I'll ask who it's for. Or tap:");
    }

    @Test
    void aSongFromSomeoneNotRegisteredIsNotDroppedWithoutAWord() {
        String pasted = "check this out " + FakeMusic.SONG.id().link();
        String kept = "I'll keep " + FakeMusic.SONG.title() + " for you: once you've connected, I'll ask who it's for.";

        assertThat(bot.handle(new Inbound.Text(bot.nextEventId(), at("newcomer"), now, pasted)))
                .singleElement().asString().startsWith(kept + "\n\nHi! I'm Send Songs");
        assertThat(bot.handle(new Inbound.Text(bot.nextEventId(), at("newcomer"), now,
                "send_song name:\"Bob Fisher\" " + FakeMusic.SONG.id().link())))
                .singleElement().asString().startsWith(kept);
        assertThat(bot.handle(new Inbound.Text(bot.nextEventId(), at("newcomer"), now,
                "send_song group:\"Family\" " + FakeMusic.SONG.id().link()))).as("to a group, a song too")
                .singleElement().asString().startsWith(kept);
        assertThat(bot.handle(new Inbound.Text(bot.nextEventId(), at("newcomer"), now, "hello")))
                .singleElement().asString().startsWith("Hi! I'm Send Songs");
    }

    @Test
    void aLinkToAnotherMusicServiceFromSomeoneNotRegisteredSaysTheBotSendsSpotifySongsBeforeTheWelcome() {
        assertThat(bot.handle(new Inbound.Text(bot.nextEventId(), at("newcomer"), now,
                "https://music.apple.com/us/album/x/1558533900?i=1558534271")))
                .singleElement().asString().startsWith("That link is to Apple Music, and I can only send songs from "
                        + "Spotify.").contains("\n\nHi! I'm Send Songs");
        assertThat(bot.handle(new Inbound.Text(bot.nextEventId(), at("newcomer"), now, "open.spotify.com/track/"
                + FakeMusic.SONG.id().value()))).as("a Spotify link without its https:// is a song as it is for others")
                .singleElement().asString().startsWith("I'll keep " + FakeMusic.SONG.title() + " for you");
    }

    @Test
    void aTapFromSomeoneNotRegisteredGetsTheWelcomeAfterSayingTheCommandWorksOnceTheyConnect() {
        assertThat(bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), at("newcomer"), now, "pending", "Pending")))
                .singleElement().asString().startsWith("That works once you've connected (it takes a minute).\n\n"
                        + "Hi! I'm Send Songs");
        for (String typed : List.of("history", "cancel 1", "block Bob Fisher", "receipts off",
                "groups", "create_group Family")) {
            assertThat(bot.say("newcomer", typed)).as(typed).singleElement().asString()
                    .startsWith("That works once you've connected (it takes a minute).\n\nHi! I'm Send Songs");
        }
        assertThat(bot.say("newcomer", "menu")).singleElement().asString().startsWith("Hi! I'm Send Songs");
    }

    @Test
    void aGreetingGetsTheMenuWithItsChoicesAndPlainTextShowsWhatToType() {
        bot.register("alice", "Alice Smith");
        bot.register(new ChatAddress(OTHER, "carol"), "Carol King");

        assertThat(bot.reply("alice", "hello")).isEqualTo(MENU);
        assertThat(bot.chat.messages("alice").getLast().choices()).extracting(Choice::payload)
                .containsExactly("pending", "history", "groups", "receipts", "help");
        assertThat(bot.reply(new ChatAddress(OTHER, "carol"), "hi")).isEqualTo("Hi Carol! Paste a Spotify link and "
                + "I'll ask who it's for. Or tap:\n• Pending\n• History\n• Groups\n• Receipts\n• Help");
    }

    @Test
    void aCloseTypoGetsDidYouMeanWithTheCorrectionAsATap() {
        bot.register("alice", "Alice Smith");

        assertThat(bot.reply("alice", "pendnig")).isEqualTo("Sorry, I don't know that command. Did you mean "
                + "pending?");
        assertThat(bot.chat.messages("alice").getLast().choices()).containsExactly(new Choice("pending", "pending"),
                new Choice("Menu", "menu"));
        assertThat(bot.reply("alice", "blah blah")).isEqualTo("Sorry, I didn't understand that. To share a song, "
                + "paste its Spotify link.");
        String longTypo = "sned_song name:\"Bob Fisher\" pre:\"a note long enough\" " + FakeMusic.SONG.id().link();
        bot.reply("alice", longTypo);
        assertThat(bot.chat.messages("alice").getLast().choices().getFirst())
                .as("a correction longer than a tap can carry offers the command's example")
                .isEqualTo(new Choice("send_song", "help send_song"));
    }

    @Test
    void thanksOrAThumbsUpIsAnsweredKindlyNotAsSomethingNotUnderstood() {
        bot.register("alice", "Alice Smith");

        for (String said : new String[] {"thanks!", "Thank you", "thx", "🙏", "cheers"}) {
            assertThat(bot.reply("alice", said)).as(said)
                    .isEqualTo("🙂 Anytime. Paste a Spotify link whenever you want to send a song.");
            assertThat(bot.chat.messages("alice").getLast().choices()).as(said)
                    .containsExactly(new Choice("Menu", "menu"));
        }
        for (String said : new String[] {"👍", "👍🏽", "ok", "yes", "cool", "❤️", "lol"}) {
            assertThat(bot.reply("alice", said)).as(said + ": no thanks to answer")
                    .isEqualTo("🙂 Paste a Spotify link whenever you want to send a song.");
            assertThat(bot.chat.messages("alice").getLast().choices()).as(said)
                    .containsExactly(new Choice("Menu", "menu"));
        }
        assertThat(bot.reply("alice", "thanks for nothing, bot")).startsWith("Sorry, I didn't understand that.");
    }

    @Test
    void stopOrUnsubscribeSaysHowToStopWhatComes() {
        bot.register("alice", "Alice Smith");

        for (String said : new String[] {"stop", "STOP!", "unsubscribe", "stop messaging me", "leave me alone",
                "opt out", "/stop", "log out", "logout", "disconnect spotify", "mute notifications",
                "stop telling me", "too many songs", "Too many songs!", "no more songs", "stop the songs"}) {
            assertThat(bot.reply("alice", said)).as(said).isEqualTo("I only write when a friend sends you a song or "
                    + "plays one you sent. To stop one friend's songs: block and their name (they aren't told). To stop "
                    + "everything: forget_me deletes all I keep about you (I ask first).");
            assertThat(bot.chat.messages("alice").getLast().choices()).as(said)
                    .containsExactly(new Choice("Forget me", "forget_me"), new Choice("Menu", "menu"));
        }
        assertThat(bot.reply("alice", "stop the music")).startsWith("Sorry, I didn't understand that.");
        ChatAddress onTelegram = new ChatAddress(Platform.TELEGRAM, "7001");
        BotHarness withTelegram = new BotHarness(RecordingChat.plainText(Platform.TELEGRAM, 4096));
        withTelegram.register(onTelegram, "Tess Gray");
        assertThat(withTelegram.reply(onTelegram, "stop")).as("commands as Telegram writes them")
                .contains("/block and their name").contains("To stop everything: /forget_me deletes");
    }

    @Test
    void askingForOnesDataToBeDeletedAsksAsForgetMeDoes() {
        bot.register("alice", "Alice Smith");
        String asks = bot.reply("alice", "forget_me");

        for (String said : new String[] {"delete my data", "Delete my account", "delete me", "remove my data",
                "erase my data please", "delete account", "close my account", "unregister me"}) {
            assertThat(bot.reply("alice", said)).as(said).isEqualTo(asks);
        }
        assertThat(bot.user("alice")).as("asked, nothing deleted yet").isNotNull();
    }

    @Test
    void aNameOptionAloneOffersToChangeOnesName() {
        bot.register("alice", "Alice Smith");

        assertThat(bot.reply("alice", "name:\"Alice Archer\"")).isEqualTo("Sorry, I don't know that command. Did you "
                + "mean name?");
        assertThat(bot.chat.messages("alice").getLast().choices()).containsExactly(
                new Choice("name \"Alice Archer\"", "name \"Alice Archer\""), new Choice("Menu", "menu"));
        bot.reply("alice", "name \"Alice Archer\"");
        assertThat(bot.user("alice").name()).isEqualTo("Alice Archer");
    }

    @Test
    void aQuestionIsNotReadAsACommandMistyped() {
        bot.register("alice", "Alice Smith");

        for (String said : new String[] {"can you send songs?", "why not", "how do I send a song backwards?"}) {
            assertThat(bot.reply("alice", said)).as(said).isEqualTo("Sorry, I didn't understand that. To share a "
                    + "song, paste its Spotify link.");
        }
        for (String said : new String[] {"how do I send a song?", "what do you do"}) { // the first screen's questions
            assertThat(bot.reply("alice", said)).as(said).doesNotContain("Did you mean", "Sorry");
        }
        assertThat(bot.reply("alice", "hlep")).as("a typo still gets its guess").contains("Did you mean");
    }

    @Test
    void helpForAWordThatIsNoCommandSaysSoThenOffersTheCommandMeantOrTheList() {
        bot.register("alice", "Alice Smith");

        assertThat(bot.reply("alice", "help sned_song")).isEqualTo("There's no command called \"sned_song\". You "
                + "probably mean send_song:\n" + Help.usage("send_song"));
        assertThat(bot.chat.messages("alice").getLast().choices()).containsExactly(new Choice("All commands", "help"));
        assertThat(bot.reply("alice", "help nome")).isEqualTo("There's no command called \"nome\". Did you mean note "
                + "or name?");
        assertThat(bot.chat.messages("alice").getLast().choices()).containsExactly(new Choice("note", "help note"),
                new Choice("name", "help name"), new Choice("All commands", "help"));
        assertThat(String.join("\n", bot.say("alice", "help nonsense words"))).isEqualTo("There's no command called \"nonsense "
                + "words\". These are the ones I know:\n" + Help.all());
        assertThat(bot.say("alice", "help " + "x".repeat(200)).getFirst()).as("what was typed, cut as names are")
                .startsWith("There's no command called \"" + "x".repeat(60) + "…\". ");
    }

    @Test
    void helpForARealCommandOrTopicOrAsAPleaIsAnsweredAsBefore() {
        bot.register("alice", "Alice Smith");

        assertThat(bot.reply("alice", "help send_song")).isEqualTo(Help.usage("send_song"));
        assertThat(bot.reply("alice", "help /send")).isEqualTo(Help.usage("send_song"));
        assertThat(bot.reply("alice", "help send song")).isEqualTo(Help.usage("send_song"));
        assertThat(bot.reply("alice", "help groups")).isEqualTo(Help.topic("groups").orElseThrow());
        assertThat(bot.reply("alice", "help me")).isEqualTo(Help.all());
        assertThat(bot.reply("alice", "help please")).isEqualTo(Help.all());
        for (String asked : new String[] {"ayuda", "Aide", "hilfe", "aiuto", "ajuda", "hulp", "помощь"}) {
            assertThat(bot.reply("alice", asked)).as("help in another language").isEqualTo(Help.all());
        }
    }

    @Test
    void theHelpsExamplesNameSomeoneElseToAPersonCalledAsTheExamplePerson() {
        bot.register("alice", "Alice Smith");
        bot.register("bob", "bob  fisher");

        assertThat(bot.reply("alice", "help")).contains("send_song name:\"Bob Fisher\"");
        for (String asked : new String[] {"help", "help privacy", "help groups", "help block", "help sned_song",
                "history"}) {
            assertThat(bot.reply("bob", asked)).as(asked).doesNotContainIgnoringCase("Bob Fisher")
                    .contains("Carol King");
        }
        assertThat(bot.reply("bob", "help")).isEqualTo(Help.all().replace("Bob Fisher", "Carol King"));
    }

    @Test
    void helpForAWordThatIsNoCommandBeforeRegisteringSaysSoAboveTheWelcome() {
        assertThat(bot.say("newcomer", "help sned_song")).singleElement().asString()
                .startsWith("There's no command called \"sned_song\". You probably mean send_song:\n"
                        + Help.usage("send_song") + "\n\nHi! I'm Send Songs");
    }
}
