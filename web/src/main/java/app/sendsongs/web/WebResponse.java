package app.sendsongs.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP answer, independent of the runtime that sends it: the server copies it onto a Javalin context, the
 * Lambda handlers into an API Gateway response.
 *
 * @param headers extra headers besides {@code Content-Type}, in order
 */
public record WebResponse(int status, String contentType, String body, Map<String, String> headers) {
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String HTML = "text/html; charset=utf-8";

    public WebResponse {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static WebResponse text(int status, String body) {
        return new WebResponse(status, TEXT, body, Map.of());
    }

    /** A page that carries one-time values: never cached, and its address never sent on as a referrer. */
    static WebResponse privatePage(String html) {
        return new WebResponse(200, HTML, html, privacyHeaders());
    }

    /** A {@code 302 Found} to {@code location}, with the same privacy headers as a private page. */
    static WebResponse privateRedirect(URI location) {
        Map<String, String> headers = privacyHeaders();
        headers.put("Location", location.toString());
        return new WebResponse(302, TEXT, "", headers);
    }

    private static Map<String, String> privacyHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", "no-store");
        headers.put("Referrer-Policy", "no-referrer");
        return headers;
    }
}
