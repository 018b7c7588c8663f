package app.sendsongs.lastfm;

import app.sendsongs.exchange.HttpUrls;

/**
 * How to reach Last.fm. Base URLs may carry a path prefix (the sandbox: {@code http://host:port/sandbox/lastfm}
 * for both); {@code /api/auth/} is appended to the web base and {@code /2.0/} to the web service base.
 * {@link #toString()} never shows the shared secret.
 *
 * @param webBaseUrl  {@value #DEFAULT_WEB_BASE_URL} when null or blank: where people allow the app
 * @param apiBaseUrl  {@value #DEFAULT_API_BASE_URL} when null or blank: the web service
 * @param callbackUrl the page Last.fm sends people back to with their {@code token}
 */
public record LastfmConfig(String webBaseUrl, String apiBaseUrl, String apiKey, String sharedSecret,
                           String callbackUrl) {
    public static final String DEFAULT_WEB_BASE_URL = "https://www.last.fm";
    public static final String DEFAULT_API_BASE_URL = "https://ws.audioscrobbler.com";

    public LastfmConfig {
        webBaseUrl = HttpUrls.base(webBaseUrl, DEFAULT_WEB_BASE_URL);
        apiBaseUrl = HttpUrls.base(apiBaseUrl, DEFAULT_API_BASE_URL);
        require(apiKey, "the Last.fm API key");
        require(sharedSecret, "the Last.fm shared secret");
        require(callbackUrl, "the Last.fm callback URL");
        if (!HttpUrls.isAbsoluteHttp(callbackUrl)) {
            throw new IllegalArgumentException("the Last.fm callback URL must be an absolute http(s) URL");
        }
    }

    /** The real Last.fm hosts. */
    public static LastfmConfig of(String apiKey, String sharedSecret, String callbackUrl) {
        return new LastfmConfig(null, null, apiKey, sharedSecret, callbackUrl);
    }

    @Override
    public String toString() {
        return "LastfmConfig[webBaseUrl=" + webBaseUrl + ", apiBaseUrl=" + apiBaseUrl + ", apiKey=" + apiKey
                + ", sharedSecret=<redacted>, callbackUrl=" + callbackUrl + "]";
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must be set");
        }
    }
}
