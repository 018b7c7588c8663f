package app.sendsongs.server;

import app.sendsongs.core.SendSongs;
import app.sendsongs.core.chat.ChatPlatform;
import app.sendsongs.core.chat.DurableInbox;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.InboundBatch;
import app.sendsongs.core.chat.Inbox;
import app.sendsongs.core.chat.InboxStore;
import app.sendsongs.core.chat.PaceLedger;
import app.sendsongs.core.music.ListeningSource;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.shared.ConnectLink;
import app.sendsongs.core.user.UserStore;
import app.sendsongs.core.watch.CheckBudget;
import app.sendsongs.messenger.GraphSendApi;
import app.sendsongs.messenger.MessengerConfig;
import app.sendsongs.messenger.SignatureVerifier;
import app.sendsongs.messenger.WebhookParser;
import app.sendsongs.messenger.WebhookVerifier;
import app.sendsongs.lastfm.LastfmClient;
import app.sendsongs.lastfm.LastfmConfig;
import app.sendsongs.lastfm.LastfmRateLimiter;
import app.sendsongs.listenbrainz.ListenBrainzClient;
import app.sendsongs.listenbrainz.ListenBrainzConfig;
import app.sendsongs.listenbrainz.ListenBrainzRateLimiter;
import app.sendsongs.metrics.Intake;
import app.sendsongs.metrics.LimiterWaits;
import app.sendsongs.metrics.MeteredChatPlatform;
import app.sendsongs.metrics.MeteredHttpClient;
import app.sendsongs.metrics.MeteredListeningSource;
import app.sendsongs.server.metrics.MetricsEndpoint;
import app.sendsongs.server.metrics.ServerMetrics;
import app.sendsongs.spotify.SpotifyClient;
import app.sendsongs.spotify.SpotifyConfig;
import app.sendsongs.spotify.SpotifyShortLinks;
import app.sendsongs.telegram.BotUsername;
import app.sendsongs.telegram.SpentKeyboards;
import app.sendsongs.telegram.TelegramApiException;
import app.sendsongs.telegram.TelegramBotApi;
import app.sendsongs.telegram.TelegramChat;
import app.sendsongs.telegram.TelegramSetup;
import app.sendsongs.telegram.UpdateParser;
import app.sendsongs.telegram.TelegramRateLimiter;
import app.sendsongs.web.TelegramIntake;
import app.sendsongs.web.Webhook;
import io.javalin.Javalin;
import io.javalin.http.NotFoundResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The self-hosted server: the production adapters, the core, the HTTP routes and the tick loop in one process. */
public final class BotServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BotServer.class);
    /** Where Telegram POSTs the bot's updates (the path {@code telegram-setup} gives Telegram). */
    public static final String TELEGRAM_WEBHOOK_PATH = "/telegram/webhook";
    /**
     * People handled at once, each by a worker on a virtual thread: handling mostly waits on Spotify,
     * Messenger and the database, not the CPU (see {@link InboxWorkers}).
     */
    private static final int INBOX_WORKERS = 16;
    /**
     * How often the server looks, between ticks, whether a wait it gave a held message is over: a platform may ask
     * for a wait of a few seconds (Telegram's {@code retry_after}, a chat's pace), and the tick comes every 15 s by
     * default.
     */
    private static final Duration RETRY_EVERY = Duration.ofSeconds(1);
    /**
     * How long a tick goes on starting listen checks, as on AWS Lambda (whose tick starts none in the last 30 s of its
     * 60). While a listening source hangs, each check waits out its timeouts (10 s a request), and a tick running a
     * hundred would hold the loop's thread, and with it the retries of held messages, for minutes; a check started
     * within this ends well inside its lease (two minutes by default). The checks claimed and not started are due again
     * at once, for the next tick.
     */
    static final Duration TICK_STARTS_CHECKS_FOR = Duration.ofSeconds(30);
    /**
     * With Telegram, a worker may wait up to 3 s for a chat's next slot (Telegram allows about one message a second
     * in a chat) while it holds that person's claim: more workers, so that a chat's pace holds up its own person and
     * not a share of everyone. They are virtual threads, and an idle server makes one claim a second however many
     * there are (see {@link InboxWorkers}). In the load test on Telegram 256 handled half as much again as 128 (about
     * 124 {@code send_song} a second against 82), and 512 a little more still, but with the acknowledgements' p99 at
     * 33 ms against 21 (docs/performance.md).
     */
    private static final int INBOX_WORKERS_WITH_TELEGRAM = 256;
    /**
     * How the webhook's intake is bounded: past 64,000 events waiting to be handled a POST waits up to 5 s for
     * room, then is answered 503 (Messenger delivers it again later); calls waiting for their write to the
     * store may hold 32 MB in all, past which a POST is answered 503 at once.
     */
    private static final DurableInbox.Limits INTAKE_LIMITS = new DurableInbox.Limits(64_000, Duration.ofSeconds(5),
            32L * 1024 * 1024);

    /**
     * A webhook call kept slower than this makes fewer workers handle at once (see {@link HandlingLimit}): half the
     * 20 ms the load test allows at the 99th percentile.
     */
    private static final Duration SLOW_ACKNOWLEDGEMENT = Duration.ofMillis(10);

    private static final int RESPONSE_BUFFER_BYTES = 4_096;
    /** How long the adapters' HTTP clients wait for a connection to an outside service. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** A request whose body stops arriving for this long is dropped (Jetty's default is 30 s). */
    static final Duration BODY_READ_TIMEOUT = Duration.ofSeconds(10);
    /**
     * A request still arriving this long after its first byte loses its connection (see {@link SlowRequests}): a
     * platform's webhook call arrives in milliseconds, a browser's request in one or two packets.
     */
    static final Duration REQUEST_ARRIVES_WITHIN = Duration.ofSeconds(10);
    /**
     * How long stopping waits for the requests in progress to be answered: a webhook call waits at most 5 s for room
     * and 15 s for its write ({@link DurableInbox}). Without it a call whose events were being kept lost its
     * connection unanswered, and the platform delivered it again.
     */
    static final Duration ANSWERS_BEFORE_STOP = Duration.ofSeconds(20);

    private final ServerConfig config;
    private final Clock clock;
    private final ServerStore store;
    private final ServerMetrics metrics = new ServerMetrics();
    /** How many of the inbox workers may handle at once. */
    private final HandlingLimit handlingLimit;
    private final Optional<TelegramBot> telegram;
    private final SendSongs app;
    private final Javalin http;
    /** Counts the requests in progress, so that a stop can wait for their answers (see {@link #close()}). */
    private final StatisticsHandler requests = new StatisticsHandler();
    private final Duration answersBeforeStop;
    private DurableInbox inbox;
    /** Read by the intake's writer thread when it wakes the workers. */
    private volatile InboxWorkers workers;
    /** Told of each webhook call's events once kept; nobody unless the demo listens. */
    private volatile Consumer<InboundBatch> kept = batch -> { };
    private TickLoop tickLoop;

    /** The Telegram bot: one Bot API client (one rate limiter) for everything, and its username once asked. */
    private record TelegramBot(TelegramSettings settings, TelegramBotApi api, BotUsername username) {
        /**
         * Paced where the store keeps Telegram's pace ({@link ServerStore#sendPace}). A worker waiting for a chat's
         * next slot gives its place among those handling to another meanwhile.
         */
        static TelegramBot of(TelegramSettings settings, ServerStore store, ServerMetrics metrics,
                              HandlingLimit limit) {
            PaceLedger ledger = store.sendPace(TelegramRateLimiter.SHARED_PACE_NAME,
                    TelegramRateLimiter.rules(settings.api().messagesPerSecond()));
            TelegramRateLimiter pace = new TelegramRateLimiter(ledger, InstantSource.system(), limit::sleep,
                    TelegramRateLimiter.MOST_WAIT);
            TelegramBotApi api = new TelegramBotApi(settings.api(), MeteredHttpClient.standard("telegram",
                    CONNECT_TIMEOUT, metrics), pace);
            return new TelegramBot(settings, api, new BotUsername(api));
        }
    }

    /**
     * Wires the server: opens the store the configuration names and builds the core and the HTTP server, but
     * opens no port and starts no thread (that is {@link #start()}). {@code extraRoutes} lets the demo mount the
     * sandbox on the same port; pass {@code server -> { }} otherwise.
     */
    public BotServer(ServerConfig config, Clock clock, Consumer<Javalin> extraRoutes) {
        this(config, clock, extraRoutes, ANSWERS_BEFORE_STOP);
    }

    /** As above, with how long a stop waits for the requests in progress to be answered. */
    BotServer(ServerConfig config, Clock clock, Consumer<Javalin> extraRoutes, Duration answersBeforeStop) {
        this.config = config;
        this.clock = clock;
        this.answersBeforeStop = answersBeforeStop;
        this.store = ServerStore.open(config.store(), config.tokenCipher());
        try {
            int workerCount = config.telegram().isPresent() ? INBOX_WORKERS_WITH_TELEGRAM : INBOX_WORKERS;
            this.handlingLimit = new HandlingLimit(Math.min(workerCount, Runtime.getRuntime().availableProcessors()),
                    workerCount, SLOW_ACKNOWLEDGEMENT, System::nanoTime);
            this.telegram = config.telegram().map(settings -> TelegramBot.of(settings, store, metrics,
                    handlingLimit));
            ConnectLink link = new ConnectLink(config.publicBaseUrl());
            SpotifyConfig spotify = new SpotifyConfig(config.spotifyAccountsBaseUrl(), config.spotifyApiBaseUrl(),
                    config.spotifyClientId(), config.spotifyClientSecret(), link.callbackUrl());
            // both the catalogue and a listening source
            SpotifyClient spotifyClient = new SpotifyClient(spotify, clock,
                    MeteredHttpClient.standard("spotify", CONNECT_TIMEOUT, metrics));
            this.app = new SendSongs(store.stores(), chatPlatforms(), spotifyClient,
                    new SpotifyShortLinks(config.spotifyShortLinkBaseUrl(), clock,
                            MeteredHttpClient.standard("spotify_link", CONNECT_TIMEOUT, metrics)),
                    listeningSources(config, link, spotifyClient, metrics), clock, new SendSongs.Settings(link,
                    config.schedule(), config.lease(), config.sendLimits(), config.tokenCipher().signingKey(),
                    config.heldMessageExpiry()));
            this.http = Javalin.create(javalin -> {
                javalin.showJavalinBanner = false;
                // Javalin copies each response through a buffer of this size, allocated per response (32 KiB
                // unless set): the bot's answers are a few hundred bytes.
                javalin.http.responseBufferSize = RESPONSE_BUFFER_BYTES;
                // A request waiting on a slow or stalled body holds a virtual thread, not one of a few
                // hundred pooled ones: hundreds of stalled senders cannot starve /health or the webhook.
                javalin.useVirtualThreads = true;
                javalin.jetty.modifyHttpConfiguration(http -> {
                    http.setIdleTimeout(BODY_READ_TIMEOUT.toMillis());
                    // Jetty otherwise holds back a request whose headers came alone until its first byte of
                    // content: a chunk size line of endless zeros or extensions is never content, so the request
                    // never reached the handler whose wire limit refuses it, and the connection was never idle.
                    http.setDelayDispatchUntilContent(false);
                });
                javalin.jetty.modifyServer(jetty -> {
                    jetty.setErrorHandler(new ErrorPages());
                    jetty.addBean(new SlowRequests(jetty, REQUEST_ARRIVES_WITHIN));
                    // Javalin mounts its handler inside it, so it counts every request: see start().
                    jetty.setHandler(requests);
                });
                javalin.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new ErrorPages()));
                javalin.requestLogger.http(metrics::request);
            });
            metrics.census(store.census(), clock);
            MetricsEndpoint.mount(http, metrics, config.metricsToken());
            extraRoutes.accept(http);
            http.before(ErrorPages::hardeningHeaders);
            http.exception(NotFoundResponse.class, (e, ctx) -> ErrorPages.notFound(ctx));
            http.exception(Exception.class, (e, ctx) -> {
                LOG.error("request failed: {} {}", ctx.method(), ctx.path(), e);
                ctx.status(500).result("internal error");
            });
        } catch (RuntimeException e) {
            store.close();
            metrics.close();
            throw e;
        }
    }

    /**
     * What the tick loop runs every {@link #RETRY_EVERY}: the tick when its interval has passed (listen checks and all
     * retries), else the retries of held messages whose wait, given here, is over ({@link SendSongs#retryHeld}). One
     * thread does both, so that neither runs beside the other.
     */
    static final class DueWork implements Runnable {
        private final SendSongs app;
        private final long tickNanos;
        /** When the next tick is due ({@link System#nanoTime}); only the loop's thread reads and writes it. */
        private long nextTick;

        DueWork(SendSongs app, Duration tickInterval) {
            this.app = app;
            this.tickNanos = tickInterval.toNanos();
            this.nextTick = System.nanoTime() + tickNanos;
        }

        /** A tick's listen checks start during its first {@link #TICK_STARTS_CHECKS_FOR}, as {@code time} tells. */
        static CheckBudget checkBudget(InstantSource time) {
            return CheckBudget.until(time.instant().plus(TICK_STARTS_CHECKS_FOR), time);
        }

        /** How often the loop runs it: every {@link #RETRY_EVERY}, or every tick when ticks come more often. */
        static Duration every(Duration tickInterval) {
            return tickInterval.compareTo(RETRY_EVERY) < 0 ? tickInterval : RETRY_EVERY;
        }

        @Override
        public void run() {
            long now = System.nanoTime();
            if (now - nextTick >= 0) {
                nextTick = now + tickNanos;
                app.tick(checkBudget(InstantSource.system()));
            } else {
                app.retryHeld();
            }
        }
    }

    /**
     * A graceful stop also waits for every connection to close. Jetty shortens the idle time of those open when the
     * stop begins, but one it misses would stay open for the connector's idle time (30 s unless set), past the stop's
     * wait, and the stop would fail with every request answered. Connections with nothing to do are closed within
     * half the wait instead (at most {@link #BODY_READ_TIMEOUT}: a webhook's connection is rarely reused later than that).
     */
    private void closeIdleConnectionsWithinHalfTheStopsWait() {
        Duration half = answersBeforeStop.dividedBy(2);
        long idleMillis = (half.compareTo(BODY_READ_TIMEOUT) < 0 ? half : BODY_READ_TIMEOUT).toMillis();
        for (Connector connector : http.jettyServer().server().getConnectors()) {
            if (connector instanceof AbstractConnector served) {
                served.setIdleTimeout(idleMillis);
            }
        }
    }

    /**
     * Tells {@code listener} of each webhook call's events once they are kept, before the platform is answered. The
     * demo tells its emulated Messenger who wrote, as Messenger knows whose messages it delivered: a person whose
     * event a test signed and posted itself is someone the emulated Send API can answer.
     */
    public void onEventsKept(Consumer<InboundBatch> listener) {
        this.kept = listener;
    }

    private Inbox telling(Inbox inbox) {
        return batch -> {
            Inbox.Intake intake = inbox.accept(batch);
            if (intake == Inbox.Intake.KEPT) {
                kept.accept(batch);
            }
            return intake;
        };
    }

    /** The inbox, telling the limit how long each webhook call waited to be kept, and whether people made it. */
    static Inbox timed(Inbox inbox, HandlingLimit limit) {
        return batch -> {
            long started = System.nanoTime();
            try {
                return inbox.accept(batch);
            } finally {
                long waited = System.nanoTime() - started;
                if (batch.events().isEmpty()) {
                    limit.echoesAcknowledged(waited);
                } else {
                    limit.acknowledged(waited);
                }
            }
        };
    }

        /** Messenger and Telegram, each when configured, each measured. */
    private List<ChatPlatform> chatPlatforms() {
        List<ChatPlatform> platforms = new ArrayList<>();
        if (config.messengerConfigured()) {
            platforms.add(new MeteredChatPlatform(new GraphSendApi(new MessengerConfig(config.graphBaseUrl(),
                    config.graphVersion(), config.pageAccessToken(), config.appSecret(), config.verifyToken(),
                    config.messengerPage()), MeteredHttpClient.standard("messenger", CONNECT_TIMEOUT, metrics), clock),
                    metrics));
        }
        telegram.ifPresent(bot -> platforms.add(new MeteredChatPlatform(new TelegramChat(bot.api(), bot.username()),
                metrics)));
        return platforms;
    }

    /** Spotify; Last.fm when its API account is configured; ListenBrainz, which needs nothing. */
    private static List<ListeningSource> listeningSources(ServerConfig config, ConnectLink link, SpotifyClient spotify,
                                                          ServerMetrics metrics) {
        List<ListeningSource> sources = new ArrayList<>(List.of(spotify));
        config.lastfm().ifPresent(lastfm -> sources.add(new LastfmClient(new LastfmConfig(lastfm.webBaseUrl(),
                lastfm.apiBaseUrl(), lastfm.apiKey(), lastfm.sharedSecret(),
                link.callbackUrl(SourceKind.LASTFM.id())),
                LastfmRateLimiter.standard(new LimiterWaits(metrics, "lastfm")::sleep),
                MeteredHttpClient.standard("lastfm", CONNECT_TIMEOUT, metrics))));
        sources.add(new ListenBrainzClient(new ListenBrainzConfig(config.listenBrainzApiBaseUrl(),
                link.url(SourceKind.LISTENBRAINZ.id())),
                ListenBrainzRateLimiter.standard(new LimiterWaits(metrics, "listenbrainz")::sleep),
                MeteredHttpClient.standard("listenbrainz", CONNECT_TIMEOUT, metrics)));
        return sources.stream().map(source -> (ListeningSource) new MeteredListeningSource(source, metrics)).toList();
    }

    /**
     * Opens the inbox's intake, starts its workers, opens the port and starts the tick loop. If any of it fails, everything the
     * server opened (the store included) is closed again before the failure is thrown.
     */
    public synchronized BotServer start() {
        if (inbox != null) {
            throw new IllegalStateException("the server is already started");
        }
        try {
            // The store may be an earlier run's (a restart): its messages in flight wait for their echoes first.
            app.waitForEchoesOfEarlierRuns();
            // Nothing is kept before the port opens, so the workers exist by the time the intake wakes them.
            inbox = app.openInbox(INTAKE_LIMITS, kept -> workers.wake(kept));
            metrics.intakeDepth(inbox, DurableInbox::waiting);
            InboxStore waiting = store.stores().inbox();
            workers = new InboxWorkers(() -> app.inboxWork().handleNext(this::handle), inbox::handled,
                    waiting::hasWaiting, handlingLimit.most(), handlingLimit);
            metrics.handlingLimit(handlingLimit, HandlingLimit::limit);
            new BotRoutes(app, new ConnectLink(config.publicBaseUrl()), messengerWebhook(), telegramIntake(),
                    timed(telling(inbox), handlingLimit), clock, metrics, store::fault).register(http);
            http.start(config.host(), config.port());
            // Set once started: a graceful stop of a Jetty that never started fails instead of stopping it.
            http.jettyServer().server().setStopTimeout(answersBeforeStop.toMillis());
            closeIdleConnectionsWithinHalfTheStopsWait();
            metrics.httpServer(http.jettyServer().server());
            tickLoop = new TickLoop(new DueWork(app, config.tickInterval()), DueWork.every(config.tickInterval()));
        } catch (RuntimeException e) {
            try {
                close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        LOG.info("Send Songs listening on port {} ({})", port(), config);
        return this;
    }

    private Optional<Webhook> messengerWebhook() {
        if (!config.messengerConfigured()) {
            return Optional.empty();
        }
        return Optional.of(new Webhook(new WebhookVerifier(config.verifyToken()),
                new SignatureVerifier(config.appSecret()), new WebhookParser(clock)));
    }

    private Optional<TelegramIntake> telegramIntake() {
        return telegram.map(bot -> new TelegramIntake(bot.settings().secret(), new UpdateParser(bot.username(),
                clock), new SpentKeyboards(bot.api())::removeLater));
    }

    /**
     * Points Telegram at this server's webhook and sets the bot's menu, as the {@code telegram-setup} command does;
     * the demo does it at start. Does nothing when the server is not on Telegram.
     */
    public void setUpTelegram(URI webhookUrl) throws TelegramApiException {
        if (telegram.isPresent()) {
            new TelegramSetup(telegram.get().api()).apply(webhookUrl, telegram.get().settings().secret());
        }
    }

    /** An inbox worker's event: handled by the bot, with one event line and the handling time saying how it went. */
    private void handle(Inbound event) {
        long started = EventLog.start();
        EventLog line = EventLog.message(event);
        try {
            app.bot().handle(event);
        } catch (RuntimeException e) {
            line.warn("failed", started);
            Intake.handled(metrics, event, "failed", since(started));
            throw e;
        }
        line.info("handled", started);
        Intake.handled(metrics, event, "handled", since(started));
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    public SendSongs app() {
        return app;
    }

    /** The people the bot knows: the demo pages show who is registered, and where they listen. */
    UserStore users() {
        return store.stores().users();
    }

    /** The Bot API client every message and edit to Telegram goes through, with its one rate limiter. */
    Optional<TelegramBotApi> telegramApi() {
        return telegram.map(TelegramBot::api);
    }

    /** Waits (up to {@code timeout}) until every webhook event acknowledged so far has been handled. */
    public boolean awaitWebhookIdle(Duration timeout) {
        InboxWorkers started = workers;
        return started == null || started.awaitIdle(timeout);
    }

    public int port() {
        return http.port();
    }

    /**
     * Stops taking requests, keeps what the webhook was answering, lets the workers handle what they can
     * claim (up to 30 s; what is left is handled after the next start), then stops the rest. When requests are
     * still unanswered after {@link #ANSWERS_BEFORE_STOP}, their connections are closed and the rest stops all the
     * same; that failure is thrown once everything is stopped.
     */
    @Override
    public synchronized void close() {
        LOG.info("stopping: taking no new requests, finishing what was acknowledged");
        long started = System.nanoTime();
        RuntimeException failure = null;
        try {
            failure = stopHttp();
            if (inbox != null) {
                inbox.close();
            }
            if (workers != null) {
                workers.close();
            }
            if (tickLoop != null) {
                tickLoop.close();
            }
        } finally {
            try {
                store.close();
            } finally {
                metrics.close();
                LOG.info("stopped in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Stops the HTTP server; a stop that failed (requests outlasting the wait) is logged and returned. */
    private RuntimeException stopHttp() {
        try {
            http.stop();
            return null;
        } catch (RuntimeException e) {
            LOG.warn("stopping the HTTP server failed ({}) with {} requests still unanswered after {} ms: their "
                    + "connections were closed; stopping the rest", e.getMessage(), requests.getRequestsActive(),
                    answersBeforeStop.toMillis());
            return e;
        }
    }
}
