package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;

/**
 * Control of the Send API's rate limits ({@link GraphThrottle}): {@code POST /sandbox/messenger/limits}
 * {@code {"calls":N,"window_ms":W,"per_thread_per_second":M}} ({@code per_second} for {@code calls} over a second)
 * sets them, {@code GET} shows them with how many calls were
 * refused.
 */
final class GraphLimitRoutes {
    private final GraphThrottle throttle;

    GraphLimitRoutes(GraphThrottle throttle) {
        this.throttle = throttle;
    }

    void routes(Javalin app) {
        app.post("/sandbox/messenger/limits", JsonIo.guarded(this::set));
        app.get("/sandbox/messenger/limits", JsonIo.guarded(ctx -> JsonIo.send(ctx, 200, throttle.describe())));
    }

    private void set(Context ctx) {
        JsonNode body = JsonIo.readBody(ctx);
        JsonNode calls = body.has("calls") ? body.path("calls") : body.path("per_second");
        JsonNode window = body.path("window_ms");
        JsonNode perThread = body.path("per_thread_per_second");
        JsonNode perDay = body.path("per_engaged_person_per_day");
        if (!calls.isIntegralNumber() || !calls.canConvertToInt()
                || !(window.isMissingNode() || window.isIntegralNumber())
                || !(perThread.isMissingNode() || perThread.isIntegralNumber())
                || !(perDay.isMissingNode() || perDay.isIntegralNumber() && perDay.canConvertToInt())) {
            throw HttpProblem.control(400, "calls (or per_second), window_ms, per_thread_per_second and "
                    + "per_engaged_person_per_day must be whole numbers");
        }
        throttle.limits(calls.asInt(), Duration.ofMillis(window.asLong(1000)), perThread.asInt(0),
                perDay.asInt(GraphThrottle.CALLS_PER_ENGAGED_PERSON_PER_DAY));
        JsonIo.send(ctx, 200, throttle.describe());
    }
}
