package app.sendsongs.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The secret given to {@code setWebhook} as {@code secret_token}: Telegram then sends it in the
 * {@value #HEADER} header of every update (https://core.telegram.org/bots/api#setwebhook), and an update without
 * it is not from Telegram. 1-256 characters of {@code A-Z a-z 0-9 _ -}. The check compares SHA-256 digests in
 * constant time, so neither the content nor the length of the secret leaks through timing.
 */
public final class WebhookSecret {
    public static final String HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private final String secret;
    private final byte[] digest;

    public WebhookSecret(String secret) {
        if (secret == null || !ALLOWED.matcher(secret).matches()) {
            throw new IllegalArgumentException("a webhook secret is 1-256 characters of A-Z, a-z, 0-9, _ and -");
        }
        this.secret = secret;
        this.digest = sha256(secret);
    }

    /** A fresh secret of 32 random bytes (43 characters). */
    public static WebhookSecret random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new WebhookSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** True only when the header carries exactly this secret; false for a missing header. */
    public boolean matches(String header) {
        return header != null && MessageDigest.isEqual(digest, sha256(header));
    }

    /** The secret itself, for {@code setWebhook}. */
    String value() {
        return secret;
    }

    @Override
    public String toString() {
        return "WebhookSecret[<redacted>]";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
