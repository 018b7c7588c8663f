package app.sendsongs.listenbrainz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.sendsongs.core.music.ConsentRefusedException;
import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.ListenBrainzConnection;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.SourceKind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connecting a ListenBrainz account with a pasted user token, checked over real HTTP. */
class ListenBrainzConsentTest {
    private final ListenBrainzSandbox sandbox = new ListenBrainzSandbox();
    private final ListenBrainzClient client = sandbox.client;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theConsentUrlIsTheAppsOwnTokenPageCarryingTheState() {
        assertThat(client.kind()).isEqualTo(SourceKind.LISTENBRAINZ);
        assertThat(client.consentUrl("a b").toString()).isEqualTo(ListenBrainzSandbox.TOKEN_PAGE + "?state=a+b");
        assertThat(new ListenBrainzClient(ListenBrainzConfig.of("https://bot.example/connect?source=lb"))
                .consentUrl("s").toString()).isEqualTo("https://bot.example/connect?source=lb&state=s");
    }

    @Test
    void aValidTokenBecomesTheUsersConnection() throws Exception {
        String token = sandbox.control.listenBrainzToken("rob");

        ListenBrainzConnection connection = client.completeConsent("  " + token + "\n");

        assertThat(connection.userName()).isEqualTo("rob");
        assertThat(connection.userToken()).isEqualTo(token);
        assertThat(connection.toString()).doesNotContain(token);
        assertThat(client.needsRefresh(connection, Instant.MAX.minusSeconds(1), Duration.ofDays(1))).isFalse();
        assertThat(client.refresh(connection)).isEqualTo(connection);
    }

    @Test
    void anUnknownOrResetTokenIsRefusedWithWhatToDo() throws Exception {
        String old = sandbox.control.listenBrainzToken("rob");
        sandbox.control.resetListenBrainzToken("rob");

        MusicServiceException e = catchThrowableOfType(MusicServiceException.class, () -> client.completeConsent(old));

        assertThat(e).isNotInstanceOf(GrantRevokedException.class)
                .hasMessageContaining("does not know this user token").hasMessageContaining("listenbrainz.org/settings");
        assertThat(e.getMessage()).doesNotContain(old);
    }

    @Test
    void somethingThatIsNotATokenIsRefusedWithoutAsking() {
        long before = sandbox.calls("validate-token");
        for (String pasted : new String[] {"", "   ", "token with spaces", "x".repeat(5000), "<script>", null}) {
            assertThat(catchThrowableOfType(MusicServiceException.class, () -> client.completeConsent(pasted)))
                    .hasMessageContaining("not a ListenBrainz user token");
        }
        assertThat(sandbox.calls("validate-token")).isEqualTo(before);
    }

    @Test
    void aTokenPastedWithTheWordsAroundItIsFoundInThem() throws Exception {
        String token = sandbox.control.listenBrainzToken("rob");

        for (String pasted : new String[] {"User token: " + token, "Token " + token, "\"" + token + "\"",
            "my token is " + token + "\nthanks", token.toUpperCase()}) {
            assertThat(client.completeConsent(pasted).userName()).as(pasted).isEqualTo("rob");
        }
    }

    @Test
    void aPastedProfileAddressIsToldItIsNotTheTokenWithoutAsking() {
        long before = sandbox.calls("validate-token");
        for (String pasted : new String[] {"https://listenbrainz.org/user/rob/", "listenbrainz.org/user/rob",
            "https://listenbrainz.org/user/rob%20smith/stats/"}) {
            assertThat(catchThrowableOfType(ConsentRefusedException.class, () -> client.completeConsent(pasted)))
                    .as(pasted).hasMessageContaining("address of your ListenBrainz profile")
                    .hasMessageContaining("user token").hasMessageContaining("listenbrainz.org/settings");
        }
        assertThat(sandbox.calls("validate-token")).isEqualTo(before);
    }

    @Test
    void aPastedUserNameIsToldTheTokenIsAnother() throws Exception {
        sandbox.control.listenBrainzToken("robertsmith");

        assertThat(catchThrowableOfType(ConsentRefusedException.class, () -> client.completeConsent("robertsmith")))
                .hasMessageContaining("not your user name").hasMessageContaining("listenbrainz.org/settings");
    }

    @Test
    void theTokenPageMustBeAnAbsoluteUrl() {
        assertThatThrownBy(() -> ListenBrainzConfig.of("/callback/listenbrainz")).hasMessageContaining("absolute");
        assertThat(ListenBrainzConfig.of("https://b/cb").apiBaseUrl()).isEqualTo("https://api.listenbrainz.org");
        assertThat(new ListenBrainzConfig("http://localhost:1/x/", "https://b/cb").apiBaseUrl())
                .isEqualTo("http://localhost:1/x");
    }
}
