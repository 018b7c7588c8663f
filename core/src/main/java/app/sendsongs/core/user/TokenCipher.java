package app.sendsongs.core.user;

import app.sendsongs.core.shared.AesGcm;
import app.sendsongs.core.shared.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Seals people's Spotify tokens before a store writes them, so a copied database or backup does
 * not hand out access to anyone's listening history. AES-256-GCM ({@link AesGcm}) with a fresh 96-bit nonce
 * per value; a sealed value reads {@code v1.<base64url(nonce ‖ ciphertext ‖ tag)>}. Values written
 * before sealing was switched on (no {@code v1.} prefix) are read as they are and sealed on their
 * next write. While a key is being replaced, a cipher may also open what the previous key sealed
 * ({@link #openingAlso}), so every process can take the new key before the stored tokens are sealed again.
 */
public final class TokenCipher {
    private static final String PREFIX = "v1.";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(TokenCipher.class.getName());

    private final byte[] key;
    private final AesGcm cipher;
    /** The key being replaced, which still opens what it sealed; null when none is. */
    private final TokenCipher previous;
    private final AtomicBoolean toldUnreadable = new AtomicBoolean();

    private TokenCipher(byte[] key, TokenCipher previous) {
        this.cipher = AesGcm.withKey(key);
        this.key = key.clone();
        this.previous = previous;
    }

    /** A key given as base64 of 32 random bytes (for example {@code openssl rand -base64 32}). */
    public static TokenCipher fromBase64(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the token encryption key is not base64");
        }
        if (key.length != AesGcm.KEY_BYTES) {
            throw new IllegalArgumentException("the token encryption key must be 32 bytes (base64 of 32 random "
                    + "bytes), not " + key.length);
        }
        return new TokenCipher(key, null);
    }

    /** A cipher with a fresh random key: for throw-away stores (demo, tests). */
    public static TokenCipher random() {
        byte[] key = new byte[AesGcm.KEY_BYTES];
        RANDOM.nextBytes(key);
        return new TokenCipher(key, null);
    }

    /**
     * The key behind the values the server hands out (connect states, personal links, invite tokens), derived from
     * this one so every process with the same {@code TOKEN_ENCRYPTION_KEY} seals and signs alike, and nothing made
     * with it reveals anything of the key that seals the stored tokens.
     */
    public SigningKey signingKey() {
        return SigningKey.of(key).derive("send-songs signed values");
    }

    /**
     * A cipher that seals with this key and opens what this key or {@code previous} sealed: for the time a key is
     * replaced, until every stored token is sealed with the new one.
     *
     * @throws IllegalArgumentException when {@code previous} seals with this same key
     */
    public TokenCipher openingAlso(TokenCipher previous) {
        if (sameKeyAs(previous)) {
            throw new IllegalArgumentException("the previous token encryption key is the key in use");
        }
        return new TokenCipher(key, new TokenCipher(previous.key, null));
    }

    /** Whether {@code other} seals with the same key as this. */
    public boolean sameKeyAs(TokenCipher other) {
        return MessageDigest.isEqual(key, other.key);
    }

    public String seal(String token) {
        byte[] sealed = cipher.seal(token.getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /**
     * The token inside a sealed value, or {@code unreadable} when it was sealed with another key or altered (said once
     * in the log, without the value). A store reads on with it, so one person's unreadable token fails nothing else.
     */
    public String openOr(String stored, String unreadable) {
        try {
            return open(stored);
        } catch (IllegalStateException e) {
            if (!toldUnreadable.getAndSet(true)) {
                LOG.warning(e.getMessage() + ": its owner is asked to connect again when it is next needed (said "
                        + "once)");
            }
            return unreadable;
        }
    }

    /**
     * The token inside a sealed value; a value without the {@code v1.} prefix is returned as is.
     *
     * @throws IllegalStateException when the value was sealed with another key or was altered
     */
    public String open(String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        byte[] all;
        try {
            all = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a stored token is damaged");
        }
        Optional<byte[]> token = cipher.open(all);
        if (token.isPresent()) {
            return new String(token.get(), StandardCharsets.UTF_8);
        }
        if (previous == null) {
            throw new IllegalStateException("a stored token cannot be opened: it was sealed with another "
                    + "TOKEN_ENCRYPTION_KEY, or altered");
        }
        return previous.open(stored);
    }

    /** Whether {@link #open} takes {@code stored}: it is unsealed, or sealed with a key this cipher opens. */
    public boolean opens(String stored) {
        try {
            open(stored);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "TokenCipher[AES-256-GCM, key=<redacted>]";
    }
}
