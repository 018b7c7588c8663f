package app.sendsongs.core.group;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.share.SendSong;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.user.GrantState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sending a song to a group: one share per member but the sender, each watched on its own, one summary. */
class GroupSongTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String TITLE = FakeMusic.SONG.title();
    private BotHarness bot;

    @BeforeEach
    void family() {
        bot = new BotHarness();
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.register("carol", "Carol King");
        bot.register("dan", "Dan Brown");
        bot.reply("alice", "create_group Family");
        for (String name : List.of("Bob Fisher", "Carol King", "Dan Brown")) {
            bot.reply("alice", "add_to_group Family \"" + name + "\"");
        }
    }

    @Test
    void everyMemberButTheSenderGetsTheSongWithThePreNote() {
        assertThat(bot.reply("bob", "send_song group:\"family\" pre:\"road trip\" post:\"told you\" " + LINK))
                .isEqualTo("Sent " + TITLE + " to Family (3 people). I'll tell you as each of them plays it, and sum "
                        + "up when all have played it or 7 days have passed.");

        for (String member : List.of("alice", "carol", "dan")) {
            assertThat(bot.last(member)).isEqualTo("🎵 Bob Fisher sent a song to Family: " + TITLE + "\n“road trip”");
            assertThat(bot.chat.messages(member).getLast().card().orElseThrow().link()).hasToString(LINK);
        }
        assertThat(bot.inbox("bob")).noneMatch(text -> text.contains("sent a song"));
        List<Share> sent = bot.stores.shares().sharesSentBy(at("bob"));
        assertThat(sent).hasSize(3).allMatch(s -> s.status() == ShareStatus.WATCHING)
                .extracting(Share::receiver).containsExactlyInAnyOrder(at("alice"), at("carol"), at("dan"));
        String sendId = sent.getFirst().groupSendId().orElseThrow();
        assertThat(sent).allMatch(s -> s.groupSendId().orElseThrow().equals(sendId));
        assertThat(bot.stores.groups().findGroupSend(sendId).orElseThrow().groupName()).isEqualTo("Family");
    }

    @Test
    void aMemberWhoLeavesWhileTheSongIsOnItsWayGetsNoSongAndIsNotCounted() {
        bot.music.duringNextLookup(() -> bot.reply("carol", "leave_group Family"));

        assertThat(bot.say("alice", "send_song group:Family " + LINK).getLast()).startsWith("Sent " + TITLE
                + " to Family (2 people).");

        assertThat(bot.inbox("carol")).noneMatch(text -> text.contains("sent a song to Family"));
        assertThat(bot.last("bob")).startsWith("🎵 Alice Smith sent a song to Family");
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).filteredOn(s -> s.receiver().equals(at("carol")))
                .allMatch(s -> s.status() == ShareStatus.LEFT_GROUP);
    }

    @Test
    void eachPlayIsToldAsItHappensAndReleasesThatMembersPostNoteOnly() {
        bot.reply("alice", "send_song group:Family post:\"told you\" " + LINK);
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.last("alice")).startsWith("🎧 Bob Fisher listened to " + TITLE);
        assertThat(bot.last("bob")).isEqualTo("Alice Smith's note on " + TITLE + ": “told you”");
        assertThat(bot.inbox("carol")).noneMatch(text -> text.contains("told you"));

        bot.play("carol", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        assertThat(bot.inbox("alice")).filteredOn(text -> text.startsWith("🎧 ")).hasSize(2);
        assertThat(bot.last("carol")).contains("told you");
    }

    @Test
    void theSummaryComesOnceWhenEveryMemberHasPlayedOrExpired() {
        bot.reply("alice", "send_song group:Family " + LINK);
        bot.play("bob", FakeMusic.SONG);
        bot.play("carol", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        assertThat(summaries()).isEmpty();

        bot.advance(BotHarness.WATCH_ENDS);

        assertThat(summaries()).containsExactly("2 of 3 played " + TITLE + " (sent to Family).\n"
                + "Not played within 7 days: Dan Brown.");
        assertThat(bot.inbox("alice")).noneMatch(text -> text.contains("not played within"));
        bot.advance(Duration.ofDays(7));
        assertThat(summaries()).hasSize(1);
    }

    @Test
    void everyonePlayingItEndsTheWatchAtOnce() {
        bot.reply("alice", "send_song group:Family " + LINK);
        for (String member : List.of("bob", "carol", "dan")) {
            bot.play(member, FakeMusic.SONG);
        }
        bot.advance(Duration.ofMinutes(5));

        assertThat(summaries()).containsExactly("3 of 3 played " + TITLE + " (sent to Family).");
    }

    @Test
    void membersWhoLeftAndSongsTheSenderCancelledAreNamedButNotCounted() {
        bot.reply("alice", "send_song group:Family " + LINK);
        bot.reply("carol", "leave_group Family");
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).filteredOn(s -> s.status().isOpen())
                .extracting(Share::receiver).containsExactlyInAnyOrder(at("bob"), at("dan"));
        assertThat(bot.reply("alice", "pending")).contains("→ Bob Fisher (in Family): delivered",
                "→ Dan Brown (in Family): delivered");
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        List<String> replies = bot.say("alice", "cancel 2"); // Dan's number in the list she was shown

        assertThat(replies).containsExactly("1 of 1 played " + TITLE + " (sent to Family).\n"
                + "Not counted, no longer in the group: Carol King.\nNot counted, you stopped watching: Dan Brown.",
                "Stopped watching " + TITLE + " for Dan Brown.");
        assertThat(bot.reply("alice", "history")).contains("→ Carol King (in Family): stopped: no longer in the group");
    }

    @Test
    void membersWhoDisconnectedAnotherSourceAreToldWithThatSource() {
        bot.connectThroughOwnLink(at("dan"), SourceKind.LASTFM, "danbrown");
        bot.stores.users().saveUser(bot.user("dan").withGrantState(GrantState.NEEDS_RECONNECT));

        assertThat(bot.reply("alice", "send_song group:Family " + LINK)).endsWith(" Not sent to Dan Brown: they've "
                + "disconnected Last.fm, so I couldn't tell when they play it.");
    }

    @Test
    void membersWhoDisconnectedSpotifyAreSkippedAndNamed() {
        bot.stores.users().saveUser(bot.user("dan").withGrantState(GrantState.NEEDS_RECONNECT));

        assertThat(bot.reply("alice", "send_song group:Family " + LINK)).isEqualTo("Sent " + TITLE + " to Family (2 "
                + "people). I'll tell you as each of them plays it, and sum up when all have played it or 7 days have "
                + "passed. Not sent to Dan Brown: they've disconnected Spotify, so I couldn't tell when they play it.");
        assertThat(bot.inbox("dan")).noneMatch(text -> text.contains("sent a song"));
    }

    @Test
    void aMemberWhoseChatHoldsItIsNamedAndWatchedOnceItArrives() {
        bot.chat.windowCloses("dan");

        assertThat(bot.reply("alice", "send_song group:Family " + LINK)).endsWith("It waits for Dan Brown until they "
                + "next write to me (they haven't lately); I'll start watching then.");
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).filteredOn(s -> s.receiver().equals(at("dan")))
                .singleElement().extracting(Share::status).isEqualTo(ShareStatus.HELD);

        bot.chat.windowOpens("dan");
        bot.say("dan", "hi");
        assertThat(bot.inbox("dan")).anyMatch(text -> text.startsWith("🎵 Alice Smith sent a song to Family"));
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).allMatch(s -> s.status() == ShareStatus.WATCHING);
    }

    @Test
    void aMemberHeldByTheirChatsRuleIsNamedWithTheLinkThatReleasesItTheMomentTheyTapIt() {
        bot.chat.linksTo("https://m.me/page?ref=");
        bot.chat.windowCloses("dan");

        assertThat(bot.reply("alice", "send_song group:Family " + LINK)).isEqualTo("Sent " + TITLE + " to Family (3 "
                + "people). I'll tell you as each of them plays it, and sum up when all have played it or 7 days have "
                + "passed. Their chat app won't let me deliver it to Dan Brown just now (they haven't written to me "
                + "lately). Send them this link: https://m.me/page?ref=songs\nIt goes out the moment they tap it, and "
                + "I'll start watching then.");

        bot.chat.windowOpens("dan");
        bot.handle(new Inbound.OpenedLink(bot.nextEventId(), at("dan"), bot.clock.instant(), SendSong.HELD_SONGS_REF));
        assertThat(bot.inbox("dan")).anyMatch(text -> text.startsWith("🎵 Alice Smith sent a song to Family"));
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).allMatch(s -> s.status() == ShareStatus.WATCHING);
    }

    @Test
    void aMemberStillWaitingForTheSameSongIsNotSaidToHaveItAlready() {
        bot.chat.windowCloses("dan");
        bot.reply("alice", "send_song name:\"Dan Brown\" " + LINK);
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);

        assertThat(bot.reply("alice", "send_song group:Family " + LINK)).isEqualTo("Sent " + TITLE + " to Family (1 "
                + "person). I'll tell you when they play it, or if they haven't within 7 days. Bob Fisher already has it "
                + "from you and I'm still watching, so I didn't send it again. It "
                + "hasn't reached Dan Brown yet from your earlier send, so I didn't send it again.");
    }

    @Test
    void inABigGroupTheHeldMembersAreCappedTheLinkGivenOnceAndWhoBlockedTheBotNamedApart() {
        bot.chat.linksTo("https://m.me/page?ref=");
        List<String> held = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            String name = "Member " + (char) ('A' + i - 1) + " Withaverylongfamilyname";
            bot.register("m" + i, name);
            bot.reply("alice", "add_to_group Family \"" + name + "\"");
            bot.chat.windowCloses("m" + i);
            held.add(name);
        }
        bot.chat.windowCloses("bob");
        bot.chat.blocks("carol");

        String told = bot.reply("alice", "send_song group:Family " + LINK);

        String shown = told.substring(told.indexOf("deliver it to ") + "deliver it to ".length(),
                told.indexOf(" and 4 more just now"));
        held.add("Bob Fisher");
        assertThat(shown.split(", ")).hasSize(10).allMatch(held::contains);
        assertThat(told).contains(" and 4 more just now (they haven't written to me lately). Send each of them this "
                + "link: https://m.me/page?ref=songs\nIt goes out the moment they tap it")
                .contains(" I couldn't deliver it to Carol King: they've blocked me or stopped me in their chat app.")
                .hasSizeLessThan(2000);
        assertThat(told.split("https://m\\.me/", -1)).as("the link once").hasSize(2);
    }

    @Test
    void aGroupWithNobodyElseOrAnUnknownTrackSendsNothing() {
        bot.reply("bob", "create_group Solo");
        assertThat(bot.reply("bob", "send_song group:Solo " + LINK)).isEqualTo("Nobody else is in Solo yet. Add "
                + "people with: add_to_group Solo \"<full name>\"");
        assertThat(bot.reply("alice", "send_song group:Family https://open.spotify.com/track/0000000000000000000000"))
                .isEqualTo("I couldn't find that track on Spotify. Check the link and try again.");
        assertThat(bot.reply("alice", "send_song group:Friends " + LINK)).isEqualTo("You're not in a group called "
                + "\"Friends\". Your groups: Family.");
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).isEmpty();
        assertThat(bot.stores.shares().sharesSentBy(at("bob"))).isEmpty();
    }

    private List<String> summaries() {
        return bot.inbox("alice").stream().filter(text -> text.matches("(?s)\\d+ of \\d+ played .*")).toList();
    }
}
