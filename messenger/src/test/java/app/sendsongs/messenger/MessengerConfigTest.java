package app.sendsongs.messenger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessengerConfigTest {

    @Test
    void defaultsToTheRealGraphApi() {
        MessengerConfig config = MessengerConfig.of("page-token", "app-secret", "verify-token");

        assertThat(config.sendApiEndpoint()).isEqualTo("https://graph.facebook.com/v25.0/me/messages");
    }

    @Test
    void takesAnotherBaseUrlWithAPathPrefixAndAnotherVersion() {
        MessengerConfig config = new MessengerConfig(" http://localhost:8080/sandbox/graph/ ", " /v19.0/ ",
                "t", "s", "v");

        assertThat(config.sendApiEndpoint()).isEqualTo("http://localhost:8080/sandbox/graph/v19.0/me/messages");
    }

    @Test
    void blankBaseUrlAndVersionMeanTheDefaults() {
        MessengerConfig config = new MessengerConfig("  ", "", "t", "s", "v");

        assertThat(config.graphBaseUrl()).isEqualTo(MessengerConfig.DEFAULT_GRAPH_BASE_URL);
        assertThat(config.graphVersion()).isEqualTo(MessengerConfig.DEFAULT_GRAPH_VERSION);
    }

    @Test
    void toStringShowsWhereButNoSecret() {
        MessengerConfig config = new MessengerConfig("http://graph.test", "v1.0", "EAAB-page-token",
                "app-secret-value", "verify-token-value");

        assertThat(config.toString()).contains("http://graph.test").contains("v1.0")
                .doesNotContain("EAAB-page-token").doesNotContain("app-secret-value")
                .doesNotContain("verify-token-value");
        assertThat(MessengerConfig.of(null, "", "x").toString()).contains("pageAccessToken=<unset>");
    }
}
