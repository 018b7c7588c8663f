package app.sendsongs.sandbox;

import app.sendsongs.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * State of the emulated Spotify (catalogue, users, plays, grants, call counts), shared by the
 * accounts emulator, the Web API emulator and the control routes; also the in-process API for tests.
 */
public final class SpotifyEmulator {
    /** Endpoint names used by {@link #calls()}. */
    public static final String AUTHORIZE = "authorize";
    public static final String TOKEN = "token";
    public static final String ME = "me";
    public static final String TRACKS = "tracks";
    public static final String RECENTLY_PLAYED = "recently-played";

    private final Catalogue catalogue;
    private final ManualClock clock;
    private final String clientId;
    private final String clientSecret;
    private final ConcurrentHashMap<String, SandboxUser> users = new ConcurrentHashMap<>();
    /** The users in the order they first consented: a development-mode app serves the first {@link #userLimit}. */
    private final List<String> consentOrder = new CopyOnWriteArrayList<>();
    private volatile Integer userLimit;
    private final SpotifyGrants grants = new SpotifyGrants();
    private final CallCounter counter = new CallCounter();
    private final SpotifyRedirectUris redirectUris = new SpotifyRedirectUris();

    SpotifyEmulator(Catalogue catalogue, ManualClock clock, String clientId, String clientSecret) {
        this.catalogue = catalogue;
        this.clock = clock;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** The user, created on first use. */
    public SandboxUser user(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a Spotify user id is required");
        }
        return users.computeIfAbsent(id, SandboxUser::new);
    }

    public Optional<SandboxUser> findUser(String id) {
        return Optional.ofNullable(users.get(id));
    }

    public List<SandboxUser> users() {
        return List.copyOf(users.values());
    }

    /**
     * The user plays a track (a catalogue id or an original id that is relinked): it ended at {@code endedAt}, or,
     * when null, it starts now and ends one track length later. It shows in recently-played when it ends.
     *
     * @return the time the play ended (millisecond precision), its {@code played_at}
     * @throws IllegalArgumentException when the track is unknown
     */
    public Instant play(String userId, String trackId, Instant endedAt) {
        return play(userId, trackId, endedAt, Duration.ZERO);
    }

    /** As {@link #play(String, String, Instant)}, showing in recently-played {@code delay} after it ended. */
    public Instant play(String userId, String trackId, Instant endedAt, Duration delay) {
        CatalogueTrack track = catalogue.resolve(trackId).map(Catalogue.Resolved::track)
                .orElseThrow(() -> new IllegalArgumentException("unknown track " + trackId));
        Instant playedAt = ended(endedAt, track.durationMs());
        user(userId).play(new SandboxUser.Play(trackId, null, playedAt, playedAt.plus(delay)), clock.instant());
        return playedAt;
    }

    /** The user plays a file of their own device, which Spotify knows by no id; otherwise as {@link #play}. */
    public Instant playLocal(String userId, SandboxUser.LocalTrack local, Instant endedAt, Duration delay) {
        Instant playedAt = ended(endedAt, local.durationMs());
        user(userId).play(new SandboxUser.Play(null, local, playedAt, playedAt.plus(delay)), clock.instant());
        return playedAt;
    }

    private Instant ended(Instant endedAt, long durationMs) {
        return Times.millis(endedAt == null ? clock.instant().plusMillis(durationMs) : endedAt);
    }

    /**
     * Development mode (https://developer.spotify.com/documentation/web-api/concepts/quota-modes): only the first
     * {@code limit} users to consent may use the app; the Web API answers anyone else 403. Null: no limit.
     */
    public void userLimit(Integer limit) {
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("a user limit is 0 or more");
        }
        userLimit = limit;
    }

    public Optional<Integer> userLimit() {
        return Optional.ofNullable(userLimit);
    }

    /**
     * The app's redirect URIs, as registered in Spotify's dashboard: an authorization must name one of them.
     *
     * @throws IllegalArgumentException when one breaks Spotify's rules (plain http other than to a loopback IP)
     */
    public void redirectUris(List<String> uris) {
        redirectUris.register(uris);
    }

    public List<String> redirectUris() {
        return redirectUris.registered();
    }

    boolean allowsRedirect(String uri) {
        return redirectUris.allows(uri);
    }

    /** The user consented to the app (on the authorize page). */
    void consented(String userId) {
        if (!consentOrder.contains(userId)) {
            consentOrder.add(userId);
        }
    }

    /** Whether the app serves this user: always without a limit, else the first {@link #userLimit} to consent. */
    boolean allowed(String userId) {
        Integer limit = userLimit;
        if (limit == null) {
            return true;
        }
        int position = consentOrder.indexOf(userId);
        return position >= 0 && position < limit;
    }

    /** The users who consented, first first. */
    public List<String> consentOrder() {
        return List.copyOf(consentOrder);
    }

    /** Revokes all of the user's grants: the next refresh answers {@code invalid_grant}. */
    public int revoke(String userId) {
        return grants.revokeUser(userId);
    }

    /** Calls per endpoint ({@link #TOKEN}, {@link #ME}, {@link #TRACKS}, {@link #RECENTLY_PLAYED}, {@link #AUTHORIZE}). */
    public Map<String, Long> calls() {
        return counter.endpoints();
    }

    /** Calls per user, then per endpoint (only calls where the user was known). */
    public Map<String, Map<String, Long>> callsByUser() {
        return counter.users();
    }

    public void resetCalls() {
        counter.reset();
    }

    ManualClock clock() {
        return clock;
    }

    SpotifyGrants grants() {
        return grants;
    }

    CallCounter counter() {
        return counter;
    }

    boolean isClient(String id) {
        return clientId.equals(id);
    }

    boolean isClientSecret(String secret) {
        return java.security.MessageDigest.isEqual(clientSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                secret == null ? new byte[0] : secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
