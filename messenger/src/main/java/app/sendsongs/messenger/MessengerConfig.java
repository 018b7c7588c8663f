package app.sendsongs.messenger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import java.util.Objects;

/**
 * How to reach the Messenger Platform. {@link #toString()} never shows the page token, the app secret
 * or the verify token.
 *
 * @param graphBaseUrl    scheme, host and optional path prefix of the Graph API ({@value #DEFAULT_GRAPH_BASE_URL}
 *                        when null or blank); the sandbox is {@code http://host:port/sandbox/graph}
 * @param graphVersion    Graph API version segment ({@value #DEFAULT_GRAPH_VERSION} when null or blank)
 * @param pageAccessToken the page token the Send API needs
 * @param appSecret       the app secret that keys {@code X-Hub-Signature-256}
 * @param verifyToken     the token Messenger sends back on webhook verification
 * @param page            the page's username or id, which its {@code m.me} links name; null when not configured (then
 *                        the bot gives no links to itself)
 */
public record MessengerConfig(String graphBaseUrl, String graphVersion, String pageAccessToken, String appSecret,
                              String verifyToken, String page) {
    public static final String DEFAULT_GRAPH_BASE_URL = "https://graph.facebook.com";
    public static final String DEFAULT_GRAPH_VERSION = "v25.0";

    public MessengerConfig {
        graphBaseUrl = graphBaseUrl == null || graphBaseUrl.isBlank() ? DEFAULT_GRAPH_BASE_URL
                : stripTrailingSlashes(graphBaseUrl.trim());
        graphVersion = graphVersion == null || graphVersion.isBlank() ? DEFAULT_GRAPH_VERSION
                : graphVersion.trim().replaceAll("^/+|/+$", "");
        page = page == null || page.isBlank() ? null : page.strip();
        if (page != null && !isPageName(page)) {
            throw new IllegalArgumentException("a page is named by its username or id (letters, digits, '.', '-', "
                    + "'_')");
        }
    }

    /** Whether {@code page} can be a page's username or id: 1 to 100 letters, digits, {@code .}, {@code -}, {@code _}. */
    public static boolean isPageName(String page) {
        return page.matches("[A-Za-z0-9._-]{1,100}");
    }

    /**
     * Whether {@code version} names a Graph API version as the request path takes it: {@code v}, then the major and
     * minor numbers ({@code v25.0}). Anything else in its place reads as a node id, and every call fails.
     */
    public static boolean isGraphVersion(String version) {
        return version.strip().matches("v\\d{1,3}\\.\\d{1,2}");
    }

    /** Without the page (no {@code m.me} links). */
    public MessengerConfig(String graphBaseUrl, String graphVersion, String pageAccessToken, String appSecret,
                           String verifyToken) {
        this(graphBaseUrl, graphVersion, pageAccessToken, appSecret, verifyToken, null);
    }

    /** Production Graph URL and version. */
    public static MessengerConfig of(String pageAccessToken, String appSecret, String verifyToken) {
        return new MessengerConfig(null, null, pageAccessToken, appSecret, verifyToken, null);
    }

    /** {@code <graphBaseUrl>/<graphVersion>/<psid>}: a person's node, for the User Profile API, without the access token. */
    public String profileEndpoint(String psid) {
        return graphBaseUrl + "/" + graphVersion + "/" + URLEncoder.encode(psid, StandardCharsets.UTF_8);
    }

    /** {@code <graphBaseUrl>/<graphVersion>/me/messages}, without the access token. */
    public String sendApiEndpoint() {
        return graphBaseUrl + "/" + graphVersion + "/me/messages";
    }

    /** {@code <graphBaseUrl>/<graphVersion>/me/messenger_profile}, without the access token. */
    public String messengerProfileEndpoint() {
        return graphBaseUrl + "/" + graphVersion + "/me/messenger_profile";
    }

    @Override
    public String toString() {
        return "MessengerConfig[graphBaseUrl=" + graphBaseUrl + ", graphVersion=" + graphVersion
                + ", pageAccessToken=" + mask(pageAccessToken) + ", appSecret=" + mask(appSecret)
                + ", verifyToken=" + mask(verifyToken) + ", page=" + page + "]";
    }

    private static String mask(String secret) {
        return secret == null || secret.isEmpty() ? "<unset>" : "<redacted>";
    }

    private static String stripTrailingSlashes(String url) {
        String s = Objects.requireNonNull(url);
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
