package app.sendsongs.lambda;

import app.sendsongs.core.SendSongs;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled tick (EventBridge Scheduler, every minute): runs the due listen checks, retries held messages and
 * purges expired leftovers, exactly as the server's tick loop does. The event's content is only logged; a failure
 * fails the invocation so it shows in the function's error metrics, and the next tick picks the work up (claimed
 * checks fall due again when their lease ends).
 */
public final class TickHandler implements RequestStreamHandler {
    /** Every environment variable this function reads. */
    public static final List<Setting> SETTINGS = List.of(Setting.DYNAMODB_TABLE, Setting.PUBLIC_BASE_URL,
            Setting.SPOTIFY_CLIENT_ID, Setting.MESSENGER_PAGE_ACCESS_TOKEN_PARAMETER,
            Setting.SPOTIFY_CLIENT_SECRET_PARAMETER, Setting.TOKEN_ENCRYPTION_KEY_PARAMETER, Setting.LASTFM_API_KEY,
            Setting.LASTFM_SHARED_SECRET_PARAMETER, Setting.WATCH_SCHEDULE, Setting.WATCH_GRACE,
            Setting.MESSENGER_GRAPH_BASE_URL, Setting.MESSENGER_GRAPH_VERSION, Setting.SPOTIFY_ACCOUNTS_BASE_URL,
            Setting.SPOTIFY_API_BASE_URL, Setting.LASTFM_WEB_BASE_URL, Setting.LASTFM_API_BASE_URL,
            Setting.LISTENBRAINZ_API_BASE_URL);

    private static final Logger LOG = LoggerFactory.getLogger(TickHandler.class);

    private final Lazy<SendSongs> app;

    /** Used by Lambda: reads and checks the environment, and nothing else until the first tick. */
    public TickHandler() {
        this(Surroundings.lambda());
    }

    public TickHandler(Surroundings surroundings) {
        Settings settings = Settings.read(surroundings.environment(), SETTINGS);
        this.app = new Lazy<>(() -> {
            Wiring wiring = Wiring.load(settings, surroundings);
            return wiring.app(wiring.messenger());
        });
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = ApiGateway.read(input);
        int checks = app.get().tick();
        LOG.info("tick {} (scheduled {}): {} listen checks", event.path("executionId").asText("-"),
                event.path("scheduledTime").asText("-"), checks);
        ObjectNode result = ApiGateway.JSON.createObjectNode();
        result.put("listenChecks", checks);
        ApiGateway.JSON.writeValue(output, result);
    }
}
