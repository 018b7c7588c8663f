package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private static final List<Setting> DECLARED = List.of(Setting.DYNAMODB_TABLE, Setting.PUBLIC_BASE_URL,
            Setting.SPOTIFY_CLIENT_SECRET_PARAMETER, Setting.WATCH_SCHEDULE, Setting.SPOTIFY_API_BASE_URL);

    @Test
    void everyMissingRequiredVariableIsNamedAtOnce() {
        assertThatThrownBy(() -> Settings.read(Map.of("PUBLIC_BASE_URL", "https://x", "DYNAMODB_TABLE", " "), DECLARED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DYNAMODB_TABLE is not set")
                .hasMessageContaining("SPOTIFY_CLIENT_SECRET_PARAMETER is not set")
                .hasMessageNotContaining("WATCH_SCHEDULE");
    }

    @Test
    void aMalformedScheduleIsAConfigurationProblem() {
        assertThatThrownBy(() -> Settings.read(Map.of("DYNAMODB_TABLE", "t", "PUBLIC_BASE_URL", "https://x",
                "SPOTIFY_CLIENT_SECRET_PARAMETER", "/p", "WATCH_SCHEDULE", "soon"), DECLARED))
                .hasMessageContaining("WATCH_SCHEDULE");
    }

    @Test
    void aBaseUrlWithoutItsSchemeOrAPageGivenAsALinkIsRefusedAsTheServerRefusesThem() {
        List<Setting> declared = List.of(Setting.PUBLIC_BASE_URL, Setting.MESSENGER_PAGE);

        assertThatThrownBy(() -> Settings.read(Map.of("PUBLIC_BASE_URL", "songs.example.org",
                "MESSENGER_PAGE", "https://m.me/sendsongs"), declared))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PUBLIC_BASE_URL must be an absolute http(s) URL")
                .hasMessageContaining("MESSENGER_PAGE must be the page's username or id");
        assertThat(Settings.read(Map.of("PUBLIC_BASE_URL", "https://songs.example.org/",
                "MESSENGER_PAGE", "send.songs-1"), declared).optional(Setting.MESSENGER_PAGE)).contains("send.songs-1");
    }

    @Test
    void valuesAreReadOptionalOnesMayBeAbsentAndUndeclaredOnesAreRefused() {
        Settings settings = Settings.read(Map.of("DYNAMODB_TABLE", " t ", "PUBLIC_BASE_URL", "https://x",
                "SPOTIFY_CLIENT_SECRET_PARAMETER", "/p", "SPOTIFY_CLIENT_ID", "not declared"), DECLARED);

        assertThat(settings.get(Setting.DYNAMODB_TABLE)).isEqualTo("t");
        assertThat(settings.optional(Setting.SPOTIFY_API_BASE_URL)).isEmpty();
        assertThat(settings.parameters()).containsExactly(Setting.SPOTIFY_CLIENT_SECRET_PARAMETER);
        assertThatThrownBy(() -> settings.get(Setting.SPOTIFY_CLIENT_ID)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not among this function's settings");
    }

    @Test
    void eachHandlerDeclaresItsSettingsOnceAndOnlyTheSecretsItNeeds() {
        for (List<Setting> settings : List.of(InboundHandler.SETTINGS, RegistrationHandler.SETTINGS,
                TickHandler.SETTINGS)) {
            assertThat(settings).doesNotHaveDuplicates()
                    .contains(Setting.DYNAMODB_TABLE, Setting.PUBLIC_BASE_URL, Setting.TOKEN_ENCRYPTION_KEY_PARAMETER)
                    .doesNotContain(Setting.MESSENGER_APP_SECRET_PARAMETER, Setting.MESSENGER_VERIFY_TOKEN_PARAMETER);
        }
        // the webhook confirms echoed messages in the table (a song's watch planned): no token key, no page token
        assertThat(WebhookHandler.SETTINGS).containsExactlyInAnyOrder(Setting.MESSENGER_APP_SECRET_PARAMETER,
                Setting.MESSENGER_VERIFY_TOKEN_PARAMETER, Setting.INBOUND_QUEUE_URL, Setting.DYNAMODB_TABLE,
                Setting.WATCH_SCHEDULE, Setting.WATCH_GRACE);
        assertThat(InboundHandler.SETTINGS).contains(Setting.INBOUND_QUEUE_URL,
                Setting.MESSENGER_PAGE_ACCESS_TOKEN_PARAMETER);
        // the registration function reads people's names and tells them in the chat (the page token), no queue
        assertThat(RegistrationHandler.SETTINGS).contains(Setting.MESSENGER_PAGE_ACCESS_TOKEN_PARAMETER)
                .doesNotContain(Setting.INBOUND_QUEUE_URL);
        assertThat(TickHandler.SETTINGS).doesNotContain(Setting.INBOUND_QUEUE_URL);
    }

    @Test
    void everySettingIsInTheOperationsGuide() throws IOException {
        String guide = Files.readString(Path.of("../docs/operations.md"));

        for (Setting setting : Setting.values()) {
            assertThat(guide).as("docs/operations.md documents " + setting).contains("`" + setting.name() + "`");
        }
    }
}
