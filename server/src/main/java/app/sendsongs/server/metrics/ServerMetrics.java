package app.sendsongs.server.metrics;

import app.sendsongs.core.Census;
import app.sendsongs.metrics.Intake;
import app.sendsongs.metrics.LimiterWaits;
import app.sendsongs.metrics.MeteredChatPlatform;
import app.sendsongs.metrics.MeteredHttpClient;
import app.sendsongs.metrics.MeteredListeningSource;
import app.sendsongs.metrics.Meters;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.eclipse.jetty.server.Server;

/**
 * The server's metrics, in Prometheus' text format at {@code GET /metrics} (docs/operations.md, "Monitoring").
 * They are taken at the edges of the core, never inside it: the chat platforms and listening sources the core is
 * given are wrapped ({@link MeteredChatPlatform}, {@link MeteredListeningSource}), each outside service's adapter
 * gets an HTTP client that times its calls ({@link MeteredHttpClient}), the webhook route and its workers count
 * what they do ({@link Intake}), and the store's {@link Census} gives the gauges of due checks and of the inbox's
 * backlog. Tags are short words chosen by the code (a platform, a source, an outcome, an error number): never an
 * id, a token or a person's words.
 */
public final class ServerMetrics implements Meters, AutoCloseable {
    /** How long a census read serves the scrapes after it (a scrape every few seconds costs one read). */
    static final Duration CENSUS_FRESHNESS = Duration.ofSeconds(10);
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            Intake.WEBHOOK_REQUESTS, "Webhook calls by how they ended",
            Intake.WEBHOOK_EVENTS, "Messages, taps and opened links the webhook acknowledged",
            Intake.HANDLED, "Messages handled by the webhook workers",
            MeteredChatPlatform.MESSAGES, "Messages the bot sent, or held when they could not go now",
            MeteredListeningSource.CHECKS, "Listen checks: reads of a receiver's recent plays, by source",
            MeteredListeningSource.CONNECTIONS, "Listening connections people completed (or that failed)",
            MeteredListeningSource.RECONNECTS, "Grants a source refused: the person must connect again",
            MeteredHttpClient.CALLS, "Calls to outside services, by how they ended",
            LimiterWaits.WAITS, "Time calls waited for their service's rate limiter before going out");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public ServerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    MeterRegistry registry() {
        return registry;
    }

    @Override
    public void count(String name, Map<String, String> tags, double amount) {
        Counter.builder(name).description(DESCRIPTIONS.get(name)).tags(tags(tags)).register(registry)
                .increment(amount);
    }

    @Override
    public void time(String name, Map<String, String> tags, Duration took) {
        Timer.Builder timer = Timer.builder(name).description(DESCRIPTIONS.get(name)).tags(tags(tags));
        if (name.equals(Intake.HANDLED)) {
            timer.publishPercentileHistogram().maximumExpectedValue(Duration.ofSeconds(30));
        }
        timer.register(registry).record(took);
    }

    private static Tags tags(Map<String, String> tags) {
        return Tags.of(tags.entrySet().stream().map(tag -> Tag.of(tag.getKey(), tag.getValue())).toList());
    }

    /**
     * The depth of an intake that keeps its events in the store (how many this process kept and its workers have
     * not handled yet, as this process counts them); the store's own count and the age of the oldest are
     * {@link #census}'s.
     */
    public <T> void intakeDepth(T inbox, ToDoubleFunction<T> depth) {
        Gauge.builder("send_songs.intake.depth", inbox, depth)
                .description("Events acknowledged and waiting for a worker").register(registry);
    }

    /** How many inbox workers may handle at once now: fewer than all while acknowledgements are slow. */
    public <T> void handlingLimit(T limit, ToDoubleFunction<T> workers) {
        Gauge.builder("send_songs.handling.limit", limit, workers)
                .description("Inbox workers allowed to handle at once (fewer while acknowledgements are slow)")
                .register(registry);
    }

    /**
     * Gauges read from the store: listen checks due and the lag of the oldest, and the inbound events waiting in the
     * store's inbox (every server's, and those left from before a restart) and the age of the oldest. The store's
     * other figures are for {@code status}: they may read every person.
     */
    public void census(Census census, Clock clock) {
        Supplier<Census.DueChecks> due = new Cached<>(() -> census.dueChecks(clock.instant()), CENSUS_FRESHNESS);
        Gauge.builder("send_songs.listen.checks.due", () -> due.get().count())
                .description("Listen checks due and not yet taken by a worker").register(registry);
        TimeGauge.builder("send_songs.listen.checks.lag", () -> due.get().lag(clock.instant()).toMillis(),
                        TimeUnit.MILLISECONDS)
                .description("How long the oldest due listen check has waited").register(registry);
        Supplier<Census.InboxBacklog> inbox = new Cached<>(census::inboxBacklog, CENSUS_FRESHNESS);
        Gauge.builder("send_songs.inbox.events.waiting", () -> inbox.get().count())
                .description("Inbound events kept in the store's inbox and not handled yet").register(registry);
        TimeGauge.builder("send_songs.inbox.events.age", () -> inbox.get().age(clock.instant()).toMillis(),
                        TimeUnit.MILLISECONDS)
                .description("How long ago the oldest inbound event waiting in the store's inbox was received")
                .register(registry);
    }

    /** Jetty's threads and connections; call once the server is started. */
    public void httpServer(Server server) {
        new JettyServerThreadPoolMetrics(server.getThreadPool(), Tags.empty()).bindTo(registry);
        JettyConnectionMetrics.addToAllConnectors(server, registry);
    }

    /** One HTTP request the server answered: by route (its path template), method and status class. */
    public void request(Context ctx, float millis) {
        Timer.builder("send_songs.http.requests").description("HTTP requests the server answered")
                .tag("method", ctx.method().name()).tag("route", route(ctx))
                .tag("status", ctx.statusCode() / 100 + "xx").register(registry)
                .record(Duration.ofNanos((long) (millis * 1_000_000)));
    }

    /** The path template of the route that answered (never the path itself), or {@code unmatched}. */
    private static String route(Context ctx) {
        try {
            return ctx.endpointHandlerPath();
        } catch (IllegalStateException e) {
            return "unmatched"; // no route took the request: Javalin answered 404 itself
        }
    }

    /** Everything, in Prometheus' text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    /** A value read at most once per {@code freshness}. */
    private static final class Cached<T> implements Supplier<T> {
        private final Supplier<T> read;
        private final Duration freshness;
        private T value;
        private Instant readAt = Instant.MIN;

        Cached(Supplier<T> read, Duration freshness) {
            this.read = read;
            this.freshness = freshness;
        }

        @Override
        public synchronized T get() {
            Instant now = Instant.now();
            if (value == null || Duration.between(readAt, now).compareTo(freshness) >= 0) {
                value = read.get();
                readAt = now;
            }
            return value;
        }
    }
}
