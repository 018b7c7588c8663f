package app.sendsongs.web;

import app.sendsongs.core.registration.CallbackResult;
import java.time.Duration;
import java.time.Instant;

/** The page a person sees after Spotify's consent: the one-time code and the command to send. */
public final class CallbackPage {
    private CallbackPage() {
    }

    public static String render(CallbackResult result, Instant now) {
        return render(result, now, PageHeaders.nonce());
    }

    /** The page whose script carries {@code scriptNonce}, the nonce its Content-Security-Policy names. */
    public static String render(CallbackResult result, Instant now, String scriptNonce) {
        return switch (result) {
            case CallbackResult.Connected connected -> connected(connected, now, scriptNonce);
            case CallbackResult.Failed failed -> page("Not connected", "<p>" + Html.escape(failed.message()) + "</p>", "");
        };
    }

    private static String connected(CallbackResult.Connected connected, Instant now, String scriptNonce) {
        String code = Html.escape(connected.registrationCode());
        long minutes = Math.max(1, Duration.between(now, connected.expiresAt()).toMinutes());
        String body = """
                <p>Spotify is connected. Your one-time code:</p>
                <p class="code" id="registration-code">%s</p>
                <p>Send this to the Send Songs bot on Messenger within %d minutes:</p>
                <pre id="register-command">register code:"%s" name:"Your Full Name"</pre>
                <p>Use the name your friends know you by; they will send you songs with it.</p>
                """.formatted(code, minutes, code);
        String script = """
                <script nonce="%s">
                if (window.opener) {
                  window.opener.postMessage({type: "registration-code", code: "%s"}, location.origin);
                }
                </script>
                """.formatted(Html.escape(scriptNonce), code);
        return page("Connected", body, script);
    }

    private static String page(String title, String body, String script) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Send Songs — %s</title>
                <style>
                body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1c1e21}
                .code{font-size:2rem;font-weight:700;letter-spacing:.15em;font-family:ui-monospace,monospace}
                pre{background:#f0f2f5;padding:.75rem;border-radius:.5rem;white-space:pre-wrap}
                </style></head>
                <body><h1>Send Songs — %s</h1>
                %s%s</body></html>
                """.formatted(title, title, body, script);
    }
}
