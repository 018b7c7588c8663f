package app.sendsongs.core.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A server key that signs values the server hands out and must recognise when they come back unchanged (connect
 * states, personal links): HMAC-SHA-256, compared in constant time. {@link #toString()} never shows the key.
 */
public final class SigningKey {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private SigningKey(byte[] key) {
        if (key.length < KEY_BYTES) {
            throw new IllegalArgumentException("a signing key has at least " + KEY_BYTES + " bytes");
        }
        this.key = key.clone();
    }

    /** A key of these bytes (at least 32). */
    public static SigningKey of(byte[] key) {
        return new SigningKey(key);
    }

    /** A fresh random key: for a process whose signed values need not outlive it (demo, tests). */
    public static SigningKey random() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return new SigningKey(key);
    }

    /** The HMAC-SHA-256 of {@code text} under this key. */
    public byte[] sign(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
    }

    /** Whether {@code signature} is the first {@code signature.length} bytes of {@link #sign(String)}, in constant time. */
    public boolean verify(String text, byte[] signature) {
        byte[] expected = Arrays.copyOf(sign(text), signature.length);
        return signature.length >= 16 && MessageDigest.isEqual(expected, signature);
    }

    /** A key for another purpose, derived from this one: signing with it never yields a signature of this key. */
    public SigningKey derive(String purpose) {
        return new SigningKey(sign("derive:" + purpose));
    }

    @Override
    public String toString() {
        return "SigningKey[HMAC-SHA-256, key=<redacted>]";
    }
}
