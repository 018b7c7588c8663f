package app.sendsongs.core.shared;

/**
 * Where people connect a listening source, built from the public base URL: {@code /connect} and {@code /callback}
 * are Spotify's (the seed's paths, registered with the Spotify app), {@code /connect/<source>} and
 * {@code /callback/<source>} each source's.
 */
public record ConnectLink(String publicBaseUrl) {
    public ConnectLink {
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    /** The plain connect page: Spotify's consent, then a one-time code to send the bot. */
    public String url() {
        return publicBaseUrl + "/connect";
    }

    /** Spotify's redirect URI, exactly as registered with the Spotify app. */
    public String callbackUrl() {
        return publicBaseUrl + "/callback";
    }

    /** The connect page of one source ({@code spotify}, {@code lastfm}, {@code listenbrainz}). */
    public String url(String source) {
        return publicBaseUrl + "/connect/" + source;
    }

    /**
     * The plain connect page of one source, for anyone to open (no personal link): Spotify's is the seed's
     * {@code /connect}.
     */
    public String plainPage(String source) {
        return source.equals("spotify") ? url() : url(source);
    }

    /** Where one source sends the person back to. */
    public String callbackUrl(String source) {
        return publicBaseUrl + "/callback/" + source;
    }
}
