package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code STORE} and the variables of each store: defaults, what is required, and clear problems. */
class StoreConfigTest {

    @Test
    void sqliteIsTheDefaultWithItsDefaultFile() {
        assertThat(read(Map.of())).isEqualTo(new StoreConfig.Sqlite(Path.of("send-songs.db")));
        assertThat(read(Map.of("STORE", "SQLite", "SQLITE_PATH", "/var/lib/songs.db")))
                .isEqualTo(new StoreConfig.Sqlite(Path.of("/var/lib/songs.db")));
    }

    @Test
    void howLongAStartWaitsToUpgradeAnOlderFileIsSetInSecondsAndAMistakeIsSaid() {
        assertThat(read(Map.of())).isEqualTo(new StoreConfig.Sqlite(Path.of("send-songs.db"), Duration.ofSeconds(30)));
        assertThat(read(Map.of("SQLITE_UPGRADE_WAIT_SECONDS", "2")))
                .isEqualTo(new StoreConfig.Sqlite(Path.of("send-songs.db"), Duration.ofSeconds(2)));
        for (String wrong : List.of("-1", "3601", "soon", "1.5")) {
            List<String> problems = new ArrayList<>();
            StoreConfig.from(Map.of("SQLITE_UPGRADE_WAIT_SECONDS", wrong), problems);
            assertThat(problems).as(wrong).containsExactly(
                    "SQLITE_UPGRADE_WAIT_SECONDS must be a whole number from 0 to 3600");
        }
    }

    @Test
    void dynamoDbReadsTableRegionEndpointCredentialsAndTableCreation() {
        StoreConfig config = read(Map.of("STORE", "dynamodb", "DYNAMODB_TABLE", "send-songs", "AWS_REGION", "eu-west-1",
                "DYNAMODB_ENDPOINT", "http://localhost:8000", "DYNAMODB_CREATE_TABLE", "true",
                "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret-key-value"));

        assertThat(config).isEqualTo(new StoreConfig.DynamoDb("send-songs", "eu-west-1",
                Optional.of(URI.create("http://localhost:8000")),
                Optional.of(new StoreConfig.AwsKeys("AKIDEXAMPLE", "secret-key-value", Optional.empty())), true));
        assertThat(config.toString()).contains("send-songs", "eu-west-1", "http://localhost:8000")
                .doesNotContain("AKIDEXAMPLE", "secret-key-value");
    }

    @Test
    void withoutKeysTheSdksDefaultChainIsUsedAndTheTableIsNotCreated() {
        StoreConfig.DynamoDb config = (StoreConfig.DynamoDb) read(Map.of("STORE", "dynamodb",
                "DYNAMODB_TABLE", "send-songs", "AWS_REGION", "eu-west-1"));

        assertThat(config.keys()).isEmpty();
        assertThat(config.endpoint()).isEmpty();
        assertThat(config.createTable()).isFalse();
        assertThat(config.toString()).contains("default chain");
    }

    @Test
    void everyMistakeIsNamed() {
        assertThat(problems(Map.of("STORE", "postgres")))
                .containsExactly("STORE must be sqlite or dynamodb, not postgres");
        assertThat(problems(Map.of("STORE", "dynamodb", "DYNAMODB_ENDPOINT", "localhost:8000",
                "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "DYNAMODB_CREATE_TABLE", "yes")))
                .containsExactlyInAnyOrder("DYNAMODB_TABLE is not set (needed with STORE=dynamodb)",
                        "AWS_REGION is not set (needed with STORE=dynamodb)",
                        "DYNAMODB_ENDPOINT must be an http:// or https:// URL such as http://localhost:8000",
                        "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together: set both or neither",
                        "DYNAMODB_CREATE_TABLE must be true or false");
    }

    @Test
    void theServerConfigurationReadsTheStoreAndReportsItsProblemsWithTheOthers() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("STORE", "dynamodb", "AWS_REGION", "eu-west-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DYNAMODB_TABLE is not set").hasMessageContaining("PUBLIC_BASE_URL is not set");

        ServerConfig config = ServerConfig.from(Map.of("PUBLIC_BASE_URL", "https://bot.example",
                "MESSENGER_APP_SECRET", "app-secret", "MESSENGER_VERIFY_TOKEN", "verify",
                "MESSENGER_PAGE_ACCESS_TOKEN", "page-token", "SPOTIFY_CLIENT_ID", "client-id",
                "SPOTIFY_CLIENT_SECRET", "client-secret",
                "TOKEN_ENCRYPTION_KEY", "c2VuZC1zb25ncy10ZXN0LWtleS0zMi1ieXRlcy1sb24=",
                "STORE", "dynamodb", "DYNAMODB_TABLE", "send-songs", "AWS_REGION", "eu-west-1"));
        assertThat(config.store()).isInstanceOf(StoreConfig.DynamoDb.class);
        assertThat(config.toString()).contains("table=send-songs");
    }

    private static StoreConfig read(Map<String, String> values) {
        List<String> problems = new ArrayList<>();
        StoreConfig config = StoreConfig.from(values, problems);
        assertThat(problems).isEmpty();
        return config;
    }

    private static List<String> problems(Map<String, String> values) {
        List<String> problems = new ArrayList<>();
        StoreConfig.from(values, problems);
        return problems;
    }
}
