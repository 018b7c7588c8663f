package app.sendsongs.lastfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.sendsongs.core.music.AppRefusedException;
import app.sendsongs.core.music.ConsentRefusedException;
import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.LastfmConnection;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.sandbox.LastfmEmulator;
import app.sendsongs.testsupport.QueryParams;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connecting a Last.fm account: the consent URL, the callback's token and auth.getSession, over real HTTP. */
class LastfmConsentTest {
    private final LastfmSandbox sandbox = new LastfmSandbox();
    private final LastfmClient client = sandbox.client;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theConsentUrlIsLastfmsAuthPageWithTheKeyAndACallbackCarryingTheState() {
        URI url = client.consentUrl("st/ate+1");

        assertThat(url.toString()).startsWith(sandbox.base + "/sandbox/lastfm/api/auth/?api_key=" + LastfmEmulator.API_KEY
                + "&cb=");
        assertThat(QueryParams.of(url).get("cb")).isEqualTo(LastfmSandbox.CALLBACK + "?state=st%2Fate%2B1");
        assertThat(client.kind()).isEqualTo(SourceKind.LASTFM);
        assertThat(new LastfmClient(LastfmConfig.of("k", "secret", "https://bot.example/cb?from=lastfm"))
                .consentUrl("s").toString())
                .isEqualTo("https://www.last.fm/api/auth/?api_key=k&cb=https%3A%2F%2Fbot.example%2Fcb%3Ffrom%3Dlastfm"
                        + "%26state%3Ds");
    }

    @Test
    void theCallbacksTokenBecomesTheUsersSession() throws Exception {
        LastfmSandbox.Consent consent = sandbox.consent(client.consentUrl("s-1"), "Marlow_V");
        assertThat(consent.state()).isEqualTo("s-1");
        assertThat(consent.location()).startsWith(LastfmSandbox.CALLBACK + "?state=s-1&token=");

        LastfmConnection connection = client.completeConsent(consent.token());

        assertThat(connection.userName()).isEqualTo("Marlow_V");
        assertThat(connection.sessionKey()).matches("[0-9a-f]{32}");
        assertThat(connection.toString()).doesNotContain(connection.sessionKey());
        assertThat(client.needsRefresh(connection, Instant.MAX.minusSeconds(1), Duration.ofDays(365))).isFalse();
        assertThat(client.refresh(connection)).isEqualTo(connection);
    }

    @Test
    void aUsedOrExpiredTokenAsksForConsentAgainAndIsNotALostGrant() throws Exception {
        String used = sandbox.consent(client.consentUrl("s"), "amy").token();
        client.completeConsent(used);
        String stale = sandbox.consent(client.consentUrl("s"), "amy").token();
        sandbox.clock.advance(Duration.ofMinutes(61));

        for (String token : new String[] {used, stale, "0123456789abcdef0123456789abcdef"}) {
            MusicServiceException e = catchThrowableOfType(MusicServiceException.class,
                    () -> client.completeConsent(token));
            assertThat(e).isInstanceOf(ConsentRefusedException.class).isNotInstanceOf(GrantRevokedException.class);
            assertThat(e.getMessage()).isEqualTo("Last.fm refused this consent: it was already used, not given, or is "
                    + "more than an hour old.").doesNotContain(token);
        }
        assertThat(catchThrowableOfType(MusicServiceException.class, () -> client.completeConsent(" ")))
                .hasMessageContaining("no Last.fm token");
    }

    @Test
    void aWrongSharedSecretOrApiKeyIsToldAsTheAppsMistake() {
        String token = sandbox.consent(client.consentUrl("s"), "amy").token();

        MusicServiceException badSecret = catchThrowableOfType(MusicServiceException.class, () -> sandbox.client(
                LastfmEmulator.API_KEY, "not-the-secret", LastfmSandbox.fastLimiter()).completeConsent(token));
        MusicServiceException badKey = catchThrowableOfType(MusicServiceException.class, () -> sandbox.client(
                "0000000000000000000000000000000f", "x", LastfmSandbox.fastLimiter()).completeConsent(token));

        assertThat(badSecret).isInstanceOf(AppRefusedException.class)
                .hasMessageContaining("error 13").hasMessageContaining("LASTFM_SHARED_SECRET")
                .message().doesNotContain("not-the-secret");
        assertThat(badKey).isInstanceOf(AppRefusedException.class).hasMessageContaining("error 10")
                .hasMessageContaining("LASTFM_API_KEY");
    }

    @Test
    void aSuspendedApiKeyIsTheAppsRefusalAndLastfmFailingForAWhileIsNot() {
        String token = sandbox.consent(client.consentUrl("s"), "amy").token();
        sandbox.control.faultWithCode("lastfm", 403, 1, 26);
        sandbox.control.faultWithCode("lastfm", 503, 1, 11);
        sandbox.control.faultWithCode("lastfm", 503, 1, 16);

        assertThat(catchThrowableOfType(MusicServiceException.class, () -> client.completeConsent(token)))
                .isInstanceOf(AppRefusedException.class).hasMessageContaining("error 26")
                .hasMessageContaining("suspended");
        for (String offline : new String[] {"error 11", "error 16"}) {
            assertThat(catchThrowableOfType(MusicServiceException.class, () -> client.completeConsent(token)))
                    .isNotInstanceOf(AppRefusedException.class).isNotInstanceOf(ConsentRefusedException.class)
                    .hasMessageContaining(offline);
        }
    }
}
