package app.sendsongs.messenger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Hub-Signature-256: sha256=<hex>}, the HMAC-SHA256 of the raw request body keyed with the app
 * secret. Comparison is constant-time; hex digits may be upper or lower case.
 */
public final class SignatureVerifier {
    /** The header Messenger signs its webhook POSTs with. */
    public static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int DIGEST_BYTES = 32;

    private final SecretKeySpec key;

    public SignatureVerifier(String appSecret) {
        if (appSecret == null || appSecret.isEmpty()) {
            throw new IllegalArgumentException("the app secret must be set");
        }
        this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** True only when {@code header} is a well-formed signature of exactly {@code body}. */
    public boolean verify(byte[] body, String header) {
        if (body == null || header == null) {
            return false;
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] claimed = decodeHex(value.substring(PREFIX.length()));
        if (claimed == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(body), claimed);
    }

    /** The header value for {@code body}: {@code sha256=<lower-case hex>}. */
    public String signatureHeader(byte[] body) {
        byte[] mac = sign(body);
        StringBuilder hex = new StringBuilder(PREFIX.length() + mac.length * 2).append(PREFIX);
        for (byte b : mac) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return hex.toString();
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Exactly 64 hex digits, or null. */
    private static byte[] decodeHex(String hex) {
        if (hex.length() != DIGEST_BYTES * 2) {
            return null;
        }
        byte[] out = new byte[DIGEST_BYTES];
        for (int i = 0; i < DIGEST_BYTES; i++) {
            int hi = hexValue(hex.charAt(2 * i));
            int lo = hexValue(hex.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** ASCII hex digits only (Character.digit would also take other scripts' digits). */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
