package app.sendsongs.core.share;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.SendSongs;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.music.Track;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** No repeats, names as friends use them, and a sender's limits. */
class SendingRulesTest {
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
    void theSameSongToTheSamePersonWhileWatchedIsAlreadySent() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        int bobBefore = bot.inbox("bob").size();

        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK)).isEqualTo("You already sent " + TITLE
                + " to Bob Fisher (just now), and I'm still watching for it, so I didn't send it again.");
        assertThat(bot.inbox("bob")).hasSize(bobBefore);

        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK)).as("once played, it may go again")
                .startsWith("Sent ");
    }

    @Test
    void theSameSongAgainWhileItWaitsForThemSaysItHasNotReachedThemAndGivesTheLinkAgain() {
        bot.chat.linksTo("https://m.me/page?ref=");
        bot.chat.windowCloses("bob");
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK)).contains("won't let me deliver");

        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK)).isEqualTo("You already sent " + TITLE
                + " to Bob Fisher (just now). It hasn't reached them yet, so I didn't send it again: it goes "
                + "out the moment they tap this link: https://m.me/page?ref=songs");
        bot.chat.linksTo(null);
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK)).endsWith("It hasn't reached them "
                + "yet, so I didn't send it again: it goes out as soon as they write to me.");
        assertThat(bot.inbox("bob")).noneMatch(text -> text.contains(TITLE));
    }

    @Test
    void theSenderOfASongThatWaitedForThemToWriteIsToldWhenItGoesOut() {
        bot.chat.linksTo("https://m.me/page?ref=");
        bot.chat.windowCloses("bob");
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK)).contains("won't let me deliver");
        bot.advance(Duration.ofHours(3));
        int aliceBefore = bot.inbox("alice").size();

        bobWrites("hi");

        assertThat(bot.inbox("bob")).anyMatch(text -> text.contains(TITLE));
        assertThat(bot.inbox("alice").subList(aliceBefore, bot.inbox("alice").size())).containsExactly("📬 Bob Fisher "
                + "wrote to me, so " + TITLE + " is going out to them now (you sent it 3 h ago). I'll tell you when "
                + "they play it.");
        bobWrites("hi");
        assertThat(bot.inbox("alice")).as("told once").hasSize(aliceBefore + 1);
    }

    @Test
    void theSenderOfASongThatWaitedIsToldTheReceiverIsBackWhenTheyOpenedTheLinkOrTappedWithoutWriting() {
        bot.chat.linksTo("https://m.me/page?ref=");
        bot.chat.windowCloses("bob");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        int aliceBefore = bot.inbox("alice").size();

        bot.handle(new Inbound.OpenedLink(bot.nextEventId(), at("bob"), bot.clock.instant(), SendSong.HELD_SONGS_REF));

        assertThat(bot.inbox("alice").subList(aliceBefore, bot.inbox("alice").size())).containsExactly("📬 Bob Fisher "
                + "is back in the chat, so " + TITLE + " is going out to them now (you sent it just now). I'll tell "
                + "you when they play it.");
        bot.chat.windowCloses("bob");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.OTHER_SONG.id().link());
        bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), at("bob"), bot.clock.instant(), "menu", "Menu"));
        assertThat(bot.inbox("alice").getLast()).startsWith("📬 Bob Fisher is back in the chat, so "
                + FakeMusic.OTHER_SONG.title());
    }

    @Test
    void cutShortAfterTellingTheSenderAndBeforeTheSongWentTheSenderIsToldOnceAndTheSongGoesOnce() {
        bot.chat.windowCloses("bob");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        int aliceBefore = bot.inbox("alice").size();
        Inbound hi = new Inbound.Text(bot.nextEventId(), at("bob"), bot.clock.instant(), "hi");
        bot.chat.diesOnSend(2, false); // Alice's notice goes, then the process dies sending Bob's song

        assertThatThrownBy(() -> bot.handle(hi)).isInstanceOf(RecordingChat.ProcessDied.class);
        bot.chat.windowOpens("bob"); // his message opened his window, as Messenger's does
        bot.handle(hi);
        bot.advance(SendSongs.Settings.LEASE);

        assertThat(bot.inbox("alice").subList(aliceBefore, bot.inbox("alice").size())).singleElement().asString()
                .startsWith("📬 Bob Fisher wrote to me");
        assertThat(bot.inbox("bob")).filteredOn(text -> text.contains(TITLE)).hasSize(1);
    }

    @Test
    void aSongThatWentOutAtOnceTellsItsSenderNothingMoreWhenTheyWrite() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        int aliceBefore = bot.inbox("alice").size();
        bot.advance(Duration.ofMinutes(5));

        bobWrites("hi");

        assertThat(bot.inbox("bob")).anyMatch(text -> text.contains(TITLE));
        assertThat(bot.inbox("alice")).hasSize(aliceBefore);
    }

    @Test
    void aLongNameQuotedBackIsCutBetweenCharactersAsPeopleSeeThem() {
        assertThat(bot.reply("alice", "block Konstantina Papadopoulou-Georgiou from Thessaloniki, Greece\ud83c\udf38 x"))
                .isEqualTo("I don't know anyone called \"Konstantina Papadopoulou-Georgiou from Thessaloniki, "
                        + "Greece\u2026\" who sent you songs.");
        assertThat(bot.reply("alice", "block Priya Kumari Sharma from Thiruvananthapuram, Kerala, India "
                + "\u0939\u093f\u0928\u094d\u0926\u0940")).isEqualTo("I don't know anyone called \"Priya Kumari "
                + "Sharma from Thiruvananthapuram, Kerala, India\u2026\" who sent you songs.");
    }

    @Test
    void aFirstNameIsEnoughForOneContactAndAskedAboutForTwo() {
        bot.register("bob2", "Bob Marley");
        bot.register("stranger", "Bob Dylan");
        assertThat(bot.reply("alice", "send_song name:\"Bob\" " + LINK)).as("nobody is a contact yet")
                .startsWith("I don't know anyone called \"Bob\"");

        bot.reply("bob", "send_song name:\"Alice Smith\" " + FakeMusic.OTHER_SONG.id().link());
        assertThat(bot.reply("alice", "send_song to:bob " + LINK)).startsWith("Sent " + TITLE + " to Bob Fisher.");

        bot.reply("alice", "create_group Band");
        bot.reply("alice", "add_to_group Band \"Bob Marley\"");
        assertThat(bot.reply("alice", "send_song Bob " + FakeMusic.OTHER_SONG.id().link())).isEqualTo("That name fits "
                + "2 people. Which one?\n1. Bob Fisher — exchanged songs with you, joined 1 May 2030\n2. Bob Marley — in Band with "
                + "you, joined 1 "
                + "May 2030");
        assertThat(bot.reply("alice", "2")).startsWith("Sent " + FakeMusic.OTHER_SONG.title() + " to Bob Marley.");
        assertThat(bot.inbox("stranger")).isEmpty();
    }

    @Test
    void theFirstNameOfANameStartingWithAnEmojiIsItsFirstWordWithALetter() {
        bot.register("ana", "\ud83c\udf38 Ana Silva");
        bot.reply("ana", "send_song name:\"Alice Smith\" " + FakeMusic.OTHER_SONG.id().link());

        assertThat(bot.reply("alice", "send_song Ana " + LINK)).startsWith("Sent " + TITLE + " to \ud83c\udf38 Ana Silva.");
        assertThat(bot.reply("ana", "menu")).startsWith("Hi Ana!");
    }

    @Test
    void aNameWithInvisibleOrDirectionCharactersIsRefused() {
        assertThat(bot.reply("alice", "create_group \"Fam\u202Eily\"")).startsWith("The group name has invisible or "
                + "text-direction characters in it");
        assertThat(bot.reply("alice", "create_group \"Fam\u200Bily\"")).startsWith("The group name has invisible");
        assertThat(bot.stores.groups().groupsOf(at("alice"))).isEmpty();
    }

    @Test
    void songsPerHourAreLimitedAndTheReplySaysWhen() {
        BotHarness limited = new BotHarness(new SendLimits(2, 10, 20));
        limited.register("alice", "Alice Smith");
        limited.register("bob", "Bob Fisher");
        limited.register("carol", "Carol King");
        limited.reply("alice", "send_song name:\"Bob Fisher\" " + track(limited, 1).id().link());
        limited.advance(Duration.ofMinutes(10));
        limited.reply("alice", "send_song name:\"Carol King\" " + track(limited, 2).id().link());

        assertThat(limited.reply("alice", "send_song name:\"Bob Fisher\" " + track(limited, 3).id().link()))
                .isEqualTo("You've sent 2 songs in the last hour, the most I pass on in an hour. You can send again "
                        + "in 50 min.");
        limited.advance(Duration.ofMinutes(51));
        assertThat(limited.reply("alice", "send_song name:\"Bob Fisher\" " + track(limited, 3).id().link()))
                .startsWith("Sent ");
    }

    @Test
    void songsToOneFriendADayAreLimited() {
        BotHarness limited = new BotHarness(new SendLimits(100, 2, 20));
        limited.register("alice", "Alice Smith");
        limited.register("bob", "Bob Fisher");
        limited.register("carol", "Carol King");
        limited.reply("alice", "send_song name:\"Bob Fisher\" " + track(limited, 1).id().link());
        limited.reply("alice", "send_song name:\"Bob Fisher\" " + track(limited, 2).id().link());

        assertThat(limited.reply("alice", "send_song name:\"Bob Fisher\" " + track(limited, 3).id().link()))
                .isEqualTo("You've sent Bob Fisher 2 songs in the last 24 hours, the most one friend gets from one "
                        + "person in a day. You can send them another in 1 day.");
        assertThat(limited.reply("alice", "send_song name:\"Carol King\" " + track(limited, 3).id().link()))
                .startsWith("Sent ");
        assertThat(limited.stores.shares().sharesSentBy(at("alice"))).hasSize(3);
    }

    @Test
    void aGroupSongCountsOnceAnHour() {
        BotHarness limited = new BotHarness(new SendLimits(2, 10, 20));
        limited.register("alice", "Alice Smith");
        for (String member : new String[] {"bob", "carol", "dan"}) {
            limited.register(member, member);
        }
        limited.reply("alice", "create_group Family");
        for (String member : new String[] {"bob", "carol", "dan"}) {
            limited.reply("alice", "add_to_group Family " + member);
        }

        assertThat(limited.reply("alice", "send_song group:Family " + track(limited, 1).id().link()))
                .startsWith("Sent ");
        assertThat(limited.reply("alice", "send_song group:Family " + track(limited, 2).id().link()))
                .startsWith("Sent ");
        assertThat(limited.reply("alice", "send_song group:Family " + track(limited, 3).id().link()))
                .startsWith("You've sent 2 songs in the last hour");
    }

    @Test
    void aPastedSongOverTheDailyLimitForOneFriendIsKeptWithItsNoteToSendToSomeoneElse() {
        BotHarness limited = new BotHarness(new SendLimits(100, 1, 20));
        limited.register("alice", "Alice Smith");
        limited.register("bob", "Bob Fisher");
        limited.register("carol", "Carol King");
        limited.reply("alice", "send_song name:\"Bob Fisher\" " + track(limited, 1).id().link());
        Track second = track(limited, 2);
        limited.reply("alice", second.id().link());
        assertThat(limited.reply("alice", "Bob Fisher")).startsWith("Send " + second.title());
        tap(limited, "note");
        limited.reply("alice", "you'll love the bridge");

        assertThat(tap(limited, "send")).isEqualTo("You've sent Bob Fisher 1 song in the last 24 hours, the most one "
                + "friend gets from one person in a day. You can send them another in 1 day.\nI've kept "
                + second.title() + " and your note for the next hour, so you can send it to someone else.");
        assertThat(limited.chat.messages("alice").getLast().choices()).extracting(Choice::title)
                .containsExactly("Someone else", "Don't send");

        tap(limited, "to");
        assertThat(limited.reply("alice", "Carol King")).startsWith("Send " + second.title() + " to Carol King?")
                .contains("you'll love the bridge");
        assertThat(tap(limited, "send")).startsWith("Sent " + second.title() + " to Carol King.");
        assertThat(limited.inbox("carol")).anySatisfy(text -> assertThat(text).contains("you'll love the bridge"));
    }

    @Test
    void aPastedSongOverTheHourlyLimitIsKeptToSendOnceTheHourIsOver() {
        BotHarness limited = new BotHarness(new SendLimits(1, 10, 20));
        limited.register("alice", "Alice Smith");
        limited.register("bob", "Bob Fisher");
        limited.reply("alice", "send_song name:\"Bob Fisher\" " + track(limited, 1).id().link());
        limited.advance(Duration.ofMinutes(20));
        Track second = track(limited, 2);
        limited.reply("alice", second.id().link());
        limited.reply("alice", "Bob Fisher");

        assertThat(tap(limited, "send")).isEqualTo("You've sent 1 song in the last hour, the most I pass on in an hour. "
                + "You can send again in 40 min.\nI've kept " + second.title() + " for the next hour, so you can send "
                + "it once you can send again.");
        assertThat(limited.chat.messages("alice").getLast().choices()).extracting(Choice::title)
                .containsExactly("Send", "Don't send");
        limited.advance(Duration.ofMinutes(41));
        assertThat(tap(limited, "send")).startsWith("Sent " + second.title() + " to Bob Fisher.");
    }

    /** Alice taps the button carrying {@code words} under her open "Send it to …?", keyed to her share. */
    private static String tap(BotHarness harness, String words) {
        String key = harness.stores.drafts().findDraft(at("alice")).orElseThrow().key();
        List<String> replies = harness.handle(new Inbound.ChoiceTapped(harness.nextEventId(), at("alice"),
                harness.clock.instant(), words + " #" + key, words));
        assertThat(replies).hasSize(1);
        return replies.getFirst();
    }

    private static Track track(BotHarness harness, int n) {
        Track track = FakeMusic.track("0000000000000000000" + (100 + n), "Song " + n, "Band");
        harness.music.add(track);
        return track;
    }

    private void bobWrites(String text) {
        bot.handle(new Inbound.Text(bot.nextEventId(), at("bob"), bot.clock.instant(), text));
    }
}
