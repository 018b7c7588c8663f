package app.sendsongs.spotify;

import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.ShortLinks;
import app.sendsongs.core.music.SongLink;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.music.TrackLinks;
import app.sendsongs.core.shared.RetryAfter;
import app.sendsongs.exchange.BoundedExchange;
import app.sendsongs.exchange.ExchangeFailure;
import app.sendsongs.exchange.HttpUrls;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spotify's short links ({@code https://spotify.link/<code>}, what the phone apps' share sheet gives), followed to
 * the track they stand for. The short-link host answers a program with a redirect ({@code 307}) whose
 * {@code Location} is the song's {@code open.spotify.com/track/...} link; a browser may instead get a page that
 * names the link in its {@code og:url}. Only the short-link host itself is ever asked (a redirect to anywhere else
 * is read, never followed), at most {@value #MAX_HOPS} times, each answer within {@link #DEADLINE} and
 * {@value #MAX_PAGE_BYTES} bytes.
 *
 * @see <a href="https://developer.spotify.com/documentation/ios/tutorials/content-linking">Spotify: content
 *      linking (spotify.link links)</a>
 * @see <a href="https://tekore.readthedocs.io/en/stable/reference/client.html">Tekore's follow_short_link: the
 *      307 and its Location</a>
 */
public final class SpotifyShortLinks implements ShortLinks {
    public static final String DEFAULT_BASE_URL = "https://spotify.link";
    static final Duration DEADLINE = Duration.ofSeconds(5);
    static final int MAX_PAGE_BYTES = 64 * 1024;
    static final int MAX_HOPS = 3;
    private static final Pattern TRACK_LINK = Pattern.compile(
            "https://open\\.spotify\\.com/(?:intl-[A-Za-z-]+/)?track/[0-9A-Za-z]{22}");

    private final URI base;
    private final Clock clock;
    private final HttpClient http;

    /** {@code baseUrl}: where the short links are served, {@value #DEFAULT_BASE_URL} when blank. */
    public SpotifyShortLinks(String baseUrl, Clock clock) {
        this(baseUrl, clock, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(SpotifyClient.CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** With a client of the caller's choosing. */
    public SpotifyShortLinks(String baseUrl, Clock clock, HttpClient http) {
        String base = HttpUrls.base(baseUrl, DEFAULT_BASE_URL);
        if (!HttpUrls.isAbsoluteHttp(base)) {
            throw new IllegalArgumentException("the Spotify short-link base URL must be an absolute http(s) URL");
        }
        this.base = URI.create(base + "/");
        this.clock = clock;
        this.http = http;
    }

    @Override
    public Optional<TrackId> track(SongLink.Short link) throws MusicServiceException {
        URI next = base.resolve(link.code());
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            URI asked = next;
            HttpResponse<byte[]> answer = get(asked);
            int status = answer.statusCode();
            if (isRedirect(status)) {
                Optional<URI> location = answer.headers().firstValue("Location")
                        .flatMap(value -> resolved(asked, value));
                if (location.isEmpty()) {
                    return Optional.empty();
                }
                Optional<TrackId> track = TrackLinks.parse(location.get().toString());
                if (track.isPresent() || !isShortLinkHost(location.get())) {
                    return track;
                }
                next = location.get();
            } else if (status == 200) {
                return trackNamedIn(new String(answer.body(), StandardCharsets.UTF_8));
            } else if (status == 429 || status >= 500) {
                throw new MusicServiceException("the short-link host answered " + status,
                        answer.headers().firstValue("Retry-After")
                                .flatMap(value -> RetryAfter.parse(value, clock.instant())));
            } else {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private HttpResponse<byte[]> get(URI uri) throws MusicServiceException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(DEADLINE)
                .header("User-Agent", "SendSongs (short-link resolver)").header("Accept", "text/html").GET().build();
        try {
            return BoundedExchange.send(http, request, DEADLINE, MAX_PAGE_BYTES);
        } catch (ExchangeFailure e) {
            throw new MusicServiceException("the short-link host " + e.getMessage(), Optional.empty());
        }
    }

    /** A page from the short-link host: the track its {@code og:url} (or any link on it) names. */
    private static Optional<TrackId> trackNamedIn(String page) {
        Matcher found = TRACK_LINK.matcher(page);
        return found.find() ? TrackLinks.parse(found.group()) : Optional.empty();
    }

    private boolean isShortLinkHost(URI uri) {
        return base.getScheme().equalsIgnoreCase(uri.getScheme()) && base.getHost().equalsIgnoreCase(uri.getHost())
                && base.getPort() == uri.getPort() && uri.getPath() != null && uri.getPath().startsWith(base.getPath());
    }

    private static Optional<URI> resolved(URI from, String location) {
        try {
            return Optional.of(from.resolve(new URI(location.strip())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    @Override
    public String toString() {
        return "SpotifyShortLinks[" + base + "]";
    }
}
