package app.sendsongs.web;

import app.sendsongs.core.registration.CallbackResult;
import app.sendsongs.core.registration.Registration;
import java.time.Clock;

/** {@code GET /connect} and {@code GET /callback}: the Spotify consent round trip as HTTP answers. */
public final class RegistrationPages {
    private final Registration registration;
    private final Clock clock;

    public RegistrationPages(Registration registration, Clock clock) {
        this.registration = registration;
        this.clock = clock;
    }

    /** Redirects the browser to Spotify's consent page with a fresh single-use state. */
    public WebResponse connect() {
        return WebResponse.privateRedirect(registration.startConnect());
    }

    /** Spotify's redirect back: the page with the one-time registration code, or why there is none. */
    public WebResponse callback(String state, String code, String error) {
        CallbackResult result = registration.callback(state, code, error);
        String nonce = PageHeaders.nonce();
        // A failed round trip is the client's to fix (a stale, reused or foreign link): 400, not 200.
        int status = result instanceof CallbackResult.Connected ? 200 : 400;
        return WebResponse.privatePage(status, CallbackPage.render(result, clock.instant(), nonce),
                "'nonce-" + nonce + "'");
    }
}
