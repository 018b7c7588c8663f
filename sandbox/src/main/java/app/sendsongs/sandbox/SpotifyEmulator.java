package app.sendsongs.sandbox;

import app.sendsongs.core.time.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
    private final SpotifyGrants grants = new SpotifyGrants();
    private final CallCounter counter = new CallCounter();

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
     * The user plays a track (a catalogue id or an original id that is relinked) at {@code at}, or now when null.
     *
     * @return the recorded play time (millisecond precision)
     * @throws IllegalArgumentException when the track is unknown
     */
    public Instant play(String userId, String trackId, Instant at) {
        if (!catalogue.knows(trackId)) {
            throw new IllegalArgumentException("unknown track " + trackId);
        }
        Instant playedAt = Times.millis(at == null ? clock.instant() : at);
        user(userId).play(new SandboxUser.Play(trackId, playedAt));
        return playedAt;
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
