package app.sendsongs.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.music.Recording;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Web API side of {@link SpotifyClient} over real HTTP against the emulated Spotify Web API. */
class SpotifyWebApiTest {
    /** "Ferris Wheel in February" by Marlow Vance. */
    static final TrackId FERRIS = new TrackId("sw0KSZFy2XPBgUm7JydSrm");
    /** Its single edition: another id, the same recording (ISRC). */
    static final TrackId FERRIS_SINGLE = new TrackId("u199toNJxbe9vLUJHiPlZ5");
    /** "Neon Heron", which Spotify relinks from {@link #NEON_HERON_ORIGINAL}. */
    static final TrackId NEON_HERON = new TrackId("60RgwcFFC3Ka3c210aUVZ6");
    static final TrackId NEON_HERON_ORIGINAL = new TrackId("5Hq5rTpil6CGDNtxrUHTeb");
    static final TrackId POSTCARDS = new TrackId("tdvsemJtesl21dIwkfaBd5");

    private final SpotifySandbox sandbox = new SpotifySandbox();
    private final SpotifyClient client = sandbox.client;
    private String aliceToken;

    @BeforeEach
    void connect() throws MusicServiceException {
        aliceToken = sandbox.connect("alice").accessToken();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    // ---------------------------------------------------------------- account

    @Test
    void accountIdIsTheSpotifyUserBehindTheToken() throws Exception {
        String bobToken = sandbox.connect("bob").accessToken();

        assertThat(client.accountId(aliceToken)).isEqualTo("alice");
        assertThat(client.accountId(bobToken)).isEqualTo("bob");
    }

    @Test
    void aRejectedAccessTokenFailsWithoutShowingIt() {
        assertThatThrownBy(() -> client.accountId("BQ-not-a-token"))
                .isInstanceOf(MusicServiceException.class)
                .hasMessageContaining("access token")
                .hasMessageContaining("/v1/me")
                .hasMessageNotContaining("BQ-not-a-token");
    }

    @Test
    void anExpiredAccessTokenIsRejected() {
        sandbox.clock.advance(Duration.ofSeconds(3600));

        assertThatThrownBy(() -> client.accountId(aliceToken))
                .isInstanceOf(MusicServiceException.class).hasMessageNotContaining(aliceToken);
    }

    @Test
    void aMissingAccessTokenFailsWithoutCallingSpotify() {
        long before = sandbox.spotifyCalls();

        assertThatThrownBy(() -> client.accountId(null)).isInstanceOf(MusicServiceException.class);
        assertThatThrownBy(() -> client.recentlyPlayed(" ", Instant.EPOCH)).isInstanceOf(MusicServiceException.class);
        assertThat(sandbox.spotifyCalls()).isEqualTo(before);
    }

    // ---------------------------------------------------------------- tracks

    @Test
    void looksATrackUp() throws Exception {
        Track track = client.track(FERRIS).orElseThrow();

        assertThat(track.id()).isEqualTo(FERRIS);
        assertThat(track.name()).isEqualTo("Ferris Wheel in February");
        assertThat(track.artists()).containsExactly("Marlow Vance");
        assertThat(track.duration()).isEqualTo(Duration.ofMillis(148341));
        assertThat(track.isrc()).contains("QZES72600001");
        assertThat(track.linkedFrom()).isEmpty();
        assertThat(track.title()).isEqualTo("Ferris Wheel in February by Marlow Vance");
        assertThat(track.albumImageUrl()).hasValueSatisfying(url -> assertThat(url).startsWith("https://"));
    }

    @Test
    void tracksAreLookedUpWithOneAppTokenFromTheClientCredentialsGrantReusedUntilShortlyBeforeItExpires()
            throws Exception {
        long tokens = sandbox.tokenCalls();
        client.track(FERRIS);
        client.track(FERRIS_SINGLE);
        assertThat(sandbox.tokenCalls()).as("one app token for both").isEqualTo(tokens + 1);

        sandbox.clock.advance(Duration.ofMinutes(58).plusSeconds(30));
        client.track(NEON_HERON);
        assertThat(sandbox.tokenCalls()).as("still reused").isEqualTo(tokens + 1);

        sandbox.clock.advance(Duration.ofSeconds(31));
        client.track(NEON_HERON_ORIGINAL);
        assertThat(sandbox.tokenCalls()).as("renewed a minute before it expires").isEqualTo(tokens + 2);
    }

    @Test
    void anAppTokenCannotReadAnyonesHistory() throws Exception {
        String appToken = sandbox.appToken();

        assertThatThrownBy(() -> client.recentlyPlayed(appToken, Instant.EPOCH))
                .isInstanceOf(MusicServiceException.class).hasMessageContaining("403");
    }

    @Test
    void twoEditionsOfOneRecordingShareTheirIsrc() throws Exception {
        Track single = client.track(FERRIS_SINGLE).orElseThrow();

        assertThat(single.id()).isEqualTo(FERRIS_SINGLE);
        assertThat(single.isrc()).contains("QZES72600001");
    }

    @Test
    void aRelinkedTrackNamesTheIdThatWasAskedFor() throws Exception {
        Track track = client.track(NEON_HERON_ORIGINAL).orElseThrow();

        assertThat(track.id()).isEqualTo(NEON_HERON);
        assertThat(track.linkedFrom()).contains(NEON_HERON_ORIGINAL);
        assertThat(track.name()).isEqualTo("Neon Heron");
    }

    @Test
    void anUnknownTrackIsEmpty() throws Exception {
        assertThat(client.track(new TrackId("0000000000000000000000"))).isEmpty();
    }

    @Test
    void aTrackFoundIsReusedForTenMinutesWithoutAnotherCallAndATrackNotFoundIsAskedAgain() throws Exception {
        Track first = client.track(FERRIS).orElseThrow();
        long calls = sandbox.spotifyCalls();

        sandbox.clock.advance(SpotifyClient.TRACK_LIFETIME.minusSeconds(1));
        assertThat(client.track(FERRIS)).contains(first);
        assertThat(sandbox.spotifyCalls()).isEqualTo(calls);

        TrackId unknown = new TrackId("0000000000000000000000");
        assertThat(client.track(unknown)).isEmpty();
        assertThat(client.track(unknown)).isEmpty();
        assertThat(sandbox.spotifyCalls()).isEqualTo(calls + 2);

        sandbox.clock.advance(Duration.ofSeconds(1));
        long beforeExpiry = sandbox.spotifyCalls();
        assertThat(client.track(FERRIS)).contains(first);
        assertThat(sandbox.spotifyCalls()).as("asked again after ten minutes").isEqualTo(beforeExpiry + 1);
    }

    @Test
    void keepsEveryArtistInOrder() throws Exception {
        sandbox.addTrack(Map.of("id", "AAAAAAAAAAAAAAAAAAAAAA", "name", "Duet for Two Kettles",
                "artists", List.of("Juniper Halloway", "The Quiet Orchards"), "duration_ms", 200000,
                "album", "Kitchen Sessions"));

        Track track = client.track(new TrackId("AAAAAAAAAAAAAAAAAAAAAA")).orElseThrow();

        assertThat(track.artists()).containsExactly("Juniper Halloway", "The Quiet Orchards");
        assertThat(track.isrc()).isEmpty();
    }

    // ---------------------------------------------------------------- recently played

    @Test
    void recentlyPlayedGivesOnlyThePlaysAfterTheCursorNewestFirst() throws Exception {
        Instant t1 = SpotifySandbox.START.minusSeconds(1800);
        Instant t2 = SpotifySandbox.START.minusSeconds(1200).plusMillis(123);
        Instant t3 = SpotifySandbox.START.minusSeconds(600);
        sandbox.play("alice", FERRIS.value(), t1);
        sandbox.play("alice", POSTCARDS.value(), t2);
        sandbox.play("alice", FERRIS.value(), t3);

        RecentPlays recent = client.recentlyPlayed(aliceToken, t1);

        assertThat(recent.plays()).extracting(Play::playedAt).containsExactly(t3, t2);
        assertThat(recent.plays()).extracting(p -> p.recording().spotifyIds())
                .containsExactly(Set.of(FERRIS), Set.of(POSTCARDS));
        Recording postcards = recent.plays().get(1).recording();
        assertThat(postcards.title()).isEqualTo("Postcards from Lake Orla");
        assertThat(postcards.artists()).isNotEmpty();
        assertThat(recent.pageLimit()).isEqualTo(SpotifyClient.PAGE_LIMIT);
        assertThat(recent.mayHaveGapAfter(t1)).isFalse();
    }

    @Test
    void aPlayAtExactlyTheCursorIsNotAfterIt() throws Exception {
        Instant at = SpotifySandbox.START.minusSeconds(60).plusMillis(500);
        sandbox.play("alice", FERRIS.value(), at);

        assertThat(client.recentlyPlayed(aliceToken, at).plays()).isEmpty();
        assertThat(client.recentlyPlayed(aliceToken, at.minusMillis(1)).plays()).hasSize(1);
        assertThat(client.recentlyPlayed(aliceToken, at.minusNanos(1)).plays())
                .as("a cursor finer than Spotify's milliseconds").hasSize(1);
        assertThat(client.recentlyPlayed(aliceToken, at.plusNanos(1)).plays()).isEmpty();
    }

    @Test
    void recentlyPlayedIsEmptyForSomeoneWhoPlayedNothing() throws Exception {
        RecentPlays recent = client.recentlyPlayed(aliceToken, SpotifySandbox.START.minusSeconds(3600));

        assertThat(recent.plays()).isEmpty();
        assertThat(recent.mayHaveGapAfter(SpotifySandbox.START.minusSeconds(3600))).isFalse();
    }

    @Test
    void aRelinkedPlayCarriesTheIdThatWasPlayed() throws Exception {
        sandbox.play("alice", NEON_HERON_ORIGINAL.value(), SpotifySandbox.START.minusSeconds(10));

        Recording played = client.recentlyPlayed(aliceToken, SpotifySandbox.START.minusSeconds(60)).plays().get(0)
                .recording();

        assertThat(played.spotifyIds()).containsExactlyInAnyOrder(NEON_HERON, NEON_HERON_ORIGINAL);
    }

    @Test
    void asksForFullPagesOfFiftyAndSaysWhenPlaysMayHaveBeenMissed() throws Exception {
        Instant first = SpotifySandbox.START.minus(Duration.ofHours(2));
        for (int i = 0; i < 60; i++) {
            sandbox.play("alice", (i % 2 == 0 ? FERRIS : POSTCARDS).value(), first.plusSeconds(60L * i));
        }
        Instant cursor = first.minusSeconds(1);

        RecentPlays recent = client.recentlyPlayed(aliceToken, cursor);

        assertThat(recent.plays()).hasSize(50);
        assertThat(recent.plays().get(0).playedAt()).isEqualTo(first.plusSeconds(60L * 59));
        assertThat(recent.mayHaveGapAfter(cursor)).isTrue();
    }

    @Test
    void takesAnyCursorEvenBeforeTheEpoch() throws Exception {
        sandbox.play("alice", FERRIS.value(), SpotifySandbox.START.minusSeconds(5));

        assertThat(client.recentlyPlayed(aliceToken, Instant.EPOCH).plays()).hasSize(1);
        assertThat(client.recentlyPlayed(aliceToken, Instant.parse("1969-07-20T20:17:00Z")).plays()).hasSize(1);
        assertThat(client.recentlyPlayed(aliceToken, Instant.MIN).plays()).hasSize(1);
        assertThat(client.recentlyPlayed(aliceToken, Instant.MAX).plays()).isEmpty();
    }

    // ---------------------------------------------------------------- wire format (recording stand-in)

    @Test
    void sendsTheCursorInMillisecondsWithTheLargestPageAndTheTokenAsBearer() throws Exception {
        SpotifyClient probe = sandbox.probeClient();
        sandbox.probeBody = "{\"items\":[],\"next\":null,\"cursors\":null,\"limit\":50}";
        Instant after = Instant.parse("2026-11-25T09:00:00.123456Z");

        probe.recentlyPlayed("BQ-alice", after);

        SpotifySandbox.Probed request = sandbox.probed.get(0);
        assertThat(request.path()).isEqualTo("/probe/api/v1/me/player/recently-played");
        assertThat(SpotifySandbox.query(java.net.URI.create("x:/?" + request.rawQuery())))
                .containsEntry("limit", "50").containsEntry("after", Long.toString(after.toEpochMilli()))
                .doesNotContainKey("before");
        assertThat(request.headers().get("Authorization")).isEqualTo("Bearer BQ-alice");
    }

    @Test
    void aFullPageStillWarnsOfAGapWhenSomeItemsCannotBeRead() throws Exception {
        SpotifyClient probe = sandbox.probeClient();
        Instant cursor = Instant.parse("2026-11-25T08:00:00Z");
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            Instant at = cursor.plusSeconds(60L * (50 - i));
            String track = i == 3
                    ? "{\"id\":null,\"name\":\"home recording.mp3\",\"is_local\":true,\"uri\":\"spotify:local:x\","
                            + "\"artists\":[],\"duration_ms\":1000}"
                    : "{\"id\":\"" + FERRIS.value() + "\",\"name\":\"Ferris Wheel in February\","
                            + "\"artists\":[{\"name\":\"Marlow Vance\"}],\"duration_ms\":148341}";
            String playedAt = i == 7 ? "yesterday" : at.toString();
            items.append(i == 0 ? "" : ",").append("{\"track\":").append(track)
                    .append(",\"played_at\":\"").append(playedAt).append("\"}");
        }
        sandbox.probeBody = "{\"items\":[" + items + "],\"limit\":50}";

        RecentPlays recent = probe.recentlyPlayed("BQ-alice", cursor);

        assertThat(recent.plays()).hasSize(48);
        assertThat(recent.mayHaveGapAfter(cursor)).as("Spotify's page was full").isTrue();
    }

