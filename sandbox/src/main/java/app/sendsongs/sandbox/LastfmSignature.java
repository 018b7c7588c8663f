package app.sendsongs.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code api_sig} of a Last.fm call (https://www.last.fm/api/authspec, section 8): every parameter but
 * {@code format}, {@code callback} and {@code api_sig} itself, sorted by name, concatenated as
 * {@code <name><value>}, then the shared secret; the MD5 of that UTF-8 string in hex.
 */
final class LastfmSignature {
    private LastfmSignature() {
    }

    static String of(Map<String, String> params, String sharedSecret) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(params).forEach((name, value) -> {
            if (!name.equals("format") && !name.equals("callback") && !name.equals("api_sig")) {
                text.append(name).append(value);
            }
        });
        text.append(sharedSecret);
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }

    /** Whether {@code params} carry the right {@code api_sig} for {@code sharedSecret} (hex in either case). */
    static boolean verifies(Map<String, String> params, String sharedSecret) {
        String given = params.get("api_sig");
        return given != null && MessageDigest.isEqual(of(params, sharedSecret).getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
