package app.sendsongs.server;

import app.sendsongs.core.OperatorSettings;
import app.sendsongs.core.share.SendLimits;
import app.sendsongs.core.shared.Typos;
import app.sendsongs.core.shared.WholeNumberSetting;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.core.watch.WatchSchedule;
import app.sendsongs.messenger.MessengerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything the server reads from its environment. Names are the same in every runtime; see
 * docs/operations.md for the reference. {@link #toString()} never shows a secret. Each chat platform is optional as
 * long as one is configured: the Messenger values are null when the bot is not on Messenger, {@code telegram} is empty
 * when it is not on Telegram.
 */
public record ServerConfig(String host, int port, String publicBaseUrl, String appSecret, String verifyToken, String pageAccessToken,
                           String spotifyClientId, String spotifyClientSecret, String graphBaseUrl, String graphVersion,
                           String messengerPage,
                           String spotifyAccountsBaseUrl, String spotifyApiBaseUrl, String spotifyShortLinkBaseUrl,
                           Optional<Lastfm> lastfm, String listenBrainzApiBaseUrl, StoreConfig store,
                           WatchSchedule schedule, Duration tickInterval, SendLimits sendLimits, Duration lease,
                           Duration heldMessageExpiry, TokenCipher tokenCipher, Optional<String> metricsToken,
                           Optional<TelegramSettings> telegram) {

    /** The Last.fm API account, when Last.fm is offered; base URLs null for the real Last.fm. */
    public record Lastfm(String apiKey, String sharedSecret, String webBaseUrl, String apiBaseUrl) {
        @Override
        public String toString() {
            return "Lastfm[apiKey=" + apiKey + ", web=" + webBaseUrl + ", api=" + apiBaseUrl
                    + ", sharedSecret=<redacted>]";
        }
    }

    /** One configuration variable and its meaning. */
    public record Variable(String name, String meaning) {
    }

    private static final WholeNumberSetting PORT = new WholeNumberSetting("PORT", 8080, 0, WholeNumberSetting.MOST);
    private static final WholeNumberSetting TICK_SECONDS = WholeNumberSetting.positive("TICK_SECONDS", 15);

    /** The key being replaced, while a new TOKEN_ENCRYPTION_KEY is taken into use. */
    static final String PREVIOUS_KEY = "TOKEN_ENCRYPTION_PREVIOUS_KEY";

    /** Every variable, with its meaning; printed by {@code --help}. */
    public static final List<Variable> VARIABLES = List.of(
            new Variable(PORT.name(), "HTTP port of the server (default 8080)"),
            new Variable("HOST", "the address the server listens on (default: every address for serve, "
                    + "127.0.0.1 for demo)"),
            new Variable("PUBLIC_BASE_URL", "the externally visible base URL; builds the Spotify redirect URI "
                    + "(PUBLIC_BASE_URL/callback), the Last.fm callback and the connect links"),
            new Variable("MESSENGER_APP_SECRET", "Facebook app secret: verifies X-Hub-Signature-256 (the three "
                    + "MESSENGER_ values together, or none for a bot that is not on Messenger)"),
            new Variable("MESSENGER_VERIFY_TOKEN", "the token Facebook sends to verify the webhook"),
            new Variable("MESSENGER_PAGE_ACCESS_TOKEN", "page access token for the Send API"),
            new Variable(TelegramSettings.TOKEN, "the Telegram bot's token from @BotFather (with "
                    + TelegramSettings.SECRET + ", or neither for a bot that is not on Telegram; at least one chat "
                    + "platform is needed)"),
            new Variable(TelegramSettings.SECRET, "1-256 of A-Z a-z 0-9 _ -, e.g. from openssl rand -hex 32: "
                    + "Telegram sends it with every update (telegram-setup gives it to Telegram)"),
            new Variable("SPOTIFY_CLIENT_ID", "Spotify app client id (required)"),
            new Variable("SPOTIFY_CLIENT_SECRET", "Spotify app client secret (required)"),
            new Variable("TOKEN_ENCRYPTION_KEY", "base64 of 32 random bytes that seals people's Spotify tokens, "
                    + "Last.fm session keys and ListenBrainz tokens in the database and signs connect links, e.g. from "
                    + "openssl rand -base64 32 (required; keep it: without it stored tokens cannot be read)"),
            new Variable(PREVIOUS_KEY, "while TOKEN_ENCRYPTION_KEY is being replaced: the key it replaces, which "
                    + "still opens the tokens it sealed until rekey has sealed them again (optional)"),
            new Variable("LASTFM_API_KEY", "Last.fm API account key (optional: without it and LASTFM_SHARED_SECRET, "
                    + "Last.fm is not offered)"),
            new Variable("LASTFM_SHARED_SECRET", "Last.fm API account shared secret (with LASTFM_API_KEY)"),
            new Variable("MESSENGER_PAGE", "the page's username or id, as in https://m.me/<page>: the links the bot gives "
                    + "for invites and held songs (optional: without it the bot gives none)"),
            new Variable("MESSENGER_GRAPH_BASE_URL", "Graph API base URL (default https://graph.facebook.com)"),
            new Variable("MESSENGER_GRAPH_VERSION", "Graph API version (default " + MessengerConfig.DEFAULT_GRAPH_VERSION + ")"),
            new Variable(TelegramSettings.API_BASE_URL, "Telegram Bot API base URL (default "
                    + "https://api.telegram.org)"),
            new Variable(TelegramSettings.MESSAGES_PER_SECOND, "most messages a second the bot sends on Telegram, "
                    + "in all (default 28, under Telegram's free 30; up to 950 once paid broadcasts are enabled for "
                    + "the bot, each message above 30 a second then costs Telegram Stars)"),
            new Variable("SPOTIFY_ACCOUNTS_BASE_URL", "Spotify accounts service base URL (default https://accounts.spotify.com)"),
            new Variable("SPOTIFY_API_BASE_URL", "Spotify Web API base URL (default https://api.spotify.com)"),
            new Variable("SPOTIFY_SHORT_LINK_BASE_URL", "where Spotify's short links are followed (default "
                    + "https://spotify.link)"),
            new Variable("LASTFM_WEB_BASE_URL", "where people allow the app on Last.fm (default https://www.last.fm)"),
            new Variable("LASTFM_API_BASE_URL", "Last.fm web service base URL (default https://ws.audioscrobbler.com)"),
            new Variable("LISTENBRAINZ_API_BASE_URL", "ListenBrainz API base URL (default "
                    + "https://api.listenbrainz.org)"),
            new Variable("STORE", "where data is kept: sqlite (default, one file) or dynamodb (one table several "
                    + "servers can share)"),
            new Variable("SQLITE_PATH", "SQLite database file (default ./send-songs.db)"),
            new Variable("SQLITE_UPGRADE_WAIT_SECONDS", "how long a start waits for another process (a backup, the "
                    + "older server) to close a file an older version wrote before it upgrades it, in seconds; it "
                    + "refuses after that and changes nothing (default 30)"),
            new Variable("DYNAMODB_TABLE", "DynamoDB table (required with STORE=dynamodb)"),
            new Variable("AWS_REGION", "AWS region of the table (required with STORE=dynamodb)"),
            new Variable("DYNAMODB_ENDPOINT", "DynamoDB endpoint URL, for a local DynamoDB-compatible server (default: "
                    + "AWS's endpoint for AWS_REGION)"),
            new Variable("DYNAMODB_CREATE_TABLE", "true: create the table with its indexes at start if it is missing "
                    + "(default false: the deployment creates it)"),
            new Variable("AWS_ACCESS_KEY_ID", "with AWS_SECRET_ACCESS_KEY (and optional AWS_SESSION_TOKEN): AWS "
                    + "credentials for STORE=dynamodb; if unset, the AWS SDK's default chain (role, profile)"),
            new Variable("WATCH_SCHEDULE", "listen-check schedule as every/until phases (default 5m/1h,1h/7d: every 5 minutes "
                    + "for an hour, then hourly; the last end is the watch period)"),
            new Variable("WATCH_GRACE", "how long after the watch period a song is checked a last time before the "
                    + "sender hears it was not played, since plays reach a history late (default 2h)"),
            new Variable(TICK_SECONDS.name(), "how often due listen checks are looked for, in seconds (default 15)"),
            new Variable(OperatorSettings.SEND_LIMIT_PER_HOUR.name(), "songs one person may send in an hour, a song "
                    + "to a group counting once (default 20)"),
            new Variable(OperatorSettings.SEND_LIMIT_PER_FRIEND_PER_DAY.name(), "songs one person may send one friend "
                    + "in 24 hours (default 10)"),
            new Variable(OperatorSettings.SEND_LIMIT_OPEN_INVITES.name(), "invites one person may have open at once, "
                    + "songs waiting for friends who have not signed up yet (default 20)"),
            new Variable(OperatorSettings.HELD_MESSAGE_DAYS.name(), "days a message waits for someone who has not "
                    + "written to the bot lately before it is given up; a song's sender is told (default 14)"),
            new Variable(OperatorSettings.LEASE_SECONDS.name(), "how long a worker holds what it took (a person's "
                    + "webhook events, a message it sends, a listen check) before another may take it, should the "
                    + "worker die: longer than a Send API call and its echo take (default 120)"),
            new Variable("METRICS_TOKEN", "a long random token: GET /metrics answers a Prometheus server that sends "
                    + "Authorization: Bearer <token> (default: unset, no /metrics)"),
            new Variable(Logging.VARIABLE, "text (default): the log as plain text lines; json: one JSON object a line"));

    /** Read with the variable whose meaning names them, not listed on their own. */
    private static final List<String> READ_WITH_OTHERS = List.of("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

    /** Whether some command reads a variable of this name. */
    static boolean isRead(String name) {
        return READ_WITH_OTHERS.contains(name) || VARIABLES.stream().anyMatch(v -> v.name().equals(name));
    }

    /** The variable {@code name} is most likely a mistyping of (another case, a typo or two); empty for none. */
    static Optional<String> meant(String name) {
        String typed = name.toUpperCase(Locale.ROOT);
        return Stream.concat(VARIABLES.stream().map(Variable::name), READ_WITH_OTHERS.stream())
                .filter(known -> Typos.distance(typed, known) <= 2)
                .min(Comparator.comparingInt(known -> Typos.distance(typed, known)));
    }

    private static final List<String> REQUIRED = List.of("PUBLIC_BASE_URL", "SPOTIFY_CLIENT_ID",
            "SPOTIFY_CLIENT_SECRET", "TOKEN_ENCRYPTION_KEY");
    private static final List<String> MESSENGER = List.of("MESSENGER_APP_SECRET", "MESSENGER_VERIFY_TOKEN",
            "MESSENGER_PAGE_ACCESS_TOKEN");

    /** Reads the configuration; fails with one message naming every missing or malformed variable. */
    public static ServerConfig from(Map<String, String> values) {
        boolean messenger = MESSENGER.stream().anyMatch(name -> !blank(values.get(name)));
        Checked checked = check(values, messenger);
        return new ServerConfig(blank(values.get("HOST")) ? null : values.get("HOST").strip(), checked.port(),
                values.get("PUBLIC_BASE_URL"), messenger ? values.get("MESSENGER_APP_SECRET") : null,
                messenger ? values.get("MESSENGER_VERIFY_TOKEN") : null,
                messenger ? values.get("MESSENGER_PAGE_ACCESS_TOKEN") : null,
                values.get("SPOTIFY_CLIENT_ID"), values.get("SPOTIFY_CLIENT_SECRET"),
                or(values, "MESSENGER_GRAPH_BASE_URL", "https://graph.facebook.com"),
                or(values, "MESSENGER_GRAPH_VERSION", MessengerConfig.DEFAULT_GRAPH_VERSION),
                blank(values.get("MESSENGER_PAGE")) ? null : values.get("MESSENGER_PAGE").strip(),
                or(values, "SPOTIFY_ACCOUNTS_BASE_URL", "https://accounts.spotify.com"),
                or(values, "SPOTIFY_API_BASE_URL", "https://api.spotify.com"),
                or(values, "SPOTIFY_SHORT_LINK_BASE_URL", "https://spotify.link"), checked.lastfm(),
                or(values, "LISTENBRAINZ_API_BASE_URL", "https://api.listenbrainz.org"),
                checked.store(), checked.schedule(), checked.tickInterval(), checked.sendLimits(), checked.lease(),
                checked.heldMessageExpiry(), checked.tokenCipher(),
                Optional.ofNullable(values.get("METRICS_TOKEN")).map(String::strip).filter(t -> !t.isEmpty()),
                checked.telegram());
    }

    /** The values that are parsed and checked rather than taken as they are given. */
    private record Checked(int port, Optional<TelegramSettings> telegram, Duration tickInterval, SendLimits sendLimits,
                           Duration heldMessageExpiry, Duration lease, WatchSchedule schedule, Optional<Lastfm> lastfm,
                           StoreConfig store, TokenCipher tokenCipher) {
    }

    /** Checks every variable, in the order the problems are named; fails naming them all. */
    private static Checked check(Map<String, String> values, boolean messenger) {
        List<String> problems = new ArrayList<>();
        REQUIRED.stream().filter(name -> blank(values.get(name))).forEach(name -> problems.add(name + " is not set"));
        Optional<TelegramSettings> telegram = chatPlatforms(values, messenger, problems);
        int port = PORT.read(values, problems);
        if (!blank(values.get("PUBLIC_BASE_URL")) && !isHttpUrl(values.get("PUBLIC_BASE_URL"))) {
            problems.add("PUBLIC_BASE_URL must be an absolute http(s) URL such as https://bot.example.com");
        }
        int tick = TICK_SECONDS.read(values, problems);
        SendLimits limits = OperatorSettings.sendLimits(values, problems);
        Duration heldMessageExpiry = OperatorSettings.holdLimit(values, problems);
        Duration lease = OperatorSettings.lease(values, problems);
        WatchSchedule schedule = watchSchedule(values, problems);
        if (!blank(values.get("MESSENGER_PAGE")) && !MessengerConfig.isPageName(values.get("MESSENGER_PAGE").strip())) {
            problems.add("MESSENGER_PAGE must be the page's username or id, as in https://m.me/<page>");
        }
        graphVersionProblem(values.get("MESSENGER_GRAPH_VERSION")).ifPresent(problems::add);
        schedule = withGrace(schedule, values, problems);
        Optional<Lastfm> lastfm = lastfm(values, problems);
        StoreConfig store = StoreConfig.from(values, problems);
        TokenCipher tokenCipher = tokenCipher(values, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Configuration problems: " + String.join("; ", problems));
        }
        return new Checked(port, telegram, Duration.ofSeconds(tick), limits, heldMessageExpiry, lease, schedule, lastfm,
                store, tokenCipher);
    }

    /** The Telegram settings, if given; at least one chat platform must be, each with all its values. */
    private static Optional<TelegramSettings> chatPlatforms(Map<String, String> values, boolean messenger,
                                                            List<String> problems) {
        if (messenger) {
            MESSENGER.stream().filter(name -> blank(values.get(name)))
                    .forEach(name -> problems.add(name + " is not set (the Messenger values go together)"));
        }
        Optional<TelegramSettings> telegram = TelegramSettings.from(values, problems);
        boolean telegramGiven = !blank(values.get(TelegramSettings.TOKEN)) || !blank(values.get(TelegramSettings.SECRET));
        if (!messenger && !telegramGiven) {
            problems.add("no chat platform is configured: set the MESSENGER_ values, or " + TelegramSettings.TOKEN
                    + " and " + TelegramSettings.SECRET + ", or both");
        }
        return telegram;
    }

    /** WATCH_SCHEDULE, or the standard schedule when it is not set (or with a problem said). */
    private static WatchSchedule watchSchedule(Map<String, String> values, List<String> problems) {
        WatchSchedule schedule = WatchSchedule.standard();
        try {
            schedule = Optional.ofNullable(values.get("WATCH_SCHEDULE")).filter(v -> !v.isBlank())
                    .map(WatchSchedule::parse).orElse(schedule);
        } catch (IllegalArgumentException e) {
            problems.add("WATCH_SCHEDULE: " + e.getMessage());
        }
        return schedule;
    }

    /** The schedule with the WATCH_GRACE given, if one is. */
    private static WatchSchedule withGrace(WatchSchedule schedule, Map<String, String> values, List<String> problems) {
        if (blank(values.get("WATCH_GRACE"))) {
            return schedule;
        }
        try {
            return schedule.withGrace(WatchSchedule.parseDuration(values.get("WATCH_GRACE")));
        } catch (IllegalArgumentException e) {
            problems.add("WATCH_GRACE: " + e.getMessage());
            return schedule;
        }
    }

    /** What is wrong with a MESSENGER_GRAPH_VERSION given; empty when it is unset or a version. */
    static Optional<String> graphVersionProblem(String version) {
        return blank(version) || MessengerConfig.isGraphVersion(version) ? Optional.empty()
                : Optional.of("MESSENGER_GRAPH_VERSION must be a Graph API version such as "
                        + MessengerConfig.DEFAULT_GRAPH_VERSION + ", not " + version.strip());
    }

    /** Whether the bot is on Messenger. */
    public boolean messengerConfigured() {
        return appSecret != null;
    }

    /** The key in use, opening also what the previous key sealed when one is given; null with a problem said. */
    private static TokenCipher tokenCipher(Map<String, String> values, List<String> problems) {
        if (blank(values.get("TOKEN_ENCRYPTION_KEY"))) {
            return null;
        }
        TokenCipher cipher;
        try {
            cipher = TokenCipher.fromBase64(values.get("TOKEN_ENCRYPTION_KEY"));
        } catch (IllegalArgumentException e) {
            problems.add("TOKEN_ENCRYPTION_KEY: " + e.getMessage());
            return null;
        }
        if (blank(values.get(PREVIOUS_KEY))) {
            return cipher;
        }
        try {
            return cipher.openingAlso(TokenCipher.fromBase64(values.get(PREVIOUS_KEY)));
        } catch (IllegalArgumentException e) {
            problems.add(PREVIOUS_KEY + ": " + e.getMessage());
            return null;
        }
    }

    /** Last.fm is offered when both its key and secret are set; one without the other is a mistake. */
    private static Optional<Lastfm> lastfm(Map<String, String> values, List<String> problems) {
        boolean key = !blank(values.get("LASTFM_API_KEY"));
        boolean secret = !blank(values.get("LASTFM_SHARED_SECRET"));
        if (key != secret) {
            problems.add("LASTFM_API_KEY and LASTFM_SHARED_SECRET go together: set both to offer Last.fm, or "
                    + "neither");
            return Optional.empty();
        }
        if (!key) {
            return Optional.empty();
        }
        return Optional.of(new Lastfm(values.get("LASTFM_API_KEY").strip(), values.get("LASTFM_SHARED_SECRET").strip(),
                or(values, "LASTFM_WEB_BASE_URL", "https://www.last.fm"),
                or(values, "LASTFM_API_BASE_URL", "https://ws.audioscrobbler.com")));
    }

    /** Whether the public base URL is served over plain http, which a warning should name. */
    boolean publicBaseUrlIsPlainHttp() {
        return publicBaseUrl.regionMatches(true, 0, "http:", 0, 5);
    }

    private static boolean isHttpUrl(String value) {
        try {
            java.net.URI uri = new java.net.URI(value.strip());
            return uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String or(Map<String, String> values, String name, String fallback) {
        return blank(values.get(name)) ? fallback : values.get(name);
    }

    @Override
    public String toString() {
        return "ServerConfig[host=" + (host == null ? "*" : host) + ", port=" + port + ", publicBaseUrl=" + publicBaseUrl
                + ", messenger=" + (messengerConfigured() ? graphBaseUrl + "/" + graphVersion + ", page=" + messengerPage
                        : "off")
                + ", telegram=" + telegram.map(TelegramSettings::toString).orElse("off")
                + ", spotifyAccounts=" + spotifyAccountsBaseUrl + ", spotifyApi=" + spotifyApiBaseUrl
                + ", spotifyShortLinks=" + spotifyShortLinkBaseUrl
                + ", lastfm=" + lastfm.map(Lastfm::toString).orElse("off") + ", listenBrainz=" + listenBrainzApiBaseUrl
                + ", store=" + store + ", schedule=" + schedule + ", tick=" + tickInterval + ", limits=" + sendLimits
                + ", lease=" + lease + ", heldMessageExpiry=" + heldMessageExpiry
                + ", secrets=<redacted>]";
    }
}
