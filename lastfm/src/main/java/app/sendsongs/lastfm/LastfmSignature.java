package app.sendsongs.lastfm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signs a Last.fm call (https://www.last.fm/api/authspec, section 8): the parameters but {@code format} and
 * {@code callback}, sorted by name, each as {@code <name><value>}, then the shared secret; the MD5 of that UTF-8
 * text in hex is the {@code api_sig}.
 */
final class LastfmSignature {
    private LastfmSignature() {
    }

    static String sign(Map<String, String> params, String sharedSecret) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(params).forEach((name, value) -> {
            if (!name.equals("format") && !name.equals("callback")) {
                text.append(name).append(value);
            }
        });
        text.append(sharedSecret);
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}
