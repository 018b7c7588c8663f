package app.sendsongs.sandbox;

import app.sendsongs.core.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * State of the emulated ListenBrainz (users, their user tokens and listens, the rate limit, call
 * counts), shared by {@link ListenBrainzApiEmulator} and {@link ListenBrainzControlRoutes}; also the
 * in-process API for tests and the demo.
 *
 * <p>A listen with a Spotify id looks like one ListenBrainz imported from Spotify
 * ({@code listenbrainz/listens_importer/spotify.py} of metabrainz/listenbrainz-server): the track URL as
 * {@code spotify_id} and {@code origin_url}, {@code music_service} {@code spotify.com}, and the ISRC,
 * artists and duration from the (emulated) Spotify catalogue when the listen gives none.
 */
public final class ListenBrainzEmulator {
    /**
     * ListenBrainz's limits: brainzutils' 30 requests per IP in 10-second windows, and 100,000 for the tokens it
     * whitelists ({@code RATELIMIT_PER_TOKEN}, {@code check_ratelimit_token_whitelist} in
     * {@code listenbrainz/webserver/__init__.py}). The API docs say a valid user token "may receive higher rate
     * limits" (https://listenbrainz.readthedocs.io/en/latest/users/api/index.html#rate-limiting); the server gives
     * them only to its own services' whitelisted tokens, so a user's token counts against the caller's IP.
     */
    static final int DEFAULT_PER_TOKEN = 100_000;
    static final int DEFAULT_PER_IP = 30;
    static final int DEFAULT_WINDOW_SECONDS = 10;

    /** Endpoint names of {@link #calls()}. */
    public static final String VALIDATE_TOKEN = "validate-token";
    public static final String LISTENS = "listens";
    public static final String RATE_LIMITED = "rate-limited";

    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final ManualClock clock;
    private final Catalogue catalogue;
    private final Map<String, ListenBrainzUser> users = new ConcurrentHashMap<>();
    private final Map<String, ListenBrainzUser> byToken = new ConcurrentHashMap<>();
    private final CallCounter counter = new CallCounter();
    private volatile Set<String> whitelistedTokens = Set.of();
    private volatile ListenBrainzRateLimit rate = new ListenBrainzRateLimit(DEFAULT_PER_TOKEN, DEFAULT_PER_IP,
            DEFAULT_WINDOW_SECONDS, Clock.systemUTC());

    ListenBrainzEmulator(ManualClock clock, Catalogue catalogue) {
        this.clock = clock;
        this.catalogue = catalogue;
    }

    public static boolean isUserName(String name) {
        return name != null && USER_NAME.matcher(name).matches();
    }

    /** The user, created on first use. */
    public ListenBrainzUser user(String name) {
        if (!isUserName(name)) {
            throw new IllegalArgumentException("a ListenBrainz user name is 1-64 of A-Z a-z 0-9 . _ -");
        }
        return users.computeIfAbsent(key(name), k -> {
            ListenBrainzUser user = new ListenBrainzUser(name, UUID.randomUUID().toString());
            byToken.put(user.token(), user);
            return user;
        });
    }

    /** ListenBrainz finds users whatever the case of their name. */
    public Optional<ListenBrainzUser> findUser(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(users.get(key(name)));
    }

    public Optional<ListenBrainzUser> userWithToken(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(byToken.get(token));
    }

    /** The user resets their token on their settings page: the old one is no longer valid. */
    public String resetToken(String name) {
        ListenBrainzUser user = user(name);
        synchronized (user) {
            byToken.remove(user.token());
            user.token(UUID.randomUUID().toString());
            byToken.put(user.token(), user);
        }
        return user.token();
    }

    /** The user deletes their account: their listens and token are gone. */
    public boolean deleteUser(String name) {
        ListenBrainzUser removed = users.remove(key(name));
        if (removed != null) {
            byToken.remove(removed.token());
        }
        return removed != null;
    }

    /**
     * The user listened to a track at {@code at} (now when null). {@code spotifyId} may be an id, a
     * {@code spotify:track:} URI or an open.spotify.com link; other fields may be null.
     */
    public ListenBrainzUser.Listen listen(String name, String artist, String track, String release,
                                          String spotifyId, String isrc, String recordingMbid, Instant at) {
        Instant now = clock.instant();
        String id = spotifyId == null ? null : Ids.trackIdOf(spotifyId);
        if (id != null && !Ids.isSpotifyId(id)) {
            throw new IllegalArgumentException("spotify_id must be a Spotify track id, URI or link");
        }
        Optional<CatalogueTrack> known = id == null ? Optional.empty() : catalogue.byId(id);
        List<String> artistNames = known.map(CatalogueTrack::artists).orElse(List.of(artist));
        String recordingIsrc = isrc != null ? isrc : known.map(CatalogueTrack::isrc).orElse(null);
        Long durationMs = known.map(CatalogueTrack::durationMs).orElse(null);
        String releaseName = release != null ? release : known.map(CatalogueTrack::album).orElse(null);
        ListenBrainzUser.Listen listen = new ListenBrainzUser.Listen((at == null ? now : at).getEpochSecond(),
                now.getEpochSecond(), messyBrainzId(artist, track, releaseName), artist, track, releaseName,
                artistNames, id == null ? null : "https://open.spotify.com/track/" + id, recordingIsrc,
                recordingMbid, durationMs);
        return user(name).add(listen);
    }

    /** Requests per window with a whitelisted token, per IP for everyone else, and the window in seconds. */
    public void rateLimits(int perToken, int perIp, int windowSeconds) {
        rateLimits(perToken, perIp, windowSeconds, Clock.systemUTC());
    }

    /** The same, with windows counted on {@code clock} (a test's fixed clock never crosses a window's end). */
    void rateLimits(int perToken, int perIp, int windowSeconds, Clock clock) {
        rate = new ListenBrainzRateLimit(perToken, perIp, windowSeconds, clock);
    }

    /** The tokens of ListenBrainz's own services, each with a window of its own; none by default. */
    public void whitelistTokens(Collection<String> tokens) {
        whitelistedTokens = Set.copyOf(tokens);
    }

    boolean whitelisted(String token) {
        return token != null && whitelistedTokens.contains(token);
    }

    /** Calls per endpoint ({@link #VALIDATE_TOKEN}, {@link #LISTENS}, {@link #RATE_LIMITED} for refused ones). */
    public Map<String, Long> calls() {
        return counter.endpoints();
    }

    public Map<String, Map<String, Long>> callsByUser() {
        return counter.users();
    }

    public void resetCalls() {
        counter.reset();
    }

    ManualClock clock() {
        return clock;
    }

    ListenBrainzRateLimit rate() {
        return rate;
    }

    CallCounter counter() {
        return counter;
    }

    /** The same name, artist and release always get the same MessyBrainz id, as on ListenBrainz. */
    private static String messyBrainzId(String artist, String track, String release) {
        String seed = artist + "\u0000" + track + "\u0000" + (release == null ? "" : release);
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
