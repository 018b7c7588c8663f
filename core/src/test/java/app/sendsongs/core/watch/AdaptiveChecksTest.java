package app.sendsongs.core.watch;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules that move a receiver's check earlier than the schedule: their pace, their writing, and the access token
 * in hand.
 */
class AdaptiveChecksTest {
    private static final String LINK = "https://open.spotify.com/track/" + FakeMusic.SONG.id().value();
    private final BotHarness bot = new BotHarness();

    @BeforeEach
    void twoPeople() {
        bot.register("ann", "Ann Lee");
        bot.register("bob", "Bob Fisher");
        bot.reply("ann", "send_song name:\"Bob Fisher\" " + LINK);
        bot.advance(Duration.ofHours(2)); // past the 5-minute phase: checks are an hour apart
    }

    private Watch bobsWatch() {
        return bot.stores.watches().findWatch(at("bob")).orElseThrow();
    }

    /** Bob plays other songs every {@code every} until {@code until} (exclusive), checks running meanwhile. */
    private void playOthers(Duration every, Instant until) {
        while (bot.clock.instant().isBefore(until)) {
            bot.play("bob", FakeMusic.OTHER_SONG);
            bot.advance(every);
        }
    }

    @Test
    void aQuietListenerIsCheckedOnTheSchedule() {
        Instant checkedAt = bobsWatch().dueAt();
        bot.clock.set(checkedAt.minus(Duration.ofMinutes(60)));
        playOthers(Duration.ofMinutes(10), checkedAt.minus(Duration.ofMinutes(20))); // 4 plays: too few for a pace
        bot.advance(Duration.ofMinutes(20));
        assertThat(bobsWatch().dueAt()).isEqualTo(checkedAt.plus(Duration.ofHours(1)));
    }

    @Test
    void aFastPaceBringsTheNextCheckToHalfAPageAway() {
        Instant checkedAt = bobsWatch().dueAt();
        bot.clock.set(checkedAt.minus(Duration.ofMinutes(20)));
        playOthers(Duration.ofSeconds(30), checkedAt); // 40 plays in the 20 minutes before the check
        // 25 more plays at 2 a minute take 12.5 minutes
        assertThat(bobsWatch().dueAt()).isEqualTo(checkedAt.plus(Duration.ofSeconds(750)));
    }

    @Test
    void aPlayInTheMiddleOfALongFastSessionIsNotLostFromTheWindow() {
        Instant sessionStart = bobsWatch().dueAt().minus(Duration.ofMinutes(10));
        bot.clock.set(sessionStart);
        playOthers(Duration.ofSeconds(30), sessionStart.plus(Duration.ofMinutes(20)));
        bot.play("bob", FakeMusic.SONG);
        // two hours at 2 plays a minute: 240 plays after the song, far more than one page
        playOthers(Duration.ofSeconds(30), sessionStart.plus(Duration.ofMinutes(140)));
        assertThat(bot.last("ann")).startsWith("🎧 Bob Fisher listened to Never Gonna Give You Up");
    }

    @Test
    void someoneListeningNowWithTooFewPlaysToTellTheirPaceIsTakenToBeFast() {
        Instant checkedAt = bobsWatch().dueAt();
        bot.clock.set(checkedAt.minus(Duration.ofMinutes(3)));
        bot.play("bob", FakeMusic.OTHER_SONG);
        bot.advance(Duration.ofMinutes(3));
        // half a page at Spotify's shortest play of 30 seconds
        assertThat(bobsWatch().dueAt()).isEqualTo(checkedAt.plus(Duration.ofSeconds(750)));
    }

    /** The limit of the rule: a fast session with nothing fast before it in the window. */
    @Test
    void aFirstFastSessionStartingJustAfterAQuietCheckCanOutrunTheWindow() {
        Instant sessionStart = bobsWatch().dueAt().plusSeconds(30); // just after a check, which sees nothing
        bot.advance(Duration.between(bot.clock.instant(), sessionStart));
        Instant nextScheduled = bobsWatch().dueAt();
        assertThat(nextScheduled).isAfter(sessionStart.plus(Duration.ofMinutes(55)));
        bot.play("bob", FakeMusic.SONG);
        playOthers(Duration.ofSeconds(30), nextScheduled.plusSeconds(1)); // over 100 plays before that check
        assertThat(bot.inbox("ann")).noneMatch(text -> text.startsWith("🎧"));
        assertThat(bot.stores.shares().sharesWatchedFor(at("bob")).getFirst().uncertain()).isTrue();
    }

    @Test
    void aWindowThatShowsFastListeningKeepsChecksCloseWhileTheReceiverIsQuiet() {
        fastPlaysBeforeTheSong();
        Instant checkedAt = bobsWatch().dueAt();
        bot.advance(Duration.between(bot.clock.instant(), checkedAt));
        assertThat(bobsWatch().dueAt()).isEqualTo(checkedAt.plus(Duration.ofSeconds(750)));
    }

