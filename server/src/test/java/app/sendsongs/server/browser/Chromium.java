package app.sendsongs.server.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) on one screen. Starting it takes seconds, so
 * a test class keeps one, as a static extension that starts it as the class begins and quits it after the class, and
 * each test opens its demo page in a browser context of its own ({@link #open}), as in a new profile. One made in a
 * test starts when it first opens a page.
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final Consumer<ChromeOptions> screen;
    private ChromeDriverService service;
    private ChromeDriver driver;
    private Path profile;
    /** The window the browser starts with, in its default context: open while tests' contexts come and go. */
    private String home;
    /**
     * The browser context of the next test, made while its demo server starts (the browser too, before the first test)
     * and the one of the test before stops: the driver takes a while to attach to a new window.
     */
    private CompletableFuture<String> next;

    private Chromium(Consumer<ChromeOptions> screen) {
        this.screen = screen;
    }

    /** A desktop window of {@code width} × {@code height}. */
    static Chromium inWindow(int width, int height) {
        return new Chromium(options -> options.addArguments("--window-size=" + width + "," + height));
    }

    /** A phone's screen of {@code width} × {@code height}, emulated: Chromium's windows are 500 pixels wide at least. */
    static Chromium onPhone(int width, int height) {
        return new Chromium(options -> options.setExperimentalOption("mobileEmulation",
                Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 1.0))));
    }

    /**
     * The page at {@code base + path} in a new window of a browser context of its own, as in a new profile: no
     * storage, cookies or open connections of an earlier test's, and the browser's console read so far set aside.
     * Closing the session closes the context with every window the test opened in it.
     */
    BrowserSession open(String base, String path) {
        String context = load(base, path);
        return new BrowserSession(driver, base, () -> closeContext(context));
    }

    /** As {@link #open}, the browser quit when the session closes. */
    BrowserSession openAlone(String base, String path) {
        load(base, path);
        return new BrowserSession(driver, base, this::close);
    }

    /** Opens the page in a new context; returns the context's id. */
    private String load(String base, String path) {
        String context = nextContext();
        driver.manage().logs().get(LogType.BROWSER);
        driver.get(base + path);
        return context;
    }

    /** The context made for this test, or a new one; when making it failed, in a browser started again. */
    private String nextContext() {
        CompletableFuture<String> made = next;
        next = null;
        if (made != null) {
            try {
                return made.join();
            } catch (CompletionException e) {
                quit();
            }
        }
        if (driver == null) {
            start();
        }
        return newContext();
    }

    /** A new browser context with a blank window, the driver on it; returns the context's id. */
    private String newContext() {
        String context = (String) cdp("Target.createBrowserContext", Map.of()).get("browserContextId");
        String handle = (String) cdp("Target.createTarget", Map.of("url", "about:blank", "browserContextId", context))
                .get("targetId");
        driver.switchTo().window(handle);
        return context;
    }

    /**
     * The Debian driver and browser, named explicitly, so Selenium Manager never looks for (or downloads) any. The
     * profile is new: nothing stays from an earlier run.
     */
    private void start() {
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        // Debian's Chromium is often newer than the DevTools versions Selenium bundles; the few commands sent to the
        // browser here go by name, through none of them.
        Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder").setLevel(Level.SEVERE);
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort()
                .withSilent(true).build();
        ChromeOptions options = new ChromeOptions().setBinary(BINARY.toString())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile);
        screen.accept(options);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            quit();
            throw e;
        }
        home = driver.getWindowHandle();
    }

    /**
     * After a test: its context closed, with its windows and its connections to the test's demo server (which then
     * stops at once instead of waiting for them), back on the first window once the driver sees no other. When that
     * fails the browser is quit, and the next test starts another.
     */
    private void closeContext(String context) {
        if (driver == null) {
            return;
        }
        try {
            driver.switchTo().window(home);
            cdp("Target.disposeBrowserContext", Map.of("browserContextId", context));
            // The context's windows may be listed a moment longer: the next test counts the windows its page opens.
            new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50)).withMessage("the windows closed")
                    .until(d -> d.getWindowHandles().equals(Set.of(home)));
            prepare(this::newContext);
        } catch (RuntimeException e) {
            quit();
        }
    }

    /** A command to the browser itself, not to one of its pages. */
    private Map<?, ?> cdp(String method, Map<String, Object> params) {
        return driver.getDevTools().send(new Command<>(method, params, Map.class));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (Files.isExecutable(BINARY) && Files.isExecutable(DRIVER)) {
            prepare(() -> {
                start();
                return newContext();
            });
        }
    }

    private void prepare(Supplier<String> context) {
        next = CompletableFuture.supplyAsync(context, task -> Thread.ofPlatform().daemon().start(task));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Quits the browser once the context being made for a next test, if any, is made. */
    @Override
    public void close() {
        if (next != null) {
            next.exceptionally(failed -> null).join();
            next = null;
        }
        quit();
    }

    private void quit() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
                service = null;
            }
            deleteProfile();
        }
    }

    private void deleteProfile() {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a file Chromium wrote as it quit: the temporary folder is the system's to clear
        }
        profile = null;
    }
}
