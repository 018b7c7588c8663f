package app.sendsongs.core.shared;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption with AES-256-GCM: a fresh random 96-bit nonce for every value and a 128-bit tag, so what it
 * seals, {@code nonce ‖ ciphertext ‖ tag}, can be neither read nor changed without the key. The one cipher behind the
 * stored tokens ({@code TokenCipher}) and the values the server hands out ({@link SealedValue}). Safe to share between
 * threads. {@link #toString()} never shows the key.
 */
public final class AesGcm {
    /** The length of a key: AES-256. */
    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Ciphers kept for reuse at most: looking one up costs more than sealing or opening a short value with it. */
    private static final int IDLE_CIPHERS = 64;

    private final SecretKeySpec key;
    /** Ciphers to use again; each is initialised afresh (key and nonce) for every value. */
    private final BlockingQueue<Cipher> idle = new ArrayBlockingQueue<>(IDLE_CIPHERS);

    private AesGcm(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A cipher with this 32-byte key. */
    public static AesGcm withKey(byte[] key) {
        return new AesGcm(key);
    }

    /** {@code plain} sealed under a fresh nonce: {@code nonce ‖ ciphertext ‖ tag}. */
    public byte[] seal(byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, plain)
                .orElseThrow(() -> new IllegalStateException("AES-GCM is part of every JDK"));
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    /** What {@link #seal} sealed with this key; empty for anything else (another key, altered, cut short). */
    public Optional<byte[]> open(byte[] sealed) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        return run(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_BYTES),
                Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length));
    }

    private Optional<byte[]> run(int mode, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = idle.poll();
            if (cipher == null) {
                cipher = Cipher.getInstance("AES/GCM/NoPadding");
            }
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] output = cipher.doFinal(input);
            idle.offer(cipher); // a cipher that failed is not kept
            return Optional.of(output);
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "AesGcm[AES-256-GCM, key=<redacted>]";
    }
}
