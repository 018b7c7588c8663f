package app.sendsongs.core.shared;

/** The page where a person starts connecting Spotify, built from the public base URL. */
public record ConnectLink(String publicBaseUrl) {
    public ConnectLink {
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    public String url() {
        return publicBaseUrl + "/connect";
    }

    public String callbackUrl() {
        return publicBaseUrl + "/callback";
    }
}
