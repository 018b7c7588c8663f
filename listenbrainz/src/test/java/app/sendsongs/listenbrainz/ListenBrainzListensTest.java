package app.sendsongs.listenbrainz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.ListenBrainzConnection;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.music.Recording;
import app.sendsongs.core.music.TrackId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading listens with {@link ListenBrainzClient#recentPlays} from the emulated ListenBrainz, over real HTTP. */
class ListenBrainzListensTest {
    private static final Instant NOW = ListenBrainzSandbox.START;
    private static final Instant HOUR_AGO = NOW.minus(Duration.ofHours(1));
    private static final TrackId FERRIS = new TrackId("sw0KSZFy2XPBgUm7JydSrm");
    private static final TrackId FERRIS_SINGLE = new TrackId("u199toNJxbe9vLUJHiPlZ5");

    private final ListenBrainzSandbox sandbox = new ListenBrainzSandbox();
    private final ListenBrainzClient client = sandbox.client;
    private ListenBrainzConnection rob;

    @BeforeEach
    void connect() throws MusicServiceException {
        rob = sandbox.connect("rob");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aListenImportedFromSpotifyCarriesItsTrackIdAndIsrc() throws Exception {
        sandbox.control.listen("rob", Map.of("artist", "Marlow Vance", "track", "Ferris Wheel in February",
                "spotify_id", "https://open.spotify.com/track/" + FERRIS_SINGLE.value(), "at", "2026-11-25T09:30:00Z"));

        Play play = client.recentPlays(rob, HOUR_AGO).plays().get(0);

        assertThat(play.playedAt()).isEqualTo(Instant.parse("2026-11-25T09:30:00Z"));
        assertThat(play.recording().spotifyIds()).containsExactly(FERRIS_SINGLE);
        assertThat(play.recording().isrc()).isPresent();
        assertThat(play.recording().artists()).containsExactly("Marlow Vance");
        Recording shared = new Recording(Set.of(FERRIS), play.recording().isrc(), Optional.empty(),
                List.of("Marlow Vance"), "Ferris Wheel in February");
        assertThat(shared.sameSongAs(play.recording())).as("the single edition, by ISRC").isTrue();
    }

    @Test
    void aListenFromAnotherPlayerMatchesByMusicBrainzIdOrNames() throws Exception {
        sandbox.control.listen("rob", Map.of("artist", "Röyksopp", "track", "Some Resolve",
                "recording_mbid", "30d08f4c-d825-4ae1-b79c-44242cddd7c0", "at", "2026-11-25T09:40:00Z"));
        sandbox.control.listen("rob", Map.of("artist", "Neon Heron", "track", "Glasshouse",
                "at", "2026-11-25T09:50:00Z"));

        RecentPlays recent = client.recentPlays(rob, HOUR_AGO);

        assertThat(recent.plays()).extracting(p -> p.recording().title()).containsExactly("Glasshouse", "Some Resolve");
        assertThat(recent.plays().get(1).recording().musicBrainzId()).contains("30d08f4c-d825-4ae1-b79c-44242cddd7c0");
        assertThat(recent.plays().get(0).recording().spotifyIds()).isEmpty();
        assertThat(Recording.named("Neon Heron", "Glasshouse").sameSongAs(recent.plays().get(0).recording())).isTrue();
        assertThat(recent.mayHaveGapAfter(HOUR_AGO)).isFalse();
    }

    @Test
    void onlyListensAfterTheCursorCount() throws Exception {
        sandbox.control.listen("rob", Map.of("artist", "A", "track", "At the cursor", "at", HOUR_AGO.toString()));
        sandbox.control.listen("rob", Map.of("artist", "A", "track", "After", "at", HOUR_AGO.plusSeconds(1).toString()));

        assertThat(client.recentPlays(rob, HOUR_AGO).plays()).extracting(p -> p.recording().title())
                .containsExactly("After");
    }

    @Test
    void moreListensThanOneAnswerHoldsAreReadAcrossAnswers() throws Exception {
        sandbox.listens("rob", 2300, NOW);
        long before = sandbox.calls("listens");

        RecentPlays recent = client.recentPlays(rob, NOW.minus(Duration.ofDays(3)));

        assertThat(recent.plays()).hasSize(2300);
        assertThat(recent.plays()).extracting(Play::playedAt).doesNotHaveDuplicates()
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(sandbox.calls("listens") - before).isEqualTo(3);
        assertThat(recent.mayHaveGapAfter(NOW.minus(Duration.ofDays(3)))).isFalse();
        assertThat(recent.newerUnread()).isFalse();
    }

    @Test
    void beyondFiveAnswersTheOldestAreReadAndTheNextReadGoesOn() throws Exception {
        sandbox.listens("rob", 5200, NOW);
        Instant cursor = NOW.minus(Duration.ofDays(5));

        RecentPlays first = client.recentPlays(rob, cursor);

        assertThat(first.plays()).hasSizeGreaterThanOrEqualTo(4990).hasSizeLessThan(5200);
        assertThat(first.plays().get(first.plays().size() - 1).recording().title()).isEqualTo("Track 0");
        assertThat(first.mayHaveGapAfter(cursor)).isFalse();
        assertThat(first.newerUnread()).as("the newest listens are left for the next read").isTrue();
        RecentPlays next = client.recentPlays(rob, first.plays().get(0).playedAt());
        assertThat(next.newerUnread()).isFalse();
        assertThat(first.plays().size() + next.plays().size()).isEqualTo(5200);
        assertThat(next.plays().get(0).recording().title()).isEqualTo("Track 5199");
    }

    @Test
    void aReadOfTheWholeHistoryIsTheNewestThousandAndSaysItIsFull() throws Exception {
        sandbox.listens("rob", 1200, NOW);
        long before = sandbox.calls("listens");

        RecentPlays window = client.recentPlays(rob, Instant.EPOCH);

        assertThat(window.plays()).hasSize(1000);
        assertThat(window.plays().get(0).recording().title()).isEqualTo("Track 1199");
        assertThat(sandbox.calls("listens") - before).isEqualTo(1);
        assertThat(window.mayHaveGapAfter(NOW.minus(Duration.ofDays(2)))).isTrue();
    }

    @Test
    void aUserWhoIsGoneMustConnectAgain() {
        sandbox.control.deleteListenBrainzUser("rob");

        GrantRevokedException gone = catchThrowableOfType(GrantRevokedException.class,
                () -> client.recentPlays(rob, HOUR_AGO));

        assertThat(gone).hasMessageContaining("renamed or deleted").message().doesNotContain(rob.userToken());
    }

    @Test
    void aResetTokenStillReadsPublicListens() throws Exception {
        sandbox.control.listen("rob", Map.of("artist", "A", "track", "T", "at", NOW.minusSeconds(30).toString()));
        sandbox.control.resetListenBrainzToken("rob");

        assertThat(client.recentPlays(rob, HOUR_AGO).plays()).hasSize(1);
    }

    @Test
    void userNamesAreEscapedInThePath() throws Exception {
        ListenBrainzClient probe = sandbox.probeClient(Duration.ofSeconds(2));
        sandbox.probeBody = "{\"payload\":{\"count\":0,\"listens\":[]}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        probe.recentPlays(new ListenBrainzConnection("a b.c", "tok-12345678"), HOUR_AGO);

        assertThat(sandbox.probed.get(0).get("path")).isEqualTo("/probe/1/user/a%20b.c/listens");
        assertThat(sandbox.probed.get(0).get("query")).isEqualTo("count=1000&min_ts=" + HOUR_AGO.getEpochSecond());
        assertThat(sandbox.probed.get(0).get("authorization")).isEqualTo("Token tok-12345678");
    }
}
