package app.sendsongs.core.listen;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.music.LastfmConnection;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.User;
import app.sendsongs.core.watch.WatchSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Listen checks on every kind of source, and what a source that fails does not stop: a scrobbling source read from
 * where the last check stopped, late plays inside the grace period (and plays made after the watch period, which do not count), a source that refuses or fails forever, a session
 * revoked on the read itself, a switch of source, and the reminder before a Spotify grant's six months end.
 */
class WatchingEverySourceTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String TITLE = FakeMusic.SONG.title();
    private final BotHarness bot = new BotHarness();

    @BeforeEach
    void aliceOnSpotify() {
        bot.register("alice", "Alice Smith");
    }

    /** Bob registers with Last.fm as the user {@code bobfisher}. */
    private void bobOnLastfm() {
        bot.chat.nameIs("bob", "Bob Fisher");
        bot.connectThroughOwnLink(at("bob"), SourceKind.LASTFM, "bobfisher");
        bot.scrobbles.forgetReads(); // connecting looked at the newest scrobbles once; what follows is the watching
    }

    @Test
    void aScrobbleOfTheSongIsAPlayByItsNamesAndReadsGoOnFromWhereTheLastStopped() {
        bobOnLastfm();
        bot.reply("alice", "send_song name:\"Bob Fisher\" post:\"told you\" " + LINK);
        Instant delivered = bot.clock.instant();
        bot.advance(Duration.ofMinutes(10));
        bot.scrobbles.scrobble("bobfisher", FakeMusic.OTHER_SONG, bot.clock.instant().minusSeconds(60));
        bot.advance(Duration.ofMinutes(5));
        bot.scrobbles.scrobble("bobfisher", FakeMusic.SONG, bot.clock.instant().minusSeconds(30));
        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.last("alice")).startsWith("🎧 Bob Fisher listened to " + TITLE);
        assertThat(bot.last("bob")).contains("told you");
        assertThat(bot.scrobbles.readsFrom()).first().isEqualTo(delivered.minusMillis(1));
        assertThat(bot.scrobbles.readsFrom()).as("never the whole history").doesNotContain(Instant.EPOCH);
    }

    @Test
    void aPlayThatReachesTheHistoryLateButWithinTheGracePeriodCounts() {
        bobOnLastfm();
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        Instant delivered = bot.clock.instant();
        bot.advance(Duration.ofDays(7));
        assertThat(bot.inbox("alice")).noneMatch(text -> text.contains("not played within"));

        // played an hour before the deadline, scrobbled only after it (a phone offline)
        bot.scrobbles.scrobble("bobfisher", FakeMusic.SONG, delivered.plus(Duration.ofDays(7)).minusSeconds(3600));
        bot.advance(WatchSchedule.DEFAULT_GRACE);

        assertThat(bot.last("alice")).startsWith("🎧 Bob Fisher listened to " + TITLE);
    }

    @Test
    void aPlayMadeAfterTheWatchPeriodDoesNotCountThoughTheLastCheckFindsIt() {
        bobOnLastfm();
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        Instant deadline = bot.clock.instant().plus(Duration.ofDays(7));
        bot.advance(Duration.ofDays(7));

        // played (and scrobbled) half an hour after the 7 days, before the last check a grace period later
        bot.advance(Duration.ofMinutes(30));
        bot.scrobbles.scrobble("bobfisher", FakeMusic.SONG, deadline.plus(Duration.ofMinutes(30)));
        bot.advance(WatchSchedule.DEFAULT_GRACE.minus(Duration.ofMinutes(30)));

        assertThat(bot.inbox("alice")).noneMatch(text -> text.startsWith("🎧"));
        assertThat(bot.last("alice")).isEqualTo(TITLE + ", sent to Bob Fisher, was not played within 7 days, so I've "
                + "stopped watching.");
    }

    @Test
    void aPlayAtTheVeryEndOfTheWatchPeriodIsNotWithinIt() {
        bobOnLastfm();
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        Instant deadline = bot.clock.instant().plus(Duration.ofDays(7));
        bot.scrobbles.scrobble("bobfisher", FakeMusic.SONG, deadline);

        bot.advance(Duration.ofDays(7));
        bot.advance(WatchSchedule.DEFAULT_GRACE);

        assertThat(bot.last("alice")).startsWith(TITLE + ", sent to Bob Fisher, was not played within 7 days");
    }

    @Test
    void aSpotifyPlayAfterTheWatchPeriodDoesNotCountEither() {
        bot.register("bob", "Bob Fisher");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.advance(Duration.ofDays(7));

        bot.advance(Duration.ofHours(1));
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofHours(1));

        assertThat(bot.inbox("alice")).noneMatch(text -> text.startsWith("🎧"));
        assertThat(bot.last("alice")).isEqualTo(TITLE + ", sent to Bob Fisher, was not played within 7 days, so I've "
                + "stopped watching.");
    }

    @Test
    void aScrobbleInTheSecondOfTheDeliveryCountsButASpotifyPlayEndingJustBeforeItDoesNot() {
        bobOnLastfm();
        bot.register("carol", "Carol King");
        bot.clock.advance(Duration.ofMillis(600));
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.reply("alice", "send_song name:\"Carol King\" " + LINK);
        Instant delivered = bot.clock.instant();
        // Last.fm keeps whole seconds: this scrobble may have been played in the 400 ms after the delivery
        bot.scrobbles.scrobble("bobfisher", FakeMusic.SONG, delivered.truncatedTo(ChronoUnit.SECONDS));
        // Spotify keeps milliseconds: this play was over before the song was delivered
        bot.music.play(at("carol"), FakeMusic.SONG, delivered.minusMillis(400));

        bot.advance(Duration.ofMinutes(10));

        assertThat(bot.inbox("alice")).filteredOn(text -> text.startsWith("🎧"))
                .singleElement().asString().startsWith("🎧 Bob Fisher listened to " + TITLE);
    }

    @Test
    void aReceiverWhoseSourceFailsForeverStillHasTheSenderToldAtTheEnd() {
        bobOnLastfm();
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.scrobbles.failFor("bobfisher", true);

        bot.advance(Duration.ofDays(3));
        bot.advance(Duration.ofDays(4));
        bot.advance(WatchSchedule.DEFAULT_GRACE);

        assertThat(bot.last("alice")).isEqualTo(TITLE + ", sent to Bob Fisher, was not played within 7 days, so I've "
                + "stopped watching. (I couldn't read what they played on Last.fm lately, so I may have missed it.)");
        assertThat(bot.stores.watches().findWatch(at("bob"))).isEmpty();
    }

    @Test
    void aReceiverSpotifyRefusesForeverStillHasTheSenderToldAtTheEnd() {
        bot.register("bob", "Bob Fisher");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.music.refuseReads(at("bob"));

        for (int hour = 0; hour < 7 * 24 + 3; hour++) {
            bot.advance(Duration.ofHours(1));
        }

        assertThat(bot.inbox("alice")).filteredOn(text -> text.contains("not played within")).containsExactly(
                TITLE + ", sent to Bob Fisher, was not played within 7 days, so I've stopped watching. (I couldn't read "
                        + "what they played on Spotify lately, so I may have missed it.)");
    }

    /**
     * Spotify's development mode serves only the people its owner allows: someone it stops serving (dropped from the
     * allow-list) is refused on every read. Trying again does not help, another source does: they are told once, their
     * watching waits for them, and switching picks it up.
     */
    @Test
    void aReceiverSpotifyStopsServingIsToldOnceToSwitchAndSwitchingWatchesTheirSongsAgain() {
        bot.register("bob", "Bob Fisher");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.music.refuseReads(at("bob"));

        bot.advance(Duration.ofMinutes(5));
        bot.advance(Duration.ofHours(3));

        assertThat(bot.inbox("bob")).filteredOn(text -> text.startsWith("Spotify no longer lets me see what you play"))
                .singleElement().asString().contains("serve only 5 people").contains("can't see whether you play the songs friends sent you");
        assertThat(bot.chat.messages("bob").getLast().choices()).extracting(choice -> choice.payload())
                .as("the services this server offers but Spotify").containsExactly("connect lastfm");
        assertThat(bot.reply("bob", "connect")).startsWith("Your Spotify connection has ended");

        bobOnLastfm();
        bot.scrobbles.scrobble("bobfisher", FakeMusic.SONG, bot.clock.instant().minusSeconds(30));
        bot.advance(Duration.ofMinutes(5));
        assertThat(bot.last("alice")).startsWith("🎧 Bob Fisher listened to " + TITLE);
    }

    @Test
    void aSessionRevokedOnTheReadItselfPausesWatchingAndTellsTheReceiverOnce() {
        bobOnLastfm();
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.scrobbles.revoke("bobfisher");

        bot.advance(Duration.ofMinutes(5));
        bot.advance(Duration.ofHours(3));

        assertThat(bot.inbox("bob")).filteredOn(text -> text.startsWith("Your Last.fm connection has ended"))
                .singleElement().asString().as("a Last.fm session never gets too old")
                .startsWith("Your Last.fm connection has ended (Last.fm refused it: Send Songs may have been removed "
                        + "from your Last.fm apps, or your account renamed or made private), so I can't see whether you play")
                .doesNotContain("too old");
        assertThat(bot.user("bob").needsReconnect()).isTrue();
        int reads = bot.scrobbles.readsFrom().size();
        bot.advance(Duration.ofDays(7).plus(WatchSchedule.DEFAULT_GRACE));
        assertThat(bot.scrobbles.readsFrom()).as("a dead session is not read in a loop").hasSize(reads);
        assertThat(bot.last("alice")).startsWith(TITLE + ", sent to Bob Fisher, was not played within 7 days");
    }

    @Test
    void aSecretTheStoreCouldNotOpenAsksTheReceiverToConnectAgainOnceAndIsNeverSent() {
        bobOnLastfm();
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        // What a store reads after TOKEN_ENCRYPTION_KEY was changed: the session key sealed with the old one.
        User bob = bot.user("bob");
        bot.stores.users().saveUser(bob.withRefreshedConnection(new LastfmConnection("bobfisher",
                ListeningConnection.UNREADABLE_SECRET)));

        bot.advance(Duration.ofMinutes(5));
        bot.advance(Duration.ofHours(3));

        assertThat(bot.inbox("bob")).filteredOn(text -> text.startsWith("Your Last.fm connection has ended"))
                .hasSize(1);
        assertThat(bot.user("bob").needsReconnect()).isTrue();
        assertThat(bot.scrobbles.readsFrom()).as("the unreadable secret never goes to Last.fm").isEmpty();
        assertThat(bot.reply("bob", "history")).as("the person is still answered").isNotBlank();
    }

    @Test
    void aSongStoredForSomeoneForgottenAtTheSameMomentIsDeletedAtItsFirstCheckNotWatchedForever() {
        bot.register("bob", "Bob Fisher");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        // What a send that raced Bob's forget_me leaves: his user row gone, the share stored after it.
        bot.stores.users().deleteUser(at("bob"));

        bot.advance(Duration.ofMinutes(10));

        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).isEmpty();
        assertThat(bot.stores.shares().sharesWatchedFor(at("bob"))).isEmpty();
    }

    @Test
    void switchingSourceKeepsTheSongsWatchedAndReadsTheNewSourceFromTheSwitchOn() {
        bot.register("bob", "Bob Fisher");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.advance(Duration.ofHours(2));
        Instant switched = bot.clock.instant();

        bot.connectThroughOwnLink(at("bob"), SourceKind.LASTFM, "bobfisher");
        assertThat(bot.scrobbles.readsFrom()).as("connecting looks at the newest scrobbles once")
                .containsExactly(Instant.EPOCH);
        bot.scrobbles.forgetReads();
        bot.advance(Duration.ofMinutes(1));
        assertThat(bot.scrobbles.readsFrom()).singleElement()
                .isEqualTo(switched.minusMillis(1).minus(WatchSchedule.DEFAULT_GRACE));

        bot.scrobbles.scrobble("bobfisher", FakeMusic.SONG, bot.clock.instant());
        bot.advance(Duration.ofHours(1));
        assertThat(bot.last("alice")).startsWith("🎧 Bob Fisher listened to " + TITLE);
    }

    @Test
    void aSpotifyPersonWithNoSongBeingWatchedIsRemindedBeforeTheirGrantEndsAllTheSame() {
        bot.chat.nameIs("bob", "Bob Fisher");
        bot.connectThroughOwnLink(at("bob"), SourceKind.SPOTIFY, "bob");
        Instant ends = ((SpotifyConnection) bot.user("bob").connection()).grantEndsAt().orElseThrow();
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.advance(Duration.ofDays(8));
        assertThat(bot.last("alice")).as("the song's watch is over").contains("not played within 7 days");

        bot.advance(Duration.between(bot.clock.instant(), ends.minus(Duration.ofDays(4))));
        assertThat(bot.inbox("bob")).noneMatch(text -> text.startsWith("Your Spotify connection "));
        bot.advance(Duration.ofDays(1).plusMinutes(5));
        bot.advance(Duration.ofDays(1));

        assertThat(bot.inbox("bob")).filteredOn(text -> text.startsWith("Your Spotify connection "))
                .singleElement().asString().contains("Spotify asks everyone to allow apps again")
                .contains(BotHarness.BASE_URL + "/connect/spotify?link=");
        assertThat(bot.user("bob").grantState()).isEqualTo(GrantState.ENDING_SOON_TOLD);
    }

    @Test
    void someoneWhoConsentedBeforeRemindersWerePlannedGetsTheirsPlannedWhenTheyWrite() {
        User bob = bot.register("bob", "Bob Fisher");
        SpotifyConnection grant = (SpotifyConnection) bob.connection();
        Instant consented = bot.clock.instant().minus(Duration.ofDays(100));
        bot.stores.users().saveUser(bob.withConnection(new SpotifyConnection(grant.accountId(), grant.accessToken(),
                grant.accessTokenExpiresAt(), grant.refreshToken(), consented)));
        assertThat(bot.stores.watches().findWatch(at("bob"))).as("nothing planned for them").isEmpty();

        bot.say("bob", "hi");
        Instant ends = ((SpotifyConnection) bot.user("bob").connection()).grantEndsAt().orElseThrow();
        bot.advance(Duration.between(bot.clock.instant(), ends.minus(Duration.ofDays(2))));

        assertThat(bot.inbox("bob")).filteredOn(text -> text.startsWith("Your Spotify connection "))
                .singleElement().asString().contains("Spotify asks everyone to allow apps again");
    }

    @Test
    void aReminderStillHeldWhenTheGrantEndsGivesWayToTheNoticeThatItEnded() {
        Instant consented = bot.clock.instant();
        User bob = bot.register("bob", "Bob Fisher");
        SpotifyConnection grant = (SpotifyConnection) bob.connection();
        bot.stores.users().saveUser(bob.withConnection(new SpotifyConnection(grant.accountId(), grant.accessToken(),
                grant.accessTokenExpiresAt(), grant.refreshToken(), consented.minus(Duration.ofDays(180)))));
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.chat.windowCloses("bob");
        bot.advance(Duration.ofHours(2));
        bot.music.revoke(at("bob"));
        bot.advance(Duration.ofHours(2));

        bot.chat.windowOpens("bob");
        bot.say("bob", "hi");

        assertThat(bot.inbox("bob")).filteredOn(text -> text.startsWith("Your Spotify connection "))
                .as("one notice, one link: the reminder is moot").singleElement().asString()
                .startsWith("Your Spotify connection has ended");
    }

    @Test
    void aSpotifyGrantNearItsSixMonthsGetsOneReminderToReconnect() {
        Instant consented = bot.clock.instant();
        User bob = bot.register("bob", "Bob Fisher");
        SpotifyConnection grant = (SpotifyConnection) bob.connection();
        // its access token has expired: the check that reminds also refreshes, which must not undo the reminder
        bot.stores.users().saveUser(bob.withConnection(new SpotifyConnection(grant.accountId(), grant.accessToken(),
                consented, grant.refreshToken(), consented.minus(Duration.ofDays(180)))));
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);

        for (int i = 0; i < 5; i++) {
            bot.advance(Duration.ofHours(1));
        }

        assertThat(bot.inbox("bob")).filteredOn(text -> text.startsWith("Your Spotify connection "))
                .singleElement().asString().startsWith("Your Spotify connection ends in 23 h: Spotify asks everyone to allow apps again")
                .contains(BotHarness.BASE_URL + "/connect/spotify?link=");
        assertThat(bot.user("bob").grantState()).isEqualTo(GrantState.ENDING_SOON_TOLD);
        bot.reply("bob", "register code:\"" + bot.registrationCode(SourceKind.SPOTIFY, "messenger:bob") + "\"");
        assertThat(bot.user("bob").grantState()).as("a new consent").isEqualTo(GrantState.ACTIVE);
        assertThat(((SpotifyConnection) bot.user("bob").connection()).grantEndsAt()).hasValueSatisfying(
                end -> assertThat(end).isAfter(bot.clock.instant().plus(Duration.ofDays(150))));
    }
}
