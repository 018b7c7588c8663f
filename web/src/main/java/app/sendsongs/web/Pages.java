package app.sendsongs.web;

/** The frame every page of the connect round trip shares. */
final class Pages {
    private Pages() {
    }

    static String page(String title, String body, String script) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Send Songs — %s</title>
                <style>
                body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1c1e21}
                .code{font-size:2rem;font-weight:700;letter-spacing:.15em;font-family:ui-monospace,monospace}
                pre{background:#f0f2f5;padding:.75rem;border-radius:.5rem;white-space:pre-wrap}
                .problem{color:#b00020}
                input[type=text]{width:100%%;font:inherit;padding:.5rem;box-sizing:border-box}
                button{font:inherit;padding:.5rem 1rem;margin-top:.75rem}
                </style></head>
                <body><h1>Send Songs — %s</h1>
                %s%s</body></html>
                """.formatted(Html.escape(title), Html.escape(title), body, script);
    }
}
