package app.sendsongs.core.share;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Button;
import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.chat.SongCard;
import app.sendsongs.core.command.Help;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.FormerName;
import app.sendsongs.core.user.GrantState;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sending a song to one friend, through the bot on fakes: from the command to the notices. */
class SharingTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String TITLE = FakeMusic.SONG.title();
    private BotHarness bot;

    @BeforeEach
    void people() {
        bot = new BotHarness();
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
    }

    @Test
    void theFriendGetsTheSongWithThePreNoteAndTheSenderAConfirmation() {
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" pre:\"you'll love the bridge\" post:\"told you!\" "
                + LINK)).isEqualTo("Sent " + TITLE + " to Bob Fisher. I'll tell you when they play it (I'll watch for "
                + "7 days).");

        assertThat(bot.chat.messages("bob")).hasSize(1);
        Message song = bot.chat.messages("bob").getFirst();
        assertThat(song.text()).isEqualTo("🎵 Alice Smith sent you a song: " + TITLE + "\n“you'll love the bridge”");
        SongCard card = song.card().orElseThrow();
        assertThat(card.title()).isEqualTo(FakeMusic.SONG.name());
        assertThat(card.subtitle()).isEqualTo("Rick Astley");
        assertThat(card.link()).hasToString(LINK);
        Share share = bot.stores.shares().sharesSentBy(at("alice")).getFirst();
        assertThat(card.buttons()).containsExactly(new Button.Link("Open in Spotify", URI.create(LINK)),
                new Button.Reply("Don't tell Alice", "receipts off song " + share.id()),
                new Button.Reply("Block Alice", "block song " + share.id()));
        assertThat(share.status()).isEqualTo(ShareStatus.WATCHING);
        assertThat(share.receiver()).isEqualTo(at("bob"));
        assertThat(share.deliveredAt()).contains(BotHarness.T0);
        assertThat(share.expiresAt()).contains(BotHarness.T0.plus(Duration.ofDays(7)));
    }

    @Test
    void aNameWithAPhonesApostropheIsFoundTypedWithAPlainOne() {
        bot.register("conan", "Conan O’Brien");

        assertThat(bot.reply("alice", "send_song name:\"Conan O'Brien\" " + LINK))
                .startsWith("Sent " + TITLE + " to Conan O’Brien.");
        assertThat(bot.inbox("conan")).hasSize(1);
    }

    @Test
    void aNameTypedWithAnotherHyphenOrWithoutItsVowelMarksFindsThePerson() {
        bot.register("dan", "Dan\u2011Cohen"); // a non-breaking hyphen, as a phone may type it
        bot.register("shalom", "\u05e9\u05c1\u05b8\u05dc\u05d5\u05b9\u05dd Levi"); // שָׁלוֹם, pointed

        assertThat(bot.reply("alice", "send_song name:\"Dan-Cohen\" " + LINK)).startsWith("Sent " + TITLE + " to Dan");
        assertThat(bot.reply("alice", "send_song name:\"\u05e9\u05dc\u05d5\u05dd Levi\" " + LINK))
                .startsWith("Sent " + TITLE + " to \u05e9");
        assertThat(bot.inbox("dan")).hasSize(1);
        assertThat(bot.inbox("shalom")).hasSize(1);
    }

    @Test
    void twoPeopleWhoseNamesDifferOnlyInAHyphenOrVowelMarksAreAskedAbout() {
        bot.advance(Duration.ofDays(1));
        bot.register("dan", "Dan-Cohen");
        bot.register("dan2", "Dan\u2010Cohen");

        assertThat(bot.reply("alice", "send_song name:\"Dan\u2013Cohen\" " + LINK))
                .startsWith("2 people are called Dan-Cohen. Which one?");
        assertThat(bot.reply("alice", "2")).startsWith("Sent " + TITLE + " to Dan\u2010Cohen (joined 2 May 12:00 UTC, "
                + "the second of the two).");
        assertThat(bot.inbox("dan2")).hasSize(1);
    }

    @Test
    void aNoteIsCountedInCharactersAsPeopleCountThemSoAnEmojiIsOne() {
        String guitars = "🎸".repeat(300);

        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" pre:\"" + guitars + "\" " + LINK))
                .startsWith("Sent " + TITLE + " to Bob Fisher.");
        assertThat(bot.last("bob")).endsWith("“" + guitars + "”");
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" post:\"" + "🎸".repeat(501) + "\" "
                + FakeMusic.OTHER_SONG.id().link())).contains("Notes can be at most 500 characters.");
    }

    @Test
    void aPlayIsToldToTheSenderAndReleasesThePostNote() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" post:\"told you!\" " + LINK);
        bot.advance(Duration.ofMinutes(1));
        bot.play("bob", FakeMusic.SONG);

        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.last("alice")).isEqualTo("🎧 Bob Fisher listened to " + TITLE + " (5 min ago).");
        assertThat(bot.last("bob")).isEqualTo("Alice Smith's note on " + TITLE + ": “told you!”");
        assertThat(bot.stores.shares().sharesSentBy(at("alice")).getFirst().status()).isEqualTo(ShareStatus.PLAYED);
        assertThat(bot.stores.watches().findWatch(at("bob"))).as("nothing left to watch").isEmpty();
    }

    /** A notice that waited for its reader to write says how long ago the play was when it reaches them. */
    @Test
    void aPlayNoticeThatWaitedForTheSenderToWriteSaysHowLongAgoThePlayWasWhenItReachesThem() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.chat.windowCloses("alice");
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        bot.advance(Duration.ofDays(3));
        bot.chat.windowOpens("alice");

        assertThat(bot.say("alice", "hi")).contains("🎧 Bob Fisher listened to " + TITLE + " (3 days ago).");
    }

    @Test
    void withoutAPostNoteTheReceiverGetsNothingMoreWhenTheyPlayIt() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.last("alice")).startsWith("🎧 Bob Fisher listened to ");
        assertThat(bot.inbox("bob")).hasSize(1);
    }

    @Test
    void anotherSongPlayedDoesNotCountAndTheSenderHearsWhenTheWatchEnds() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.play("bob", FakeMusic.OTHER_SONG);

        bot.advance(BotHarness.WATCH_ENDS);

        assertThat(bot.last("alice")).isEqualTo(TITLE + ", sent to Bob Fisher, was not played within 7 days, so I've "
                + "stopped watching.");
        assertThat(bot.stores.shares().sharesSentBy(at("alice")).getFirst().status()).isEqualTo(ShareStatus.EXPIRED);
        bot.advance(Duration.ofDays(7));
        assertThat(bot.inbox("alice")).filteredOn(text -> text.contains("not played within")).hasSize(1);
    }

    @Test
    void aSongTheirChatWillNotTakeNowWaitsForThemAndOnlyLaterPlaysCount() {
        bot.chat.windowCloses("bob");

        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK)).isEqualTo("Their chat app won't let "
                + "me deliver " + TITLE + " to Bob Fisher just now (they haven't written to me lately). It goes out as "
                + "soon as they write to me, and I'll start watching then.");
        assertThat(bot.inbox("bob")).isEmpty();
        bot.play("bob", FakeMusic.SONG); // before it reached them: does not count
        bot.advance(Duration.ofHours(1));

        bot.chat.windowOpens("bob");
        assertThat(bot.say("bob", "help")).first().asString().isEqualTo("🎵 Alice Smith sent you a song: " + TITLE);
        bot.advance(Duration.ofMinutes(5));
        assertThat(bot.inbox("alice")).noneMatch(text -> text.startsWith("🎧"));

        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        assertThat(bot.last("alice")).startsWith("🎧 Bob Fisher listened to " + TITLE);
    }

    @Test
    void aNameSeveralPeopleHaveIsAskedAboutAndTheNumberAnsweredSendsIt() {
        bot.advance(Duration.ofDays(1));
        bot.register("bob2", "bob fisher");

        String question = bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);

        assertThat(question).isEqualTo("2 people are called Bob Fisher. Which one?\n1. Bob Fisher — joined 1 May "
                + "2030\n2. bob fisher — joined 2 May 2030").doesNotContain("spotify-");
        assertThat(bot.chat.messages("alice").getLast().choices()).extracting(Choice::payload)
                .satisfiesExactly(one -> assertThat(one).matches("1 #[0-9a-f]{8}"),
                        two -> assertThat(two).matches("2 #[0-9a-f]{8}"),
                        dontSend -> assertThat(dontSend).matches("3 #[0-9a-f]{8}"));
        assertThat(bot.inbox("bob")).isEmpty();
        assertThat(bot.reply("alice", "4")).startsWith("Please answer with a number from 1 to 2.\n");
        assertThat(bot.reply("alice", "2")).as("told apart as the question told them")
                .startsWith("Sent " + TITLE + " to bob fisher (joined 2 May 2030).");
        assertThat(bot.inbox("bob2")).hasSize(1);
        assertThat(bot.inbox("bob")).isEmpty();
        assertThat(bot.reply("alice", "1")).isEqualTo("I'm not waiting for an answer from you.");
    }

    @Test
    void twoPeopleOfOneNameWhoJoinedTheSameDayAreToldApartByTheTimeTheyJoined() {
        bot.advance(Duration.ofHours(3));
        bot.register("bob2", "Bob Fisher");

        String question = bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);

        assertThat(question).isEqualTo("2 people are called Bob Fisher. Which one?\n1. Bob Fisher — joined 1 May 12:00 "
                + "UTC\n2. Bob Fisher — joined 1 May 15:00 UTC");
        assertThat(bot.chat.messages("alice").getLast().choices()).extracting(Choice::title)
                .containsExactly("1. Bob · 1 May 12:00 UTC", "2. Bob · 1 May 15:00 UTC", "Don't send");
    }

    @Test
    void twoPeopleOfOneNameWhoJoinedInTheSameMinuteAreToldApartByWhichJoinedFirst() {
        bot.advance(Duration.ofSeconds(20));
        bot.register("bob2", "Bob Fisher");

        String question = bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);

        assertThat(question).isEqualTo("2 people are called Bob Fisher. Which one?\n1. Bob Fisher — joined 1 May 12:00 "
                + "UTC, the first of the two\n2. Bob Fisher — joined 1 May 12:00 UTC, the second of the two")
                .doesNotContain("bob2").doesNotContain(":20");
        assertThat(bot.chat.messages("alice").getLast().choices()).extracting(Choice::title)
                .containsExactly("1. Bob · joined first", "2. Bob · joined second", "Don't send");
        assertThat(bot.reply("alice", "2")).as("and named so after")
                .startsWith("Sent " + TITLE + " to Bob Fisher (joined 1 May 12:00 UTC, the second of the two).");
        assertThat(bot.inbox("bob2")).hasSize(1);
        assertThat(bot.inbox("bob")).isEmpty();
    }

    @Test
    void twoPeopleOfOneNameAreToldApartBySongsExchangedAndByTheirPlatform() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.register(new ChatAddress(Platform.TELEGRAM, "4242"), "Bob Fisher");

        String question = bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.OTHER_SONG.id().link());

        assertThat(question).isEqualTo("2 people are called Bob Fisher. Which one?\n1. Bob Fisher — exchanged songs "
                + "with you, on Messenger, joined 1 May 2030\n2. Bob Fisher — on Telegram, joined 1 May 2030");
        assertThat(bot.chat.messages("alice").getLast().choices()).extracting(Choice::title)
                .containsExactly("1. Bob · a contact", "2. Bob · Telegram", "Don't send");
    }

    @Test
    void twoPeopleOfOneNameInAGroupWithTheAskerAreToldApartOnTheirTapsByWhatTheyDoNotShare() {
        ChatAddress telegramBob = new ChatAddress(Platform.TELEGRAM, "4242");
        bot.register(telegramBob, "Bob Fisher");
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        assertThat(bot.reply("alice", "1")).startsWith("Added Bob Fisher to Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        assertThat(bot.reply("alice", "2")).startsWith("Added Bob Fisher to Family");

        String question = bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);

        assertThat(question).isEqualTo("2 people are called Bob Fisher. Which one?\n1. Bob Fisher — in Family with "
                + "you, on Messenger, joined 1 May 2030\n2. Bob Fisher — in Family with you, on Telegram, joined 1 May "
                + "2030");
        assertThat(bot.chat.messages("alice").getLast().choices()).extracting(Choice::title)
                .as("not \"Bob · Family\" twice").containsExactly("1. Bob · Messenger", "2. Bob · Telegram",
                        "Don't send");
    }

    @Test
    void aSongFromSomeoneNewWithTheNameOfSomeoneTheReceiverKnowsSaysItIsAnotherPerson() {
        String other = FakeMusic.OTHER_SONG.id().link();
        bot.reply("bob", "send_song name:\"Alice Smith\" " + LINK);
        bot.register("mallory", "Bob fisher");
        bot.register("carol", "Carol Jones");

        bot.reply("mallory", "send_song name:\"Alice Smith\" pre:\"it's me, Bob\" " + other);
        bot.reply("mallory", "send_song name:\"Carol Jones\" " + other);
        bot.reply("bob", "send_song name:\"Alice Smith\" " + other);

        assertThat(bot.chat.messages("alice")).extracting(Message::text).containsExactly(
                "🎵 Bob Fisher sent you a song: " + TITLE,
                "🎵 Bob fisher sent you a song: " + FakeMusic.OTHER_SONG.title() + "\n"
                        + "⚠️ This Bob fisher is new to you: not the Bob Fisher you know here.\n“it's me, Bob”",
                "🎵 Bob Fisher (joined 1 May 12:00 UTC, the first of the two) sent you a song: "
                        + FakeMusic.OTHER_SONG.title());
        assertThat(bot.chat.messages("carol").getLast().text()).as("carol knows no other Bob Fisher")
                .isEqualTo("🎵 Bob fisher sent you a song: " + FakeMusic.OTHER_SONG.title());
    }

    @Test
    void aSongFromSomeoneNewWhoseNameOnlyLooksLikeAFriendsSaysItIsAnotherPerson() {
        String other = FakeMusic.OTHER_SONG.id().link();
        String cyrillicO = "B\u043eb Fisher"; // as registered before a word mixing alphabets was refused
        String allCyrillic = "\u0412\u043e\u042c Fisher"; // "ВоЬ"
        String greekOmicron = "Car\u03bfl Jones";
        bot.register("carol", "Carol Jones");
        bot.reply("bob", "send_song name:\"Alice Smith\" " + LINK);
        bot.reply("carol", "send_song name:\"Alice Smith\" " + LINK);
        bot.register("mallory", cyrillicO);
        bot.register("trudy", allCyrillic);
        bot.register("eve", greekOmicron);

        bot.reply("mallory", "send_song name:\"Alice Smith\" " + other);
        bot.reply("trudy", "send_song name:\"Alice Smith\" " + other);
        bot.reply("eve", "send_song name:\"Alice Smith\" " + other);

        assertThat(bot.chat.messages("alice")).extracting(Message::text).endsWith(
                "🎵 " + cyrillicO + " sent you a song: " + FakeMusic.OTHER_SONG.title() + "\n"
                        + "⚠️ This " + cyrillicO + " is new to you: not the Bob Fisher you know here.",
                "🎵 " + allCyrillic + " sent you a song: " + FakeMusic.OTHER_SONG.title() + "\n"
                        + "⚠️ This " + allCyrillic + " is new to you: not the Bob Fisher you know here.",
                "🎵 " + greekOmicron + " sent you a song: " + FakeMusic.OTHER_SONG.title() + "\n"
                        + "⚠️ This " + greekOmicron + " is new to you: not the Carol Jones you know here.");
        assertThat(bot.reply("mallory", "send_song name:\"Alice Smith\" " + LINK)).startsWith("Sent ");
        assertThat(bot.chat.messages("alice").getLast().text()).as("no longer new to her")
                .isEqualTo("🎵 " + cyrillicO + " sent you a song: " + TITLE);
    }

    @Test
    void aSongFromSomeoneNewWhoseNameLooksLikeAFriendsInLatinLettersSaysItIsAnotherPerson() {
        String other = FakeMusic.OTHER_SONG.id().link();
        bot.register("bill", "Bill Fisher");
        bot.register("sam", "Sam Jones");
        bot.register("tom", "Tom Jones");
        for (String friend : List.of("bob", "bill", "sam", "tom")) {
            bot.reply(friend, "send_song name:\"Alice Smith\" " + LINK);
        }
        bot.register("mallory", "BiII Fisher"); // capital Is for the ls
        bot.register("trudy", "B0b Fisher"); // a zero for the o
        bot.register("eve", "Sarn Jones");
        bot.register("tim", "Tim Jones");

        for (String stranger : List.of("mallory", "trudy", "eve", "tim")) {
            bot.reply(stranger, "send_song name:\"Alice Smith\" " + other);
        }

        assertThat(bot.chat.messages("alice")).extracting(Message::text).endsWith(
                "🎵 BiII Fisher sent you a song: " + FakeMusic.OTHER_SONG.title() + "\n"
                        + "⚠️ This BiII Fisher is new to you: not the Bill Fisher you know here.",
                "🎵 B0b Fisher sent you a song: " + FakeMusic.OTHER_SONG.title() + "\n"
                        + "⚠️ This B0b Fisher is new to you: not the Bob Fisher you know here.",
                "🎵 Sarn Jones sent you a song: " + FakeMusic.OTHER_SONG.title() + "\n"
                        + "⚠️ This Sarn Jones is new to you: not the Sam Jones you know here.",
                "🎵 Tim Jones sent you a song: " + FakeMusic.OTHER_SONG.title());
    }

    @Test
    void aSongFromSomeoneNewWithAnMWhereAFriendsNameHasAnRnSaysItIsAnotherPerson() {
        bot.register("bernard", "Bernard Fisher");
        bot.reply("bernard", "send_song name:\"Alice Smith\" " + LINK);
        bot.register("mallory", "Bemard Fisher"); // an m for the rn

        bot.reply("mallory", "send_song name:\"Alice Smith\" " + FakeMusic.OTHER_SONG.id().link());

        assertThat(bot.chat.messages("alice").getLast().text()).isEqualTo("🎵 Bemard Fisher sent you a song: "
                + FakeMusic.OTHER_SONG.title() + "\n⚠️ This Bemard Fisher is new to you: not the Bernard Fisher you "
                + "know here.");
    }

    @Test
    void aSongFromSomeoneNewWithAnLWhereAFriendsNameHasACapitalISaysItIsAnotherPerson() {
        String other = FakeMusic.OTHER_SONG.id().link();
        bot.register("dan", "Dan McIntyre");
        bot.register("aiice", "AIice Archer"); // a profile name with a capital I for the l
        bot.register("carla", "Carla Moss");
        for (String friend : List.of("dan", "aiice", "carla")) {
            bot.reply(friend, "send_song name:\"Alice Smith\" " + LINK);
        }
        bot.register("mallory", "Dan Mclntyre"); // a small l for the capital I
        bot.register("trudy", "Alice Archer");
        bot.register("carl", "Carl Moss");

        for (String stranger : List.of("mallory", "trudy", "carl")) {
            bot.reply(stranger, "send_song name:\"Alice Smith\" " + other);
        }

        assertThat(bot.chat.messages("alice")).extracting(Message::text).endsWith(
                "🎵 Dan Mclntyre sent you a song: " + FakeMusic.OTHER_SONG.title() + "\n"
                        + "⚠️ This Dan Mclntyre is new to you: not the Dan McIntyre you know here.",
                "🎵 Alice Archer sent you a song: " + FakeMusic.OTHER_SONG.title() + "\n"
                        + "⚠️ This Alice Archer is new to you: not the AIice Archer you know here.",
                "🎵 Carl Moss sent you a song: " + FakeMusic.OTHER_SONG.title());
    }

    @Test
    void aSongFromSomeoneNewWhoseLatinNameLooksLikeAFriendsInCyrillicLettersSaysItIsAnotherPerson() {
        String vera = "\u0412\u0435\u0440\u0430"; // "Вера", all Cyrillic
        bot.register("vera", vera);
        bot.reply("vera", "send_song name:\"Alice Smith\" " + LINK);
        bot.register("mallory", "Bepa"); // all Latin

        bot.reply("mallory", "send_song name:\"Alice Smith\" " + FakeMusic.OTHER_SONG.id().link());

        assertThat(bot.chat.messages("alice").getLast().text()).isEqualTo("🎵 Bepa sent you a song: "
                + FakeMusic.OTHER_SONG.title() + "\n⚠️ This Bepa is new to you: not the " + vera + " you know here.");
    }

    @Test
    void aSongFromSomeoneNewWhoseNameLooksLikeTheOneAFriendChangedFromSaysWhoTheFriendIsNow() {
        String allCyrillic = "\u0412\u043e\u042c Fisher"; // "ВоЬ"
        bot.reply("bob", "send_song name:\"Alice Smith\" " + LINK);
        bot.reply("bob", "name \"Robert Fisher\"");
        bot.register("trudy", allCyrillic);

        bot.reply("trudy", "send_song name:\"Alice Smith\" " + FakeMusic.OTHER_SONG.id().link());

        assertThat(bot.chat.messages("alice").getLast().text()).isEqualTo("🎵 " + allCyrillic + " sent you a song: "
                + FakeMusic.OTHER_SONG.title() + "\n⚠️ This " + allCyrillic + " is new to you: not the " + allCyrillic
                + " you know here, who is now called Robert Fisher.");
    }

    @Test
    void aSongFromSomeoneNewWithANameInAnotherAlphabetIsNotTakenForAFriendsItDoesNotLookLike() {
        bot.reply("bob", "send_song name:\"Alice Smith\" " + LINK);
        bot.register("boris", "\u0411\u043e\u0440\u0438\u0441 Fisher"); // "Борис"

        bot.reply("boris", "send_song name:\"Alice Smith\" " + FakeMusic.OTHER_SONG.id().link());

        assertThat(bot.chat.messages("alice").getLast().text()).doesNotContain("⚠️");
    }

    @Test
    void friendsWhoKnewSomeoneByTheNameTheyChangedFromStillFindThemByIt() {
        String other = FakeMusic.OTHER_SONG.id().link();
        bot.register("carol", "Carol Jones");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.advance(Duration.ofMinutes(1));
        assertThat(bot.reply("bob", "name \"Robert Fisher\"")).isEqualTo("Done: friends now find you as \"Robert "
                + "Fisher\" (send_song name:\"Robert Fisher\"). Friends who knew you as \"Bob Fisher\" still find you by "
                + "it.");
        bot.advance(Duration.ofMinutes(1));
        assertThat(bot.reply("bob", "name \"Rob Fisher\"")).as("nobody exchanged a song with Robert Fisher")
                .isEqualTo("Done: friends now find you as \"Rob Fisher\" (send_song name:\"Rob Fisher\").");

        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + other))
                .startsWith("Sent " + FakeMusic.OTHER_SONG.title() + " to Rob Fisher.");
        assertThat(bot.reply("alice", "send_song name:\"robert fisher\" " + other))
                .as("a name he had for a minute, which nobody knew him by")
                .startsWith("I don't know anyone called \"robert fisher\"");
        assertThat(bot.reply("carol", "send_song name:\"Bob Fisher\" " + other))
                .as("only those who knew them: nobody else learns what they were called")
                .startsWith("I don't know anyone called \"Bob Fisher\"");
        assertThat(bot.user("bob").formerNames()).extracting(FormerName::name).containsExactly("Bob Fisher");
    }

    @Test
    void aFriendWhoHadTheNameIsOfferedBesideSomeoneWhoHasItNowAndTheirSongsToldApart() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.reply("bob", "name \"Robert Fisher\"");
        bot.advance(Duration.ofDays(1));
        bot.register("bob2", "Bob Fisher");

        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.OTHER_SONG.id().link()))
                .as("the friend offered under a name not typed says why: the name Alice knew them by")
                .isEqualTo("That name fits 2 people. Which one?\n1. Bob Fisher — joined 2 May 2030\n2. Robert Fisher "
                        + "— you knew them as Bob Fisher, exchanged songs with you, joined 1 May 2030");
        assertThat(bot.reply("bob2", "send_song name:\"Alice Smith\" " + LINK)).startsWith("Sent ");
        assertThat(bot.chat.messages("alice").getLast().text()).isEqualTo("🎵 Bob Fisher sent you a song: " + TITLE
                + "\n⚠️ This Bob Fisher is new to you: not the Bob Fisher you know here, who is now called Robert "
                + "Fisher.");
    }

    @Test
    void aQuestionLeftTooLongIsNoLongerAnswered() {
        bot.register("bob2", "Bob Fisher");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.advance(Duration.ofMinutes(11));

        assertThat(bot.reply("alice", "1")).isEqualTo("I'm not waiting for an answer from you.");
        assertThat(bot.inbox("bob")).isEmpty();
    }

    @Test
    void unknownFriendsAndYourselfGetAClearAnswerAndNothingIsSent() {
        assertThat(bot.reply("alice", "send_song name:\"Zed Nobody\" " + LINK)).isEqualTo("I don't know anyone "
                + "called \"Zed Nobody\". They need to connect Spotify and register with me first: ask them to send me "
                + "a message.");
        assertThat(bot.reply("alice", "send_song name:\"alice smith\" " + LINK)).isEqualTo("That's you! Send songs to "
                + "your friends by their registered name.");
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).isEmpty();
    }

    @Test
    void aTapUnderAnOlderWhichOneQuestionLeavesTheOpenOneWaiting() {
        bot.register("bob2", "bob fisher");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        Choice older = bot.chat.messages("alice").getLast().choices().get(1);
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.OTHER_SONG.id().link());
        Choice newer = bot.chat.messages("alice").getLast().choices().get(1);

        assertThat(bot.reply("alice", older.payload())).as("the open one asked again").startsWith("That tap answered "
                + "an earlier question, so I did nothing.\n2 people are called Bob Fisher. Which one?");
        assertThat(bot.inbox("bob2")).isEmpty();
        assertThat(bot.reply("alice", newer.payload())).startsWith("Sent " + FakeMusic.OTHER_SONG.title()
                + " to bob fisher (joined 1 May 12:00 UTC, the second of the two).");
    }

    @Test
    void aMistypedNameCloseToAContactsIsAskedAboutAndTheTapSendsItWithTheNote() {
        bot.reply("bob", "send_song name:\"Alice Smith\" " + FakeMusic.OTHER_SONG.id().link());

        assertThat(bot.reply("alice", "send_song name:\"Bob Fsiher\" pre:\"the bridge!\" " + LINK))
                .isEqualTo("I don't know anyone called \"Bob Fsiher\". Did you mean Bob Fisher?");
        List<Choice> taps = bot.chat.messages("alice").getLast().choices();
        assertThat(taps).extracting(Choice::title).containsExactly("Bob Fisher", "Invite \"Bob Fsiher\"",
                "Don't send");
        assertThat(bot.reply("alice", "4")).startsWith("Please answer with a number from 1 to 2.\n");

        assertThat(bot.reply("alice", taps.getFirst().payload())).startsWith("Sent " + TITLE + " to Bob Fisher.");
        assertThat(bot.last("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + TITLE + "\n“the bridge!”");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
    }

    @Test
    void theLastTapInvitesTheNameAsTypedAsBefore() {
        bot.reply("bob", "send_song name:\"Alice Smith\" " + FakeMusic.OTHER_SONG.id().link());
        bot.reply("alice", "send_song name:\"Bob Fsiher\" " + LINK);

        assertThat(bot.reply("alice", "2")).isEqualTo(SendSong.nobodyCalled("Bob Fsiher"));
        assertThat(bot.inbox("bob")).noneMatch(text -> text.startsWith("🎵"));
        assertThat(bot.reply("alice", "1")).isEqualTo("I'm not waiting for an answer from you.");
    }

    @Test
    void theInviteTapSendsToWhoeverRegisteredUnderTheTypedNameSinceTheQuestion() {
        bot.reply("bob", "send_song name:\"Alice Smith\" " + FakeMusic.OTHER_SONG.id().link());
        bot.reply("alice", "send_song name:\"Bob Fsiher\" pre:\"the bridge!\" " + LINK);
        bot.register("fsiher", "Bob Fsiher");

        assertThat(bot.reply("alice", "2")).startsWith("Sent " + TITLE + " to Bob Fsiher.");
        assertThat(bot.last("fsiher")).isEqualTo("🎵 Alice Smith sent you a song: " + TITLE + "\n“the bridge!”");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
    }

    @Test
    void theNumberAfterThePeopleOfWhichOneIsItsNoAndInvitesNobody() {
        bot.register("bob2", "Bob Fisher");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);

        assertThat(bot.reply("alice", "3")).isEqualTo("OK, I didn't send it.");
        assertThat(bot.reply("alice", "1")).isEqualTo("I'm not waiting for an answer from you.");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).isEmpty();
    }

    @Test
    void closeContactsAreOfferedClosestFirstAndASingleWordIsComparedWithFirstNames() {
        bot.register("rob", "Rob Fisher");
        bot.register("bobby", "Bobb Marley");
        bot.reply("bob", "send_song name:\"Alice Smith\" " + FakeMusic.OTHER_SONG.id().link());
        bot.reply("rob", "send_song name:\"Alice Smith\" " + FakeMusic.OTHER_SONG.id().link());
        bot.reply("bobby", "send_song name:\"Alice Smith\" " + FakeMusic.OTHER_SONG.id().link());

        assertThat(bot.reply("alice", "send_song name:\"Bob Fishr\" " + LINK)).isEqualTo("I don't know anyone "
                + "called \"Bob Fishr\". Did you mean Bob Fisher or Rob Fisher?");
        assertThat(bot.chat.messages("alice").getLast().choices()).extracting(Choice::title)
                .containsExactly("Bob Fisher", "Rob Fisher", "Invite \"Bob Fishr\"", "Don't send");
        assertThat(bot.reply("alice", "send_song name:Bbo " + LINK)).isEqualTo("I don't know anyone called \"Bbo\". "
                + "Did you mean Bob Fisher?");
        assertThat(bot.reply("alice", "2")).isEqualTo(SendSong.nobodyCalled("Bbo"));
    }

    @Test
    void twoCloseContactsOfOneNameOnTwoPlatformsAreToldApartInDidYouMean() {
        ChatAddress telegramBob = new ChatAddress(Platform.TELEGRAM, "4242");
        bot.register(telegramBob, "Bob Fisher");
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        bot.reply("alice", "1");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        bot.reply("alice", "2");

        assertThat(bot.reply("alice", "send_song name:\"Bob Fsiher\" " + LINK)).isEqualTo("I don't know anyone "
                + "called \"Bob Fsiher\". Did you mean Bob Fisher (on Messenger) or Bob Fisher (on Telegram)?");
        assertThat(bot.chat.messages("alice").getLast().choices()).extracting(Choice::title)
                .containsExactly("Bob · Messenger", "Bob · Telegram", "Invite \"Bob Fsiher\"", "Don't send");
    }

    @Test
    void onlyContactsAreSuggestedAndANameFarFromThemIsAnsweredAsBefore() {
        bot.register("carol", "Carol King");

        assertThat(bot.reply("alice", "send_song name:\"Bob Fsiher\" " + LINK)).as("Bob is no contact of Alice's")
                .isEqualTo(SendSong.nobodyCalled("Bob Fsiher"));
        bot.reply("bob", "send_song name:\"Alice Smith\" " + FakeMusic.OTHER_SONG.id().link());
        bot.reply("carol", "send_song name:\"Alice Smith\" " + FakeMusic.OTHER_SONG.id().link());
        assertThat(bot.reply("alice", "send_song name:\"Bob Fxyzer\" " + LINK)).as("three letters off")
                .isEqualTo(SendSong.nobodyCalled("Bob Fxyzer"));
        assertThat(bot.reply("alice", "send_song name:@bobfsiher " + LINK)).startsWith("Nobody with the username");
        assertThat(bot.reply("alice", "send_song name:\"bob fisher\" " + LINK)).startsWith("Sent ");
    }

    @Test
    void aFriendWhoDisconnectedSpotifyGetsNothing() {
        bot.stores.users().saveUser(bot.user("bob").withGrantState(GrantState.NEEDS_RECONNECT));

        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK)).as("they did not choose it, "
                + "and a page that registers anew is no way back for them").isEqualTo("Bob Fisher's Spotify connection "
                + "has ended, so I couldn't tell when they play it: nothing was sent. Ask them to reconnect (they send "
                + "me connect), then send it again.");
        assertThat(bot.inbox("bob")).isEmpty();
    }

    @Test
    void aFriendOnTelegramWhoseConnectionEndedIsToldToReconnectWithTelegramsCommand() {
        ChatAddress dan = new ChatAddress(Platform.TELEGRAM, "4343");
        bot.register(dan, "Dan Brown");
        bot.stores.users().saveUser(bot.stores.users().findUser(dan).orElseThrow()
                .withGrantState(GrantState.NEEDS_RECONNECT));

        assertThat(bot.reply("alice", "send_song name:\"Dan Brown\" " + LINK)).endsWith("Ask them to reconnect "
                + "(they send me /connect), then send it again.");
    }

    @Test
    void aFriendWhoseLastfmConnectionEndedIsNamedWithLastfm() {
        bot.connectThroughOwnLink(at("bob"), SourceKind.LASTFM, "bobfisher");
        bot.stores.users().saveUser(bot.user("bob").withGrantState(GrantState.NEEDS_RECONNECT));

        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK)).isEqualTo("Bob Fisher's Last.fm "
                + "connection has ended, so I couldn't tell when they play it: nothing was sent. Ask them to reconnect "
                + "(they send me connect), then send it again.");
    }

    @Test
    void aTrackTheCatalogueDoesNotHaveOrCannotCheckNowIsNotSent() {
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" https://open.spotify.com/track/"
                + "0000000000000000000000")).isEqualTo("I couldn't find that track on Spotify. Check the link and try "
                + "again.");
        bot.music.catalogueDown(true);
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK)).isEqualTo("Spotify isn't answering "
                + "right now, so I couldn't check the song. Nothing was sent; please try again in a minute.");

        assertThat(bot.inbox("bob")).isEmpty();
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).isEmpty();
    }

    @Test
    void aMistypedCommandGetsTheProblemAndTapsForAnExampleAndTheMenu() {
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" https://open.spotify.com/album/x"))
                .isEqualTo("That's a Spotify album, and I send one song at a time. Open a song in it, tap Share, then "
                        + "Copy link, and paste that here.");
        assertThat(bot.chat.messages("alice").getLast().choices()).containsExactly(
                new Choice("Show an example", "help send_song"), new Choice("Menu", "menu"));
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\"")).startsWith("To send a song, paste its Spotify "
                + "link here");
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).isEmpty();
    }

    @Test
    void aSongWaitingForSomeoneWhoNeverWritesAgainIsGivenUpAndTheSenderTold() {
        bot.chat.windowCloses("bob");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);

        bot.advance(Outbox.HOLD_LIMIT);

        assertThat(bot.last("alice")).isEqualTo("I couldn't deliver " + TITLE + ": Bob Fisher hasn't written to me in "
                + "14 days, and their chat app doesn't let me write first. I've stopped trying.");
        assertThat(bot.stores.shares().sharesSentBy(at("alice")).getFirst().status())
                .isEqualTo(ShareStatus.UNDELIVERED);
        assertThat(bot.reply("alice", "history")).contains(TITLE + " → Bob Fisher: never delivered");
        bot.chat.windowOpens("bob");
        assertThat(bot.say("bob", "help")).as("nothing left to go out").hasSize(1);
    }
}
