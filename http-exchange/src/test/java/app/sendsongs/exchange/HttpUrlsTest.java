package app.sendsongs.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpUrlsTest {

    @Test
    void aBaseLosesSpacesAndTrailingSlashesAndABlankOneIsTheFallback() {
        assertThat(HttpUrls.base(" http://localhost:1/sandbox/lastfm// ", "x")).isEqualTo("http://localhost:1/sandbox/lastfm");
        assertThat(HttpUrls.base("  ", "https://ws.audioscrobbler.com")).isEqualTo("https://ws.audioscrobbler.com");
        assertThat(HttpUrls.base(null, "f")).isEqualTo("f");
    }

    @Test
    void onlyAbsoluteHttpUrlsWithAHostAreAccepted() {
        assertThat(HttpUrls.isAbsoluteHttp("https://bot.example/callback?x=1")).isTrue();
        assertThat(HttpUrls.isAbsoluteHttp("http://localhost:8080/cb")).isTrue();
        assertThat(HttpUrls.isAbsoluteHttp("/callback")).isFalse();
        assertThat(HttpUrls.isAbsoluteHttp("ftp://bot.example/cb")).isFalse();
        assertThat(HttpUrls.isAbsoluteHttp("https:///nohost")).isFalse();
        assertThat(HttpUrls.isAbsoluteHttp("https://bad host/")).isFalse();
        assertThat(HttpUrls.isAbsoluteHttp(null)).isFalse();
    }
}
