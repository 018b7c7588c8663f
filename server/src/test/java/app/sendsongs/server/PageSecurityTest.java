package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.web.PageHeaders;
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
