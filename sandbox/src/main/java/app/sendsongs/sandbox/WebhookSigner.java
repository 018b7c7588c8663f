package app.sendsongs.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Messenger's {@code X-Hub-Signature-256}: HMAC-SHA256 of the raw body, keyed with the app secret. */
public final class WebhookSigner {
    public static final String HEADER = "X-Hub-Signature-256";

    private final SecretKeySpec key;

    public WebhookSigner(String appSecret) {
        this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The header value: {@code sha256=<lowercase hex>}. */
    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
