package app.sendsongs.core.share;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.command.Help;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.watch.WatchSchedule;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a person sent: {@code pending}, {@code history} and {@code cancel}, through the bot on fakes. */
class SentSongsTest {
    private static final String SONG = FakeMusic.SONG.title();
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
    void beforeSendingAnythingThereIsNothingToListOrCancel() {
        assertThat(bot.reply("alice", "pending")).isEqualTo("Nothing pending: none of the songs you sent is being "
                + "watched.");
        assertThat(bot.reply("alice", "history")).isEqualTo("You haven't sent any songs yet.\n"
                + Help.usage("send_song"));
        assertThat(bot.reply("alice", "cancel")).isEqualTo("There is nothing to cancel: no song you sent is being "
                + "watched.");
    }

    @Test
    void pendingListsTheOpenSongsOldestFirstWithWhereTheyStand() {
        send("Bob Fisher", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(1));
        bot.chat.windowCloses("carol");
        send("Carol King", FakeMusic.OTHER_SONG);

        assertThat(bot.reply("alice", "pending")).isEqualTo("Songs you sent that are being watched:\n"
                + "1. " + SONG + " → Bob Fisher: delivered 1 min ago, watching for 7 more days\n"
                + "2. " + OTHER + " → Carol King: waiting to be delivered (sent just now)\n"
                + "Stop one with: cancel <number>");
    }

    /**
     * The watch period runs on while the friend's connection has ended (the song still ends, "not played" with the
     * caveat, unless they reconnect in time): "watching paused" read as a clock stopped until they reconnect.
     */
    @Test
    void pendingSaysHowLongWatchingGoesOnWhileTheFriendsListeningConnectionHasEnded() {
        send("Bob Fisher", FakeMusic.SONG);
        bot.music.revoke(at("bob"));
        bot.advance(Duration.ofMinutes(5));
        String song = "1. " + SONG + " → Bob Fisher: ";

        assertThat(bot.reply("alice", "pending")).contains(song + "delivered 5 min ago, watching for 7 more days, "
                + "but I can't see their plays until they reconnect\n");

        bot.advance(Duration.ofDays(7).plusMinutes(25));
        assertThat(bot.reply("alice", "pending")).contains(song + "delivered 7 days ago, watching ended 30 min ago; "
                + "last check for late plays soon, but I can't see their plays until they reconnect\n");
    }

    /** Between the end of the watch period and the song's last check, a grace period later, no watching is left. */
    @Test
    void pendingSaysALastCheckIsComingOnceTheWatchPeriodIsOverAndDropsTheSongAfterIt() {
        send("Bob Fisher", FakeMusic.SONG);
        String song = "1. " + SONG + " → Bob Fisher: ";

        bot.advance(Duration.ofDays(6));
        assertThat(bot.reply("alice", "pending")).contains(song + "delivered 6 days ago, watching for 1 more day\n");

        bot.advance(Duration.ofDays(1).plusMinutes(30));
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).singleElement().extracting(Share::status)
                .as("not settled before its last check").isEqualTo(ShareStatus.WATCHING);
        assertThat(bot.reply("alice", "pending")).contains(song + "delivered 7 days ago"
                + ", watching ended 30 min ago; last check for late plays soon\n");

