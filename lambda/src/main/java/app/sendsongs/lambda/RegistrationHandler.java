package app.sendsongs.lambda;

import app.sendsongs.web.RegistrationPages;
import app.sendsongs.web.WebResponse;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

/**
 * The Spotify connect round trip behind API Gateway: {@code GET /connect} redirects to Spotify's consent page,
 * {@code GET /callback} exchanges the code and shows the one-time registration code. This function never
 * messages anyone, so it holds no Messenger secret.
 */
public final class RegistrationHandler implements RequestStreamHandler {
    /** Every environment variable this function reads. */
    public static final List<Setting> SETTINGS = List.of(Setting.DYNAMODB_TABLE, Setting.PUBLIC_BASE_URL,
            Setting.SPOTIFY_CLIENT_ID, Setting.SPOTIFY_CLIENT_SECRET_PARAMETER, Setting.TOKEN_ENCRYPTION_KEY_PARAMETER,
            Setting.WATCH_SCHEDULE, Setting.SPOTIFY_ACCOUNTS_BASE_URL, Setting.SPOTIFY_API_BASE_URL);
    /** The API routes this function serves. */
    public static final Set<String> ROUTES = Set.of("GET /connect", "GET /callback");

    private final Lazy<RegistrationPages> pages;
    private final EmbeddedMetrics metrics = new EmbeddedMetrics();
    private final Surroundings surroundings;

    /** Used by Lambda: reads and checks the environment, and nothing else until the first request. */
    public RegistrationHandler() {
        this(Surroundings.lambda());
    }

    public RegistrationHandler(Surroundings surroundings) {
        Settings settings = Settings.read(surroundings.environment(), SETTINGS);
        this.surroundings = surroundings;
        this.pages = new Lazy<>(() -> new RegistrationPages(
                Wiring.load(settings, surroundings).app(new NoMessaging(), metrics).registration(),
                surroundings.clock()));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try {
            ApiGateway.serve(input, output, context, this::route);
        } finally {
            metrics.flush(surroundings.clock().instant(), EmbeddedMetrics.functionName(context, "registration"),
                    surroundings.metricLines());
        }
    }

    private WebResponse route(HttpEvent request) {
        return switch (request.routeKey()) {
            case "GET /connect" -> pages.get().connect();
            case "GET /callback" -> pages.get().callback(request.query("state"), request.query("code"),
                    request.query("error"));
            default -> ApiGateway.notServed(request);
        };
    }
}
