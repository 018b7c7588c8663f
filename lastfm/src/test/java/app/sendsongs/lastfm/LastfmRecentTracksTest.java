package app.sendsongs.lastfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.LastfmConnection;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.music.Recording;
import app.sendsongs.core.music.SpotifyConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading scrobbles with {@link LastfmClient#recentPlays} from the emulated Last.fm, over real HTTP. */
class LastfmRecentTracksTest {
    private static final Instant NOW = LastfmSandbox.START;
    private static final Instant HOUR_AGO = NOW.minus(Duration.ofHours(1));

    private final LastfmSandbox sandbox = new LastfmSandbox();
    private final LastfmClient client = sandbox.client;
    private LastfmConnection amy;

    @BeforeEach
    void connect() throws MusicServiceException {
        amy = sandbox.connect("amy");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void scrobblesBecomePlaysByNameAndMusicBrainzIdNewestFirst() throws Exception {
        sandbox.control.scrobble("amy", Map.of("artist", "Marlow Vance", "track", "Ferris Wheel in February",
                "mbid", "0632aa27-3c1f-4ca9-ae87-e656ce677bfe", "at", "2026-11-25T09:30:00Z"));
        sandbox.control.scrobble("amy", "Neon Heron", "Glasshouse", Instant.parse("2026-11-25T09:40:00Z"));
        sandbox.control.scrobble("amy", "Too", "Early", HOUR_AGO);

        RecentPlays recent = client.recentPlays(amy, HOUR_AGO);

        assertThat(recent.plays()).extracting(p -> p.recording().title()).containsExactly("Glasshouse",
                "Ferris Wheel in February");
        Play ferris = recent.plays().get(1);
        assertThat(ferris.playedAt()).isEqualTo(Instant.parse("2026-11-25T09:30:00Z"));
        assertThat(ferris.recording().artists()).containsExactly("Marlow Vance");
        assertThat(ferris.recording().musicBrainzId()).contains("0632aa27-3c1f-4ca9-ae87-e656ce677bfe");
        assertThat(ferris.recording().spotifyIds()).isEmpty();
        assertThat(recent.plays().get(0).recording().musicBrainzId()).isEmpty();
        assertThat(Recording.named("Marlow Vance", "Ferris Wheel in February (Remastered)")
                .sameSongAs(ferris.recording())).isTrue();
        assertThat(recent.mayHaveGapAfter(HOUR_AGO)).isFalse();
    }

    @Test
    void aPageOfOneTrackObjectIsRead() throws Exception {
        sandbox.control.scrobble("amy", "Marlow Vance", "Ferris Wheel in February", NOW.minusSeconds(300));

        assertThat(client.recentPlays(amy, HOUR_AGO).plays()).singleElement()
                .satisfies(p -> assertThat(p.recording().title()).isEqualTo("Ferris Wheel in February"));
    }

    @Test
    void theTrackPlayingNowIsNotAPlay() throws Exception {
        sandbox.control.nowPlaying("amy", "Marlow Vance", "Ferris Wheel in February");
        assertThat(client.recentPlays(amy, HOUR_AGO).plays()).isEmpty();

        sandbox.control.scrobble("amy", "Neon Heron", "Glasshouse", NOW.minusSeconds(200));
        assertThat(client.recentPlays(amy, HOUR_AGO).plays()).extracting(p -> p.recording().title())
                .containsExactly("Glasshouse");
        assertThat(client.recentPlays(amy, Instant.EPOCH).plays()).hasSize(1);
    }

    @Test
    void everyScrobbleSinceTheCursorIsReadAcrossPages() throws Exception {
        sandbox.scrobbles("amy", 450, NOW);
        sandbox.control.nowPlaying("amy", "Someone", "Playing now");
        long before = sandbox.calls("user.getrecenttracks");

        RecentPlays recent = client.recentPlays(amy, NOW.minus(Duration.ofDays(1)));

        assertThat(recent.plays()).hasSize(450);
        assertThat(recent.plays()).extracting(Play::playedAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(recent.plays().stream().map(p -> p.recording().title()).distinct()).hasSize(450);
        assertThat(sandbox.calls("user.getrecenttracks") - before).isEqualTo(3);
        assertThat(recent.mayHaveGapAfter(NOW.minus(Duration.ofDays(1)))).isFalse();
        assertThat(recent.newerUnread()).isFalse();
    }

    @Test
    void moreThanFivePagesAreReadOldestFirstSoTheNextReadContinuesWithoutAGap() throws Exception {
        sandbox.scrobbles("amy", 1250, NOW);
        Instant cursor = NOW.minus(Duration.ofDays(2));

        RecentPlays first = client.recentPlays(amy, cursor);

        // seven pages of 200 from the newest: pages 3 to 7 hold the oldest 850
        assertThat(first.plays()).hasSize(850);
        assertThat(first.plays().get(849).recording().title()).isEqualTo("Track 0");
        assertThat(first.plays().get(0).recording().title()).isEqualTo("Track 849");
        assertThat(first.mayHaveGapAfter(cursor)).isFalse();
        assertThat(first.newerUnread()).as("the newest two pages are left for the next read").isTrue();
        Instant readThrough = first.plays().get(0).playedAt();
        RecentPlays next = client.recentPlays(amy, readThrough);
        assertThat(next.plays()).hasSize(400);
        assertThat(next.newerUnread()).isFalse();
        assertThat(next.plays().get(399).recording().title()).isEqualTo("Track 850");
        assertThat(next.plays().get(0).recording().title()).isEqualTo("Track 1249");
    }

    @Test
    void aReadOfTheWholeHistoryIsOnePageOfTheNewestAndSaysItIsFull() throws Exception {
        sandbox.scrobbles("amy", 250, NOW);
        long before = sandbox.calls("user.getrecenttracks");

        RecentPlays window = client.recentPlays(amy, Instant.EPOCH);

        assertThat(window.plays()).hasSize(200);
        assertThat(window.plays().get(0).recording().title()).isEqualTo("Track 249");
        assertThat(sandbox.calls("user.getrecenttracks") - before).isEqualTo(1);
        assertThat(window.mayHaveGapAfter(NOW.minus(Duration.ofDays(1)))).isTrue();
    }

    @Test
    void hiddenListeningIsReadWithThePersonsOwnSession() throws Exception {
        sandbox.control.scrobble("amy", "Marlow Vance", "Secret Song", NOW.minusSeconds(60));
        sandbox.control.hideListening("amy", true);
        LastfmConnection bob = sandbox.connect("bob");

        assertThat(client.recentPlays(amy, HOUR_AGO).plays()).extracting(p -> p.recording().title())
                .containsExactly("Secret Song");
        GrantRevokedException notTheirs = catchThrowableOfType(GrantRevokedException.class,
                () -> client.recentPlays(new LastfmConnection("amy", bob.sessionKey()), HOUR_AGO));
        assertThat(notTheirs).hasMessageContaining("error 17").message().doesNotContain(bob.sessionKey());
    }

    @Test
    void aRevokedSessionMeansThePersonMustConnectAgain() throws Exception {
        sandbox.control.revokeLastfm("amy");

        GrantRevokedException revoked = catchThrowableOfType(GrantRevokedException.class,
                () -> client.recentPlays(amy, HOUR_AGO));

        assertThat(revoked).hasMessageContaining("error 9").message().doesNotContain(amy.sessionKey());
        assertThat(client.refresh(amy)).isEqualTo(amy);
    }

    @Test
    void aUserWhoIsGoneMeansThePersonMustConnectAgain() {
        GrantRevokedException gone = catchThrowableOfType(GrantRevokedException.class,
                () -> client.recentPlays(new LastfmConnection("renamed_amy", amy.sessionKey()), HOUR_AGO));

        assertThat(gone).hasMessageContaining("renamed or deleted");
    }

    @Test
    void anotherSourcesConnectionIsRefused() {
        SpotifyConnection spotify = new SpotifyConnection("amy", "a", NOW, "r", NOW);

        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> client.recentPlays(spotify, HOUR_AGO)))
                .hasMessageContaining("not a Last.fm connection");
    }
}
