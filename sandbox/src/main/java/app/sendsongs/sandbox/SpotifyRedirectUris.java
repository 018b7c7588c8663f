package app.sendsongs.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The redirect URIs registered for the emulated Spotify app, and Spotify's rules for them
 * (https://developer.spotify.com/documentation/web-api/concepts/redirect_uri):
 * <ul>
 *   <li>HTTPS, or plain HTTP only to a loopback IP literal ({@code 127.0.0.1} or {@code [::1]});
 *       {@code localhost} is not allowed;</li>
 *   <li>the {@code redirect_uri} of an authorization must match a registered one exactly (case, trailing
 *       slash, query), except that a loopback URI registered without a port takes any port.</li>
 * </ul>
 * Until the app's URIs are set (the demo sets its own), any URI that follows the first rule is taken, so a
 * harness that does not know its port in advance still works; the second rule is then not checked.
 */
final class SpotifyRedirectUris {
    private volatile List<String> registered = List.of();

    /** Replaces the app's redirect URIs; each must follow Spotify's rules, else nothing changes. */
    void register(List<String> uris) {
        for (String uri : uris) {
            problem(uri).ifPresent(p -> {
                throw new IllegalArgumentException(p);
            });
        }
        registered = List.copyOf(uris);
    }

    List<String> registered() {
        return registered;
    }

    /** Whether an authorization may redirect to {@code uri}. */
    boolean allows(String uri) {
        if (uri == null || problem(uri).isPresent()) {
            return false;
        }
        List<String> now = registered;
        return now.isEmpty() || now.stream().anyMatch(r -> r.equals(uri) || matchesAnyPort(r, uri));
    }

    /** Why Spotify's dashboard would refuse this URI, if it would. */
    static Optional<String> problem(String uri) {
        URI parsed = parse(uri);
        if (parsed == null || parsed.getHost() == null || parsed.getScheme() == null) {
            return Optional.of("a redirect URI must be an absolute URL: " + uri);
        }
        if (parsed.getFragment() != null) {
            return Optional.of("a redirect URI has no fragment: " + uri);
        }
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (!scheme.equals("http")) {
            return Optional.of("a redirect URI is https, or http to a loopback IP: " + uri);
        }
        if (isLoopbackLiteral(parsed.getHost())) {
            return Optional.empty();
        }
        if (parsed.getHost().equalsIgnoreCase("localhost")) {
            return Optional.of("localhost is not allowed as a redirect URI; use http://127.0.0.1 or http://[::1]: "
                    + uri);
        }
        return Optional.of("this redirect URI is not secure: use https, or http to 127.0.0.1 or [::1]: " + uri);
    }

    /** A loopback URI registered without a port stands for the same URI on every port. */
    private static boolean matchesAnyPort(String registeredUri, String uri) {
        URI r = parse(registeredUri);
        URI u = parse(uri);
        if (r == null || u == null || r.getPort() != -1 || !isLoopbackLiteral(r.getHost())) {
            return false;
        }
        return r.getScheme().equals(u.getScheme()) && r.getHost().equals(u.getHost())
                && Objects.equals(r.getRawPath(), u.getRawPath()) && Objects.equals(r.getRawQuery(), u.getRawQuery());
    }

    private static boolean isLoopbackLiteral(String host) {
        return host.equals("127.0.0.1") || host.equals("[::1]");
    }

    private static URI parse(String uri) {
        try {
            return new URI(uri);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
