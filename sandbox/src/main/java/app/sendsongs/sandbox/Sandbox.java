package app.sendsongs.sandbox;

import app.sendsongs.core.time.ManualClock;
import io.javalin.Javalin;

/**
 * The emulated outside world: Facebook Graph Send API, Telegram Bot API, Spotify accounts service and Spotify Web
 * API, Last.fm and ListenBrainz, speaking the real wire formats, plus the control API. Mount it on any Javalin app
 * with {@link #routes}.
 *
 * <p>Base URLs, for an app served at {@code <base>}: Graph {@code <base>/sandbox/graph} (then
 * {@code /<version>/me/messages}), Telegram {@code <base>/sandbox/telegram} (then {@code /bot<token>/<method>}),
 * Spotify accounts {@code <base>/sandbox/accounts} (then {@code /authorize}, {@code /api/token}), Spotify Web API
 * {@code <base>/sandbox/api} (then {@code /v1/...}), Spotify short links {@code <base>/sandbox/spotify-link} (then
 * {@code /<code>}), Last.fm {@code <base>/sandbox/lastfm} (then {@code /api/auth/}
 * and {@code /2.0/}), ListenBrainz {@code <base>/sandbox/listenbrainz} (then {@code /1/...}).
 */
public final class Sandbox implements AutoCloseable {
    private final ManualClock clock;
    private final FaultInjector faults = new FaultInjector();
    private final MessengerEmulator messenger;
    private final SpotifyEmulator spotify;
    private final ClockControl clockControl;
    private final GraphEmulator graph;
    private final MessengerProfileEmulator profile;
    private final SpotifyAccountsEmulator accounts;
    private final SpotifyWebApiEmulator webApi;
    private final SpotifyShortLinkEmulator shortLinks;
    private final ControlRoutes control;
    private final TelegramEmulator telegram;
    private final TelegramApiRoutes telegramApi;
    private final TelegramControlRoutes telegramControl;
    private final LastfmEmulator lastfm;
    private final ListenBrainzEmulator listenBrainz;

    public Sandbox(SandboxConfig config, ManualClock clock) {
        this.clock = clock;
        this.messenger = new MessengerEmulator(config, clock);
        this.spotify = new SpotifyEmulator(Catalogue.loadDefault(), clock,
                config.spotifyClientId(), config.spotifyClientSecret());
        this.clockControl = new ClockControl(clock);
        this.graph = new GraphEmulator(config, messenger, faults, clock);
        this.profile = new MessengerProfileEmulator(graph);
        messenger.getStartedPayload(profile::getStartedPayload);
        this.accounts = new SpotifyAccountsEmulator(spotify, faults);
        this.webApi = new SpotifyWebApiEmulator(spotify, faults);
        this.shortLinks = new SpotifyShortLinkEmulator(spotify);
        this.control = new ControlRoutes(messenger, spotify, faults, clockControl);
        this.telegram = new TelegramEmulator(clock);
        this.telegramApi = new TelegramApiRoutes(telegram, faults);
        this.telegramControl = new TelegramControlRoutes(telegram);
        this.lastfm = new LastfmEmulator(clock);
        this.listenBrainz = new ListenBrainzEmulator(clock, spotify.catalogue());
    }

    /**
     * Stops the emulators' own sending (the Messenger echoes' thread, the Telegram webhook's retries); the routes are
     * the app's to stop.
     */
    @Override
    public void close() {
        messenger.close();
        telegram.close();
    }

    /** Registers every emulator and control route on an existing Javalin app. */
    public void routes(Javalin app) {
        graph.routes(app);
        profile.routes(app);
        new GraphLimitRoutes(graph.throttle()).routes(app);
        accounts.routes(app);
        webApi.routes(app);
        shortLinks.routes(app);
        control.routes(app);
        telegramControl.routes(app);
        telegramApi.routes(app);
        new LastfmApiEmulator(lastfm, faults).routes(app);
        new LastfmControlRoutes(lastfm).routes(app);
        new ListenBrainzApiEmulator(listenBrainz, faults).routes(app);
        new ListenBrainzControlRoutes(listenBrainz).routes(app);
    }

    /**
     * Work to run (synchronously) before every {@code POST /sandbox/clock/advance} moves the clock:
     * waiting until the bot has handled the messages it acknowledged, when it handles them after
     * answering the webhook.
     */
    public void beforeClockAdvance(Runnable work) {
        clockControl.beforeAdvance(work);
    }

    /** Work to run (synchronously) after every {@code POST /sandbox/clock/advance}: the bot's due work. */
    public void onClockAdvance(Runnable work) {
        clockControl.onAdvance(work);
    }

    /** Where webhook events go; may be set once the bot's port is known. */
    public void botWebhookUrl(String url) {
        messenger.botWebhookUrl(url);
    }

    public SpotifyEmulator spotify() {
        return spotify;
    }

    public TelegramEmulator telegram() {
        return telegram;
    }

    public LastfmEmulator lastfm() {
        return lastfm;
    }

    public ListenBrainzEmulator listenBrainz() {
        return listenBrainz;
    }

    /** The Send API's calls a second per page and per thread (0: none), as {@code POST /sandbox/messenger/limits}. */
    public void messengerLimits(int perSecond, int perThreadPerSecond) {
        graph.throttle().limits(perSecond, java.time.Duration.ofSeconds(1), perThreadPerSecond);
    }

    public MessengerEmulator messenger() {
        return messenger;
    }

    public FaultInjector faults() {
        return faults;
    }

    public ManualClock clock() {
        return clock;
    }
}
