package app.sendsongs.web;

import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.registration.CallbackResult;
import app.sendsongs.core.registration.ConnectStart;
import app.sendsongs.core.registration.Registration;
import app.sendsongs.core.shared.ConnectLink;
import app.sendsongs.core.shared.SealedValue;
import app.sendsongs.core.user.PersonalLinks;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The connect round trip of every listening source as HTTP answers: {@code GET /connect/<source>} (and the bare
 * {@code /connect}, Spotify's) sends the browser to the source's consent with a sealed state, or shows the paste page
 * of a source without one; {@code GET /callback/<source>} (and {@code /callback}, Spotify's) and, for a pasted token,
 * {@code POST /callback/<source>} finish it. Nothing is stored when a browser asks to connect: a flood of requests
 * costs a sealing each. The state is bound to the browser by the {@link ConnectCookie}.
 */
public final class RegistrationPages {
    /**
     * What a personal link's token is made of (a {@link SealedValue}: base64url, and a dot in one signed before values
     * were sealed), and no longer than one.
     */
    private static final Pattern PERSONAL_LINK_SHAPE = Pattern.compile("[A-Za-z0-9_.-]{1," + SealedValue.MAX_LENGTH
            + "}");
    private final Registration registration;
    private final ConnectLink connectLink;
    private final Clock clock;
    private final boolean secureCookie;

    public RegistrationPages(Registration registration, ConnectLink connectLink, Clock clock) {
        this.registration = registration;
        this.connectLink = connectLink;
        this.clock = clock;
        this.secureCookie = connectLink.publicBaseUrl().regionMatches(true, 0, "https:", 0, 6);
    }

    /** {@code GET /connect}: Spotify's consent. */
    public WebResponse connect() {
        return connect(SourceKind.SPOTIFY.id(), null, null);
    }

    /**
     * {@code GET /connect/<source>}, with the personal link's token ({@value PersonalLinks#PARAMETER} parameter) or
     * null, and the request's {@code Cookie} header or null.
     */
    public WebResponse connect(String source, String personalLink, String cookieHeader) {
        Optional<SourceKind> kind = SourceKind.named(source).filter(k -> k.id().equals(source));
        if (kind.isEmpty() || !registration.offers(kind.get())) {
            return unknownSource(source);
        }
        String browser = ConnectCookie.read(cookieHeader).orElseGet(ConnectCookie::fresh);
        Map<String, String> cookie = Map.of("Set-Cookie", ConnectCookie.header(browser, secureCookie));
        return switch (registration.startConnect(kind.get(), personalLink, browser)) {
            case ConnectStart.Refused refused -> WebResponse.privatePage(400, Pages.page("Not connected",
                    "<p>" + Html.escape(refused.message()) + "</p>\n"
                            + refused.back().map(CallbackPage::backLink).orElse(""), ""), "'none'");
            case ConnectStart.ToConsent consent when kind.get().pastesToken() ->
                    WebResponse.privateFormPage(200, PastePage.render(kind.get(), consent.state(), pasteAction(kind.get()),
                            ""), "'none'").withHeaders(cookie);
            case ConnectStart.ToConsent consent -> WebResponse.privateRedirect(consent.consentUrl()).withHeaders(cookie);
        };
    }

    /** {@code GET /callback}: Spotify's redirect back. */
    public WebResponse callback(String state, String code, String error) {
        return callback(SourceKind.SPOTIFY.id(), state, code, error, null);
    }

    /**
     * A source's way back: {@code GET /callback/<source>} with what the source added (Spotify {@code code} or
     * {@code error}, Last.fm {@code token}), or the paste form's {@code POST} with the pasted {@code token}; the
     * request's {@code Cookie} header or null.
     */
    public WebResponse callback(String source, String state, String code, String error, String cookieHeader) {
        Optional<SourceKind> kind = SourceKind.named(source).filter(k -> k.id().equals(source));
        if (kind.isEmpty() || !registration.offers(kind.get())) {
            return unknownSource(source);
        }
        String browser = ConnectCookie.read(cookieHeader).orElse(null);
        CallbackResult result = registration.callback(kind.get(), state, code, error, browser);
        String nonce = PageHeaders.nonce();
        String page = CallbackPage.render(result, clock.instant(), nonce, pasteAction(kind.get()));
        int status = switch (result) {
            case CallbackResult.Connected c -> 200;
            case CallbackResult.Registered r -> 200;
            case CallbackResult.NotAllowed n -> 403;
            // a failed round trip is the client's to fix (a stale, reused, foreign or wrong value): 400
            case CallbackResult.PasteAgain p -> 400;
            case CallbackResult.Failed f -> 400;
            // a page that came back again (a reload): nothing finished this time either
            case CallbackResult.AlreadyUsed u -> 400;
        };
        return result instanceof CallbackResult.PasteAgain
                ? WebResponse.privateFormPage(status, page, "'nonce-" + nonce + "'")
                : WebResponse.privatePage(status, page, "'nonce-" + nonce + "'");
    }

    /**
     * {@code GET /callback/<source>} of a source whose token is pasted (ListenBrainz): that address takes only the
     * paste form's answer, a POST, which keeps the token out of the browser's history and logs, so nothing in the
     * address is used. A browser that opens or reloads it gets a page saying so, with the way back to the source's
     * connect page: with the personal link ({@value PersonalLinks#PARAMETER}) when the address has one of its shape,
     * anything else there dropped, never shown. 405, {@code Allow: POST}.
     */
    public WebResponse formOnly(String source, String personalLink) {
        Optional<SourceKind> kind = SourceKind.named(source).filter(k -> k.id().equals(source));
        if (kind.isEmpty() || !registration.offers(kind.get())) {
            return unknownSource(source);
        }
        String name = kind.get().displayName();
        String connect = connectLink.url(kind.get().id()) + (personalLink != null
                && PERSONAL_LINK_SHAPE.matcher(personalLink).matches() ? "?" + PersonalLinks.PARAMETER + "="
                + personalLink : "");
        return WebResponse.privatePage(405, Pages.page("Paste your token", "<p id=\"form-only\">" + Html.escape(
                "This address takes what you paste in the " + name + " connect page's form; it can't be opened "
                        + "by itself.") + "</p>\n<p><a href=\"" + Html.escape(connect) + "\">" + Html.escape(
                "Connect " + name) + "</a></p>\n", ""), "'none'").withHeaders(Map.of("Allow", "POST"));
    }

    /**
     * Whether a form post came from this site: a browser sends {@code Origin} with a POST; one naming another site is
     * refused before anything is read (the state's cookie binding refuses it too; this costs nothing).
     */
    public boolean sameOrigin(String originHeader) {
        if (originHeader == null || originHeader.isBlank()) {
            return true;
        }
        URI base = URI.create(connectLink.publicBaseUrl());
        String expected = base.getScheme() + "://" + base.getRawAuthority();
        return originHeader.strip().equalsIgnoreCase(expected);
    }

    /** The answer to a form post from another site. */
    public WebResponse crossSite() {
        return WebResponse.privatePage(403, Pages.page("Not connected", "<p>This form can only be sent from its own "
                + "page. Start again from the link the bot sent you.</p>", ""), "'none'");
    }

    private String pasteAction(SourceKind kind) {
        return connectLink.callbackUrl(kind.id());
    }

    /**
     * A source this server does not offer. The page names it only when it is a source this program knows: anything
     * else in the address is someone's text, which our page must not show as its own ("Your account is locked…").
     */
    private WebResponse unknownSource(String source) {
        String offered = String.join(", ", registration.offered().stream().map(SourceKind::displayName).toList());
        String named = SourceKind.named(source).filter(k -> k.id().equals(source))
                .map(SourceKind::displayName).orElse("that service");
        return WebResponse.privatePage(404, Pages.page("Not found", "<p>" + Html.escape("This server does not "
                + "connect " + named + ". It connects: " + offered + ".") + "</p>", ""), "'none'");
    }

    /** The parameters of an {@code application/x-www-form-urlencoded} body, for runtimes that hand over the raw text. */
    public static Map<String, String> formFields(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                fields.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // a broken escape: the field is left out, and what is missing is answered as missing
            }
        }
        return fields;
    }
}
