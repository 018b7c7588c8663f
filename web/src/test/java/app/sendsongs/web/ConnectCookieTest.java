package app.sendsongs.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectCookieTest {

    @Test
    void theCookieIsFoundAmongOthersAndAMalformedOneIsIgnored() {
        String value = ConnectCookie.fresh();

        assertThat(ConnectCookie.read("a=1; " + ConnectCookie.NAME + "=" + value + "; b=2")).contains(value);
        assertThat(ConnectCookie.read("$Version=\"1\"; " + ConnectCookie.NAME + "=\"" + value + "\";$Path=\"/\""))
                .as("quoted, as RFC 6265 allows").contains(value);
        assertThat(ConnectCookie.read(ConnectCookie.NAME + "=short")).isEmpty();
        assertThat(ConnectCookie.read(ConnectCookie.NAME + "=" + value + "<script>")).isEmpty();
        assertThat(ConnectCookie.read(null)).isEmpty();
        assertThat(ConnectCookie.read("x".repeat(10_000))).isEmpty();
        assertThat(ConnectCookie.fresh()).isNotEqualTo(value).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void theCookieIsHttpOnlyAndLaxAndSecureOnlyOverHttps() {
        assertThat(ConnectCookie.header("v", true)).isEqualTo(ConnectCookie.NAME
                + "=v; Path=/; Max-Age=900; HttpOnly; SameSite=Lax; Secure");
        assertThat(ConnectCookie.header("v", false)).doesNotContain("Secure").contains("HttpOnly; SameSite=Lax");
    }
}
