package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the demo pages read to show whether the bot knows a person: {@code GET /demo/people/{platform}/{id}}. */
class DemoPeopleTest {
    @TempDir
    Path dir;
    private Demo demo;
    private SandboxClient person;

    @BeforeEach
    void start() {
        demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", dir.resolve("send-songs.db").toString(),
                "TICK_SECONDS", "3600"));
        person = new SandboxClient(demo.baseUrl());
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    void saysWhoIsRegisteredWhereTheyListenAndForgetsThemWithForgetMe() throws Exception {
        assertThat(person.get("/demo/people/messenger/alice").body()).isEqualTo("{\"registered\":false}");
        person.ask("alice", "hi");
        assertThat(person.get("/demo/people/messenger/alice").body()).as("someone who only wrote")
                .isEqualTo("{\"registered\":false}");

        person.connectOwn("alice", "lastfm", "alice-fm");
        SandboxClient.Response known = person.get("/demo/people/messenger/alice");
        assertThat(known.status()).as(known.body()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(known.body())).isEqualTo(new ObjectMapper().readTree(
                "{\"registered\":true,\"name\":\"alice\",\"source\":\"lastfm\",\"account\":\"alice-fm\"}"));
        assertThat(known.headers().headers().firstValue("Cache-Control")).hasValue("no-store");

        person.ask("alice", "forget_me");
        person.tap("alice", "forget_me confirm");
        assertThat(person.get("/demo/people/messenger/alice").body()).as("after forget_me")
                .isEqualTo("{\"registered\":false}");
        assertThat(person.get("/demo/people/nowhere!/alice").status()).isEqualTo(400);
    }
}
