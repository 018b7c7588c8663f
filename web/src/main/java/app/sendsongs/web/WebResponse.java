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

    /** The same answer with these headers added (or replacing ones of the same name). */
    public WebResponse withHeaders(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new WebResponse(status, contentType, body, all);
    }

    /**
     * A page that carries one-time values: never cached, its address never sent on as a referrer, and
     * only the script allowed by {@code scriptSource} runs (see {@link PageHeaders#forPage}).
     */
    static WebResponse privatePage(int status, String html, String scriptSource) {
        Map<String, String> headers = privacyHeaders();
        headers.putAll(PageHeaders.forPage(scriptSource));
        return new WebResponse(status, HTML, html, headers);
    }

    /**
     * A private page holding a form that posts back to this site. Its referrer policy is {@code same-origin}, not
     * {@code no-referrer}: under {@code no-referrer} a browser sends a form post with {@code Origin: null}, which
     * cannot be told from a post from a page hiding its site; under {@code same-origin} the post names this site,
     * and no address of the page ever goes to another site.
     */
    static WebResponse privateFormPage(int status, String html, String scriptSource) {
        return privatePage(status, html, scriptSource).withHeaders(Map.of("Referrer-Policy", "same-origin"));
    }

    /** A {@code 302 Found} to {@code location}, with the same privacy headers as a private page. */
    static WebResponse privateRedirect(URI location) {
        Map<String, String> headers = privacyHeaders();
        headers.putAll(PageHeaders.forPage("'none'"));
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
