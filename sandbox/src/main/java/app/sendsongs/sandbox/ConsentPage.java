package app.sendsongs.sandbox;

import java.util.Map;
import java.util.Objects;

/** The small HTML pages of the emulated Spotify authorize step. */
final class ConsentPage {
    private ConsentPage() {
    }

    /**
     * The consent form. It submits back to {@code authorize} with the same parameters plus
     * {@code sandbox_user} (Agree) or {@code sandbox_deny} (Cancel).
     */
    static String consent(Map<String, String> params, String defaultUser) {
        StringBuilder hidden = new StringBuilder();
        params.forEach((name, value) -> {
            if (value != null) {
                hidden.append("    <input type=\"hidden\" name=\"").append(escape(name))
                        .append("\" value=\"").append(escape(value)).append("\">\n");
            }
        });
        // scope is optional: https://developer.spotify.com/documentation/web-api/tutorials/code-flow
        String scope = Objects.requireNonNullElse(params.get("scope"), "");
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Sandbox Spotify - Authorize</title>
                <style>body{font-family:sans-serif;max-width:28rem;margin:3rem auto;color:#191414}
                button{padding:.5rem 1.2rem;margin-right:.5rem;border-radius:2rem;border:1px solid #1db954}
                #agree{background:#1db954;color:#fff}</style></head>
                <body>
                  <h1>Sandbox Spotify</h1>
                  <p>An application wants to connect to your (emulated) Spotify account.</p>
                  <p>It asks for: <code id="scope">%s</code></p>
                  <form method="get" action="authorize">
                %s    <label for="sandbox-user">Spotify user id</label>
                    <input id="sandbox-user" name="sandbox_user" value="%s" pattern="[A-Za-z0-9._\\-]{1,64}" required>
                    <p><button id="agree" type="submit">Agree</button>
                    <button id="cancel" type="submit" name="sandbox_deny" value="1" formnovalidate>Cancel</button></p>
                  </form>
                </body></html>
                """.formatted(escape(scope.isBlank() ? "(no scopes)" : scope), hidden, escape(defaultUser));
    }

    /** Spotify's error page for a bad authorize request, e.g. {@code INVALID_CLIENT: Invalid client}. */
    static String error(String message) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Error</title></head>
                <body><h1>Oops! Something went wrong, please try again or check out our help area.</h1>
                <p id="error">%s</p></body></html>
                """.formatted(escape(message));
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
