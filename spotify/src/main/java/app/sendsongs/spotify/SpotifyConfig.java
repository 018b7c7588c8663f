package app.sendsongs.spotify;

import app.sendsongs.exchange.HttpUrls;

/**
 * How to reach Spotify. Base URLs may carry a path prefix (the sandbox: {@code http://host:port/sandbox/accounts}
 * and {@code http://host:port/sandbox/api}); {@code /authorize}, {@code /api/token} and {@code /v1/...} are appended.
 * {@link #toString()} never shows the client secret.
 *
 * @param accountsBaseUrl {@value #DEFAULT_ACCOUNTS_BASE_URL} when null or blank
 * @param apiBaseUrl      {@value #DEFAULT_API_BASE_URL} when null or blank
 * @param redirectUri     the registration callback, exactly as registered with the Spotify app
 */
public record SpotifyConfig(String accountsBaseUrl, String apiBaseUrl, String clientId, String clientSecret,
                            String redirectUri) {
    public static final String DEFAULT_ACCOUNTS_BASE_URL = "https://accounts.spotify.com";
    public static final String DEFAULT_API_BASE_URL = "https://api.spotify.com";

    public SpotifyConfig {
        accountsBaseUrl = HttpUrls.base(accountsBaseUrl, DEFAULT_ACCOUNTS_BASE_URL);
        apiBaseUrl = HttpUrls.base(apiBaseUrl, DEFAULT_API_BASE_URL);
        require(clientId, "the Spotify client id");
        require(clientSecret, "the Spotify client secret");
        require(redirectUri, "the Spotify redirect URI");
    }

    /** The real Spotify hosts. */
    public static SpotifyConfig of(String clientId, String clientSecret, String redirectUri) {
        return new SpotifyConfig(null, null, clientId, clientSecret, redirectUri);
    }

    @Override
    public String toString() {
        return "SpotifyConfig[accountsBaseUrl=" + accountsBaseUrl + ", apiBaseUrl=" + apiBaseUrl + ", clientId="
                + clientId + ", clientSecret=<redacted>, redirectUri=" + redirectUri + "]";
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must be set");
        }
    }
}
