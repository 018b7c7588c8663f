package app.sendsongs.listenbrainz;

import app.sendsongs.core.music.ConsentRefusedException;
import app.sendsongs.core.music.ListenBrainzConnection;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.ListeningSource;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.music.SourceKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * ListenBrainz as a {@link ListeningSource}, over {@code java.net.http}. A person gives the app their user token
 * (ListenBrainz shows it on {@value ListenBrainzConfig#SETTINGS_PAGE}; there is no consent page for it), the token is
 * checked with {@code GET /1/validate-token}, and their listens are read by user name. ListenBrainz can import a
 * person's Spotify plays itself, with the Spotify track ids, so this reaches Spotify listeners beyond the five a
 * Spotify app in development mode may serve.
 *
 * <p>Every call goes through the one {@link ListenBrainzRateLimiter} of this client. User tokens never appear in a
 * URL, a log line or an exception message.
 */
public final class ListenBrainzClient implements ListeningSource {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final String VALIDATE = "GET /1/validate-token";

    private final ListenBrainzConfig config;
    private final ListenBrainzRateLimiter limiter;
    private final ListenBrainzTransport transport;
    private final Listens listens;

    public ListenBrainzClient(ListenBrainzConfig config) {
        this(config, ListenBrainzRateLimiter.standard(), HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    /** With a limiter and a client of the caller's choosing, shared by every call of this adapter. */
    public ListenBrainzClient(ListenBrainzConfig config, ListenBrainzRateLimiter limiter, HttpClient http) {
        this(config, limiter, http, ListenBrainzTransport.REQUEST_TIMEOUT);
    }

    /** With the time an exchange may take, body included (tests of stalled answers use a short one). */
    ListenBrainzClient(ListenBrainzConfig config, ListenBrainzRateLimiter limiter, HttpClient http,
                       Duration requestTimeout) {
        this.config = config;
        this.limiter = limiter;
        this.transport = new ListenBrainzTransport(http, limiter, requestTimeout);
        this.listens = new Listens(config.apiBaseUrl(), transport);
    }

    /** The limiter every call of this client goes through. */
    public ListenBrainzRateLimiter rateLimiter() {
        return limiter;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.LISTENBRAINZ;
    }

    /** The app's own page where the person pastes their token; {@code state} comes back with the pasted token. */
    @Override
    public URI consentUrl(String state) {
        String page = config.tokenPageUrl();
        return URI.create(page + (page.contains("?") ? "&" : "?") + "state="
                + URLEncoder.encode(state, StandardCharsets.UTF_8));
    }

    /**
     * {@code code} is what the person pasted, the user token in it ({@link PastedToken}): when ListenBrainz says it is
     * valid, it becomes their connection under the user name ListenBrainz gives.
     *
     * @throws MusicServiceException when the token is not one (with what to do about it), or ListenBrainz could not
     *                               answer
     */
    @Override
    public ListenBrainzConnection completeConsent(String code) throws MusicServiceException {
        String token = PastedToken.in(code);
        ListenBrainzReply reply = transport.get(config.apiBaseUrl() + "/1/validate-token", token, VALIDATE);
        JsonNode answer = reply.json(VALIDATE);
        String userName = answer.path("user_name").asText("").strip();
        if (!answer.path("valid").asBoolean(false) || userName.isEmpty()) {
            throw new ConsentRefusedException("ListenBrainz does not know this user token. It is the code shown as "
                    + "your user token on " + ListenBrainzConfig.SETTINGS_PAGE + ", not your user name; if you reset "
                    + "it, copy the new one and paste it here.");
        }
        return new ListenBrainzConnection(userName, token);
    }

    /** A user token does not expire. */
    @Override
    public boolean needsRefresh(ListeningConnection connection, Instant now, Duration margin) {
        listenBrainz(connection);
        return false;
    }

    /** There is nothing to refresh: the token stays until the person resets it. */
    @Override
    public ListenBrainzConnection refresh(ListeningConnection connection) {
        return listenBrainz(connection);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Every listen after {@code after} (the oldest 5000 when there are more; the rest on the next read), or for
     * {@link Instant#EPOCH} the newest 1000.
     *
     * @throws app.sendsongs.core.music.GrantRevokedException when ListenBrainz no longer knows the user
     */
    @Override
    public RecentPlays recentPlays(ListeningConnection connection, Instant after) throws MusicServiceException {
        return listens.since(listenBrainz(connection), after);
    }

    private static ListenBrainzConnection listenBrainz(ListeningConnection connection) {
        if (connection instanceof ListenBrainzConnection listenBrainz) {
            return listenBrainz;
        }
        throw new IllegalArgumentException("not a ListenBrainz connection but a " + connection.kind().displayName()
                + " one");
    }
}
