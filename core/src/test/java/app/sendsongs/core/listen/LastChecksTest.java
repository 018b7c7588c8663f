package app.sendsongs.core.listen;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.watch.WatchSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A song's last check, a grace period after its 7 days, costs no check of its own when the receiver is checked soon
 * after anyway, and stands in for a check at the deadline: minute by minute, as the server's scheduler runs.
 */
class LastChecksTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration GRACE = WatchSchedule.DEFAULT_GRACE;
    private static final String NOT_PLAYED = "sent to Bob Fisher, was not played within 7 days";
    private static final String PLAYED = "🎧 Bob Fisher listened to";
    private final BotHarness bot = new BotHarness();

    @BeforeEach
    void people() {
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.register("carol", "Carol King");
    }

    /** {@code sender} sends Bob {@code song} now; returns its deadline, 7 days on. */
    private Instant sendsBob(String sender, Track song) {
        bot.reply(sender, "send_song name:\"Bob Fisher\" " + song.id().link());
        return bot.clock.instant().plus(Duration.ofDays(7));
    }

    /** The due work runs every minute until {@code until}. */
    private void runUntil(Instant until) {
        while (bot.clock.instant().isBefore(until)) {
            bot.advance(MINUTE);
        }
    }

    /** The due work runs every minute until {@code psid} is told something starting with {@code start}; returns when. */
    private Instant runUntilTold(String psid, String start, Instant atTheLatest) {
        while (bot.clock.instant().isBefore(atTheLatest)) {
            bot.advance(MINUTE);
            if (bot.inbox(psid).stream().anyMatch(text -> text.contains(start))) {
                return bot.clock.instant();
            }
        }
        throw new AssertionError(psid + " was not told \"" + start + "…\" by " + atTheLatest);
    }

    private List<Instant> bobsReadsFrom(Instant from) {
        return bot.music.readsOf(at("bob")).stream().filter(read -> !read.isBefore(from)).toList();
    }

    @Test
    void aLoneSongIsNotReadAtItsDeadlineButOnceAGracePeriodAfter() {
        Instant deadline = sendsBob("alice", FakeMusic.SONG);

        Instant told = runUntilTold("alice", NOT_PLAYED, deadline.plus(GRACE).plus(HOUR));

        assertThat(told).isEqualTo(deadline.plus(GRACE));
        // the first check 3 minutes (a track) after the delivery, every 5 minutes until past the hour (63 minutes),
        // then hourly while the hour ends before the deadline: the last of those 57 minutes before it
        assertThat(bobsReadsFrom(deadline.minus(HOUR))).containsExactly(deadline.minus(Duration.ofMinutes(57)),
                deadline.plus(GRACE));
        assertThat(bot.music.readsOf(at("bob"))).hasSize(13 + 166 + 1);
    }

    @Test
    void aPlayInTheLastHourBeforeTheDeadlineIsFoundByTheLastCheck() {
        Instant deadline = sendsBob("alice", FakeMusic.SONG);
        runUntil(deadline.minus(Duration.ofMinutes(10)));
        bot.play("bob", FakeMusic.SONG);

        assertThat(runUntilTold("alice", PLAYED, deadline.plus(GRACE).plus(HOUR))).isEqualTo(deadline.plus(GRACE));
        assertThat(bot.inbox("alice")).noneMatch(text -> text.contains(NOT_PLAYED));
    }

    @Test
    void aLastCheckIsMadeByTheReceiversNextHourlyCheckForAnotherSong() {
        Instant deadline = sendsBob("alice", FakeMusic.SONG);
        runUntil(bot.clock.instant().plus(Duration.ofDays(3)));
        sendsBob("carol", FakeMusic.OTHER_SONG);

        Instant told = runUntilTold("alice", NOT_PLAYED, deadline.plus(GRACE).plus(HOUR));

        assertThat(told).isBetween(deadline.plus(GRACE), deadline.plus(GRACE).plus(HOUR));
        List<Instant> reads = bobsReadsFrom(deadline.minus(Duration.ofHours(2)));
        assertThat(reads).last().isEqualTo(told);
        for (int i = 1; i < reads.size(); i++) {
            assertThat(Duration.between(reads.get(i - 1), reads.get(i))).as("Bob's checks stay an hour apart")
                    .isEqualTo(HOUR);
        }
    }

    @Test
    void songsEndingWithinAnHourOfEachOtherShareOneLastCheck() {
        Instant first = sendsBob("alice", FakeMusic.SONG);
        runUntil(bot.clock.instant().plus(Duration.ofMinutes(40)));
        Instant second = sendsBob("carol", FakeMusic.OTHER_SONG);

        Instant aliceTold = runUntilTold("alice", NOT_PLAYED, second.plus(GRACE).plus(HOUR));
        runUntil(second.plus(GRACE).plus(HOUR));

        assertThat(aliceTold).isEqualTo(second.plus(GRACE)).isBefore(first.plus(GRACE).plus(HOUR));
        assertThat(bot.inbox("carol")).filteredOn(text -> text.contains(NOT_PLAYED)).hasSize(1);
        assertThat(bobsReadsFrom(second)).containsExactly(second.plus(GRACE));
    }

    @Test
    void aFastListenerIsStillReadBeforeTheirPlaysLeaveSpotifysWindowOfFifty() {
        Instant deadline = sendsBob("alice", FakeMusic.SONG);
        runUntil(deadline.minus(Duration.ofHours(2)));
        // two plays a minute from two hours before the deadline to an hour after the last check: 600 plays, the song
        // among them half an hour before the deadline
        while (bot.clock.instant().isBefore(deadline.plus(GRACE).plus(HOUR))) {
            Instant now = bot.clock.instant();
            bot.music.play(at("bob"), now.equals(deadline.minus(Duration.ofMinutes(30))) ? FakeMusic.SONG
                    : FakeMusic.OTHER_SONG, now.minusSeconds(30));
            bot.music.play(at("bob"), FakeMusic.OTHER_SONG, now);
            bot.advance(MINUTE);
        }

        assertThat(bot.inbox("alice")).anyMatch(text -> text.startsWith(PLAYED));
        assertThat(bot.inbox("alice")).noneMatch(text -> text.contains(NOT_PLAYED));
    }

    @Test
    void onLastfmAPlayScrobbledLateIsFoundThoughTheLastCheckWaitsForAnHourlyOne() {
        bot.chat.nameIs("bob", "Bob Fisher");
        bot.connectThroughOwnLink(at("bob"), SourceKind.LASTFM, "bobfisher");
        Instant deadline = sendsBob("alice", FakeMusic.SONG);
        runUntil(bot.clock.instant().plus(Duration.ofDays(1)));
        sendsBob("carol", FakeMusic.OTHER_SONG);
        runUntil(deadline.plus(GRACE).minus(Duration.ofMinutes(5)));
        // played half an hour before the deadline, scrobbled just before the end of the grace period
        bot.scrobbles.scrobble("bobfisher", FakeMusic.SONG, deadline.minus(Duration.ofMinutes(30)));

        runUntilTold("alice", PLAYED, deadline.plus(GRACE).plus(HOUR));
        assertThat(bot.inbox("alice")).noneMatch(text -> text.contains(NOT_PLAYED));
    }

    @Test
    void aLastCheckNeverComesBeforeTheGracePeriodEndsThoughChecksComeSoonerForTheToken() {
        bot.music.tokensLast(HOUR);
        Instant deadline = sendsBob("alice", FakeMusic.SONG);
        runUntil(bot.clock.instant().plus(Duration.ofDays(3)));
        sendsBob("carol", FakeMusic.OTHER_SONG);
        runUntil(deadline.plus(GRACE).minus(MINUTE));

        assertThat(bot.inbox("alice")).noneMatch(text -> text.contains(NOT_PLAYED));
        assertThat(bot.stores.shares().sharesWatchedFor(at("bob"))).hasSize(2);
        assertThat(runUntilTold("alice", NOT_PLAYED, deadline.plus(GRACE).plus(HOUR)))
                .isAfterOrEqualTo(deadline.plus(GRACE));
    }
}
