package app.sendsongs.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.SongLink;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.testsupport.SandboxControl;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Short links followed over real HTTP: the emulated spotify.link, and stand-ins for its other answers. */
class SpotifyShortLinksTest {
    private static final String TRACK = "sw0KSZFy2XPBgUm7JydSrm";

    private final SpotifySandbox sandbox = new SpotifySandbox();
    private final SandboxControl control = new SandboxControl(sandbox.base);
    private final SpotifyShortLinks links = new SpotifyShortLinks(sandbox.base + "/sandbox/spotify-link",
            sandbox.clock);
    private Javalin standIn;

    @AfterEach
    void stop() {
        sandbox.close();
        if (standIn != null) {
            standIn.stop();
        }
    }

    @Test
    void aShortLinkLeadsToItsTrack() throws MusicServiceException {
        String link = control.shortLink(TRACK);
        assertThat(link).startsWith("https://spotify.link/");

        assertThat(links.track(shortOf(link))).contains(new TrackId(TRACK));
    }

    @Test
    void aShortLinkToAnAlbumOrToNothingLeadsToNoTrack() throws MusicServiceException {
        String album = control.shortLinkTo("https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy");

        assertThat(links.track(shortOf(album))).isEmpty();
        assertThat(links.track(new SongLink.Short("nobodyMadeThis"))).isEmpty();
    }

    @Test
    void aPageThatNamesTheTrackIsReadAsTheRedirect() throws MusicServiceException {
        standIn = Javalin.create(c -> c.showJavalinBanner = false).get("/links/{code}", ctx -> ctx.status(200)
                .contentType("text/html").result("<html><head><meta property=\"og:url\" content=\"https://open"
                        + ".spotify.com/track/" + TRACK + "\"></head></html>")).start(0);

        assertThat(standInLinks().track(new SongLink.Short("abc"))).contains(new TrackId(TRACK));
    }

    @Test
    void aRedirectElsewhereIsReadNotFollowedAndALoopEnds() throws MusicServiceException {
        AtomicInteger asked = new AtomicInteger();
        standIn = Javalin.create(c -> c.showJavalinBanner = false)
                .get("/links/away", ctx -> ctx.status(307).header("Location", "http://127.0.0.1:9/steal"))
                .get("/links/loop", ctx -> {
                    asked.incrementAndGet();
                    ctx.status(302).header("Location", "/links/loop");
                }).start(0);

        assertThat(standInLinks().track(new SongLink.Short("away"))).isEmpty();
        assertThat(standInLinks().track(new SongLink.Short("loop"))).isEmpty();
        assertThat(asked).hasValue(SpotifyShortLinks.MAX_HOPS);
    }

    @Test
    void aBusyOrFailingHostIsAFailureToTryAgainWithItsWait() {
        standIn = Javalin.create(c -> c.showJavalinBanner = false)
                .get("/links/busy", ctx -> ctx.status(429).header("Retry-After", "30"))
                .get("/links/down", ctx -> ctx.status(503))
                .get("/links/huge", ctx -> ctx.status(200).result("x".repeat(SpotifyShortLinks.MAX_PAGE_BYTES + 1)))
                .start(0);

        assertThatThrownBy(() -> standInLinks().track(new SongLink.Short("busy")))
                .isInstanceOfSatisfying(MusicServiceException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
        assertThatThrownBy(() -> standInLinks().track(new SongLink.Short("down")))
                .isInstanceOf(MusicServiceException.class);
        assertThatThrownBy(() -> standInLinks().track(new SongLink.Short("huge")))
                .isInstanceOf(MusicServiceException.class).hasMessageContaining("more than");
    }

    @Test
    void aHostNobodyAnswersOnIsAFailure() {
        SpotifyShortLinks nowhere = new SpotifyShortLinks("http://127.0.0.1:9", sandbox.clock);

        assertThatThrownBy(() -> nowhere.track(new SongLink.Short("abc"))).isInstanceOf(MusicServiceException.class);
    }

    @Test
    void onlyAbsoluteWebBaseUrlsAreTaken() {
        assertThatThrownBy(() -> new SpotifyShortLinks("ftp://spotify.link", sandbox.clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new SpotifyShortLinks(" ", sandbox.clock)).hasToString("SpotifyShortLinks[https://spotify.link/]");
    }

    private SpotifyShortLinks standInLinks() {
        return new SpotifyShortLinks("http://localhost:" + standIn.port() + "/links", sandbox.clock);
    }

    private static SongLink.Short shortOf(String link) {
        List<String> parts = List.of(link.split("/"));
        return new SongLink.Short(parts.getLast());
    }
}
