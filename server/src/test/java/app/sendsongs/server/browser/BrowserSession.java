package app.sendsongs.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A demo page open in headless Chromium ({@link Chromium}), with what a test reads and does on it: waits, clicks that
 * wait until nothing covers the element, popups, the browser's console; and on the Messenger page
 * (server/src/main/resources/demo/index.html) a person's column, their input, the bot's texts, cards and quick replies.
 */
final class BrowserSession implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    /**
     * Pages a demo page opens in popups (consent, callback): their console entries are in the same log, prefixed with
     * their address, and are not the demo page's.
     */
    private static final List<String> POPUP_PAGES = List.of("/sandbox/accounts/authorize", "/sandbox/lastfm/api/auth",
            "/callback");

    private final WebDriver driver;
    private final String base;
    /** How many windows the browser had open with the page in one of them: the page's popups are the ones beyond. */
    private final int windows;
    /** What closing the session does to its browser: closes the page's browser context, or quits the browser. */
    private final Runnable done;

    BrowserSession(WebDriver driver, String base, Runnable done) {
        this.driver = driver;
        this.base = base;
        this.windows = driver.getWindowHandles().size();
        this.done = done;
    }

    /** Skips the test, or under CI fails it, when the browser is not installed. */
    static void requireBrowser() {
        if (Files.isExecutable(Chromium.BINARY) && Files.isExecutable(Chromium.DRIVER)) {
            return;
        }
        String message = "the browser tests need " + Chromium.BINARY + " and " + Chromium.DRIVER
                + ": install the Debian packages chromium and chromium-driver";
        if ("true".equals(System.getenv("CI")) || "required".equals(System.getenv("SEND_SONGS_BROWSER_TESTS"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }

    /** Closes the page's browser context, or quits the browser (see {@link Chromium}). */
    @Override
    public void close() {
        done.run();
    }

    /** Waits up to {@link #TIMEOUT} for the condition to give a value other than null or false. */
    <T> T await(String what, Function<WebDriver, T> condition) {
        return waitUpTo(TIMEOUT).withMessage(what).until(condition);
    }

    /** As {@link #await(String, Function)}, waiting only {@code within}. */
    <T> T await(String what, Duration within, Function<WebDriver, T> condition) {
        return waitUpTo(within).withMessage(what).until(condition);
    }

    /** As {@link #await(String, Function)}, saying what was awaited (and what was seen) only when it times out. */
    <T> T await(Supplier<String> what, Function<WebDriver, T> condition) {
        return waitUpTo(TIMEOUT).withMessage(what).until(condition);
    }

    /** An explicit wait polling every 100 ms; the pages re-render chats as they poll, so stale elements are retried. */
    private WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    void awaitCatalogue() {
        await("the catalogue", d -> !d.findElements(By.cssSelector("#catalogue-list .track")).isEmpty());
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /**
     * Clicks {@code opener}, does {@code inside} in the popup window it opens, and comes back to the page's window
     * whatever happened there; returns what {@code inside} gave.
     */
    <T> T inPopup(By opener, Function<WebDriver, T> inside) {
        String page = driver.getWindowHandle();
        Set<String> windows = driver.getWindowHandles();
        click(opener);
        String popup = await("the popup", d -> d.getWindowHandles().stream().filter(h -> !windows.contains(h))
                .findFirst().orElse(null));
        driver.switchTo().window(popup);
        try {
            return inside.apply(driver);
        } finally {
            driver.switchTo().window(page);
        }
    }

    /** How many windows and tabs the browser has open. */
    int windowCount() {
        return driver.getWindowHandles().size();
    }

    void awaitPopupsClosed() {
        await("the popup to close itself", d -> d.getWindowHandles().size() == windows);
    }

    WebElement column(String psid) {
        return await("the column of " + psid, d -> d.findElement(By.cssSelector(".person[data-psid='" + psid + "']")));
    }

    WebElement input(String psid) {
        return column(psid).findElement(By.cssSelector(".chat-input"));
    }

    By inColumn(String psid, String css) {
        return By.cssSelector(".person[data-psid='" + psid + "'] " + css);
    }

    /** Clicks once the element is there and nothing covers it, scrolled into view first. */
    void click(By by) {
        await("to click " + by, d -> {
            try {
                WebElement element = d.findElement(by);
                js("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element);
                element.click();
                return true;
            } catch (ElementNotInteractableException e) {
                return false;
            }
        });
    }

    void click(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element);
        element.click();
    }

    /**
     * Makes the window {@code width} × {@code height}, as a person resizing it would; the page gets what the window
     * leaves of it (headless Chromium leaves room for a browser's bars, as a window on a screen does).
     */
    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        await(() -> "the window at " + width + " × " + height + ", not " + js("return [outerWidth, outerHeight]"),
                d -> js("return [outerWidth, outerHeight, innerWidth]").equals(List.of((long) width, (long) height,
                        (long) width)));
    }

    /** The height in pixels that the element takes on the page. */
    double height(WebElement element) {
        return ((Number) js("return arguments[0].getBoundingClientRect().height", element)).doubleValue();
    }

    /** Whether the element's middle shows on the screen, not covered, without scrolling anything. */
    boolean seen(WebElement element) {
        return Boolean.TRUE.equals(js("""
                const box = arguments[0].getBoundingClientRect();
                const seen = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
                return !!seen && arguments[0].contains(seen);""", element));
    }

    /** Opens another demo page ({@code base + path}) in the same window. */
    void open(String path) {
        driver.get(base + path);
    }

    /**
     * The form fields and controls of the page that a screen reader could not name: fields with no label, buttons and
     * links whose name (their text or aria-label) is a lone symbol or nothing.
     */
    @SuppressWarnings("unchecked")
    List<String> unnamedControls() {
        return (List<String>) js("""
                const unnamed = [];
                for (const field of document.querySelectorAll("input, select, textarea")) {
                  const label = field.getAttribute("aria-label") || field.closest("label")
                    || (field.id && document.querySelector("label[for='" + field.id + "']"));
                  if (!label) unnamed.push(field.outerHTML.slice(0, 120));
                }
                for (const control of document.querySelectorAll("button, a[href]")) {
                  const name = (control.getAttribute("aria-label") || control.textContent || "").trim();
                  if (name.length < 2) unnamed.push(control.outerHTML.slice(0, 120));
                }
                return unnamed;""");
    }

    /** Presses a key where the focus is, as a person at the keyboard does. */
    void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    /** The texts of the bot's text messages in a person's chat, oldest first. */
    @SuppressWarnings("unchecked")
    List<String> botTexts(String psid) {
        return (List<String>) js("return [...document.querySelectorAll(arguments[0])].map(m => m.textContent)",
                ".person[data-psid='" + psid + "'] .msg.bot .text");
    }

    @SuppressWarnings("unchecked")
    List<String> ownTexts(String psid) {
        return (List<String>) js("return [...document.querySelectorAll(arguments[0])].map(m => m.textContent)",
                ".person[data-psid='" + psid + "'] .msg.me .text");
    }

    /** The titles of the quick replies shown in the person's chat. */
    @SuppressWarnings("unchecked")
    List<String> quickReplies(String psid) {
        return (List<String>) js("return [...document.querySelectorAll(arguments[0])].map(b => b.textContent)",
                ".person[data-psid='" + psid + "'] button.quick-reply");
    }

    By quickReply(String psid, String title) {
        return By.xpath("//section[@data-psid='" + psid + "']//button[contains(@class,'quick-reply')][normalize-space()="
                + "'" + title + "']");
    }

    /** The person's last song card, or null when they have none. */
    WebElement lastCard(String psid) {
        List<WebElement> cards = column(psid).findElements(By.cssSelector(".msg.bot .card-msg"));
        return cards.isEmpty() ? null : cards.getLast();
    }

    /** Waits for a bot text to psid, after the first {@code since} ones, that matches; returns it. */
    String awaitBot(String psid, int since, Predicate<String> matching) {
        return waitUpTo(TIMEOUT).withMessage(() -> "a bot message to " + psid + " (so far: " + botTexts(psid) + ")")
                .until(d -> firstBot(psid, since, matching));
    }

    /** As {@link #awaitBot}, waiting only {@code within}; empty when no such text came by then. */
    Optional<String> botWithin(String psid, int since, Predicate<String> matching, Duration within) {
        try {
            return Optional.of(waitUpTo(within).until(d -> firstBot(psid, since, matching)));
        } catch (TimeoutException e) {
            return Optional.empty();
        }
    }

    private String firstBot(String psid, int since, Predicate<String> matching) {
        List<String> texts = botTexts(psid);
        return texts.subList(Math.min(since, texts.size()), texts.size()).stream().filter(matching).findFirst()
                .orElse(null);
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Adds a person with the page's own form; their psid is their first name in lower case. */
    void addPerson(String name) {
        click(By.id("add-person"));
        WebElement field = await("the add person form", d -> Optional.of(d.findElement(By.id("add-person-name")))
                .filter(WebElement::isDisplayed).orElse(null));
        field.sendKeys(name, Keys.ENTER);
        column(name.split(" ")[0].toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * From now on the page's requests to URLs matching these patterns ({@code *} for any text) fail, as on a phone
     * that has not heard from the server yet; none given, every request goes through again.
     */
    void blockRequests(String... patterns) {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of(patterns)));
    }

    /** The {@code message_id} of the bot's last message shown in the person's chat. */
    String lastBotMessageId(String psid) {
        return (String) js("const m = document.querySelectorAll(arguments[0]); return m.length ? m[m.length - 1]"
                + ".dataset.id : null", ".person[data-psid='" + psid + "'] .msg.bot");
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Sets aside what the browser's console holds so far (the failed requests of a server that was down). */
    void clearBrowserLog() {
        driver.manage().logs().get(LogType.BROWSER);
    }

    /**
     * No uncaught exception, console error or failed request on the demo page (Chromium logs all three as SEVERE).
     * The entries of its popups' pages, and favicon requests, are left out: they are not the demo page's.
     */
    void assertNoBrowserErrors() {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> POPUP_PAGES.stream().noneMatch(page -> message.startsWith(base + page))
                        && !message.startsWith(base + "/favicon.ico "))
                .toList();
        assertThat(errors).as("errors in the browser console").isEmpty();
    }
}
