package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Emulated {@code spotify.link}, mounted under {@value #BASE} ({@code /<code>} below it): the short links Spotify's
 * phone apps put in the share sheet. As the real host does (its links are Branch links), a program gets a
 * {@code 307 Temporary Redirect} whose {@code Location} is the content's {@code open.spotify.com} link with the
 * sharing parameters ({@code si}, {@code utm_source}, Branch's {@code _branch_match_id}); a browser (a
 * {@code User-Agent} with "Mozilla") gets an HTML page naming the link in its {@code og:url} and moving there by
 * script; a code nobody made goes to Spotify's home page. The control API makes links:
 * {@code POST /sandbox/spotify/short-links} {@code {"track":"<id>"}} or {@code {"url":"<open.spotify.com link>"}}
 * (an album, say), with an optional {@code "code"}; answer {@code {"code","url"}}.
 *
 * @see <a href="https://developer.spotify.com/documentation/ios/tutorials/content-linking">Spotify: content
 *      linking (spotify.link links)</a>
 * @see <a href="https://help.branch.io/using-branch/docs/creating-a-deep-link/">Branch: default link behaviour (the
 *      fallback for links without a destination)</a>
 */
final class SpotifyShortLinkEmulator {
    static final String BASE = "/sandbox/spotify-link";
    private static final String HOME = "https://www.spotify.com/";
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{1,64}");
    private static final Pattern OPEN_SPOTIFY = Pattern.compile(
            "https://open\\.spotify\\.com/(?:track|album|playlist|artist|episode|show)/[0-9A-Za-z]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SpotifyEmulator spotify;
    private final Map<String, String> links = new ConcurrentHashMap<>();

    SpotifyShortLinkEmulator(SpotifyEmulator spotify) {
        this.spotify = spotify;
    }

    void routes(Javalin app) {
        app.get(BASE + "/{code}", this::follow);
        app.post("/sandbox/spotify/short-links", JsonIo.guarded(this::make));
    }

    private void follow(Context ctx) {
        String target = links.get(ctx.pathParam("code"));
        String location = target == null ? HOME : target + "?si=" + hex(8) + "&utm_source=copy-link"
                + "&utm_medium=copy-link&_branch_match_id=" + hex(9);
        String agent = ctx.header("User-Agent");
        if (agent != null && agent.contains("Mozilla") && target != null) {
            ctx.status(200).contentType("text/html; charset=utf-8").result("<!doctype html><html><head>"
                    + "<meta property=\"og:url\" content=\"" + target + "\">"
                    + "<meta property=\"og:site_name\" content=\"Spotify\"></head><body>"
                    + "<script>window.location.replace(\"" + location + "\");</script></body></html>");
            return;
        }
        ctx.status(307).header("Location", location).header("Cache-Control", "no-cache").result("");
    }

    private void make(Context ctx) {
        JsonNode body = JsonIo.readBody(ctx);
        String target;
        if (body.path("track").isTextual()) {
            String track = body.path("track").asText();
            if (!spotify.catalogue().knows(track)) {
                throw HttpProblem.control(400, "unknown track " + track);
            }
            target = "https://open.spotify.com/track/" + track;
        } else if (body.path("url").isTextual() && OPEN_SPOTIFY.matcher(body.path("url").asText()).matches()) {
            target = body.path("url").asText();
        } else {
            throw HttpProblem.control(400, "give \"track\" (a catalogue id) or \"url\" (an open.spotify.com link)");
        }
        String code = body.path("code").isTextual() ? body.path("code").asText() : randomCode();
        if (!CODE.matcher(code).matches()) {
            throw HttpProblem.control(400, "a code is 1 to 64 letters and digits");
        }
        links.put(code, target);
        JsonIo.send(ctx, 201, Map.of("code", code, "url", "https://spotify.link/" + code));
    }

    private static String randomCode() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            code.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return code.toString();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
