package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
        // the webhook confirms echoed messages in the table (a song's watch planned, under the lease): no token key,
        // no page token
        assertThat(WebhookHandler.SETTINGS).containsExactlyInAnyOrder(Setting.MESSENGER_APP_SECRET_PARAMETER,
                Setting.MESSENGER_VERIFY_TOKEN_PARAMETER, Setting.INBOUND_QUEUE_URL, Setting.DYNAMODB_TABLE,
                Setting.WATCH_SCHEDULE, Setting.WATCH_GRACE, Setting.LEASE_SECONDS);
        assertThat(InboundHandler.SETTINGS).contains(Setting.INBOUND_QUEUE_URL,
                Setting.MESSENGER_PAGE_ACCESS_TOKEN_PARAMETER);
        // the registration function reads people's names and tells them in the chat (the page token), no queue
        assertThat(RegistrationHandler.SETTINGS).contains(Setting.MESSENGER_PAGE_ACCESS_TOKEN_PARAMETER)
                .doesNotContain(Setting.INBOUND_QUEUE_URL);
        assertThat(TickHandler.SETTINGS).doesNotContain(Setting.INBOUND_QUEUE_URL);
    }

    /** A value the server refuses for each of its settings a function may read too, with the server's words. */
    private static final Map<String, String> REFUSED = Map.of(
            "SEND_LIMIT_PER_HOUR", "0", "SEND_LIMIT_PER_FRIEND_PER_DAY", "ten", "SEND_LIMIT_OPEN_INVITES", "65536",
            "HELD_MESSAGE_DAYS", "-1", "LEASE_SECONDS", "4", "TELEGRAM_MESSAGES_PER_SECOND", "951");
    private static final Map<String, String> THE_SERVERS_WORDS = Map.of(
            "SEND_LIMIT_PER_HOUR", "SEND_LIMIT_PER_HOUR must be a whole number from 1 to 65535",
            "SEND_LIMIT_PER_FRIEND_PER_DAY", "SEND_LIMIT_PER_FRIEND_PER_DAY must be a whole number from 1 to 65535",
            "SEND_LIMIT_OPEN_INVITES", "SEND_LIMIT_OPEN_INVITES must be a whole number from 1 to 65535",
            "HELD_MESSAGE_DAYS", "HELD_MESSAGE_DAYS must be a whole number from 1 to 65535",
            "LEASE_SECONDS", "LEASE_SECONDS must be a whole number from 5 to 65535",
            "TELEGRAM_MESSAGES_PER_SECOND", "TELEGRAM_MESSAGES_PER_SECOND must be a whole number from 1 to 950");

    @Test
    void aValueTheServerRefusesStopsEveryFunctionThatReadsItAtItsStartInTheServersWords() {
        Map<String, Function<Surroundings, Object>> functions = new LinkedHashMap<>();
        functions.put("webhook", WebhookHandler::new);
        functions.put("telegram_webhook", TelegramWebhookHandler::new);
        functions.put("inbound", InboundHandler::new);
        functions.put("registration", RegistrationHandler::new);
        functions.put("tick", TickHandler::new);
        Set<String> everything = REFUSED.keySet();
        Map<String, Set<String>> reads = Map.of("webhook", Set.of("LEASE_SECONDS"),
                "telegram_webhook", Set.of("TELEGRAM_MESSAGES_PER_SECOND"),
                "inbound", everything, "registration", everything, "tick", everything);

        functions.forEach((function, start) -> REFUSED.forEach((name, refused) -> {
            Map<String, String> environment = new HashMap<>(startable());
            environment.put(name, refused);
            if (reads.get(function).contains(name)) {
                assertThatThrownBy(() -> start.apply(surroundings(environment))).as(function + " with " + name)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining(THE_SERVERS_WORDS.get(name));
            } else {
                assertThat(start.apply(surroundings(environment))).as(function + " ignores " + name).isNotNull();
            }
        }));
    }

    /** Every required setting, with values a function starts with (it reaches AWS only on its first request). */
    private static Map<String, String> startable() {
        Map<String, String> environment = new HashMap<>();
        for (Setting setting : Setting.values()) {
            if (setting.required()) {
                environment.put(setting.name(), "x");
            }
        }
        environment.put(Setting.PUBLIC_BASE_URL.name(), "https://songs.example.org");
        return environment;
    }

    private static Surroundings surroundings(Map<String, String> environment) {
        URI nowhere = URI.create("http://127.0.0.1:9");
        return new Surroundings(environment, new TestAws(nowhere, nowhere, nowhere), StoreOpener.dynamoDb(),
                Clock.systemUTC());
    }

    @Test
    void everySettingIsInTheOperationsGuide() throws IOException {
        String guide = Files.readString(Path.of("../docs/operations.md"));

        for (Setting setting : Setting.values()) {
            assertThat(guide).as("docs/operations.md documents " + setting).contains("`" + setting.name() + "`");
        }
    }
}
