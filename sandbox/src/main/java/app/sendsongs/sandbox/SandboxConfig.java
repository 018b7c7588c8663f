package app.sendsongs.sandbox;

/**
 * What the emulators need to know about the bot they stand in front of.
 *
 * @param botWebhookUrl       where {@code /sandbox/messenger/send} POSTs webhook events (may be null, set later)
 * @param appSecret           Messenger app secret: key of the {@code X-Hub-Signature-256} HMAC
 * @param pageId              the Facebook page the bot speaks for
 * @param pageAccessToken     the only token the Graph Send API emulator accepts
 * @param spotifyClientId     the only Spotify client the accounts emulator knows
 * @param spotifyClientSecret its secret
 */
public record SandboxConfig(String botWebhookUrl, String appSecret, String pageId, String pageAccessToken,
                            String spotifyClientId, String spotifyClientSecret) {

    public SandboxConfig {
        require(appSecret, "appSecret");
        require(pageId, "pageId");
        require(pageAccessToken, "pageAccessToken");
        require(spotifyClientId, "spotifyClientId");
        require(spotifyClientSecret, "spotifyClientSecret");
    }

    /** Fixed, well-known sandbox credentials (demo mode and tests). */
    public static SandboxConfig defaults(String botWebhookUrl) {
        return new SandboxConfig(botWebhookUrl, "sandbox-app-secret", "100000000000001",
                "sandbox-page-access-token", "sandbox-client-id", "sandbox-client-secret");
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be set");
        }
    }
}
