package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.sandbox.TelegramEmulator;
import app.sendsongs.testsupport.SandboxControl;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Telegram in the configuration, each chat platform optional, and the {@code telegram-setup} command. */
class TelegramConfigurationTest {
    private static final String KEY = "c2VuZC1zb25ncy10ZXN0LWtleS0zMi1ieXRlcy1sb24=";
    private static final String SECRET = "a-webhook-secret_0123456789";

    private static Map<String, String> common() {
        Map<String, String> values = new HashMap<>(Map.of("PUBLIC_BASE_URL", "https://bot.example",
                "SPOTIFY_CLIENT_ID", "client-id", "SPOTIFY_CLIENT_SECRET", "client-secret-value",
                "TOKEN_ENCRYPTION_KEY", KEY));
        return values;
    }

    private static Map<String, String> telegramOnly() {
        Map<String, String> values = common();
        values.put("TELEGRAM_BOT_TOKEN", TelegramEmulator.BOT_TOKEN);
        values.put("TELEGRAM_WEBHOOK_SECRET", SECRET);
        return values;
    }

    @Test
    void aTelegramOnlyBotNeedsNoMessengerValues() {
        ServerConfig config = ServerConfig.from(telegramOnly());

        assertThat(config.messengerConfigured()).isFalse();
        assertThat(config.telegram()).hasValueSatisfying(telegram ->
                assertThat(telegram.api().apiBaseUrl()).isEqualTo("https://api.telegram.org"));
        assertThat(config.telegram().orElseThrow().api().messagesPerSecond()).isEqualTo(28);
        assertThat(config.toString()).contains("messenger=off", "telegram=https://api.telegram.org at 28/s")
                .doesNotContain(TelegramEmulator.BOT_TOKEN, "AAHsandbox", SECRET);
    }

    @Test
    void theTelegramValuesGoTogetherAndMustBeWellFormed() {
        Map<String, String> tokenOnly = common();
        tokenOnly.put("TELEGRAM_BOT_TOKEN", TelegramEmulator.BOT_TOKEN);
        assertThatThrownBy(() -> ServerConfig.from(tokenOnly))
                .hasMessageContaining("TELEGRAM_WEBHOOK_SECRET is not set");

        Map<String, String> bad = telegramOnly();
        bad.put("TELEGRAM_BOT_TOKEN", "not a token");
        bad.put("TELEGRAM_WEBHOOK_SECRET", "has spaces and !");
        assertThatThrownBy(() -> ServerConfig.from(bad))
                .hasMessageContaining("TELEGRAM_BOT_TOKEN: ").hasMessageContaining("TELEGRAM_WEBHOOK_SECRET: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not a token", "has spaces"));
    }

    @Test
    void aFasterPaceIsForABotWithPaidBroadcastsAndHasItsLimit() {
        Map<String, String> paid = telegramOnly();
        paid.put("TELEGRAM_MESSAGES_PER_SECOND", "950");
        assertThat(ServerConfig.from(paid).telegram().orElseThrow().api().paidBroadcast()).isTrue();

        paid.put("TELEGRAM_MESSAGES_PER_SECOND", "951");
        assertThatThrownBy(() -> ServerConfig.from(paid)).hasMessageContaining("TELEGRAM_MESSAGES_PER_SECOND must be");
    }

    @Test
    void withoutAnyChatPlatformTheServerDoesNotStart() {
        assertThatThrownBy(() -> ServerConfig.from(common())).hasMessageContaining("no chat platform is configured");
    }

    @Test
    void telegramSetupPointsTelegramAtTheWebhookWithTheSecretAndSetsTheMenu() {
        try (StandaloneSandbox sandbox = StandaloneSandbox.start(Map.of(), "127.0.0.1", 0,
                "http://localhost:1/webhook")) {
            String base = "http://localhost:" + sandbox.port();
            Map<String, String> values = telegramOnly();
            values.put("TELEGRAM_API_BASE_URL", base + "/sandbox/telegram");
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int exit = TelegramSetupCommand.setUp(values, new PrintStream(out), System.err);

            assertThat(exit).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("@" + TelegramEmulator.BOT_USERNAME,
                    "https://bot.example/telegram/webhook");
            JsonNode webhook = new SandboxControl(base).telegramWebhook();
            assertThat(webhook.path("url").asText()).isEqualTo("https://bot.example/telegram/webhook");
            assertThat(webhook.path("secret_token_set").asBoolean()).isTrue();
            assertThat(webhook.path("allowed_updates")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder("message", "edited_message", "callback_query", "my_chat_member");
        }
    }

    @Test
    void telegramSetupWithNothingSetNamesEveryMissingValueAtOnce() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(TelegramSetupCommand.setUp(Map.of(), System.out, new PrintStream(err))).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("PUBLIC_BASE_URL is not set",
                "TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET are not set");
    }

    @Test
    void telegramSetupSaysWhatIsWrongWithoutShowingTheToken() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> values = telegramOnly();
        values.put("TELEGRAM_API_BASE_URL", "http://localhost:1");

        assertThat(TelegramSetupCommand.setUp(values, System.out, new PrintStream(err))).isEqualTo(1);
        assertThat(TelegramSetupCommand.setUp(Map.of(), System.out, new PrintStream(err))).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Telegram setup failed", "PUBLIC_BASE_URL is not set")
                .doesNotContain(TelegramEmulator.BOT_TOKEN, "AAHsandbox");
    }
}