    @Test
    void soAFastSessionStartingJustAfterAQuietCheckIsCaughtInTime() {
        fastPlaysBeforeTheSong();
        Instant sessionStart = bobsWatch().dueAt().plusSeconds(30);
        bot.advance(Duration.between(bot.clock.instant(), sessionStart));
        bot.play("bob", FakeMusic.SONG);
        playOthers(Duration.ofSeconds(30), sessionStart.plus(Duration.ofHours(1)));
        assertThat(bot.last("ann")).startsWith("🎧 Bob Fisher listened to Never Gonna Give You Up");
    }

    /** 40 plays 30 seconds apart, from 3 hours before the song was sent: still in Bob's window of 50. */
    private void fastPlaysBeforeTheSong() {
        for (int i = 0; i < 40; i++) {
            Instant playedAt = BotHarness.T0.minus(Duration.ofHours(3)).plusSeconds(30L * i);
            bot.music.play(at("bob"), FakeMusic.OTHER_SONG, playedAt);
        }
    }

    @Test
    void aReceiversMessageBringsTheirCheckForward() {
        bot.advance(Duration.ofMinutes(2)); // just after a check: the next is about an hour away
        assertThat(bobsWatch().dueAt()).isAfter(bot.clock.instant().plus(Duration.ofMinutes(50)));
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(1));
        bot.reply("bob", "help");
        assertThat(bobsWatch().dueAt()).isEqualTo(bot.clock.instant());
        bot.advance(Duration.ofMinutes(1));
        assertThat(bot.last("ann")).startsWith("🎧 Bob Fisher listened to Never Gonna Give You Up");
    }

    @Test
    void aCheckDueJustAfterTheAccessTokenExpiresComesWhileItServesSoOneRefreshServesTwoHourlyChecks() {
        bot.music.tokensLast(Duration.ofHours(1));
        User bob = bot.user("bob");
        SpotifyConnection grant = (SpotifyConnection) bob.connection();
        bot.stores.users().saveUser(bob.withConnection(new SpotifyConnection(grant.accountId(), grant.accessToken(),
                bot.clock.instant(), grant.refreshToken(), null))); // the token in hand has expired
        Instant from = bot.clock.instant();

        while (bot.clock.instant().isBefore(from.plus(Duration.ofHours(6)))) {
            bot.advance(Duration.ofMinutes(1));
        }

        // an hour after the last check, less the 2 minutes before expiry at which a token is renewed and a minute
        // for the scheduler: a refresh every other check
        List<Instant> reads = bot.music.readsOf(at("bob")).stream().filter(read -> read.isAfter(from)).toList();
        Instant first = from.plus(Duration.ofHours(1));
        assertThat(reads).containsExactly(first, first.plus(Duration.ofMinutes(57)), first.plus(Duration.ofMinutes(117)),
                first.plus(Duration.ofMinutes(174)), first.plus(Duration.ofMinutes(234)),
                first.plus(Duration.ofMinutes(291)));
        assertThat(bot.music.refreshesOf(at("bob"))).containsExactly(reads.get(0), reads.get(2), reads.get(4));
    }

    @Test
    void aTokenThatNeverExpiresLeavesTheChecksAnHourApart() {
        Instant from = bot.clock.instant();
        while (bot.clock.instant().isBefore(from.plus(Duration.ofHours(3)))) {
            bot.advance(Duration.ofMinutes(1));
        }
        Instant first = from.plus(Duration.ofHours(1));
        assertThat(bot.music.readsOf(at("bob")).stream().filter(read -> read.isAfter(from)))
                .containsExactly(first, first.plus(Duration.ofHours(1)), first.plus(Duration.ofHours(2)));
        assertThat(bot.music.refreshesOf(at("bob"))).isEmpty();
    }

    @Test
    void writingAgainSoonAfterChangesNothing() {
        bot.advance(Duration.ofMinutes(2));
        bot.reply("bob", "help");
        bot.advance(Duration.ofMinutes(1)); // the check runs and puts the next one an hour away
        Watch afterCheck = bobsWatch();
        bot.advance(Duration.ofMinutes(5));
        bot.reply("bob", "help");
        assertThat(bobsWatch()).isEqualTo(afterCheck);
    }

    @Test
    void aCheckAlreadyDueSoonIsLeftAlone() {
        Instant due = bobsWatch().dueAt();
        bot.clock.set(due.minus(Duration.ofSeconds(90)));
        Watch before = bobsWatch();
        bot.reply("bob", "help");
        assertThat(bobsWatch()).isEqualTo(before);
    }
}
