package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.testsupport.SandboxControl;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code send-songs messenger-profile} against the Graph emulator, over HTTP: it sets the page's Get Started button,
 * greeting, persistent menu and ice breakers, and the bot answers each of their taps as the postbacks they are.
 */
class MessengerProfileCommandTest {
    @TempDir
    Path dir;
    private Demo demo;
    private SandboxClient sandbox;
    private SandboxControl control;

    @BeforeEach
    void start() {
        demo = Demo.start(Map.of("PORT", "0"));
        sandbox = new SandboxClient(demo.baseUrl());
        control = new SandboxControl(demo.baseUrl());
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    void messengerProfileSetPutsGetStartedGreetingMenuAndIceBreakersOnThePage() throws IOException {
        assertThat(run("--delete").exit()).isZero();
        assertThat(profile().isEmpty()).as(profile().toString()).isTrue();

        Run set = run();

        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).contains("Set the page's Get Started button", "\"get_started\"");
        JsonNode profile = profile();
        assertThat(profile.path("get_started").path("payload").asText()).isEqualTo("start");
        assertThat(profile.path("greeting").get(0).path("locale").asText()).isEqualTo("default");
        assertThat(profile.path("greeting").get(0).path("text").asText()).startsWith("Send Spotify songs to friends")
                .hasSizeLessThanOrEqualTo(160);
        JsonNode menu = profile.path("persistent_menu").get(0).path("call_to_actions");
        assertThat(titles(menu, "title")).containsExactly("Send a song", "My songs", "Groups", "Help");
        assertThat(titles(menu, "payload")).containsExactly("send_song", "history", "groups", "help");
        JsonNode questions = profile.path("ice_breakers").get(0).path("call_to_actions");
        assertThat(titles(questions, "question")).containsExactly("How do I send a song?", "What can you do?",
                "How do groups work?");
        assertThat(run("--show").out()).contains("\"persistent_menu\"");
    }

    @Test
    void theBotAnswersGetStartedTheMenuAndTheIceBreakers() {
        assertThat(tap("newcomer", "Get Started", "start")).singleElement().asString()
                .startsWith("Hi! I'm Send Songs");
        assertThat(sandbox.lastSent("newcomer").path("quick_replies").get(0).path("payload").asText())
                .isEqualTo("connect spotify");

        sandbox.register("alice", "alice-sp", "Alice Smith");
        assertThat(tap("alice", "Get Started", "start")).singleElement().asString().startsWith("Hi Alice!");
        assertThat(tap("alice", "My songs", "history")).singleElement().asString().contains("haven't sent");
        assertThat(tap("alice", "Groups", "groups")).singleElement().asString().contains("group");
        assertThat(tap("alice", "Send a song", "send_song")).singleElement().asString().contains("link");
        assertThat(tap("alice", "Help", "help")).singleElement().asString().contains("send_song");
        assertThat(tap("alice", "How do I send a song?", "help send_song")).singleElement().asString()
                .contains("send_song name:");
    }

    @Test
    void withoutAPageTokenItSaysWhatIsMissingAndGraphsRefusalIsShownWithoutTheToken() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.env"), "");
        Run missing = runWith(empty);
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("MESSENGER_PAGE_ACCESS_TOKEN must be set");

        Path wrong = Files.writeString(dir.resolve("wrong.env"), "MESSENGER_PAGE_ACCESS_TOKEN=not-the-page-token\n"
                + "MESSENGER_GRAPH_BASE_URL=" + demo.baseUrl() + "/sandbox/graph\n");
        Run refused = runWith(wrong);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("Graph refused it (HTTP 400, code 190").doesNotContain("not-the-page-token");
    }

    private List<String> tap(String psid, String title, String payload) {
        int before = sandbox.inbox(psid).size();
        control.tapButton(psid, title, payload);
        List<String> after = sandbox.awaitInbox(psid, inbox -> inbox.size() > before);
        return after.subList(before, after.size());
    }

    private JsonNode profile() {
        return sandbox.get("/sandbox/messenger/profile").json();
    }

    private static List<String> titles(JsonNode items, String field) {
        List<String> titles = new ArrayList<>();
        items.forEach(item -> titles.add(item.path(field).asText()));
        return titles;
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... options) throws IOException {
        Path env = Files.writeString(dir.resolve("graph.env"), "MESSENGER_PAGE_ACCESS_TOKEN=sandbox-page-token\n"
                + "MESSENGER_GRAPH_BASE_URL=" + demo.baseUrl() + "/sandbox/graph\n");
        return runWith(env, options);
    }

    /** Runs the command as {@code main} would, catching what it prints. */
    private static Run runWith(Path env, String... options) {
        List<String> args = new ArrayList<>(List.of("messenger-profile", "--env-file", env.toString()));
        args.addAll(List.of(options));
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.commandLine().execute(args.toArray(String[]::new));
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
