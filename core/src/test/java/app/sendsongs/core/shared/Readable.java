package app.sendsongs.core.shared;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Whatever someone holding a value can read out of it without the server's key. */
public final class Readable {
    private Readable() {
    }

    /**
     * The value as it is, URL-decoded, and every base64 reading of it (URL-safe and standard alphabets, from each of
     * its first characters, so that any prefix or alignment is tried), each as text.
     */
    public static List<String> readings(String value) {
        List<String> readings = new ArrayList<>(List.of(value, URLDecoder.decode(value, StandardCharsets.UTF_8)));
        for (String part : value.split("\\.")) {
            for (int start = 0; start < Math.min(8, part.length()); start++) {
                String tail = part.substring(start);
                tail = tail.substring(0, tail.length() - tail.length() % 4);
                readings.add(decoded(Base64.getUrlDecoder(), tail));
                readings.add(decoded(Base64.getMimeDecoder(), tail.replace('-', '+').replace('_', '/')));
            }
        }
        return readings;
    }

    private static String decoded(Base64.Decoder decoder, String text) {
        try {
            return new String(decoder.decode(text), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
