package app.sendsongs.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.server.Demo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo's Telegram view (server/src/main/resources/demo/telegram.html) in a real headless Chromium: two people
 * start the bot and register through the consent popup, make a group with it, one taps Count me in on the bot's
 * inline keyboard, the other shares a song there, and the group's message counts the play once the clock moves.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}; skipped without them unless {@code CI=true} or
 * {@code SEND_SONGS_BROWSER_TESTS=required}, where it fails.
 */
class TelegramPanelBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final long ALICE = 1001;
    private static final long BOB = 1002;

    @TempDir
    Path dir;
    private Demo demo;
    private ChromeDriverService service;
    private WebDriver driver;
    private String pageWindow;

    @BeforeEach
    void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "TelegramPanelBrowserTest needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI")) || "required".equals(System.getenv("SEND_SONGS_BROWSER_TESTS"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", dir.resolve("send-songs.db").toString(),
                "TICK_SECONDS", "3600"));
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder").setLevel(Level.SEVERE);
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withSilent(true).build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1600,900",
                        "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        driver.get(demo.baseUrl() + "/telegram");
        pageWindow = driver.getWindowHandle();
        await("the two people's columns", d -> d.findElements(By.cssSelector(".column.person")).size() == 2);
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
    void aSongSharedInAGroupReachesWhoTappedCountMeInAndTheGroupMessageCountsThePlay() {
        register(ALICE, "Alice Archer");
        register(BOB, "Bob Fisher");

        WebElement title = driver.findElement(By.id("add-group-title"));
        title.sendKeys("Friday Band", Keys.ENTER);
        String group = ".column.group-chat";
        WebElement countMeIn = await("the bot's welcome with its inline keyboard in the group", d ->
                d.findElements(By.cssSelector(group + " .msg.bot .keyboard button[data-data='join']")).stream()
                        .findFirst().orElse(null));
        assertThat(countMeIn.getText()).isEqualTo("Count me in");
        new Select(driver.findElement(By.cssSelector(group + " select.actor"))).selectByValue(Long.toString(BOB));
        click(By.cssSelector(group + " .msg.bot .keyboard button[data-data='join']"));
        await("the tap's answer, seen by Bob only", d -> text(group).contains("Bob sees: You're in: songs shared in "
                + "Friday Band come to you privately."));

        String trackId = (String) js("return [...document.querySelectorAll('.column.person')].length && "
                + "fetch('/sandbox/spotify/tracks').then(r => r.json()).then(t => t[0].id)");
        new Select(driver.findElement(By.cssSelector(group + " select.actor"))).selectByValue(Long.toString(ALICE));
        WebElement groupInput = driver.findElement(By.cssSelector(group + " .chat-input"));
        groupInput.sendKeys("/send@SendSongsSandboxBot https://open.spotify.com/track/" + trackId + " for the band",
                Keys.ENTER);

        await("the song in Bob's private chat", d -> text(person(BOB)).contains("Alice Archer shared a song in "
                + "Friday Band"));
        await("the song's message in the group", d -> text(group).contains("Played by 0 of 1 so far."));
        click(By.cssSelector(person(BOB) + " .play-button[data-track='" + trackId + "']"));
        click(By.cssSelector(".advance[data-seconds='300']"));
        await("the group's message edited with Bob's play", d -> text(group).contains("Played by 1 of 1: Bob Fisher.")
                && text(group).contains("edited"));
        assertThat(text(person(ALICE))).contains("Bob Fisher listened to");
        assertNoBrowserErrors();
    }

    /** /start, then Connect Spotify in the popup, then the prefilled /register line sent. */
    private void register(long id, String name) {
        click(By.cssSelector(person(id) + " .quick-command"));
        await(name + "'s welcome", d -> text(person(id)).contains("Hi! I'm Send Songs"));
        Set<String> windows = driver.getWindowHandles();
        click(By.cssSelector(person(id) + " .connect-button"));
        String popup = await("the consent popup", d -> d.getWindowHandles().stream()
                .filter(h -> !windows.contains(h)).findFirst().orElse(null));
        driver.switchTo().window(popup);
        try {
            await("the consent form filled in", d -> ("tg-" + id).equals(d.findElement(By.id("sandbox-user"))
                    .getDomProperty("value")));
            driver.findElement(By.id("agree")).click();
        } finally {
            driver.switchTo().window(pageWindow);
        }
        WebElement input = driver.findElement(By.cssSelector(person(id) + " .chat-input"));
        await("the register line", d -> String.valueOf(input.getDomProperty("value")).startsWith("/register code:"));
        assertThat(input.getDomProperty("value")).endsWith("name:\"" + name + "\"");
        input.sendKeys(Keys.ENTER);
        await(name + " registered", d -> text(person(id)).contains("Welcome, " + name + "!"));
    }

    private static String person(long id) {
        return ".column.person[data-id='" + id + "']";
    }

    private String text(String selector) {
        return driver.findElement(By.cssSelector(selector + " .chat")).getText();
    }

    private <T> T await(String what, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait.withMessage(what).until(condition);
    }

    private void click(By by) {
        await("to click " + by, d -> {
            try {
                d.findElement(by).click();
                return true;
            } catch (ElementNotInteractableException e) {
                return null;
            }
        });
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1]; "
                + "Promise.resolve(" + script.replaceFirst("^return ", "") + ").then(done);");
    }

    /** No uncaught exceptions, console errors or failed requests, the consent popup's aside. */
    private void assertNoBrowserErrors() {
        String base = demo.baseUrl();
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .filter(message -> !message.startsWith(base + "/sandbox/accounts/authorize")
                        && !message.startsWith(base + "/callback") && !message.startsWith(base + "/favicon.ico "))
                .toList();
        assertThat(errors).as("errors in the browser console").isEmpty();
    }
}
