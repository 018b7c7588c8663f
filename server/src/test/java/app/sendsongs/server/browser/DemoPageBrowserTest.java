package app.sendsongs.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.sandbox.MessengerEmulator.Profile;
import app.sendsongs.server.Demo;
import app.sendsongs.testsupport.SandboxControl;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchWindowException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The demo page (server/src/main/resources/demo/index.html) in a real headless Chromium, driven the
 * way a person uses it: pick a listening source, connect it through the consent popup, register with
 * the prefilled line, share a catalogue track with notes, press play (on the person's own source), move
 * the clock, read what the bot said, tap its quick replies.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} packages. Without them the test is
 * skipped, unless {@code CI=true} or {@code SEND_SONGS_BROWSER_TESTS=required}, where it fails.
 */
class DemoPageBrowserTest {
    private static final String LINK = "https://open.spotify.com/track/";
    @RegisterExtension
    static final Chromium CHROMIUM = Chromium.inWindow(1440, 900);

    @TempDir
    Path dir;
    private Demo demo;
    private BrowserSession browser;

    @BeforeEach
    void start() throws Exception {
        BrowserSession.requireBrowser();
        demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", dir.resolve("send-songs.db").toString(),
                "TICK_SECONDS", "3600"));
        browser = CHROMIUM.open(demo.baseUrl(), "/");
        browser.awaitCatalogue();
        browser.await("the sandbox clock", d -> d.findElement(By.id("clock")).getDomAttribute("datetime") != null);
        browser.column("alice");
        browser.column("bob");
    }

    @AfterEach
    void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (demo != null) {
                demo.close();
            }
        }
    }

    @Test
    void bothRegisterThroughThePopupAliceSharesBobPlaysAndAliceIsTold() {
        connectAndRegister("alice", "Alice Smith", true);
        connectAndRegister("bob", "Bob Fisher", false);
        Instant clockBefore = clock();

        // Alice writes the command and inserts the second catalogue track's link with its button.
        WebElement track = browser.findAll(By.cssSelector("#catalogue-list .track")).get(1);
        String trackId = track.getDomAttribute("data-track");
        String title = track.findElement(By.cssSelector(".title")).getText().strip();
        String command = "send_song name:\"Bob Fisher\" pre:\"for you\" post:\"told you so\"";
        WebElement aliceInput = browser.input("alice");
        aliceInput.sendKeys(command);
        track.findElement(By.cssSelector(".insert-link")).click();
        assertThat(aliceInput.getDomProperty("value")).isEqualTo(command + " " + LINK + trackId);

        int aliceBefore = browser.botTexts("alice").size();
        int bobBefore = browser.botTexts("bob").size();
        aliceInput.sendKeys(Keys.ENTER);
        assertThat(browser.awaitBot("alice", aliceBefore, text -> text.startsWith("Sent " + title)))
                .contains("to Bob Fisher");
        String song = browser.awaitBot("bob", bobBefore, text -> text.contains("sent you a song"));
        // the song's link is on its card, which comes after this text
        assertThat(song).contains("Alice Smith", "for you", title).contains("\n")
                .doesNotContain("told you so");

        // Bob plays it from his Spotify panel.
        String shared = ".person[data-psid='bob'] .shared-song[data-track='" + trackId + "']";
        browser.click(By.cssSelector(shared + " .play-button"));
        browser.await("the play in Bob's recently played", d -> recentPlays("bob").contains(title));
        browser.await("the played badge on the song sent to Bob",
                d -> !d.findElements(By.cssSelector(shared + " .played-badge")).isEmpty());

        // The bot looks at Bob's listening history when the clock moves: Alice is told, Bob gets the post note.
        int advances = 0;
        Optional<String> told = Optional.empty();
        while (told.isEmpty() && advances < 3) {
            browser.click(By.id("advance-5m"));
            advances++;
            told = browser.botWithin("alice", aliceBefore, text -> text.contains("Bob Fisher listened to " + title),
                    Duration.ofSeconds(5));
        }
        assertThat(told).as("Alice is told after %d × +5 min", advances).isPresent();
        assertThat(browser.awaitBot("bob", bobBefore, text -> text.contains("told you so"))).contains("Alice Smith");
        assertThat(browser.botTexts("bob")).noneMatch(text -> text.contains("listened to"));
        assertThat(browser.botTexts("alice")).noneMatch(text -> text.contains("told you so"));
        Duration moved = Duration.ofMinutes(5L * advances);
        browser.await("the clock " + moved.toMinutes() + " min later",
                d -> !clock().isBefore(clockBefore.plus(moved)));
        browser.assertNoBrowserErrors();
    }

    @Test
    void bobListensOnLastfmAndHisScrobbleOfTheSharedSongIsHeard() {
        connectAndRegister("alice", "Alice Smith", true);
        new Select(browser.column("bob").findElement(By.cssSelector(".source-select"))).selectByValue("lastfm");
        connectAndRegister("bob", "Bob Fisher", false, "lastfm", "bob");
        WebElement track = browser.findAll(By.cssSelector("#catalogue-list .track")).get(2);
        String trackId = track.getDomAttribute("data-track");
        String title = track.findElement(By.cssSelector(".title")).getText().strip();
        int aliceBefore = browser.botTexts("alice").size();
        browser.input("alice").sendKeys("send_song name:\"Bob Fisher\" " + LINK + trackId, Keys.ENTER);
        browser.awaitBot("alice", aliceBefore, text -> text.startsWith("Sent " + title));

        String shared = ".person[data-psid='bob'] .shared-song[data-track='" + trackId + "']";
        browser.click(By.cssSelector(shared + " .play-button"));
        browser.await("the scrobble in Bob's history", d -> recentPlays("bob").contains(title));
        // the first check comes about one track length after delivery
        assertThat(advanceUntilAliceIsTold(aliceBefore, title))
                .hasValueSatisfying(text -> assertThat(text).startsWith("🎧"));
        browser.assertNoBrowserErrors();
    }

    @Test
    void bobListensOnListenBrainzAndHisListenCarriesTheSharedSongsSpotifyId() {
        connectAndRegister("alice", "Alice Smith", true);
        new Select(browser.column("bob").findElement(By.cssSelector(".source-select"))).selectByValue("listenbrainz");
        connectAndRegister("bob", "Bob Fisher", false, "listenbrainz", "bob");
        WebElement track = browser.findAll(By.cssSelector("#catalogue-list .track")).get(3);
        String trackId = track.getDomAttribute("data-track");
        String title = track.findElement(By.cssSelector(".title")).getText().strip();
        int aliceBefore = browser.botTexts("alice").size();
        browser.input("alice").sendKeys("send_song name:\"Bob Fisher\" " + LINK + trackId, Keys.ENTER);
        browser.awaitBot("alice", aliceBefore, text -> text.startsWith("Sent " + title));

        String shared = ".person[data-psid='bob'] .shared-song[data-track='" + trackId + "']";
        browser.click(By.cssSelector(shared + " .play-button"));
        browser.await("the listen in Bob's history", d -> recentPlays("bob").contains(title));
        assertThat(new SandboxControl(demo.baseUrl()).listens("bob").get(0)
                .path("track_metadata").path("additional_info").path("spotify_id").asText())
                .as("the listen carries the song's Spotify id").endsWith(trackId);
        assertThat(advanceUntilAliceIsTold(aliceBefore, title))
                .hasValueSatisfying(text -> assertThat(text).startsWith("🎧"));
        browser.assertNoBrowserErrors();
    }

    @Test
    void getStartedAndTheBotsOwnLinkRegisterAPersonUnderTheNameTheirColumnShows() {
        assertThat(browser.find(By.cssSelector("#help li")).getText()).as("the page's first step is this one")
                .startsWith("Tap Get Started as Alice, tap where she listens");
        browser.click(browser.inColumn("alice", ".welcome button.primary"));
        browser.click(browser.inColumn("alice", "button.quick-reply[data-payload='connect spotify']"));
        browser.inPopup(browser.inColumn("alice", ".msg.bot a.connect-link"), popup -> {
            browser.await("the consent form filled in with Spotify user alice",
                    d -> "alice".equals(d.findElement(By.id("sandbox-user")).getDomProperty("value")));
            popup.findElement(By.id("agree")).click();
            return true;
        });

        assertThat(browser.awaitBot("alice", 0, text -> text.startsWith("Welcome, ")))
                .startsWith("Welcome, Alice Smith! You're connected with Spotify.");
        browser.awaitPopupsClosed();

        // Connected already, Alice moves to ListenBrainz through the bot's link: the popup closes as the first did.
        int before = browser.botTexts("alice").size();
        browser.input("alice").sendKeys("connect listenbrainz", Keys.ENTER);
        browser.awaitBot("alice", before, text -> text.contains("/connect/listenbrainz?link="));
        browser.inPopup(By.xpath("(//section[@data-psid='alice']//a[contains(@class,'connect-link')])[last()]"), popup -> {
            String token = new SandboxControl(demo.baseUrl()).listenBrainzToken("alice");
            browser.await("the paste form filled in", d -> token.equals(d.findElement(By.id("token"))
                    .getDomProperty("value")));
            popup.findElement(By.cssSelector("button[type='submit']")).click();
            return true;
        });
        browser.awaitBot("alice", before, text -> text.contains("ListenBrainz") && text.contains("connected"));
        browser.awaitPopupsClosed();
        browser.await("Alice's panel on ListenBrainz", d -> browser.find(browser.inColumn("alice", ".spotify-user"))
                .getText().equals("user alice · connected ✓") && browser.find(browser.inColumn("alice",
                ".connect-button")).getText().equals("Reconnect ListenBrainz"));

        browser.addPerson("Carol Jones");
        browser.await("Carol's name in the emulated Messenger's User Profile API",
                d -> demo.sandbox().messenger().profile("carol").equals(new Profile("Carol", "Jones")));
        browser.assertNoBrowserErrors();
    }

    @Test
    void theCatalogueShowsBesideTheHelpWithoutScrolling() {
        assertThat(browser.js("""
                const track = document.querySelectorAll("#catalogue-list .track")[2].getBoundingClientRect();
                const seen = document.elementFromPoint(track.left + track.width / 2, track.top + track.height / 2);
                return !!seen && !!seen.closest("#catalogue-list .track");""")).as("the third song seen").isEqualTo(true);
        assertThat(browser.find(By.id("help")).getDomAttribute("open")).as("the help open").isNotNull();
        browser.assertNoBrowserErrors();
    }

    @Test
    void onALaptopsScreenEachChatTakesMostOfItsColumnAndTheRestStillShows() {
        browser.resize(1280, 800);
        assertChatsTakeMostOfTheHeight("1280 × 800", ".spotify-user");
        // the listening panels fold to their head line there; a tap opens one for the person's songs and ▶ Play
        browser.click(browser.inColumn("bob", ".panel-toggle"));
        browser.await("Bob's ▶ Play shown", d -> browser.seen(browser.find(browser.inColumn("bob", ".play-any-button"))));

        browser.resize(1920, 1080);
        assertChatsTakeMostOfTheHeight("1920 × 1080", ".play-any-button");
        browser.assertNoBrowserErrors();
    }

    /**
     * Each person's chat at least 400 pixels high, with their message box, their quick commands and {@code panelPart}
     * of their listening panel on the screen; a song of the catalogue too.
     */
    private void assertChatsTakeMostOfTheHeight(String screen, String panelPart) {
        for (String psid : new String[] {"alice", "bob"}) {
            WebElement column = browser.column(psid);
            String at = psid + " at " + screen + " (" + layout(column) + ")";
            assertThat(browser.height(column.findElement(By.cssSelector(".chat")))).as("the chat's height, " + at)
                    .isGreaterThanOrEqualTo(400);
            for (String part : new String[] {".chat-input", ".quick-command", panelPart}) {
                assertThat(browser.seen(column.findElement(By.cssSelector(part)))).as(part + " seen, " + at).isTrue();
            }
        }
        assertThat(browser.seen(browser.findAll(By.cssSelector("#catalogue-list .track")).get(1)))
                .as("a song of the catalogue seen at " + screen).isTrue();
    }

    @Test
    void everyFieldAndControlOfBothViewsHasANameAScreenReaderCanSay() {
        assertThat(browser.unnamedControls()).as("on the Messenger view").isEmpty();
        assertThat(browser.find(By.cssSelector(".person[data-psid='alice'] .remove-person")).getDomAttribute(
                "aria-label")).isEqualTo("Remove Alice Smith's column");
        browser.open("/telegram");
        browser.await("the Telegram view's people", d -> d.findElements(By.cssSelector(".column.person")).size() == 2);
        assertThat(browser.unnamedControls()).as("on the Telegram view").isEmpty();
        browser.assertNoBrowserErrors();
    }

    @Test
    void messageTextIsNeverParsedAsHtmlAndAnAddedPersonGetsTheirOwnLinkByTapping() {
        String evil = "<img src=x onerror=\"window.__pwned=1\"><b>bold?</b>";
        int before = browser.botTexts("alice").size();
        browser.input("alice").sendKeys(evil);
        browser.click(browser.inColumn("alice", ".chat-send"));
        // Alice is not registered: the bot answers with its welcome, after her message is on the page.
        browser.awaitBot("alice", before, text -> text.startsWith("Hi! I'm Send Songs"));
        WebElement mine = browser.await("Alice's own message", d -> browser.column("alice")
                .findElements(By.cssSelector(".msg.me")).stream().filter(m -> m.getText().contains("<b>bold?</b>"))
                .findFirst().orElse(null));
        assertThat(mine.getText()).contains(evil);
        assertThat(browser.findAll(By.cssSelector(".msg img, .msg b"))).as("elements parsed from message text")
                .isEmpty();
        assertThat(browser.js("return window.__pwned === undefined")).isEqualTo(true);

        browser.addPerson("Carol Jones");
        assertThat(browser.column("carol").findElement(By.cssSelector(".person-name")).getText())
                .isEqualTo("Carol Jones");
        browser.input("carol").sendKeys("hi", Keys.ENTER);
        browser.awaitBot("carol", 0, text -> text.startsWith("Hi! I'm Send Songs"));
        browser.click(browser.inColumn("carol", "button.quick-reply[data-payload='connect listenbrainz']"));
        browser.awaitBot("carol", 1, text -> text.contains(demo.baseUrl() + "/connect/listenbrainz?link="));
        browser.await("a connect link in Carol's chat",
                d -> !browser.column("carol").findElements(By.cssSelector(".msg.bot a.connect-link")).isEmpty());
        browser.assertNoBrowserErrors();
    }

    /** Connect Spotify in the popup, check the prefilled register line, send it and wait for the welcome. */
    private void connectAndRegister(String psid, String name, boolean pressEnter) {
        connectAndRegister(psid, name, pressEnter, "spotify", psid);
    }

    /**
     * Connect the person's chosen source in the popup (the page fills in their emulated user there), check the
     * prefilled register line, send it and wait for the welcome.
     */
    private void connectAndRegister(String psid, String name, boolean pressEnter, String source, String user) {
        Optional<String> code = browser.inPopup(browser.inColumn(psid, ".connect-button"), popup -> {
            if (source.equals("listenbrainz")) {
                // The page pastes the person's emulated user token into the bot's own paste form.
                String token = new SandboxControl(demo.baseUrl()).listenBrainzToken(user);
                browser.await("the paste form filled in with the token of ListenBrainz user " + user,
                        d -> token.equals(d.findElement(By.id("token")).getDomProperty("value")));
                popup.findElement(By.cssSelector("button[type='submit']")).click();
            } else {
                // The page fills in the person's own emulated user on the source's consent form.
                browser.await("the consent form filled in with " + source + " user " + user,
                        d -> user.equals(d.findElement(By.id("sandbox-user")).getDomProperty("value")));
                popup.findElement(By.id("agree")).click();
            }
            // The popup moves from the consent form to the callback page: an element found as it goes has no text.
            // The page closes the popup 1.2 s after it read the code there; on a busy machine that can come first.
            return browser.await("the registration code, or the popup closed once the page had it", d -> {
                try {
                    return Optional.of(d.findElement(By.id("registration-code"))).map(WebElement::getText)
                            .map(String::strip).filter(text -> !text.isEmpty()).map(Optional::of).orElse(null);
                } catch (NoSuchWindowException closed) {
                    return Optional.<String>empty();
                }
            });
        });

        Pattern expected = Pattern.compile("register code:\"" + code.map(Pattern::quote).orElse("[^\"]+")
                + "\" name:\"" + Pattern.quote(name) + "\"");
        browser.await(() -> "input prefilled with " + expected + ", not " + browser.input(psid).getDomProperty("value"),
                d -> expected.matcher(browser.input(psid).getDomProperty("value")).matches());
        int before = browser.botTexts(psid).size();
        if (pressEnter) {
            browser.input(psid).sendKeys(Keys.ENTER);
        } else {
            browser.click(browser.inColumn(psid, ".chat-send"));
        }
        browser.awaitBot(psid, before, text -> text.startsWith("Welcome, " + name));
        browser.await(name + "'s listening panel connected", d -> browser.column(psid)
                .findElement(By.cssSelector(".spotify-user")).getText().equals("user " + user + " · connected ✓"));
        browser.awaitPopupsClosed();
    }

    /** Moves the clock on by 5 minutes, at most three times, until Alice is told that Bob listened. */
    private Optional<String> advanceUntilAliceIsTold(int aliceBefore, String title) {
        Optional<String> told = Optional.empty();
        for (int advances = 0; told.isEmpty() && advances < 3; advances++) {
            browser.click(By.id("advance-5m"));
            told = browser.botWithin("alice", aliceBefore, text -> text.contains("Bob Fisher listened to " + title),
                    Duration.ofSeconds(5));
        }
        return told;
    }

    /** The heights of the page's top bar and of the parts of a person's column, to say why a chat is short. */
    private String layout(WebElement column) {
        return String.valueOf(browser.js("""
                const h = e => Math.round(e.getBoundingClientRect().height);
                return "top bar " + h(document.querySelector(".topbar")) + ", column " + h(arguments[0]) + ": "
                  + [...arguments[0].children].map(c => c.className + " " + h(c)).join(", ");""", column));
    }

    private String recentPlays(String psid) {
        return browser.column(psid).findElement(By.cssSelector(".recent-plays")).getText();
    }

    private Instant clock() {
        return Instant.parse(Objects.requireNonNull(browser.find(By.id("clock")).getDomAttribute("datetime")));
    }
}
