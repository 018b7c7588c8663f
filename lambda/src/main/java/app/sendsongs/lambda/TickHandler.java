package app.sendsongs.lambda;

import app.sendsongs.core.Census;
import app.sendsongs.core.SendSongs;
import app.sendsongs.core.watch.CheckBudget;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled tick (EventBridge Scheduler, every minute): runs the due listen checks, retries held messages and
 * purges expired leftovers, exactly as the server's tick loop does. The event's content is only logged; a failure
 * fails the invocation so it shows in the function's error metrics, and the next tick picks the work up (claimed
 * checks fall due again when their lease ends). Listen checks start only while the invocation has
 * {@link #TIME_TO_START_A_CHECK} left; those claimed and not started are due again at once.
 */
public final class TickHandler implements RequestStreamHandler {
    /** Every environment variable this function reads. */
    public static final List<Setting> SETTINGS = List.of(Setting.DYNAMODB_TABLE, Setting.PUBLIC_BASE_URL,
            Setting.SPOTIFY_CLIENT_ID, Setting.MESSENGER_PAGE_ACCESS_TOKEN_PARAMETER,
            Setting.SPOTIFY_CLIENT_SECRET_PARAMETER, Setting.TOKEN_ENCRYPTION_KEY_PARAMETER,
            Setting.TOKEN_ENCRYPTION_PREVIOUS_KEY_PARAMETER, Setting.LASTFM_API_KEY,
            Setting.LASTFM_SHARED_SECRET_PARAMETER, Setting.WATCH_SCHEDULE, Setting.WATCH_GRACE,
            Setting.MESSENGER_GRAPH_BASE_URL, Setting.MESSENGER_GRAPH_VERSION, Setting.MESSENGER_PAGE,
            Setting.TELEGRAM_BOT_TOKEN_PARAMETER,
            Setting.TELEGRAM_API_BASE_URL, Setting.SPOTIFY_ACCOUNTS_BASE_URL, Setting.SPOTIFY_API_BASE_URL,
            Setting.LASTFM_WEB_BASE_URL, Setting.LASTFM_API_BASE_URL, Setting.LISTENBRAINZ_API_BASE_URL,
            Setting.SEND_LIMIT_PER_HOUR, Setting.SEND_LIMIT_PER_FRIEND_PER_DAY, Setting.SEND_LIMIT_OPEN_INVITES,
            Setting.HELD_MESSAGE_DAYS, Setting.LEASE_SECONDS, Setting.TELEGRAM_MESSAGES_PER_SECOND);

    /** Listen checks still due after the tick, and the wait of the oldest, in seconds. */
    static final String DUE_CHECKS = "send_songs.listen.checks.due";
    static final String CHECK_LAG = "send_songs.listen.checks.lag";

    /**
     * The time an invocation must have left to start another listen check: the wait in the source's own rate limiter
     * (Last.fm's at most 10 s, ListenBrainz's 12 s), a token refresh, a read of the plays and a notice's send, each at
     * its 10-second timeout, and after them the count of the checks left due. Lambda kills the tick at the function's
     * timeout (90 s); the checks claimed and not started by then are let go, due at once, where a tick cut short
     * would leave them claimed until their lease ends (two minutes).
     */
    static final Duration TIME_TO_START_A_CHECK = Duration.ofSeconds(45);

    private static final Logger LOG = LoggerFactory.getLogger(TickHandler.class);

    private record Parts(SendSongs app, Census census) {
    }

    private final Lazy<Parts> parts;
    private final EmbeddedMetrics metrics = new EmbeddedMetrics();
    private final InvocationTime time = new InvocationTime();
    private final Surroundings surroundings;

    /** Used by Lambda: reads and checks the environment, and nothing else until the first tick. */
    public TickHandler() {
        this(Surroundings.lambda());
    }

    public TickHandler(Surroundings surroundings) {
        Settings settings = Settings.read(surroundings.environment(), SETTINGS);
        this.surroundings = surroundings;
        this.parts = new Lazy<>(() -> {
            Wiring wiring = Wiring.load(settings, surroundings);
            return new Parts(wiring.app(wiring.chatPlatforms(metrics, time), metrics), wiring.census());
        });
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = ApiGateway.read(input);
        int checks;
        time.begin(context);
        try {
            Parts parts = this.parts.get();
            checks = parts.app().tick(checkBudget(context));
            measureDueChecks(parts.census());
        } finally {
            time.end();
            metrics.flush(surroundings.clock().instant(), EmbeddedMetrics.functionName(context, "tick"),
                    surroundings.metricLines());
        }
        LOG.info("tick {} (scheduled {}): {} listen checks", event.path("executionId").asText("-"),
                event.path("scheduledTime").asText("-"), checks);
        ObjectNode result = ApiGateway.JSON.createObjectNode();
        result.put("listenChecks", checks);
        ApiGateway.JSON.writeValue(output, result);
    }

    /** Listen checks start while the invocation has the time for one to end before the function's timeout. */
    private static CheckBudget checkBudget(Context context) {
        return context == null ? CheckBudget.UNLIMITED
                : () -> context.getRemainingTimeInMillis() >= TIME_TO_START_A_CHECK.toMillis();
    }

    /** What the tick left due: how many checks and how long the oldest has waited (the alarm's figure). */
    private void measureDueChecks(Census census) {
        Instant now = surroundings.clock().instant();
        try {
            Census.DueChecks due = census.dueChecks(now);
            metrics.gauge(DUE_CHECKS, Map.of(), due.count(), EmbeddedMetrics.Unit.COUNT);
            metrics.gauge(CHECK_LAG, Map.of(), due.lag(now).toMillis() / 1e3, EmbeddedMetrics.Unit.SECONDS);
        } catch (RuntimeException e) {
            // the tick's work is done; a missing figure shows as a gap in the metric (the alarm treats it as such)
            LOG.warn("the due listen checks could not be counted: {}", e.toString());
        }
    }
}
