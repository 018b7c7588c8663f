package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.web.PageHeaders;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot's HTML answers as a browser gets them: hardening headers on each, 4xx for a failed callback. */
class PageSecurityTest {
    @TempDir
    Path dir;
    private Demo demo;
    private SandboxClient client;

    @BeforeEach
    void start() {
        demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", dir.resolve("send-songs.db").toString(),
                "TICK_SECONDS", "3600"));
        client = new SandboxClient(demo.baseUrl());
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    void theConnectRedirectTheCallbackPageAndTheDemoPageSendTheHardeningHeaders() {
        for (SandboxClient.Response response : List.of(client.get("/connect"), client.get("/callback?state=nope&code=x"),
                client.get("/"), client.get("/telegram"))) {
            var headers = response.headers().headers();
            assertThat(headers.firstValue("Content-Security-Policy")).get().asString()
                    .contains("frame-ancestors 'none'").contains("script-src '");
            assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
            assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
        }
    }

    @Test
    void aHeadRequestGetsTheHardeningHeadersAndRunsNoPage() throws IOException {
        for (String path : List.of("/", "/telegram", "/connect", "/callback?state=nope&code=x", "/connect/lastfm")) {
            String head = rawExchange("HEAD " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(head).as(path).contains("X-Frame-Options: DENY", "X-Content-Type-Options: nosniff",
                    "Referrer-Policy: no-referrer", "frame-ancestors 'none'", "Cache-Control: no-store");
            assertThat(head).as(path + ": no cookie, so no page ran").doesNotContain("Set-Cookie");
        }
    }

    @Test
    void theErrorsJettyWritesItselfSendTheHardeningHeadersToo() throws IOException {
        String traversal = "GET /demo/..%2f..%2fetc/passwd HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        String hugeHeader = "GET /connect HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "B".repeat(100_000)
                + "\r\nConnection: close\r\n\r\n";
        String hugeUrl = "GET /connect?link=" + "A".repeat(100_000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n";

        for (String request : List.of(traversal, hugeHeader, hugeUrl)) {
            String head = rawExchange(request);
            assertThat(head).as(head).matches("(?s)HTTP/1.1 4\\d\\d .*")
                    .contains("Content-Security-Policy: default-src 'self'; script-src 'none'")
                    .contains("X-Frame-Options: DENY").contains("X-Content-Type-Options: nosniff")
                    .contains("Referrer-Policy: no-referrer");
        }
    }

    /** The status line and headers of the answer to a request written as is, bypassing any client's checks. */
    private String rawExchange(String request) throws IOException {
        URI base = URI.create(demo.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException answeredBeforeTheEnd) {
                // the server may answer and close while a long request is still being written
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = answer.indexOf("\r\n\r\n");
            return end < 0 ? answer : answer.substring(0, end);
        }
    }

    @Test
    void thePasteFormsPageLetsTheBrowserNameItsOwnSiteAsTheOriginOfThePost() {
        // With no-referrer a browser sends "Origin: null" with a form post, and the post would be refused as
        // coming from nowhere; same-origin names the page's site to the page's site only.
        SandboxClient.Response pastePage = client.get("/connect/listenbrainz");
        SandboxClient.Response pasteAgain = client.paste(pastePage, "not a token!");

        for (SandboxClient.Response page : List.of(pastePage, pasteAgain)) {
            assertThat(page.body()).contains("name=\"token\"");
            assertThat(page.headers().headers().firstValue("Referrer-Policy")).contains("same-origin");
        }
    }

    @Test
    void aFailedCallbackAnswers400() {
        SandboxClient.Response unknownState = client.get("/callback?state=never-issued&code=x");

        assertThat(unknownState.status()).isEqualTo(400);
        assertThat(unknownState.body()).contains("expired or was already used");
    }

    @Test
    void theDemoPagesPolicyAllowsExactlyTheirOwnInlineScriptAndTheSharedOne() {
        SandboxClient.Response shared = client.get(Demo.SHARED_SCRIPT);
        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.headers().headers().firstValue("Content-Type")).get().asString()
                .startsWith("text/javascript");
        assertThat(shared.headers().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(shared.body()).contains("const SendSongsDemo", "fetch(");

        for (String path : List.of("/", "/telegram")) {
            SandboxClient.Response page = client.get(path);
            String inline = Demo.inlineScript(page.body());

            assertThat(page.headers().headers().firstValue("Content-Security-Policy")).get().asString().as(path)
                    .contains("; script-src " + PageHeaders.hashSource(inline) + " "
                            + PageHeaders.hashSource(shared.body()) + ";");
            assertThat(page.body()).as(path).containsOnlyOnce("<script src=\"" + Demo.SHARED_SCRIPT + "\" integrity=\""
                    + PageHeaders.integrity(shared.body()) + "\"></script>").containsOnlyOnce("<script>");
            assertThat(inline).as(path).contains("SendSongsDemo");
        }
    }
}