        bot.advance(WatchSchedule.DEFAULT_GRACE);
        assertThat(bot.reply("alice", "pending")).startsWith("Nothing pending");
        assertThat(bot.reply("alice", "history")).contains(SONG + " → Bob Fisher: not played in time");
    }

    @Test
    void historyShowsTheLatestSongsNewestFirstWithHowTheyEnded() {
        send("Bob Fisher", FakeMusic.SONG);
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        send("Carol King", FakeMusic.SONG);
        bot.advance(BotHarness.WATCH_ENDS);
        send("Carol King", FakeMusic.OTHER_SONG);
        bot.reply("alice", "cancel 1");

        assertThat(bot.reply("alice", "history")).isEqualTo("Your latest songs:\n"
                + "• " + OTHER + " → Carol King: cancelled\n"
                + "• " + SONG + " → Carol King: not played in time\n"
                + "• " + SONG + " → Bob Fisher: played 7 days ago");
    }

    /** More songs than a message has taps for: the list says any can be cancelled by its number, and how. */
    @Test
    void withTwentyPendingSongsTheTapsCoverTheFirstTwelveAndTheListSaysHowToCancelAnyOfThem() {
        for (int i = 0; i < 20; i++) {
            Track song = FakeMusic.track("4uLU6hMCjMI75M1A2tKU" + (10 + i), "Song " + i, "Band");
            bot.music.add(song);
            send("Bob Fisher", song);
            bot.advance(Duration.ofHours(3)); // within one friend's daily limit
        }

        List<String> list = bot.reply("alice", "pending").lines().toList();
        assertThat(list).hasSize(22);
        assertThat(list.getLast()).isEqualTo("Stop one with: cancel <number> (any of 1 to 20; the taps below "
                + "cover 1 to 12)");
        assertThat(bot.chat.messages("alice").getLast().choices()).hasSize(Message.MAX_CHOICES)
                .extracting(Choice::title).endsWith("Cancel 12", "Cancel all");
        String seventeenth = list.get(17).substring("17. ".length(), list.get(17).indexOf(" → "));
        assertThat(bot.reply("alice", "cancel 17")).isEqualTo("Stopped watching " + seventeenth + " for Bob Fisher.");
    }

    /** Ten songs a page, newest first; the older ones were out of reach ("history takes nothing after it"). */
    @Test
    void historyShowsTenSongsAndTheOlderOnesAreATapAway() {
        for (int i = 0; i < 12; i++) {
            Track song = FakeMusic.track("4uLU6hMCjMI75M1A2tKU" + (10 + i), "Song " + i, "Band");
            bot.music.add(song);
            send("Bob Fisher", song);
            bot.advance(Duration.ofHours(3)); // within one friend's daily limit
        }

        List<String> latest = bot.reply("alice", "history").lines().toList();
        assertThat(latest.getFirst()).isEqualTo("Your latest songs:");
        assertThat(latest.subList(1, latest.size())).hasSize(10).allMatch(line -> line.startsWith("• "));
        assertThat(latest.get(1)).startsWith("• Song 11 by Band → Bob Fisher: ");
        assertThat(latest.getLast()).startsWith("• Song 2 by Band → Bob Fisher: ");
        assertThat(bot.chat.messages("alice").getLast().choices()).containsExactly(new Choice("Older songs",
                "history 2"));

        List<String> older = bot.reply("alice", "history 2").lines().toList();
        assertThat(older).hasSize(3);
        assertThat(older.getFirst()).isEqualTo("Your songs before those (11 to 12):");
        assertThat(older.get(1)).startsWith("• Song 1 by Band → Bob Fisher: ");
        assertThat(older.get(2)).startsWith("• Song 0 by Band → Bob Fisher: ");
        assertThat(bot.chat.messages("alice").getLast().choices()).isEmpty();

        assertThat(bot.reply("alice", "history 3")).isEqualTo("You've sent 12 songs, so there are none that far back. "
                + "See the latest with: history");
    }

    /**
     * A cancel is undone by sending the song again: the friend already has it, so it is watched again rather than sent
     * twice, and a play since its delivery (while it was not watched) still counts.
     */
    @Test
    void aSongSentAgainAfterItsCancelIsWatchedAgainNotSentTwice() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" post:\"told you\" " + FakeMusic.SONG.id().link());
        bot.reply("alice", "cancel");
        bot.advance(Duration.ofHours(1));
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofHours(1));
        int bobsMessages = bot.inbox("bob").size();

        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.SONG.id().link()))
                .isEqualTo("Bob Fisher already has " + SONG + " (you sent it 2 h ago and stopped watching it), so I "
                        + "didn't send it again: I'm watching for it again, for 7 more days.");

        assertThat(bot.inbox("bob")).as("not sent twice").hasSize(bobsMessages);
        bot.advance(Duration.ofMinutes(5));
        assertThat(bot.inbox("alice").getLast()).startsWith("🎧 Bob Fisher listened to " + SONG);
        assertThat(bot.inbox("bob").getLast()).contains("told you");
        assertThat(bot.reply("alice", "history")).contains(SONG + " → Bob Fisher: played 1 h ago");
    }

    /**
     * A send again cut short (the process died) after the song was watched again, before its check was planned: the
     * song handled again, or sent once more, finds it watched and plans the check it lacks, so it cannot stay watched
     * with nothing ever checking it.
     */
    @Test
    void aSongWatchedAgainWhoseCheckWasNeverPlannedGetsOneWhenSentOnceMore() {
        send("Bob Fisher", FakeMusic.SONG);
        bot.reply("alice", "cancel");
        bot.advance(Duration.ofMinutes(10));
        Share cancelled = bot.stores.shares().sharesSentBy(at("alice")).getFirst();
        assertThat(bot.stores.shares().updateShare(cancelled.watchedAgain(), ShareStatus.CANCELLED)).isTrue();
        bot.stores.watches().deleteWatch(at("bob"));

        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.SONG.id().link()))
                .startsWith("You already sent " + SONG + " to Bob Fisher");
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.inbox("alice").getLast()).startsWith("🎧 Bob Fisher listened to " + SONG);
    }

    /**
     * As sent to the friend alone: a song cancelled after it reached a member and sent again to their group is watched
     * again for them rather than sent twice, and a play since its delivery still counts; the others get it.
     */
    @Test
    void aSongSentAgainThroughAGroupAfterItsCancelIsWatchedAgainForThatMember() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" post:\"told you\" " + FakeMusic.SONG.id().link());
        bot.reply("alice", "cancel");
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        bot.reply("alice", "add_to_group Family \"Carol King\"");
        bot.advance(Duration.ofHours(1));
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofHours(1));
        int bobsMessages = bot.inbox("bob").size();

        assertThat(bot.reply("alice", "send_song group:Family " + FakeMusic.SONG.id().link()))
                .isEqualTo("Sent " + SONG + " to Family (1 person). I'll tell you when they play it, or if they "
                        + "haven't within 7 days. Bob Fisher already has it from you (you stopped watching it), so I "
                        + "didn't send it again: I'm watching for it again.");

        assertThat(bot.inbox("bob")).as("not sent twice").hasSize(bobsMessages);
        assertThat(bot.inbox("carol").getLast()).startsWith("🎵 Alice Smith sent a song to Family: " + SONG);
        bot.advance(Duration.ofMinutes(5));
        assertThat(bot.inbox("alice")).anyMatch(text -> text.startsWith("🎧 Bob Fisher listened to " + SONG));
        assertThat(bot.inbox("bob").getLast()).contains("told you");
        assertThat(bot.reply("alice", "history")).contains(SONG + " → Bob Fisher: played 1 h ago");
    }

    /** Sent again to a group of which they alone have it, nothing new goes, and the cancel is undone all the same. */
    @Test
    void aSongSentAgainToAGroupWhoseOnlyOtherMemberHadItCancelledIsWatchedAgainAndSentToNobody() {
        send("Bob Fisher", FakeMusic.SONG);
        bot.reply("alice", "cancel");
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");

        assertThat(bot.reply("alice", "send_song group:Family " + FakeMusic.SONG.id().link()))
                .isEqualTo("Nothing was sent to Family. Bob Fisher already has it from you (you stopped watching it), "
                        + "so I didn't send it again: I'm watching for it again.");
        assertThat(bot.reply("alice", "pending")).contains(SONG + " → Bob Fisher: delivered just now, watching for 7 "
                + "more days");
    }

    /** As {@link #aSongWatchedAgainWhoseCheckWasNeverPlannedGetsOneWhenSentOnceMore}, for a send to a group. */
    @Test
    void aSongWatchedAgainThroughAGroupWhoseCheckWasNeverPlannedGetsOneWhenSentOnceMore() {
        send("Bob Fisher", FakeMusic.SONG);
        bot.reply("alice", "cancel");
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        bot.advance(Duration.ofMinutes(10));
        Share cancelled = bot.stores.shares().sharesSentBy(at("alice")).getFirst();
        assertThat(bot.stores.shares().updateShare(cancelled.watchedAgain(), ShareStatus.CANCELLED)).isTrue();
        bot.stores.watches().deleteWatch(at("bob"));

        assertThat(bot.reply("alice", "send_song group:Family " + FakeMusic.SONG.id().link()))
                .startsWith("Nothing was sent to Family. Bob Fisher already has it from you and I'm still watching");
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.inbox("alice").getLast()).startsWith("🎧 Bob Fisher listened to " + SONG);
    }

    /** Once its watch would have ended, a song sent again is a new send (a reminder), as after it expired. */
    @Test
    void aSongCancelledLongerAgoThanAWatchIsSentAgain() {
        send("Bob Fisher", FakeMusic.SONG);
        bot.reply("alice", "cancel");
        bot.advance(BotHarness.WATCH_ENDS);
        int bobsMessages = bot.inbox("bob").size();

        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.SONG.id().link()))
                .startsWith("Sent ");
        assertThat(bot.inbox("bob")).hasSizeGreaterThan(bobsMessages);
    }

    @Test
    void theOnlyPendingSongIsCancelledWithoutANumber() {
        send("Bob Fisher", FakeMusic.SONG);

        assertThat(bot.reply("alice", "cancel")).isEqualTo("Stopped watching " + SONG + " for Bob Fisher.");

        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).singleElement().extracting(Share::status)
                .isEqualTo(ShareStatus.CANCELLED);
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        assertThat(bot.inbox("alice")).noneMatch(text -> text.startsWith("🎧"));
    }

    @Test
    void aNumberPastTheOnlyPendingSongSaysThereIsJustOne() {
        send("Bob Fisher", FakeMusic.SONG);
        bot.reply("alice", "pending");

        assertThat(bot.reply("alice", "cancel 5")).isEqualTo("There is no number 5 in your pending list: it has "
                + "only 1.");
    }

    @Test
    void withSeveralPendingSongsCancelAsksWhichAndTakesANumberOrAll() {
        send("Bob Fisher", FakeMusic.SONG);
        send("Carol King", FakeMusic.OTHER_SONG);

        assertThat(bot.reply("alice", "cancel")).startsWith("You have 2 songs pending. Say which: cancel <number> or "
                + "cancel all.\nSongs you sent that are being watched:\n1. " + SONG);
        List<Choice> taps = bot.chat.messages("alice").getLast().choices();
        assertThat(taps).as("the pending list's taps, as under pending").extracting(Choice::title)
                .containsExactly("Cancel 1", "Cancel 2", "Cancel all");
        assertThat(bot.reply("alice", "cancel 3")).isEqualTo("There is no number 3 in your pending list (1 to 2).");
        assertThat(bot.chat.messages("alice").getLast().choices()).isEqualTo(taps);
        assertThat(bot.reply("alice", taps.get(1).payload())).isEqualTo("Stopped watching " + OTHER + " for Carol "
                + "King.");
        send("Carol King", FakeMusic.OTHER_SONG);
        assertThat(bot.reply("alice", "cancel all")).isEqualTo("Stopped watching 2 songs.");
        assertThat(bot.reply("alice", "pending")).startsWith("Nothing pending");
    }

    @Test
    void aCancelTapFromAnOlderPendingListStopsTheSongItWasShownFor() {
        send("Bob Fisher", FakeMusic.SONG);
        send("Carol King", FakeMusic.OTHER_SONG);
        send("Bob Fisher", FakeMusic.OTHER_SONG);
        bot.reply("alice", "pending");
        List<String> taps = bot.chat.messages("alice").getLast().choices().stream().map(Choice::payload).toList();
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.reply("alice", taps.get(1))).isEqualTo("Stopped watching " + OTHER + " for Carol King.");
        assertThat(bot.reply("alice", taps.get(0))).isEqualTo("That song isn't being watched any more; see history.");
        assertThat(bot.reply("alice", "pending")).contains("1. " + OTHER + " → Bob Fisher: delivered")
                .doesNotContain("2. ");
    }

    /** The list changed since it was shown: a typed number still means the song shown at that number. */
    @Test
    void aTypedNumberStopsTheSongTheListShownAtThatNumberOrSaysItIsNoLongerPending() {
        send("Bob Fisher", FakeMusic.SONG);
        send("Carol King", FakeMusic.OTHER_SONG);
        send("Bob Fisher", FakeMusic.OTHER_SONG);
        bot.reply("alice", "pending");
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.reply("alice", "cancel 2")).isEqualTo("Stopped watching " + OTHER + " for Carol King.");
        assertThat(bot.reply("alice", "cancel 1")).startsWith("Number 1 in the list I showed you isn't pending any "
                + "more, so I cancelled nothing: " + SONG + " → Bob Fisher: played ")
                .endsWith("\nSee the list as it is now: pending");
        assertThat(bot.reply("alice", "cancel #2")).isEqualTo("Number 2 in the list I showed you isn't pending any "
                + "more, so I cancelled nothing: " + OTHER + " → Carol King: cancelled\nSee the list as it is now: "
                + "pending");
        assertThat(bot.reply("alice", "cancel 4")).isEqualTo("There is no number 4 in your pending list (1 to 3).");
        assertThat(bot.chat.messages("alice").getLast().choices()).as("the taps of the songs still pending, numbered "
                + "as shown: Messenger shows them under the newest message only").extracting(Choice::title)
                .containsExactly("Cancel 3");
        assertThat(bot.reply("alice", "cancel 3")).isEqualTo("Stopped watching " + OTHER + " for Bob Fisher.");
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).extracting(Share::status)
                .containsExactlyInAnyOrder(ShareStatus.PLAYED, ShareStatus.CANCELLED, ShareStatus.CANCELLED);
    }

    @Test
    void aTypedNumberWithNoListShownCountsInTheListAsItIsNow() {
        send("Bob Fisher", FakeMusic.SONG);
        send("Carol King", FakeMusic.OTHER_SONG);
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.reply("alice", "cancel 1")).isEqualTo("Stopped watching " + OTHER + " for Carol King.");
    }

    @Test
    void aListShownSoLongAgoThatNoSongOnItCanStillBePendingIsForgotten() {
        send("Bob Fisher", FakeMusic.SONG);
        bot.reply("alice", "pending");
        bot.advance(Outbox.HOLD_LIMIT.plus(BotHarness.WATCH_ENDS).plusMinutes(1));
        send("Carol King", FakeMusic.OTHER_SONG);

        assertThat(bot.reply("alice", "cancel 1")).isEqualTo("Stopped watching " + OTHER + " for Carol King.");
    }

    @Test
    void theListShownIsKeptThroughABareNumberAndASharedLinkAndTheListShownNextReplacesIt() {
        send("Bob Fisher", FakeMusic.SONG);
        send("Carol King", FakeMusic.OTHER_SONG);
        send("Bob Fisher", FakeMusic.OTHER_SONG);
        bot.reply("alice", "pending");
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.reply("alice", "1")).as("a list is no question").isEqualTo("I'm not waiting for an answer "
                + "from you.");
        assertThat(bot.say("alice", FakeMusic.SONG.id().link()).getFirst()).startsWith("Who is it for?");
        assertThat(bot.reply("alice", "cancel 3")).as("the song being shared asked about again")
                .isEqualTo("Stopped watching " + OTHER + " for Bob Fisher.\n\nStill open: Who is "
                        + FakeMusic.SONG.title() + " for?");

        bot.reply("alice", "pending");
        assertThat(bot.reply("alice", "cancel 1")).startsWith("Stopped watching " + OTHER + " for Carol King.\n\n"
                + "Still open: ");
    }

    @Test
    void showingTheListLeavesAnOpenWhichOneQuestionToBeAnswered() {
        bot.register("bob-2", "Bob Fisher");
        send("Carol King", FakeMusic.SONG);
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.OTHER_SONG.id().link()))
                .contains("Which one?");

        bot.reply("alice", "pending");

        assertThat(bot.reply("alice", "1")).startsWith("Sent " + OTHER + " to Bob Fisher");
    }

    @Test
    void cancelAllTappedUnderAnOlderPendingListStopsOnlyTheSongsItListed() {
        send("Bob Fisher", FakeMusic.SONG);
        send("Carol King", FakeMusic.OTHER_SONG);
        bot.reply("alice", "pending");
        Choice all = bot.chat.messages("alice").getLast().choices().getLast();
        assertThat(all.title()).isEqualTo("Cancel all");
        bot.advance(Duration.ofMinutes(1));
        send("Carol King", FakeMusic.SONG);

        assertThat(bot.reply("alice", all.payload())).isEqualTo("Stopped watching 2 songs.");
        assertThat(bot.reply("alice", "pending")).contains("1. " + SONG + " → Carol King").doesNotContain("2. ");
        assertThat(bot.reply("alice", "cancel all")).as("typed, all is all").isEqualTo("Stopped watching 1 song.");
    }

    @Test
    void cancellingASongStillWaitingForItsReceiverTakesItBack() {
        bot.chat.windowCloses("bob");
        send("Bob Fisher", FakeMusic.SONG);

        bot.reply("alice", "cancel 1");
        bot.chat.windowOpens("bob");

        assertThat(bot.say("bob", "history")).as("to Bob Fisher, the example names someone else")
                .containsExactly("You haven't sent any songs yet.\n"
                        + Help.usage("send_song").replace("Bob Fisher", "Carol King"));
        assertThat(bot.stores.outbox().heldMessagesFor(at("bob"))).isEmpty();
    }

    @Test
    void aReceiverNoLongerRegisteredIsCalledSomeoneWhoLeft() {
        send("Carol King", FakeMusic.SONG);

        bot.stores.users().deleteUser(at("carol"));

        assertThat(bot.reply("alice", "pending")).contains(SONG + " → someone who left: delivered");
    }

    @Test
    void aYesOrNoQuestionStillOpenUnderAListKeepsItsTapsBesideTheLists() {
        send("Bob Fisher", FakeMusic.SONG);
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        bot.reply("alice", "delete_group Family");

        assertThat(bot.reply("alice", "pending")).contains("\n\nStill open: To answer, tap \"Yes, delete it\" or "
                + "\"No, keep it\".");
        assertThat(bot.chat.messages("alice").getLast().choices()).as("only a tap says yes: the taps it names are there")
                .extracting(Choice::title).containsSubsequence("Cancel 1", "Yes, delete it", "No, keep it");
    }

    private void send(String friend, Track track) {
        assertThat(bot.reply("alice", "send_song name:\"" + friend + "\" " + track.id().link()))
                .doesNotStartWith("I don't know");
    }
}
