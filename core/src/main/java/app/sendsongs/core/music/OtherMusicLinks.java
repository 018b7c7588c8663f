package app.sendsongs.core.music;

import app.sendsongs.core.shared.Spaces;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links to other music services than Spotify, which people paste from the app they listen in: the bot can only send
 * Spotify songs, and says so by the service's name rather than not understanding the link, or reading it as a name.
 */
public final class OtherMusicLinks {
    private static final Pattern HOST = Pattern.compile("^[(<\\[\"'“‘]*https?://([^/?#:\\s]+)",
            Pattern.CASE_INSENSITIVE);
    /**
     * Odesli's pages ({@code song.link}, {@code album.link}, {@code odesli.co}...), which link one song on every
     * service, Spotify among them: the person can get the Spotify link from there.
     */
    private static final String SONG_LINK = "song.link";
    private static final List<Service> SERVICES = List.of(
            new Service("Apple Music", "(?:geo\\.)?music\\.apple\\.com|itunes\\.apple\\.com"),
            new Service("YouTube Music", "music\\.youtube\\.com"),
            new Service("YouTube", "(?:www\\.|m\\.)?youtube\\.com|youtu\\.be"),
            new Service("SoundCloud", "(?:on\\.|m\\.|www\\.)?soundcloud\\.com"),
            new Service("Deezer", "(?:www\\.|link\\.)?deezer\\.com|deezer\\.page\\.link"),
            new Service("Tidal", "(?:listen\\.|www\\.)?tidal\\.com"),
            new Service("Amazon Music", "music\\.amazon\\.[a-z.]+"),
            new Service("Bandcamp", "(?:[a-z0-9-]+\\.)?bandcamp\\.com"),
            new Service("Pandora", "(?:www\\.)?pandora\\.com|pandora\\.app\\.link"),
            new Service("Shazam", "(?:www\\.)?shazam\\.com|shz\\.am"),
            new Service("Qobuz", "(?:open\\.|play\\.|www\\.)?qobuz\\.com"),
            new Service("Audiomack", "(?:www\\.)?audiomack\\.com"),
            new Service(SONG_LINK, "(?:song|album|artist|playlist|pods)\\.link|odesli\\.co"));

    private OtherMusicLinks() {
    }

    /** The service of the first link in {@code text} to another music service than Spotify; empty when none. */
    public static Optional<String> serviceIn(String text) {
        for (String word : Spaces.words(text)) {
            Matcher link = HOST.matcher(word);
            if (link.find()) {
                String host = link.group(1).toLowerCase(Locale.ROOT);
                Optional<String> service = SERVICES.stream().filter(s -> s.hosts().matcher(host).matches())
                        .map(Service::name).findFirst();
                if (service.isPresent()) {
                    return service;
                }
            }
        }
        return Optional.empty();
    }

    /** Why a link to {@code service} can't be sent, and how to send the song from Spotify. */
    public static String notSpotify(String service) {
        if (service.equals(SONG_LINK)) {
            return "That's a song.link page, which links the song on every service. Open it, tap Spotify, then in "
                    + "Spotify tap Share, then Copy link, and paste that here.";
        }
        return "That link is to " + service + ", and I can only send songs from Spotify. Find the song in Spotify, "
                + "tap Share, then Copy link, and paste that here.";
    }

    private record Service(String name, Pattern hosts) {
        Service(String name, String hosts) {
            this(name, Pattern.compile(hosts));
        }
    }
}
