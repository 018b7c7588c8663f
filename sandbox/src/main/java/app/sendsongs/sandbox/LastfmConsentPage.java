package app.sendsongs.sandbox;

/** The small HTML pages of the emulated Last.fm authorisation step (https://www.last.fm/api/webauth, 2). */
final class LastfmConsentPage {
    private LastfmConsentPage() {
    }

    /**
     * The "allow access" form. It submits back to the same page with the same parameters plus
     * {@code sandbox_user} (Yes, allow access) or {@code sandbox_deny} (No thanks).
     */
    static String consent(String apiKey, String callback, String token, String defaultUser) {
        StringBuilder hidden = new StringBuilder();
        hidden(hidden, "api_key", apiKey);
        hidden(hidden, "cb", callback);
        hidden(hidden, "token", token);
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Sandbox Last.fm - Connect application</title>
                <style>body{font-family:sans-serif;max-width:28rem;margin:3rem auto;color:#222}
                button{padding:.5rem 1.2rem;margin-right:.5rem;border:1px solid #ba0000;border-radius:.3rem}
                #agree{background:#ba0000;color:#fff}</style></head>
                <body>
                  <h1>Sandbox Last.fm</h1>
                  <p>An application would like to connect to your (emulated) Last.fm account.</p>
                  <form method="get" action="">
                %s    <label for="sandbox-user">Last.fm user name</label>
                    <input id="sandbox-user" name="sandbox_user" value="%s" pattern="[A-Za-z][A-Za-z0-9_\\-]{1,14}" required>
                    <p><button id="agree" type="submit">Yes, allow access</button>
                    <button id="cancel" type="submit" name="sandbox_deny" value="1" formnovalidate>No thanks</button></p>
                  </form>
                </body></html>
                """.formatted(hidden, ConsentPage.escape(defaultUser));
    }

    /** A page with one message, e.g. after "No thanks" or for a bad request. */
    static String message(String title, String message) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title></head>
                <body><h1>%s</h1><p id="message">%s</p></body></html>
                """.formatted(ConsentPage.escape(title), ConsentPage.escape(title), ConsentPage.escape(message));
    }

    private static void hidden(StringBuilder form, String name, String value) {
        if (value != null) {
            form.append("    <input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                    .append(ConsentPage.escape(value)).append("\">\n");
        }
    }
}
