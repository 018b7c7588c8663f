package app.sendsongs.server.metrics;

import app.sendsongs.core.Census;
import app.sendsongs.core.chat.ChatPlatform;
import app.sendsongs.core.music.ListeningSource;
import app.sendsongs.core.shared.Platform;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.eclipse.jetty.server.Server;

/**
 * The server's metrics, in Prometheus' text format at {@code GET /metrics} (docs/operations.md, "Monitoring").
 * They are taken at the edges of the core, never inside it: the chat platforms and listening sources the core is
 * given are wrapped ({@link #chatPlatform}, {@link #listeningSource}), each outside service's adapter gets an HTTP
 * client that times its calls ({@link #httpClient}), the webhook route and its workers count what they do, and the
 * store's {@link Census} gives the gauges of due checks. Tags are short words chosen by the code (a platform, a
 * source, an outcome, an error number): never an id, a token or a person's words.
 */
public final class ServerMetrics implements AutoCloseable {
    /** How long a census read serves the scrapes after it (a scrape every few seconds costs one read). */
    static final Duration CENSUS_FRESHNESS = Duration.ofSeconds(10);

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

    /** The platform, counting what became of each message sent through it. */
    public ChatPlatform chatPlatform(ChatPlatform platform) {
        return new MeteredChatPlatform(platform, registry);
    }

    /** The source, counting its listen checks, completed connections and revoked grants. */
    public ListeningSource listeningSource(ListeningSource source) {
        return new MeteredListeningSource(source, registry);
    }

    /** An HTTP client for the adapter of {@code service} (a word: {@code messenger}, {@code spotify}, ...). */
    public HttpClient httpClient(String service, Duration connectTimeout) {
        return new MeteredHttpClient(MeteredHttpClient.standard(connectTimeout), service, registry);
    }

    /** A webhook call and how it ended ({@code accepted}, or why it was refused), with the events it carried. */
    public void webhook(Platform platform, String outcome, int events) {
        Counter.builder("send_songs.webhook.requests").description("Webhook calls by how they ended")
                .tag("platform", platform.id()).tag("outcome", outcome).register(registry).increment();
        if (events > 0) {
            Counter.builder("send_songs.webhook.events")
                    .description("Messages, taps and opened links the webhook acknowledged")
                    .tag("platform", platform.id()).register(registry).increment(events);
        }
    }

    /** One message, tap or opened link handled by a worker: how long it took and how it ended. */
    public void handled(Platform platform, String input, String outcome, Duration took) {
        Timer.builder("send_songs.messages.handled").description("Messages handled by the webhook workers")
                .tag("platform", platform.id()).tag("input", input).tag("outcome", outcome)
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(took);
    }

    /** The webhook intake's queue: how many events wait, and since when the oldest. */
    public <T> void intake(T queue, ToDoubleFunction<T> depth, ToDoubleFunction<T> oldestAgeSeconds) {
        Gauge.builder("send_songs.intake.depth", queue, depth)
                .description("Events acknowledged and waiting for a worker").register(registry);
        TimeGauge.builder("send_songs.intake.oldest.age", queue, TimeUnit.SECONDS, oldestAgeSeconds)
                .description("How long the oldest waiting event has waited").register(registry);
    }

    /** Gauges read from the store: listen checks due and the lag of the oldest. */
    public void census(Census census, Clock clock) {
        Supplier<Census.DueChecks> due = new Cached<>(() -> census.dueChecks(clock.instant()), CENSUS_FRESHNESS);
        Gauge.builder("send_songs.listen.checks.due", () -> due.get().count())
                .description("Listen checks due and not yet taken by a worker").register(registry);
        TimeGauge.builder("send_songs.listen.checks.lag", () -> due.get().lag(clock.instant()).toMillis(),
                        TimeUnit.MILLISECONDS)
                .description("How long the oldest due listen check has waited").register(registry);
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
