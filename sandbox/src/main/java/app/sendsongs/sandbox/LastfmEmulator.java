package app.sendsongs.sandbox;

import app.sendsongs.core.time.ManualClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * State of the emulated Last.fm (API accounts, users and their scrobbles, authentication tokens,
 * session keys, the per-IP request rate, call counts), shared by {@link LastfmApiEmulator} and
 * {@link LastfmControlRoutes}; also the in-process API for tests and the demo.
 *
 * <p>Tokens and sessions follow https://www.last.fm/api/webauth: a token is granted when the person
 * allows the application, is valid for 60 minutes and becomes one session key; session keys have an
 * infinite lifetime until the person revokes the application (https://www.last.fm/api/mobileauth, 2.1).
 */
public final class LastfmEmulator {
    /** The sandbox's own Last.fm API account (real keys are 32 hex characters too). */
    public static final String API_KEY = "5a0d1e3f7b9c2d4e6f8a0b1c3d5e7f90";
    public static final String SHARED_SECRET = "sandbox-lastfm-shared-secret";
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(60);
    /** About five requests a second per IP: https://www.last.fm/api/intro ("several calls per second"). */
    static final int DEFAULT_RATE_REQUESTS = 5;
    static final Duration DEFAULT_RATE_WINDOW = Duration.ofSeconds(1);

    /** Endpoint names of {@link #calls()}: the consent page, then the web service methods. */
    public static final String AUTH = "auth";
    public static final String GET_TOKEN = "auth.getToken";
    public static final String GET_SESSION = "auth.getSession";
    public static final String RECENT_TRACKS = "user.getRecentTracks";
    public static final String RATE_LIMITED = "rate-limited";

    /** Last.fm user names: 2 to 15 characters, a letter first, then letters, digits, "_" and "-". */
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{1,14}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token from the consent page (or {@code auth.getToken}); {@code userName} is null until a person allows it. */
    record AuthToken(String apiKey, String userName, Instant expiresAt) {
    }

    /** A web service session of one person with one API account. */
    record Session(String apiKey, String userName) {
    }

    private final ManualClock clock;
    private final Map<String, String> secretsByApiKey = new ConcurrentHashMap<>();
    private final Map<String, LastfmUser> users = new ConcurrentHashMap<>();
    private final Map<String, AuthToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final CallCounter counter = new CallCounter();
    private volatile RequestRate rate = new RequestRate(DEFAULT_RATE_REQUESTS, DEFAULT_RATE_WINDOW);

    LastfmEmulator(ManualClock clock) {
        this.clock = clock;
        secretsByApiKey.put(API_KEY, SHARED_SECRET);
    }

    /** Adds an API account, e.g. the key and secret a demo was started with. */
    public void registerApiAccount(String apiKey, String sharedSecret) {
        if (apiKey == null || apiKey.isBlank() || sharedSecret == null || sharedSecret.isBlank()) {
            throw new IllegalArgumentException("an API account needs a key and a shared secret");
        }
        secretsByApiKey.put(apiKey, sharedSecret);
    }

    /** At most {@code requests} web service calls per IP in any {@code window}; more answer error 29. */
    public void rateLimit(int requests, Duration window) {
        rate = new RequestRate(requests, window);
    }

    public static boolean isUserName(String name) {
        return name != null && USER_NAME.matcher(name).matches();
    }

    /** The user, created on first use. */
    public LastfmUser user(String name) {
        if (!isUserName(name)) {
            throw new IllegalArgumentException("a Last.fm user name is 2-15 letters, digits, _ or -, a letter first");
        }
        return users.computeIfAbsent(key(name), k -> new LastfmUser(name));
    }

    /** Last.fm finds users whatever the case of their name. */
    public Optional<LastfmUser> findUser(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(users.get(key(name)));
    }

    /** A finished play of the user's at {@code at}, or now when null; answers the scrobble as kept. */
    public LastfmUser.Scrobble scrobble(String userName, String artist, String track, String album, String mbid,
                                        Instant at) {
        Instant when = Instant.ofEpochSecond((at == null ? clock.instant() : at).getEpochSecond());
        LastfmUser.Scrobble scrobble = new LastfmUser.Scrobble(artist, track, album == null ? "" : album,
                mbid == null ? "" : mbid, when);
        user(userName).scrobble(scrobble);
        return scrobble;
    }

    /** The user starts playing a track now. */
    public void nowPlaying(String userName, String artist, String track, String album) {
        user(userName).nowPlaying(new LastfmUser.NowPlaying(artist, track, album == null ? "" : album,
                clock.instant()));
    }

    /** The user hides (or shows again) their recent listening. */
    public void hideListening(String userName, boolean hide) {
        user(userName).hideListening(hide);
    }

    /** The user revokes every application's access: their session keys answer error 9 from now on. */
    public int revokeSessions(String userName) {
        int before = sessions.size();
        sessions.values().removeIf(session -> session.userName().equalsIgnoreCase(userName));
        return before - sessions.size();
    }

    /** Calls per endpoint ({@link #AUTH}, the method names, and {@link #RATE_LIMITED} for refused ones). */
    public Map<String, Long> calls() {
        return counter.endpoints();
    }

    /** Calls per user, then per endpoint (only calls that named a user). */
    public Map<String, Map<String, Long>> callsByUser() {
        return counter.users();
    }

    public void resetCalls() {
        counter.reset();
    }

    ManualClock clock() {
        return clock;
    }

    CallCounter counter() {
        return counter;
    }

    RequestRate rate() {
        return rate;
    }

    Optional<String> sharedSecret(String apiKey) {
        return apiKey == null ? Optional.empty() : Optional.ofNullable(secretsByApiKey.get(apiKey));
    }

    /** A token the person has allowed on the consent page, valid for {@link #TOKEN_LIFETIME}. */
    String grantToken(String apiKey, String userName) {
        String token = hex32();
        tokens.put(token, new AuthToken(apiKey, user(userName).name(), clock.instant().plus(TOKEN_LIFETIME)));
        return token;
    }

    /** A token not allowed by anyone yet ({@code auth.getToken}, the desktop flow). */
    String requestToken(String apiKey) {
        String token = hex32();
        tokens.put(token, new AuthToken(apiKey, null, clock.instant().plus(TOKEN_LIFETIME)));
        return token;
    }

    /** The person allows a token of the desktop flow; false when it is unknown or expired. */
    boolean allowToken(String token, String userName) {
        AuthToken requested = tokens.get(token);
        if (requested == null || !clock.instant().isBefore(requested.expiresAt())) {
            return false;
        }
        tokens.put(token, new AuthToken(requested.apiKey(), user(userName).name(), requested.expiresAt()));
        return true;
    }

    Optional<AuthToken> token(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(tokens.get(token));
    }

    /** Redeems an allowed token once: its new session key. */
    Optional<String> redeem(String token, AuthToken allowed) {
        if (!tokens.remove(token, allowed)) {
            return Optional.empty();
        }
        String key = hex32();
        sessions.put(key, new Session(allowed.apiKey(), allowed.userName()));
        return Optional.of(key);
    }

    void forgetToken(String token) {
        tokens.remove(token);
    }

    Optional<Session> session(String sessionKey) {
        return sessionKey == null ? Optional.empty() : Optional.ofNullable(sessions.get(sessionKey));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String hex32() {
        byte[] raw = new byte[16];
        RANDOM.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }
}