    @Test
    void aPageThatReachesBackToTheCursorHasNoGap() throws Exception {
        SpotifyClient probe = sandbox.probeClient();
        Instant cursor = Instant.parse("2026-11-25T08:00:00Z");
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            Instant at = cursor.plusSeconds(60L * (49 - i));
            items.append(i == 0 ? "" : ",").append("{\"track\":{\"id\":\"").append(FERRIS.value())
                    .append("\",\"name\":\"F\",\"artists\":[],\"duration_ms\":1},\"played_at\":\"")
                    .append(at).append("\"}");
        }
        sandbox.probeBody = "{\"items\":[" + items + "],\"limit\":50}";

        RecentPlays recent = probe.recentlyPlayed("BQ-alice", cursor);

        assertThat(recent.plays()).as("the play at the cursor itself is not after it").hasSize(49);
        assertThat(recent.mayHaveGapAfter(cursor)).isFalse();
    }

    @Test
    void anAnswerThatIsNotJsonIsAnError() {
        SpotifyClient probe = sandbox.probeClient();
        sandbox.probeBody = "<html>oops</html>";

        assertThatThrownBy(() -> probe.recentlyPlayed("BQ-alice", Instant.EPOCH))
                .isInstanceOf(MusicServiceException.class).hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> probe.track(FERRIS)).isInstanceOf(MusicServiceException.class);
    }
}
