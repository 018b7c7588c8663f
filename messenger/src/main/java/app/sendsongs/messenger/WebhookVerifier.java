package app.sendsongs.messenger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Answers Messenger's subscription handshake: {@code GET <webhook>?hub.mode=subscribe&hub.verify_token=..&hub.challenge=..}.
 * When {@link #verify} is empty the caller answers 403.
 */
public final class WebhookVerifier {
    private final byte[] verifyToken;

    public WebhookVerifier(String verifyToken) {
        if (verifyToken == null || verifyToken.isEmpty()) {
            throw new IllegalArgumentException("the webhook verify token must be set");
        }
        this.verifyToken = verifyToken.getBytes(StandardCharsets.UTF_8);
    }

    /** The challenge to echo back with 200 when the mode is {@code subscribe} and the token matches; empty otherwise. */
    public Optional<String> verify(String mode, String token, String challenge) {
        if (!"subscribe".equals(mode) || token == null || challenge == null) {
            return Optional.empty();
        }
        boolean matches = MessageDigest.isEqual(verifyToken, token.getBytes(StandardCharsets.UTF_8));
        return matches ? Optional.of(challenge) : Optional.empty();
    }
}
