package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    @Test
    void everyCommandsHelpDocumentsEveryOptionAndEveryEnvironmentVariable() {
        for (String command : new String[] {"serve", "demo"}) {
            String help = help(command, "--help");
            for (ServerConfig.Variable variable : ServerConfig.VARIABLES) {
                assertThat(help).as(command + " --help").contains(variable.name());
            }
            assertThat(help).contains("--port", "--host", "--public-base-url", "--sqlite-path", "--watch-schedule", "--env-file");
        }
        assertThat(help("--help")).contains("serve", "demo", "sandbox", "telegram-setup", "MESSENGER_APP_SECRET",
                "TELEGRAM_BOT_TOKEN");
    }

    @Test
    void withoutACommandItListsTheEnvironmentVariablesAsHelpDoes() {
        CommandRun run = CommandRun.of();

        assertThat(run.out()).contains("Commands:", "serve", "PUBLIC_BASE_URL", "TELEGRAM_BOT_TOKEN", "METRICS_TOKEN");
    }

    @Test
    void telegramSetupsHelpNamesOnlyTheVariablesItReads() {
        String help = help("telegram-setup", "--help");

        assertThat(help).contains("--env-file", "PUBLIC_BASE_URL", "TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET",
                "TELEGRAM_API_BASE_URL", "/telegram/webhook", "setWebhook", "setMyCommands");
        assertThat(help).doesNotContain("TOKEN_ENCRYPTION_KEY", "SQLITE_PATH", "MESSENGER_APP_SECRET");
    }

    @Test
    void everyEnvironmentVariableIsInTheOperationsGuidesConfigurationReference() throws IOException {
        String guide = Files.readString(Path.of("../docs/operations.md"));

        for (ServerConfig.Variable variable : ServerConfig.VARIABLES) {
            assertThat(guide).as("docs/operations.md documents " + variable.name())
                    .containsPattern("(?m)^\\| [^|]*`" + variable.name() + "`");
        }
    }

    @Test
    void theSandboxCommandsHelpNamesItsOptionsAndOnlyTheVariablesItReads() {
        String help = help("sandbox", "--help");

        assertThat(help).contains("--port", "--host", "--bot-webhook-url", "--env-file", "MESSENGER_GRAPH_BASE_URL",
                "LISTENBRAINZ_API_BASE_URL=<base>/sandbox/listenbrainz");
        StandaloneSandbox.VARIABLES.forEach(name -> assertThat(help).contains(name));
        assertThat(help).doesNotContain("TOKEN_ENCRYPTION_KEY", "SQLITE_PATH");
    }

    @Test
    void theMessengerProfileCommandsHelpNamesOnlyTheGraphVariables() {
        String help = help("messenger-profile", "--help");

        assertThat(help).contains("--show", "--delete", "--env-file", "MESSENGER_PAGE_ACCESS_TOKEN",
                "MESSENGER_GRAPH_BASE_URL", "MESSENGER_GRAPH_VERSION");
        assertThat(help).doesNotContain("TOKEN_ENCRYPTION_KEY", "SQLITE_PATH", "MESSENGER_APP_SECRET");
        assertThat(help("--help")).contains("messenger-profile");
    }

    @Test
    void serveWithoutSecretsNamesEveryMissingVariableAndExitsNonZero() {
        assertThat(ServerConfigProblems.of(Map.of("PORT", "80"))).contains("PUBLIC_BASE_URL is not set",
                "no chat platform is configured", "SPOTIFY_CLIENT_SECRET is not set", "TOKEN_ENCRYPTION_KEY is not set");
        assertThat(ServerConfigProblems.of(Map.of("MESSENGER_APP_SECRET", "s")))
                .contains("MESSENGER_VERIFY_TOKEN is not set", "MESSENGER_PAGE_ACCESS_TOKEN is not set")
                .doesNotContain("no chat platform");
        assertThat(ServerConfigProblems.of(Map.of("PORT", "eighty"))).contains("PORT must be a whole number");
        assertThat(ServerConfigProblems.of(Map.of("TOKEN_ENCRYPTION_KEY", "c2hvcnQ="))).contains("32 bytes");
    }

    @Test
    void theSendLimitsAreReadWithTheCapOnOpenInvites() {
        Map<String, String> values = Map.of("PUBLIC_BASE_URL", "https://bot.example", "MESSENGER_APP_SECRET", "s",
                "MESSENGER_VERIFY_TOKEN", "v", "MESSENGER_PAGE_ACCESS_TOKEN", "p", "SPOTIFY_CLIENT_ID", "c",
                "SPOTIFY_CLIENT_SECRET", "cs", "TOKEN_ENCRYPTION_KEY", "c2VuZC1zb25ncy10ZXN0LWtleS0zMi1ieXRlcy1sb24=");
        assertThat(ServerConfig.from(values).sendLimits().openInvites()).isEqualTo(20);
        Map<String, String> capped = new java.util.HashMap<>(values);
        capped.put("SEND_LIMIT_OPEN_INVITES", " 3 ");
        assertThat(ServerConfig.from(capped).sendLimits()).isEqualTo(new app.sendsongs.core.share.SendLimits(20, 10, 3));
        for (String bad : new String[] {"0", "-1", "many", "70000"}) {
            assertThat(ServerConfigProblems.of(Map.of("SEND_LIMIT_OPEN_INVITES", bad))).as(bad)
                    .contains("SEND_LIMIT_OPEN_INVITES must be a whole number from 1 to 65535");
        }
    }

    @Test
    void aPublicBaseUrlThatIsNotAnAbsoluteHttpUrlIsRefusedInOneLine() {
        for (String bad : new String[] {"bot.example.com", "/relative", "ftp://bot.example", "https://", "javascript:x"}) {
            assertThat(ServerConfigProblems.of(Map.of("PUBLIC_BASE_URL", bad))).as(bad)
                    .contains("PUBLIC_BASE_URL must be an absolute http(s) URL").doesNotContain("\n");
        }
        assertThat(ServerConfigProblems.of(Map.of("PUBLIC_BASE_URL", "https://bot.example.com/base")))
                .doesNotContain("PUBLIC_BASE_URL must");
    }

    @Test
    void aGraphVersionThatIsNotOfTheFormGraphNamesIsRefusedAtStartNotAtTheFirstSend() throws IOException {
        for (String bad : new String[] {"25.0", "v25", "25", "version 25", "v25.0/me"}) {
            assertThat(ServerConfigProblems.of(Map.of("MESSENGER_GRAPH_VERSION", bad))).as(bad)
                    .contains("MESSENGER_GRAPH_VERSION must be a Graph API version such as v25.0, not " + bad);
        }
        assertThat(ServerConfigProblems.of(Map.of("MESSENGER_GRAPH_VERSION", "v26.0")))
                .doesNotContain("MESSENGER_GRAPH_VERSION");
        Path env = Files.writeString(Files.createTempDirectory("env").resolve("env"),
                "MESSENGER_PAGE_ACCESS_TOKEN=page-token\nMESSENGER_GRAPH_BASE_URL=http://127.0.0.1:9\n"
                        + "MESSENGER_GRAPH_VERSION=25.0\n");

        CommandRun profile = CommandRun.of("messenger-profile", "--env-file", env.toString());

        assertThat(profile.exit()).isEqualTo(2);
        assertThat(profile.err().strip())
                .isEqualTo("MESSENGER_GRAPH_VERSION must be a Graph API version such as v25.0, not 25.0");
    }

    @Test
    void theDemoListensOnLoopbackUnlessToldOtherwise() {
        try (Demo demo = Demo.start(Map.of("PORT", "0"))) {
            assertThat(demo.config().host()).isEqualTo("127.0.0.1");
        }
        try (Demo demo = Demo.start(Map.of("PORT", "0", "HOST", "0.0.0.0"))) {
            assertThat(demo.config().host()).isEqualTo("0.0.0.0");
        }
    }

    @Test
    void theConfigurationNeverPrintsASecret() {
        ServerConfig config = ServerConfig.from(Map.of("PUBLIC_BASE_URL", "https://bot.example",
                "MESSENGER_APP_SECRET", "app-secret-value", "MESSENGER_VERIFY_TOKEN", "verify-value",
                "MESSENGER_PAGE_ACCESS_TOKEN", "page-token-value", "SPOTIFY_CLIENT_ID", "client-id",
                "SPOTIFY_CLIENT_SECRET", "client-secret-value",
                "TOKEN_ENCRYPTION_KEY", "c2VuZC1zb25ncy10ZXN0LWtleS0zMi1ieXRlcy1sb24="));
        assertThat(config.toString()).doesNotContain("app-secret-value", "verify-value", "page-token-value",
                "client-secret-value", "c2VuZC1zb25ncy10ZXN0").contains("https://bot.example");
    }

    @Test
    void anEnvFileThatCannotBeReadIsAConfigurationErrorSaidInOneLine() throws IOException {
        Path missing = Files.createTempDirectory("env").resolve("env");
        for (String command : new String[] {"serve", "status", "backup", "restore", "telegram-setup",
                "messenger-profile", "sandbox"}) {
            String[] args = command.equals("backup") || command.equals("restore")
                    ? new String[] {command, "--env-file", missing.toString(), "copy.db"}
                    : new String[] {command, "--env-file", missing.toString()};

            CommandRun run = CommandRun.of(args);

            assertThat(run.exit()).as(command).isEqualTo(2);
            assertThat(run.err().strip()).as(command).isEqualTo("cannot read the env file " + missing
                    + ": there is no such file");
        }
    }

    @Test
    void anEnvFileSavedWithAByteOrderMarkKeepsItsFirstSettingAndALineThatIsNoSettingIsNamed() throws IOException {
        Path dir = Files.createTempDirectory("env");
        Path database = dir.resolve("bot.db");
        Demo.start(Map.of("PORT", "0", "SQLITE_PATH", database.toString())).close();
        Path env = dir.resolve("env");
        Files.writeString(env, "\uFEFFSQLITE_PATH=" + database + "\r\nexport LOG_FORMAT=json\r\n# a comment\r\n");

        CommandRun backup = CommandRun.of("backup", "--env-file", env.toString(), dir.resolve("copy.db").toString());

        assertThat(backup.exit()).as(backup.err()).isZero();
        assertThat(dir.resolve("copy.db")).exists();
        assertThat(backup.err().strip()).isEqualTo("Warning: line 2 of the env file " + env
                + " is not KEY=VALUE (a name of letters, digits and _, then =): it is ignored");
    }

    @Test
    void anEnvFileSettingThatNoSettingReadsIsNamedWithTheNameItWasMostLikelyMeantToBe() throws IOException {
        Path dir = Files.createTempDirectory("env");
        Path database = dir.resolve("bot.db");
        Demo.start(Map.of("PORT", "0", "SQLITE_PATH", database.toString())).close();
        Path env = dir.resolve("env");
        Files.writeString(env, String.join("\n", "SQLITE_PATH=" + database, "METRICS_TOKN=a-secret-token-value",
                "send_limit_per_hour=5", "AWS_SECRET_ACCESS_KEY=aws-secret", "FAVOURITE_COLOUR=blue", ""));

        CommandRun backup = CommandRun.of("backup", "--env-file", env.toString(), dir.resolve("copy.db").toString());

        assertThat(backup.exit()).as(backup.err()).isZero();
        assertThat(backup.err().strip().lines()).containsExactly(
                "Warning: line 2 of the env file " + env + " sets METRICS_TOKN, which no setting reads: it is ignored "
                        + "(did you mean METRICS_TOKEN?)",
                "Warning: line 3 of the env file " + env + " sets send_limit_per_hour, which no setting reads: it is "
                        + "ignored (did you mean SEND_LIMIT_PER_HOUR?)",
                "Warning: line 5 of the env file " + env + " sets FAVOURITE_COLOUR, which no setting reads: it is "
                        + "ignored");
        assertThat(backup.err()).doesNotContain("a-secret-token-value", "blue");
    }

    private static String help(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute(args);
        assertThat(exit).isZero();
        return out.toString();
    }

    private static final class ServerConfigProblems {
        static String of(Map<String, String> values) {
            try {
                ServerConfig.from(values);
                return "";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
    }
}
