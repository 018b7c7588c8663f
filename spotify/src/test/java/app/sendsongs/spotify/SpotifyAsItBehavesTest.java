package app.sendsongs.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.music.ConsentRefusedException;
import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.PersonNotAllowedException;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.testsupport.SandboxControl;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter against Spotify as it really behaves, through the emulator: development mode's plain-text 403, plays
 * that show when they end or later, empty histories as 204, local files without an id, grants that end six months
 * after consent, and refreshes that do not always return a refresh token; a cursor past every play gives a page with
 * {@code "cursors":null}.
 */
class SpotifyAsItBehavesTest {
    private static final TrackId FERRIS = new TrackId("sw0KSZFy2XPBgUm7JydSrm");
    private final SpotifySandbox sandbox = new SpotifySandbox();
    private final SandboxControl control = new SandboxControl(sandbox.base);
    private final SpotifyClient client = sandbox.client;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private SpotifyConnection connect(String user) throws Exception {
        return client.completeConsent(sandbox.consent(client.authorizeUrl("s-" + user), user).code());
    }

    @Test
    void aPersonBeyondTheDevelopmentModeLimitIsNotAllowedAndTheCatalogueStillAnswers() throws Exception {
        control.spotifyUserLimit(1);
        connect("first");

        assertThatThrownBy(() -> connect("second")).isInstanceOf(PersonNotAllowedException.class)
                .hasMessageContaining("User not registered in the Developer Dashboard")
                .hasMessageContaining("development mode");
        assertThat(client.track(FERRIS)).isPresent();
    }

    @Test
    void aPersonWhoseAppFilledUpAfterTheyJoinedIsRefusedOnEveryRead() throws Exception {
        connect("early");
        SpotifyConnection late = connect("late");
        control.spotifyUserLimit(1);

        assertThatThrownBy(() -> client.recentPlays(late, Instant.EPOCH)).isInstanceOf(PersonNotAllowedException.class);
    }

    @Test
    void anEmptyHistoryIsNoPlaysAndAPlayCountsOnlyOnceItEnded() throws Exception {
        SpotifyConnection connection = connect("ava");

        assertThat(client.recentPlays(connection, Instant.EPOCH).plays()).isEmpty();
        control.play("ava", FERRIS.value());
        assertThat(client.recentPlays(connection, Instant.EPOCH).plays()).as("still playing").isEmpty();
        sandbox.clock.advance(Duration.ofMinutes(7));
        RecentPlays plays = client.recentPlays(connection, Instant.EPOCH);
        assertThat(plays.plays()).singleElement().satisfies(play -> assertThat(play.playedAt())
                .isAfter(SpotifySandbox.START));
    }

    @Test
    void aCursorPastEveryPlayIsAnEmptyPageWithNullCursorsNotAFailure() throws Exception {
        SpotifyConnection connection = connect("abe");
        sandbox.play("abe", FERRIS.value(), sandbox.clock.instant().minus(Duration.ofMinutes(5)));

        RecentPlays none = client.recentPlays(connection, sandbox.clock.instant());

        assertThat(none.plays()).isEmpty();
        assertThat(none.mayHaveGapAfter(sandbox.clock.instant())).isFalse();
    }

    @Test
    void aPlayThatShowsLateCarriesTheTimeItEnded() throws Exception {
        SpotifyConnection connection = connect("bea");
        Instant ended = sandbox.clock.instant();
        control.playLate("bea", FERRIS.value(), ended, Duration.ofMinutes(20));

        sandbox.clock.advance(Duration.ofMinutes(19));
        assertThat(client.recentPlays(connection, Instant.EPOCH).plays()).isEmpty();
        sandbox.clock.advance(Duration.ofMinutes(1));
        assertThat(client.recentPlays(connection, Instant.EPOCH).plays()).singleElement()
                .satisfies(play -> assertThat(play.playedAt()).isEqualTo(ended));
    }

    @Test
    void aLocalFileIsLeftOutWithoutHidingThatThePageWasFull() throws Exception {
        SpotifyConnection connection = connect("cy");
        Instant start = sandbox.clock.instant().minus(Duration.ofHours(3));
        for (int i = 0; i < 50; i++) {
            if (i == 25) {
                sandbox.sandbox.spotify().playLocal("cy", new app.sendsongs.sandbox.SandboxUser.LocalTrack(
                        "Voice memo", "Cy", 60_000), start.plusSeconds(60L * i), Duration.ZERO);
            } else {
                sandbox.play("cy", FERRIS.value(), start.plusSeconds(60L * i));
            }
        }

        RecentPlays page = client.recentPlays(connection, start.minusSeconds(3600));
        assertThat(page.plays()).hasSize(49);
        assertThat(page.mayHaveGapAfter(start.minusSeconds(3600))).as("Spotify's page was full").isTrue();
    }

    @Test
    void aGrantEndsSixMonthsAfterTheConsentHoweverOftenItIsRefreshedAndKeepsItsConsentTime() throws Exception {
        SpotifyConnection connection = connect("dee");
        assertThat(connection.consentedAt()).isEqualTo(SpotifySandbox.START);
        assertThat(connection.grantEndsAt()).contains(Instant.parse("2027-05-25T10:00:00Z"));

        for (int month = 0; month < 6; month++) {
            sandbox.clock.advance(Duration.ofDays(29));
            SpotifyConnection refreshed = client.refresh(connection);
            assertThat(refreshed.consentedAt()).isEqualTo(SpotifySandbox.START);
            assertThat(refreshed.refreshToken()).as("kept when none came back").isNotBlank();
            assertThat(client.recentPlays(refreshed, Instant.EPOCH).plays()).isEmpty();
            connection = refreshed;
        }
        sandbox.clock.advance(Duration.ofDays(10));
        SpotifyConnection ended = connection;

        assertThatThrownBy(() -> client.refresh(ended)).isInstanceOf(GrantRevokedException.class)
                .hasMessageContaining("invalid_grant");
    }

    @Test
    void aConsentCodeUsedTwiceIsRefusedInWordsForThePerson() throws Exception {
        String code = sandbox.consent(client.authorizeUrl("s"), "eve").code();
        client.completeConsent(code);

        assertThatThrownBy(() -> client.completeConsent(code)).isInstanceOf(ConsentRefusedException.class)
                .hasMessage("Spotify refused this consent: it was already used or has expired.");
    }
}
