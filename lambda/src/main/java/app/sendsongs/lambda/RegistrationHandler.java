package app.sendsongs.lambda;

import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.user.PersonalLinks;
import app.sendsongs.web.RegistrationPages;
import app.sendsongs.web.WebResponse;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every listening source's connect round trip behind API Gateway: {@code GET /connect/{source}} (and the bare
 * {@code /connect}, Spotify's) sends the browser to the source's consent or shows the paste page,
 * {@code GET /callback/{source}} (and {@code /callback}) and the paste form's {@code POST /callback/{source}} finish
 * it. Through a personal link the person is registered at once: their name is read from their chat platform (the
 * User Profile API, Telegram's {@code getChat}) and the bot tells them in the chat, so this function holds the page
 * token and the Telegram bot's token, but no other Messenger or Telegram secret. It calls the chat platforms only
 * while the invocation has the time for a call to end and the page after it ({@link SendsWhileTimeIsLeft}): while the
 * Send API or the Bot API is slow, the welcome is held for the tick and the browser still gets its page before the
 * function's timeout.
 */
public final class RegistrationHandler implements RequestStreamHandler {
    /** Every environment variable this function reads. */
    public static final List<Setting> SETTINGS = List.of(Setting.DYNAMODB_TABLE, Setting.PUBLIC_BASE_URL,
            Setting.SPOTIFY_CLIENT_ID, Setting.SPOTIFY_CLIENT_SECRET_PARAMETER, Setting.TOKEN_ENCRYPTION_KEY_PARAMETER,
            Setting.TOKEN_ENCRYPTION_PREVIOUS_KEY_PARAMETER,
            Setting.MESSENGER_PAGE_ACCESS_TOKEN_PARAMETER, Setting.LASTFM_API_KEY,
            Setting.LASTFM_SHARED_SECRET_PARAMETER, Setting.WATCH_SCHEDULE, Setting.WATCH_GRACE,
            Setting.MESSENGER_GRAPH_BASE_URL, Setting.MESSENGER_GRAPH_VERSION, Setting.MESSENGER_PAGE,
            Setting.TELEGRAM_BOT_TOKEN_PARAMETER,
            Setting.TELEGRAM_API_BASE_URL, Setting.SPOTIFY_ACCOUNTS_BASE_URL, Setting.SPOTIFY_API_BASE_URL,
            Setting.LASTFM_WEB_BASE_URL, Setting.LASTFM_API_BASE_URL, Setting.LISTENBRAINZ_API_BASE_URL,
            Setting.SEND_LIMIT_PER_HOUR, Setting.SEND_LIMIT_PER_FRIEND_PER_DAY, Setting.SEND_LIMIT_OPEN_INVITES,
            Setting.HELD_MESSAGE_DAYS, Setting.LEASE_SECONDS, Setting.TELEGRAM_MESSAGES_PER_SECOND);
    /** The API routes this function serves. */
    public static final Set<String> ROUTES = Set.of("GET /connect", "GET /callback", "GET /connect/{source}",
            "GET /callback/{source}", "POST /callback/{source}");
    /** The paste form holds a state and a token: a few hundred bytes. */
    private static final int MAX_FORM_BYTES = 8_192;

    private final Lazy<RegistrationPages> pages;
    private final EmbeddedMetrics metrics = new EmbeddedMetrics();
    private final InvocationTime time = new InvocationTime();
    private final Surroundings surroundings;

    /** Used by Lambda: reads and checks the environment, and nothing else until the first request. */
    public RegistrationHandler() {
        this(Surroundings.lambda());
    }

    public RegistrationHandler(Surroundings surroundings) {
        Settings settings = Settings.read(surroundings.environment(), SETTINGS);
        this.surroundings = surroundings;
        this.pages = new Lazy<>(() -> {
            Wiring wiring = Wiring.load(settings, surroundings);
            return new RegistrationPages(wiring.app(wiring.chatPlatforms(metrics, time), metrics).registration(),
                    wiring.connectLink(), surroundings.clock());
        }, Lazy.PUBLIC_RETRY_PAUSE);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        time.begin(context);
        try {
            ApiGateway.serve(input, output, context, this::route);
        } finally {
            time.end();
            metrics.flush(surroundings.clock().instant(), EmbeddedMetrics.functionName(context, "registration"),
                    surroundings.metricLines());
        }
    }

    private WebResponse route(HttpEvent request) {
        return switch (request.routeKey()) {
            case "GET /connect" -> connect(request, SourceKind.SPOTIFY.id());
            case "GET /connect/{source}" -> connect(request, request.pathParameter("source"));
            case "GET /callback" -> callback(request, SourceKind.SPOTIFY.id());
            case "GET /callback/{source}" -> callback(request, request.pathParameter("source"));
            case "POST /callback/{source}" -> pasted(request);
            default -> ApiGateway.notServed(request);
        };
    }

    private WebResponse connect(HttpEvent request, String source) {
        return pages.get().connect(source, request.query(PersonalLinks.PARAMETER), request.cookieHeader());
    }

    /**
     * Spotify comes back with {@code code} (or {@code error}), Last.fm with {@code token}. A token people paste
     * (ListenBrainz) comes only in the form's POST, as on the server: in a URL it would stay in the browser's history
     * and in whatever logs the URL. That address opened in a browser is a page saying so (405).
     */
    private WebResponse callback(HttpEvent request, String source) {
        if (SourceKind.named(source).filter(SourceKind::pastesToken).isPresent()) {
            return pages.get().formOnly(source, request.query(PersonalLinks.PARAMETER));
        }
        String code = request.query("code");
        return pages.get().callback(source, request.query("state"), code != null ? code : request.query("token"),
                request.query("error"), request.cookieHeader());
    }

    /** The paste form of a source without a consent page of its own (ListenBrainz). */
    private WebResponse pasted(HttpEvent request) {
        String source = request.pathParameter("source");
        if (SourceKind.named(source).filter(SourceKind::pastesToken).isEmpty()) {
            return WebResponse.text(405, "method not allowed").withHeaders(Map.of("Allow", "GET"));
        }
        if (!pages.get().sameOrigin(request.header("Origin"))) {
            return pages.get().crossSite();
        }
        byte[] body = request.body();
        Map<String, String> form = RegistrationPages.formFields(body.length > MAX_FORM_BYTES ? ""
                : new String(body, StandardCharsets.UTF_8));
        return pages.get().callback(source, form.get("state"), form.get("token"), null, request.cookieHeader());
    }
}
