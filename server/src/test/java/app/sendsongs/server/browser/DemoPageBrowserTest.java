package app.sendsongs.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.server.Demo;
import app.sendsongs.testsupport.SandboxControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

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
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String LINK = "https://open.spotify.com/track/";
    /** Debian's Chromium is often newer than the DevTools versions Selenium bundles; this test uses none. */
    private static final Logger CDP_VERSION_WARNINGS =
            Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    @TempDir
    Path dir;
    private Demo demo;
    private ChromeDriverService service;
    private WebDriver driver;
    private String demoWindow;

    /** Skips, or under CI fails, when the browser is not installed. */
    private static void requireBrowser() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "DemoPageBrowserTest needs " + CHROMIUM + " and " + CHROMEDRIVER
                + ": install the Debian packages chromium and chromium-driver"
                + " (apt-get install chromium chromium-driver)";
        if ("true".equals(System.getenv("CI")) || "required".equals(System.getenv("SEND_SONGS_BROWSER_TESTS"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }

    @BeforeEach
    void start() throws Exception {
        requireBrowser();
        demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", dir.resolve("send-songs.db").toString(),
                "TICK_SECONDS", "3600"));
        // The Debian driver and browser, named explicitly, so Selenium Manager never looks for (or downloads) any.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        CDP_VERSION_WARNINGS.setLevel(Level.SEVERE);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toString())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1440,900",
                        "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);

        driver.get(demo.baseUrl() + "/");
        demoWindow = driver.getWindowHandle();
        await("the catalogue and the sandbox clock",
                d -> !d.findElements(By.cssSelector("#catalogue-list .track")).isEmpty()
                        && d.findElement(By.id("clock")).getDomAttribute("datetime") != null);
        column("alice");
        column("bob");
    }

    @AfterEach
    void stop() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
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
        WebElement track = driver.findElements(By.cssSelector("#catalogue-list .track")).get(1);
        String trackId = track.getDomAttribute("data-track");
        String title = track.findElement(By.cssSelector(".title")).getText().strip();
        String command = "send_song name:\"Bob Fisher\" pre:\"for you\" post:\"told you so\"";
        WebElement aliceInput = input("alice");
        aliceInput.sendKeys(command);
        track.findElement(By.cssSelector(".insert-link")).click();
        assertThat(aliceInput.getDomProperty("value")).isEqualTo(command + " " + LINK + trackId);

        int aliceBefore = botTexts("alice").size();
        int bobBefore = botTexts("bob").size();
        aliceInput.sendKeys(Keys.ENTER);
        assertThat(awaitBot("alice", aliceBefore, text -> text.startsWith("Sent " + title)))
                .contains("to Bob Fisher");
        String song = awaitBot("bob", bobBefore, text -> text.contains("sent you a song"));
        // the song's link is on its card, which comes after this text
        assertThat(song).contains("Alice Smith", "for you", title).contains("\n")
                .doesNotContain("told you so");

        // Bob plays it from his Spotify panel.
        String shared = ".person[data-psid='bob'] .shared-song[data-track='" + trackId + "']";
        click(By.cssSelector(shared + " .play-button"));
        await("the play in Bob's recently played", d -> column("bob").findElement(By.cssSelector(".recent-plays"))
                .getText().contains(title));
        await("the played badge on the song sent to Bob",
                d -> !d.findElements(By.cssSelector(shared + " .played-badge")).isEmpty());

        // The bot looks at Bob's listening history when the clock moves: Alice is told, Bob gets the post note.
        int advances = 0;
        Optional<String> told = Optional.empty();
        while (told.isEmpty() && advances < 3) {
            click(By.id("advance-5m"));
            advances++;
            told = maybeBot("alice", aliceBefore, text -> text.contains("Bob Fisher listened to " + title),
                    Duration.ofSeconds(5));
        }
        assertThat(told).as("Alice is told after %d × +5 min", advances).isPresent();
        assertThat(awaitBot("bob", bobBefore, text -> text.contains("told you so"))).contains("Alice Smith");
        assertThat(botTexts("bob")).noneMatch(text -> text.contains("listened to"));
        assertThat(botTexts("alice")).noneMatch(text -> text.contains("told you so"));
        Duration moved = Duration.ofMinutes(5L * advances);
        await("the clock " + moved.toMinutes() + " min later", d -> !clock().isBefore(clockBefore.plus(moved)));
        assertNoBrowserErrors();
    }

    @Test
    void bobListensOnLastfmAndHisScrobbleOfTheSharedSongIsHeard() {
        connectAndRegister("alice", "Alice Smith", true);
        new org.openqa.selenium.support.ui.Select(column("bob").findElement(By.cssSelector(".source-select")))
                .selectByValue("lastfm");
        connectAndRegister("bob", "Bob Fisher", false, "lastfm", "bob");
        WebElement track = driver.findElements(By.cssSelector("#catalogue-list .track")).get(2);
        String trackId = track.getDomAttribute("data-track");
        String title = track.findElement(By.cssSelector(".title")).getText().strip();
        int aliceBefore = botTexts("alice").size();
        input("alice").sendKeys("send_song name:\"Bob Fisher\" " + LINK + trackId, Keys.ENTER);
        awaitBot("alice", aliceBefore, text -> text.startsWith("Sent " + title));

        String shared = ".person[data-psid='bob'] .shared-song[data-track='" + trackId + "']";
        click(By.cssSelector(shared + " .play-button"));
        await("the scrobble in Bob's history", d -> column("bob").findElement(By.cssSelector(".recent-plays"))
                .getText().contains(title));
        // the first check comes about one track length after delivery
        Optional<String> told = Optional.empty();
        for (int advances = 0; told.isEmpty() && advances < 3; advances++) {
            click(By.id("advance-5m"));
            told = maybeBot("alice", aliceBefore, text -> text.contains("Bob Fisher listened to " + title),
                    Duration.ofSeconds(5));
        }
        assertThat(told).hasValueSatisfying(text -> assertThat(text).startsWith("🎧"));
        assertNoBrowserErrors();
    }

    @Test
    void bobListensOnListenBrainzAndHisListenCarriesTheSharedSongsSpotifyId() {
        connectAndRegister("alice", "Alice Smith", true);
        new org.openqa.selenium.support.ui.Select(column("bob").findElement(By.cssSelector(".source-select")))
                .selectByValue("listenbrainz");
        connectAndRegister("bob", "Bob Fisher", false, "listenbrainz", "bob");
        WebElement track = driver.findElements(By.cssSelector("#catalogue-list .track")).get(3);
        String trackId = track.getDomAttribute("data-track");
        String title = track.findElement(By.cssSelector(".title")).getText().strip();
        int aliceBefore = botTexts("alice").size();
        input("alice").sendKeys("send_song name:\"Bob Fisher\" " + LINK + trackId, Keys.ENTER);
        awaitBot("alice", aliceBefore, text -> text.startsWith("Sent " + title));

        String shared = ".person[data-psid='bob'] .shared-song[data-track='" + trackId + "']";
        click(By.cssSelector(shared + " .play-button"));
        await("the listen in Bob's history", d -> column("bob").findElement(By.cssSelector(".recent-plays"))
                .getText().contains(title));
        assertThat(new SandboxControl(demo.baseUrl()).listens("bob").get(0)
                .path("track_metadata").path("additional_info").path("spotify_id").asText())
                .as("the listen carries the song's Spotify id").endsWith(trackId);
        Optional<String> told = Optional.empty();
        for (int advances = 0; told.isEmpty() && advances < 3; advances++) {
            click(By.id("advance-5m"));
            told = maybeBot("alice", aliceBefore, text -> text.contains("Bob Fisher listened to " + title),
                    Duration.ofSeconds(5));
        }
        assertThat(told).hasValueSatisfying(text -> assertThat(text).startsWith("🎧"));
        assertNoBrowserErrors();
    }

    @Test
    void messageTextIsNeverParsedAsHtmlAndAnAddedPersonGetsTheirOwnLinkByTapping() {
        String evil = "<img src=x onerror=\"window.__pwned=1\"><b>bold?</b>";
        int before = botTexts("alice").size();
        input("alice").sendKeys(evil);
        click(By.cssSelector(".person[data-psid='alice'] .chat-send"));
        // Alice is not registered: the bot answers with its welcome, after her message is on the page.
        awaitBot("alice", before, text -> text.startsWith("Hi! I'm Send Songs"));
        WebElement mine = await("Alice's own message", d -> column("alice").findElements(By.cssSelector(".msg.me"))
                .stream().filter(m -> m.getText().contains("<b>bold?</b>")).findFirst().orElse(null));
        assertThat(mine.getText()).contains(evil);
        assertThat(driver.findElements(By.cssSelector(".msg img, .msg b"))).as("elements parsed from message text")
                .isEmpty();
        assertThat(js("return window.__pwned === undefined")).isEqualTo(true);

        click(By.id("add-person"));
        WebElement name = await("the add person form", d -> Optional.of(d.findElement(By.id("add-person-name")))
                .filter(WebElement::isDisplayed).orElse(null));
        name.sendKeys("Carol Jones", Keys.ENTER);
        assertThat(column("carol").findElement(By.cssSelector(".person-name")).getText()).isEqualTo("Carol Jones");
        input("carol").sendKeys("hi", Keys.ENTER);
        awaitBot("carol", 0, text -> text.startsWith("Hi! I'm Send Songs"));
        click(By.cssSelector(".person[data-psid='carol'] button.quick-reply[data-payload='connect listenbrainz']"));
        awaitBot("carol", 1, text -> text.contains(demo.baseUrl() + "/connect/listenbrainz?link="));
        await("a connect link in Carol's chat",
                d -> !column("carol").findElements(By.cssSelector(".msg.bot a.connect-link")).isEmpty());
        assertNoBrowserErrors();
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
        Set<String> windows = driver.getWindowHandles();
        click(By.cssSelector(".person[data-psid='" + psid + "'] .connect-button"));
        String popup = await("the consent popup", d -> d.getWindowHandles().stream().filter(h -> !windows.contains(h))
                .findFirst().orElse(null));
        String code;
        driver.switchTo().window(popup);
        try {
            if (source.equals("listenbrainz")) {
                // The page pastes the person's emulated user token into the bot's own paste form.
                String token = new SandboxControl(demo.baseUrl()).listenBrainzToken(user);
                await("the paste form filled in with the token of ListenBrainz user " + user,
                        d -> token.equals(d.findElement(By.id("token")).getDomProperty("value")));
                driver.findElement(By.cssSelector("button[type='submit']")).click();
            } else {
                // The page fills in the person's own emulated user on the source's consent form.
                await("the consent form filled in with " + source + " user " + user,
                        d -> user.equals(d.findElement(By.id("sandbox-user")).getDomProperty("value")));
                driver.findElement(By.id("agree")).click();
            }
            code = await("the registration code", d -> Optional.of(d.findElement(By.id("registration-code")))
                    .map(element -> element.getText().strip()).filter(text -> !text.isEmpty()).orElse(null));
        } finally {
            driver.switchTo().window(demoWindow);
        }

        String expected = "register code:\"" + code + "\" name:\"" + name + "\"";
        waitUpTo(TIMEOUT)
                .withMessage(() -> "input prefilled with " + expected + ", not " + input(psid).getDomProperty("value"))
                .until(d -> expected.equals(input(psid).getDomProperty("value")));
        int before = botTexts(psid).size();
        if (pressEnter) {
            input(psid).sendKeys(Keys.ENTER);
        } else {
            click(By.cssSelector(".person[data-psid='" + psid + "'] .chat-send"));
        }
        awaitBot(psid, before, text -> text.startsWith("Welcome, " + name));
        await(name + "'s listening panel connected", d -> column(psid).findElement(By.cssSelector(".spotify-user"))
                .getText().equals("user " + user + " · connected ✓"));
        await("the popup to close itself", d -> d.getWindowHandles().size() == 1);
    }

    /** Waits up to {@link #TIMEOUT} for the condition to give a value other than null or false. */
    private <T> T await(String what, Function<WebDriver, T> condition) {
        return waitUpTo(TIMEOUT).withMessage(what).until(condition);
    }

    /** An explicit wait polling every 100 ms; the page re-renders chats as it polls, so stale elements are retried. */
    private WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait fresh = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
        fresh.ignoring(StaleElementReferenceException.class);
        return fresh;
    }

    private WebElement column(String psid) {
        return await("the column of " + psid,
                d -> d.findElement(By.cssSelector(".person[data-psid='" + psid + "']")));
    }

    private WebElement input(String psid) {
        return column(psid).findElement(By.cssSelector(".chat-input"));
    }

    /** Clicks once the element is there and nothing covers it. */
    private void click(By by) {
        waitUpTo(TIMEOUT).ignoring(ElementNotInteractableException.class).withMessage("to click " + by).until(d -> {
            d.findElement(by).click();
            return true;
        });
    }

    /** The texts of the bot's messages in a person's chat, oldest first. */
    @SuppressWarnings("unchecked")
    private List<String> botTexts(String psid) {
        return (List<String>) js("return [...document.querySelectorAll(arguments[0])].map(m => m.innerText)",
                ".person[data-psid='" + psid + "'] .msg.bot .text");
    }

    /** Waits for a bot message to psid, after the first {@code since} ones, that matches; returns its text. */
    private String awaitBot(String psid, int since, Predicate<String> matching) {
        return waitUpTo(TIMEOUT).withMessage(() -> "bot messages to " + psid + ": " + botTexts(psid))
                .until(d -> firstBot(psid, since, matching));
    }

    private Optional<String> maybeBot(String psid, int since, Predicate<String> matching, Duration within) {
        try {
            return Optional.of(waitUpTo(within).until(d -> firstBot(psid, since, matching)));
        } catch (TimeoutException e) {
            return Optional.empty();
        }
    }

    private String firstBot(String psid, int since, Predicate<String> matching) {
        List<String> texts = botTexts(psid);
        return texts.subList(Math.min(since, texts.size()), texts.size()).stream().filter(matching)
                .findFirst().orElse(null);
    }

    private Instant clock() {
        return Instant.parse(Objects.requireNonNull(driver.findElement(By.id("clock")).getDomAttribute("datetime")));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * No uncaught exceptions, console errors or failed requests on the demo page (Chromium logs all three as
     * SEVERE). The log also holds the consent and callback popups' entries, prefixed with their address, and
     * their favicon requests: those pages are not the demo page's, so they are left out here.
     */
    private void assertNoBrowserErrors() {
        String base = demo.baseUrl();
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.startsWith(base + "/sandbox/accounts/authorize")
                        && !message.startsWith(base + "/sandbox/lastfm/api/auth")
                        && !message.startsWith(base + "/callback")
                        && !message.startsWith(base + "/favicon.ico "))
                .toList();
        assertThat(errors).as("errors in the browser console").isEmpty();
    }
}
