package app.sendsongs.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SpotifyConfigTest {

    @Test
    void defaultsToTheRealSpotifyHosts() {
        SpotifyConfig config = SpotifyConfig.of("client-id", "client-secret", "https://bot.example/callback");

        assertThat(config.accountsBaseUrl()).isEqualTo("https://accounts.spotify.com");
        assertThat(config.apiBaseUrl()).isEqualTo("https://api.spotify.com");
    }

    @Test
    void takesBaseUrlsWithAPathPrefixAndDropsTrailingSlashes() {
        SpotifyConfig config = new SpotifyConfig(" http://localhost:8080/sandbox/accounts/ ",
                "http://localhost:8080/sandbox/api//", "id", "secret", "http://localhost:8080/callback");

        assertThat(config.accountsBaseUrl()).isEqualTo("http://localhost:8080/sandbox/accounts");
        assertThat(config.apiBaseUrl()).isEqualTo("http://localhost:8080/sandbox/api");
    }

    @Test
    void requiresClientIdSecretAndRedirectUri() {
        assertThatThrownBy(() -> SpotifyConfig.of(" ", "secret", "https://x/cb"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("client id");
        assertThatThrownBy(() -> SpotifyConfig.of("id", null, "https://x/cb"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("client secret");
        assertThatThrownBy(() -> SpotifyConfig.of("id", "secret", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redirect URI");
    }

    @Test
    void toStringNeverShowsTheClientSecret() {
        SpotifyConfig config = SpotifyConfig.of("client-id-1", "very-secret-value", "https://bot.example/callback");

        assertThat(config.toString()).contains("client-id-1").contains("https://bot.example/callback")
                .doesNotContain("very-secret-value");
    }

    @Test
    void aGrantNeverShowsItsTokens() {
        SpotifyGrant grant = new SpotifyGrant("BQ-access-value", Instant.parse("2026-11-25T11:00:00Z"),
                "AQ-refresh-value");

        assertThat(grant.toString()).contains("2026-11-25T11:00:00Z")
                .doesNotContain("BQ-access-value").doesNotContain("AQ-refresh-value");
    }
}
