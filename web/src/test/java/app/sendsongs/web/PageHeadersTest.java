package app.sendsongs.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.registration.CallbackResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PageHeadersTest {
    @Test
    void everyPageForbidsFramingSniffingReferrersAndForeignScript() {
        assertThat(PageHeaders.forPage("'nonce-abc'"))
                .containsEntry("X-Frame-Options", "DENY")
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Referrer-Policy", "no-referrer")
                .hasEntrySatisfying("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("script-src 'nonce-abc';").contains("frame-ancestors 'none'")
                        .contains("object-src 'none'").doesNotContain("script-src 'unsafe-inline'"));
    }

    @Test
    void theCallbackScriptCarriesTheNonceItsPolicyNames() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        String page = CallbackPage.render(new CallbackResult.Connected(SourceKind.SPOTIFY, "K7PQ-2MXD",
                now.plusSeconds(900)), now, "n0nce", "");

        assertThat(page).contains("<script nonce=\"n0nce\">");
    }

    @Test
    void aScriptHashIsTheBase64Sha256OfItsText() {
        // echo -n "alert(1)" | openssl dgst -sha256 -binary | base64
        assertThat(PageHeaders.hashSource("alert(1)")).isEqualTo("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
        assertThat(PageHeaders.integrity("alert(1)")).isEqualTo("sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=");
    }
}
