package app.sendsongs.core.music;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OtherMusicLinksTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://music.apple.com/us/album/never-gonna-give-you-up/1558533900?i=1558534271 | Apple Music",
        "https://geo.music.apple.com/gb/album/x/1?i=2&app=music                         | Apple Music",
        "https://music.youtube.com/watch?v=lYBUbBu4W08&si=x                              | YouTube Music",
        "https://youtu.be/dQw4w9WgXcQ?si=abc                                             | YouTube",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ                                     | YouTube",
        "https://on.soundcloud.com/aBcD1                                                 | SoundCloud",
        "https://www.deezer.com/track/3135556                                            | Deezer",
        "https://deezer.page.link/abc                                                    | Deezer",
        "https://tidal.com/browse/track/1234                                             | Tidal",
        "https://music.amazon.co.uk/albums/B0?trackAsin=B1                               | Amazon Music",
        "https://artist.bandcamp.com/track/song                                          | Bandcamp",
        "listen to this! (https://music.apple.com/us/album/x/1?i=2)                      | Apple Music",
        "HTTPS://MUSIC.APPLE.COM/us/album/x/1?i=2                                        | Apple Music",
        "https://www.shazam.com/song/1558534271/never-gonna-give-you-up                  | Shazam",
        "https://shz.am/t1558534271                                                      | Shazam",
        "https://open.qobuz.com/track/12345                                              | Qobuz",
        "https://audiomack.com/artist/song/title                                         | Audiomack",
        "https://song.link/s/4uLU6hMCjMI75M1A2tKUQC                                      | song.link",
        "https://album.link/i/1558533900                                                 | song.link",
        "https://odesli.co/abc                                                           | song.link",
        "https://pods.link/i/123                                                         | song.link"})
    void namesTheServiceOfALinkPastedFromAnotherApp(String text, String service) {
        assertThat(OtherMusicLinks.serviceIn(text)).contains(service);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC", "https://example.com/music",
        "https://apple.com", "https://notyoutube.com/watch", "music.apple.com/us/album/x", "Bob Fisher",
        "https://music.apple.com.evil.example/x", ""})
    void namesNoServiceForAnythingElse(String text) {
        assertThat(OtherMusicLinks.serviceIn(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Apple Music", "YouTube"})
    void saysWhyAndHowToSendItFromSpotify(String service) {
        assertThat(OtherMusicLinks.notSpotify(service)).startsWith("That link is to " + service + ", and I can only "
                + "send songs from Spotify.").contains("tap Share, then Copy link");
    }
    @org.junit.jupiter.api.Test
    void aSongLinkPageSaysToOpenItsSpotifyLink() {
        assertThat(OtherMusicLinks.notSpotify("song.link")).isEqualTo("That's a song.link page, which links the song "
                + "on every service. Open it, tap Spotify, then in Spotify tap Share, then Copy link, and paste that "
                + "here.");
    }
}
