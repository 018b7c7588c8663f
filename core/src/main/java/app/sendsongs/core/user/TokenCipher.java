package app.sendsongs.core.user;

import app.sendsongs.core.shared.SigningKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals people's Spotify tokens before a store writes them, so a copied database or backup does
 * not hand out access to anyone's listening history. AES-256-GCM with a fresh 96-bit nonce per
 * value; a sealed value reads {@code v1.<base64url(nonce ‖ ciphertext ‖ tag)>}. Values written
 * before sealing was switched on (no {@code v1.} prefix) are read as they are and sealed on their
 * next write. While a key is being replaced, a cipher may also open what the previous key sealed
 * ({@link #openingAlso}), so every process can take the new key before the stored tokens are sealed again.
 */
public final class TokenCipher {
    private static final String PREFIX = "v1.";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(TokenCipher.class.getName());

    /** Ciphers kept for reuse at most: looking one up costs more than sealing or opening a token with it. */
    private static final int IDLE_CIPHERS = 64;

    private final SecretKeySpec key;
    /** The key being replaced, which still opens what it sealed; null when none is. */
    private final TokenCipher previous;
    /** Ciphers to use again; each is initialised afresh (key and nonce) for every value. */
    private final BlockingQueue<Cipher> idle = new ArrayBlockingQueue<>(IDLE_CIPHERS);
    private final AtomicBoolean toldUnreadable = new AtomicBoolean();

    private TokenCipher(byte[] key) {
        this(new SecretKeySpec(key, "AES"), null);
    }

    private TokenCipher(SecretKeySpec key, TokenCipher previous) {
        this.key = key;
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
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the token encryption key must be 32 bytes (base64 of 32 random "
                    + "bytes), not " + key.length);
        }
        return new TokenCipher(key);
    }

    /** A cipher with a fresh random key: for throw-away stores (demo, tests). */
    public static TokenCipher random() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return new TokenCipher(key);
    }

    /**
     * A key for signing the values the server hands out (connect states, personal links), derived from this one so
     * every process with the same {@code TOKEN_ENCRYPTION_KEY} signs alike, and no signature reveals anything of the
     * sealing key.
     */
    public SigningKey signingKey() {
        return SigningKey.of(key.getEncoded()).derive("send-songs signed values");
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
        return MessageDigest.isEqual(key.getEncoded(), other.key.getEncoded());
    }

    public String seal(String token) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, token.getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
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
        if (all.length <= NONCE_BYTES) {
            throw new IllegalStateException("a stored token is damaged");
        }
        ByteBuffer in = ByteBuffer.wrap(all);
        byte[] nonce = new byte[NONCE_BYTES];
        in.get(nonce);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        try {
            return new String(run(Cipher.DECRYPT_MODE, nonce, sealed), StandardCharsets.UTF_8);
        } catch (IllegalStateException notThisKey) {
            if (previous == null) {
                throw notThisKey;
            }
            return previous.open(stored);
        }
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

    private byte[] run(int mode, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = idle.poll();
            if (cipher == null) {
                cipher = Cipher.getInstance("AES/GCM/NoPadding");
            }
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] output = cipher.doFinal(input);
            idle.offer(cipher); // a cipher that failed is not kept
            return output;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored token cannot be opened: it was sealed with another "
                    + "TOKEN_ENCRYPTION_KEY, or altered");
        }
    }

    @Override
    public String toString() {
        return "TokenCipher[AES-256-GCM, key=<redacted>]";
    }
}
