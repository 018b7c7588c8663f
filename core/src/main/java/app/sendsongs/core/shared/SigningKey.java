package app.sendsongs.core.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A server key for values the server hands out and must recognise when they come back unchanged (connect states,
 * personal links, invite tokens): HMAC-SHA-256, compared in constant time, and an AES-256-GCM key derived from it for
 * those nobody else may read either ({@link SealedValue}). {@link #toString()} never shows the key.
 */
public final class SigningKey {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What {@link #cipher()}'s key is derived from. The colon keeps it apart from every other text this key signs: a
     * {@link #derive} purpose follows "derive:", and a value signed before values were sealed is base64url.
     */
    private static final String CIPHER_KEY = "cipher:AES-256-GCM";

    private final byte[] key;
    private final AesGcm cipher;

    private SigningKey(byte[] key) {
        if (key.length < KEY_BYTES) {
            throw new IllegalArgumentException("a signing key has at least " + KEY_BYTES + " bytes");
        }
        this.key = key.clone();
        this.cipher = AesGcm.withKey(sign(CIPHER_KEY));
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

    /** The AES-256-GCM cipher whose key is derived from this one: what it seals, only this key opens. */
    AesGcm cipher() {
        return cipher;
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
