package app.sendsongs.listenbrainz;

import app.sendsongs.exchange.HttpUrls;

/**
 * How to reach ListenBrainz, and where people give the app their user token.
 *
 * @param apiBaseUrl   {@value #DEFAULT_API_BASE_URL} when null or blank (the sandbox:
 *                     {@code http://host:port/sandbox/listenbrainz}); {@code /1/...} is appended
 * @param tokenPageUrl the app's own page where a person pastes their ListenBrainz user token: ListenBrainz has no
 *                     consent page for user tokens, it shows each person theirs on {@value #SETTINGS_PAGE}
 */
public record ListenBrainzConfig(String apiBaseUrl, String tokenPageUrl) {
    public static final String DEFAULT_API_BASE_URL = "https://api.listenbrainz.org";
    public static final String SETTINGS_PAGE = "https://listenbrainz.org/settings/";

    public ListenBrainzConfig {
        apiBaseUrl = HttpUrls.base(apiBaseUrl, DEFAULT_API_BASE_URL);
        if (!HttpUrls.isAbsoluteHttp(tokenPageUrl)) {
            throw new IllegalArgumentException("the ListenBrainz token page must be an absolute http(s) URL");
        }
    }

    /** The real ListenBrainz. */
    public static ListenBrainzConfig of(String tokenPageUrl) {
        return new ListenBrainzConfig(null, tokenPageUrl);
    }
}
