package app.sendsongs.lastfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LastfmConfigTest {

    @Test
    void theRealHostsAreTheDefaultsAndBaseUrlsLoseTheirTrailingSlashes() {
        LastfmConfig real = LastfmConfig.of("key", "secret", "https://bot.example/callback/lastfm");
        LastfmConfig sandbox = new LastfmConfig("http://localhost:1/sandbox/lastfm/", " http://localhost:1/x// ",
                "key", "secret", "http://localhost:1/callback/lastfm");

        assertThat(real.webBaseUrl()).isEqualTo("https://www.last.fm");
        assertThat(real.apiBaseUrl()).isEqualTo("https://ws.audioscrobbler.com");
        assertThat(sandbox.webBaseUrl()).isEqualTo("http://localhost:1/sandbox/lastfm");
        assertThat(sandbox.apiBaseUrl()).isEqualTo("http://localhost:1/x");
    }

    @Test
    void everyCredentialAndAnAbsoluteCallbackAreRequired() {
        assertThatThrownBy(() -> LastfmConfig.of("", "s", "https://b/cb")).hasMessageContaining("API key");
        assertThatThrownBy(() -> LastfmConfig.of("k", null, "https://b/cb")).hasMessageContaining("shared secret");
        assertThatThrownBy(() -> LastfmConfig.of("k", "s", " ")).hasMessageContaining("callback");
        assertThatThrownBy(() -> LastfmConfig.of("k", "s", "/callback/lastfm")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> LastfmConfig.of("k", "s", "ftp://b/cb")).hasMessageContaining("absolute");
    }

    @Test
    void theSharedSecretIsNeverShown() {
        assertThat(LastfmConfig.of("key", "s3cr3t-value", "https://b/cb").toString()).contains("key")
                .doesNotContain("s3cr3t-value");
    }

    @Test
    void theSignatureIsTheDocumentedOne() {
        // https://lastfm-docs.github.io/api-docs/auth/signature/: format is left out, the secret goes last
        Map<String, String> params = Map.of("method", "auth.getSession", "api_key", "YOUR_API_KEY",
                "token", "YOUR_REQUESTED_TOKEN", "format", "json");

        assertThat(LastfmSignature.sign(params, "YOUR_SECRET")).isEqualTo("94539006de89b3c6b3c030bb1e52b9c4");
    }
}
