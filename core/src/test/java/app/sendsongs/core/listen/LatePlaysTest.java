package app.sendsongs.core.listen;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.watch.WatchSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plays that reach a whole history late, under the time they were played: a phone offline for days scrobbles them
 * when it is back, after newer plays from elsewhere moved the read position on. A regular check reads from that
 * position less the grace period, so only a song's last check, reading back to its delivery, can find them; it does
 * so without costing a read more unless one read cannot hold all the plays since.
 */
class LatePlaysTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String TITLE = FakeMusic.SONG.title();
    private static final Duration GRACE = WatchSchedule.DEFAULT_GRACE;
    private static final String PLAYED = "🎧 Bob Fisher listened to " + TITLE;
    private final BotHarness bot = new BotHarness();
    private Instant delivered;
    private Instant deadline;

    @BeforeEach
    void aliceSendsBobOnLastfmASong() {
        bot.register("alice", "Alice Smith");
        bot.chat.nameIs("bob", "Bob Fisher");
        bot.connectThroughOwnLink(at("bob"), SourceKind.LASTFM, "bobfisher");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        delivered = bot.clock.instant();
        deadline = delivered.plus(Duration.ofDays(7));
        bot.advance(Duration.ofMinutes(5));
        bot.scrobbles.forgetReads();
    }

    /**
     * Bob plays another song on time (scrobbled at once) and the next check, an hour on, reads it: the read position
     * moves on.
     */
    private void anotherPlayOnTimeAfter(Duration sinceDelivery) {
        bot.advance(Duration.between(bot.clock.instant(), delivered.plus(sinceDelivery)));
        bot.scrobbles.scrobble("bobfisher", FakeMusic.OTHER_SONG, bot.clock.instant().minusSeconds(60));
        bot.advance(Duration.ofHours(1));
    }

    private void untilTheLastCheck() {
        bot.advance(Duration.between(bot.clock.instant(), deadline.plus(GRACE)));
    }

    private Share theSong() {
        return bot.stores.shares().sharesSentBy(at("alice")).getFirst();
    }

    @Test
    void aPlayScrobbledDaysLateAfterNewerPlaysIsFoundByTheLastCheckAndToldWithItsRealTime() {
        Instant playedOffline = delivered.plus(Duration.ofDays(1));
        anotherPlayOnTimeAfter(Duration.ofDays(3));
        bot.scrobbles.scrobble("bobfisher", FakeMusic.SONG, playedOffline); // the phone is back, two days late
        bot.advance(Duration.ofHours(1));
        assertThat(bot.inbox("alice")).as("a regular check reads from the position less the grace period only")
                .noneMatch(text -> text.startsWith("🎧"));

        untilTheLastCheck();

        assertThat(bot.last("alice")).startsWith(PLAYED);
        assertThat(theSong().playedAt()).contains(playedOffline);
        assertThat(bot.scrobbles.readsFrom()).as("one read at the last check, from the delivery on").last()
                .isEqualTo(delivered.truncatedTo(ChronoUnit.SECONDS).minusMillis(1));
    }

    @Test
    void aLateScrobbleOfAPlayAfterTheWatchPeriodStillDoesNotCount() {
        anotherPlayOnTimeAfter(Duration.ofDays(6));
        bot.advance(Duration.between(bot.clock.instant(), deadline.plus(Duration.ofMinutes(30))));
        bot.scrobbles.scrobble("bobfisher", FakeMusic.SONG, deadline.plusSeconds(60));

        untilTheLastCheck();

        assertThat(bot.last("alice")).isEqualTo(TITLE + ", sent to Bob Fisher, was not played within 7 days, so I've "
                + "stopped watching.");
    }

    @Test
    void onlyTheLastCheckReadsBackAndItMakesOneReadWhenThatHoldsEveryPlaySince() {
        anotherPlayOnTimeAfter(Duration.ofDays(2));
        bot.scrobbles.forgetReads();
        anotherPlayOnTimeAfter(Duration.ofDays(4));
        bot.advance(Duration.ofDays(1));
        List<Instant> regularReads = bot.scrobbles.readsFrom();
        bot.scrobbles.forgetReads();

        untilTheLastCheck();

        assertThat(regularReads).as("regular checks read from the position less the grace period")
                .allMatch(from -> from.isAfter(delivered.plus(Duration.ofDays(1))));
        assertThat(bot.scrobbles.readsFrom()).containsExactly(delivered.truncatedTo(ChronoUnit.SECONDS)
                .minusMillis(1));
        assertThat(bot.last("alice")).startsWith(TITLE + ", sent to Bob Fisher, was not played within 7 days");
    }

    @Test
    void aReadBackThatCannotHoldEveryPlayOfTheWatchSaysTheSongMayHaveBeenMissed() {
        bot.scrobbles.readAtMost(2);
        anotherPlayOnTimeAfter(Duration.ofDays(1));
        anotherPlayOnTimeAfter(Duration.ofDays(2));
        anotherPlayOnTimeAfter(Duration.ofDays(5));
        bot.scrobbles.scrobble("bobfisher", FakeMusic.SONG, delivered.plus(Duration.ofDays(4)));
        bot.scrobbles.forgetReads();

        untilTheLastCheck();

        assertThat(bot.last("alice")).isEqualTo(TITLE + ", sent to Bob Fisher, was not played within 7 days, so I've "
                + "stopped watching. (They played so much at times that Last.fm gave me their plays in parts, so I "
                + "may have missed it.)");
        assertThat(bot.scrobbles.readsFrom()).as("the read back, then the regular read it did not reach")
                .hasSize(2);
        assertThat(bot.stores.watches().findWatch(at("bob"))).as("no read back in a loop").isEmpty();
    }

    @Test
    void aLatePlayTheReadBackHoldsCountsThoughTheReadStopsShortOfTheNewest() {
        bot.scrobbles.readAtMost(2);
        anotherPlayOnTimeAfter(Duration.ofDays(1));
        anotherPlayOnTimeAfter(Duration.ofDays(5));
        anotherPlayOnTimeAfter(Duration.ofDays(6));
        bot.scrobbles.scrobble("bobfisher", FakeMusic.SONG, delivered.plus(Duration.ofDays(2)));

        untilTheLastCheck();

        assertThat(bot.last("alice")).startsWith(PLAYED);
        assertThat(theSong().playedAt()).contains(delivered.plus(Duration.ofDays(2)));
    }

    @Test
    void aReadBackStoppingPastTheWatchPeriodHoldsAllOfItSoNotPlayedIsCertain() {
        bot.scrobbles.readAtMost(2);
        anotherPlayOnTimeAfter(Duration.ofDays(1));
        bot.advance(Duration.between(bot.clock.instant(), deadline.plus(Duration.ofMinutes(20))));
        bot.scrobbles.scrobble("bobfisher", FakeMusic.OTHER_SONG, bot.clock.instant().minusSeconds(60));
        bot.scrobbles.scrobble("bobfisher", FakeMusic.OTHER_SONG, bot.clock.instant().minusSeconds(30));

        untilTheLastCheck();

        assertThat(bot.last("alice")).isEqualTo(TITLE + ", sent to Bob Fisher, was not played within 7 days, so I've "
                + "stopped watching.");
    }

    @Test
    void aPlayReachingTheHistoryLateWithinTheGracePeriodIsFoundByARegularCheckBeforeTheExpiry() {
        anotherPlayOnTimeAfter(Duration.ofDays(2));
        // played half an hour before the other song the last check read, and scrobbled only now
        Instant played = bot.clock.instant().minus(Duration.ofMinutes(90));
        bot.scrobbles.scrobble("bobfisher", FakeMusic.SONG, played);

        bot.advance(Duration.ofHours(1));

        assertThat(bot.last("alice")).startsWith(PLAYED);
        assertThat(theSong().playedAt()).contains(played);
        assertThat(bot.clock.instant()).isBefore(deadline);
    }
}
