package app.sendsongs.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.server.Demo;
import app.sendsongs.testsupport.SandboxControl;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The demo's Telegram view (server/src/main/resources/demo/telegram.html) in a real headless Chromium: two people
 * start the bot and register through the consent popup, make a group with it, one taps Count me in on the bot's
 * inline keyboard, the other shares a song there, and the group's message counts the play once the clock moves.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}; skipped without them unless {@code CI=true} or
 * {@code SEND_SONGS_BROWSER_TESTS=required}, where it fails.
 */
class TelegramPanelBrowserTest {
    private static final long ALICE = 1001;
    private static final long BOB = 1002;
    @RegisterExtension
    static final Chromium CHROMIUM = Chromium.inWindow(1600, 900);

    @TempDir
    Path dir;
    private Demo demo;
    private BrowserSession browser;

    @BeforeEach
    void start() throws Exception {
        BrowserSession.requireBrowser();
        demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", dir.resolve("send-songs.db").toString(),
                "TICK_SECONDS", "3600"));
        browser = CHROMIUM.open(demo.baseUrl(), "/telegram");
        browser.await("the two people's columns", d -> d.findElements(By.cssSelector(".column.person")).size() == 2);
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
    void aSongSharedInAGroupReachesWhoTappedCountMeInAndTheGroupMessageCountsThePlay() {
        register(ALICE, "Alice Archer");
        register(BOB, "Bob Fisher");

        WebElement title = browser.find(By.id("add-group-title"));
        title.sendKeys("Friday Band", Keys.ENTER);
        String group = ".column.group-chat";
        WebElement countMeIn = browser.await("the bot's welcome with its inline keyboard in the group", d ->
                d.findElements(By.cssSelector(group + " .msg.bot .keyboard button[data-data='join']")).stream()
                        .findFirst().orElse(null));
        assertThat(countMeIn.getText()).isEqualTo("Count me in");
        new Select(browser.find(By.cssSelector(group + " select.actor"))).selectByValue(Long.toString(BOB));
        browser.click(By.cssSelector(group + " .msg.bot .keyboard button[data-data='join']"));
        browser.await("the tap's answer, seen by Bob only", d -> text(group).contains("Bob sees: You're in: songs "
                + "shared in Friday Band come to you privately."));

        String trackId = new SandboxControl(demo.baseUrl()).trackIds().getFirst();
        new Select(browser.find(By.cssSelector(group + " select.actor"))).selectByValue(Long.toString(ALICE));
        WebElement groupInput = browser.find(By.cssSelector(group + " .chat-input"));
        groupInput.sendKeys("/send@SendSongsSandboxBot https://open.spotify.com/track/" + trackId + " for the band",
                Keys.ENTER);

        browser.await("the song in Bob's private chat",
                d -> text(person(BOB)).contains("Alice Archer shared a song in Friday Band"));
        browser.await("the song's message in the group", d -> text(group).contains("Played by 0 of 1 so far."));
        browser.click(By.cssSelector(person(BOB) + " .play-button[data-track='" + trackId + "']"));
        browser.click(By.cssSelector(".advance[data-seconds='300']"));
        browser.await("the group's message edited with Bob's play",
                d -> text(group).contains("Played by 1 of 1: Bob Fisher.") && text(group).contains("edited"));
        assertThat(text(person(ALICE))).contains("Bob Fisher listened to");
        browser.assertNoBrowserErrors();
    }

    @Test
    void anInvitesStartLinkOpensAsTheChosenPersonWhoIsToldWhoseSongWaits() {
        register(ALICE, "Alice Archer");
        String trackId = new SandboxControl(demo.baseUrl()).trackIds().getFirst();
        WebElement input = browser.find(By.cssSelector(person(ALICE) + " .chat-input"));
        input.sendKeys("/send name:\"Carol Jones\" https://open.spotify.com/track/" + trackId, Keys.ENTER);
        browser.await("the invite's links in Alice's chat", d -> text(person(ALICE)).contains("Forward them the link"));

        browser.click(By.cssSelector(person(ALICE) + " a.start-link"));
        browser.click(By.cssSelector(person(ALICE) + " button.open-as-person[data-id='" + BOB + "']"));

        browser.await("Bob, not registered, told whose song waits", d -> text(person(BOB)).contains("Alice Archer "
                + "sent you a song") && text(person(BOB)).contains("Sign up below and it's yours."));
        browser.assertNoBrowserErrors();
    }

    @Test
    void anInvitesMessengerLinkOpensTheDemosMessengerViewWhereSomeoneThereOpensIt() {
        register(ALICE, "Alice Archer");
        String trackId = new SandboxControl(demo.baseUrl()).trackIds().getFirst();
        browser.find(By.cssSelector(person(ALICE) + " .chat-input")).sendKeys("/send name:\"Carol Jones\" "
                + "https://open.spotify.com/track/" + trackId, Keys.ENTER);
        WebElement link = browser.await("the invite's Messenger link", d -> d.findElements(By.cssSelector(person(ALICE)
                + " .chat a[href*='m.me/'], " + person(ALICE) + " .chat a.messenger-link")).stream().findFirst()
                .orElse(null));
        assertThat(link.getDomProperty("href")).as("a link that stays in the sandbox")
                .startsWith(demo.baseUrl() + "/?ref=invite-");

        browser.inPopup(By.cssSelector(person(ALICE) + " a.messenger-link"), view -> {
            browser.awaitCatalogue();
            browser.click(By.cssSelector("#opened-link button.open-as-person[data-psid='bob']"));
            browser.awaitBot("bob", 0, text -> text.startsWith("Alice Archer sent you a song"));
            assertThat(view.getCurrentUrl()).isEqualTo(demo.baseUrl() + "/");
            browser.assertNoBrowserErrors();
            return true;
        });
        browser.assertNoBrowserErrors();
    }

    @Test
    void openInSpotifyOnASandboxSongSaysWhereToPlayItInsteadOfOpeningTheRealSpotify() {
        register(BOB, "Bob Fisher");
        String trackId = new SandboxControl(demo.baseUrl()).trackIds().get(1);
        browser.find(By.cssSelector(person(BOB) + " .chat-input")).sendKeys("https://open.spotify.com/track/"
                + trackId, Keys.ENTER);
        By open = By.xpath("//section[@data-id='" + BOB + "']//a[contains(normalize-space(), 'Open in Spotify')]");
        browser.await("the song's card with Open in Spotify", d -> !d.findElements(open).isEmpty());
        browser.awaitPopupsClosed(); // the consent popup of the registration closes on its own, some time after
        int windows = browser.windowCount();

        browser.click(open);

        browser.await("the notice", d -> d.findElement(By.id("toast")).getText().contains("only in the sandbox"));
        assertThat(browser.windowCount()).as("no tab opened on open.spotify.com").isEqualTo(windows);
        browser.assertNoBrowserErrors();
    }

    @Test
    void theHeadersConnectButtonSaysReconnectOnceThePersonIsConnectedWithSpotify() {
        register(ALICE, "Alice Archer");

        browser.await("Alice's header offering to reconnect", d -> d.findElement(By.cssSelector(person(ALICE)
                + " .connect-button")).getText().equals("Reconnect Spotify"));
        assertThat(browser.find(By.cssSelector(person(BOB) + " .connect-button")).getText())
                .isEqualTo("Connect Spotify");
        browser.assertNoBrowserErrors();
    }

    @Test
    void aTappedChoiceLeavesItsMessageAndACommandInTheBotsTextIsATap() {
        String chat = person(ALICE);
        browser.click(By.cssSelector(chat + " .quick-command"));
        browser.await("the welcome's choices", d -> !d.findElements(By.cssSelector(chat
                + " .msg.bot .keyboard button[data-data='connect lastfm']")).isEmpty());

        browser.click(By.cssSelector(chat + " .msg.bot .keyboard button[data-data='connect lastfm']"));

        browser.await("the answer, and the choices gone from the welcome", d -> text(chat)
                .contains("your own link to connect Last.fm") && d.findElements(By.cssSelector(chat + " .keyboard"))
                .isEmpty() && text(chat).contains("edited"));
        browser.click(By.xpath("//section[@data-id='" + ALICE + "']//button[@class='quick-command' and text()='/help']"));
        browser.await("the help's commands as taps", d -> !d.findElements(By.xpath("//section[@data-id='" + ALICE
                + "']//a[@class='bot-command' and text()='/pending']")).isEmpty());
        int mine = browser.await("Alice's messages", d -> d.findElements(By.cssSelector(chat + " .msg.mine")).size());
        browser.click(By.xpath("(//section[@data-id='" + ALICE + "']//a[@class='bot-command' and text()='/pending'])[1]"));
        browser.await("/pending sent by the tap", d -> d.findElements(By.cssSelector(chat + " .msg.mine")).size() > mine
                && d.findElements(By.cssSelector(chat + " .msg.mine")).getLast().getText().startsWith("/pending"));
        browser.assertNoBrowserErrors();
    }

    @Test
    void someoneOnTelegramConnectsLastfmThroughTheBotsLinkAndTheirScrobbleOfASongIsHeard() {
        String chat = person(ALICE);
        browser.click(By.cssSelector(chat + " .quick-command"));
        browser.click(By.cssSelector(chat + " .msg.bot .keyboard button[data-data='connect lastfm']"));
        browser.inPopup(By.cssSelector(chat + " .msg.bot a.connect-link[href*='/connect/lastfm']"), popup -> {
            browser.await("the consent form filled in with Last.fm user tg-1001",
                    d -> "tg-1001".equals(d.findElement(By.id("sandbox-user")).getDomProperty("value")));
            popup.findElement(By.id("agree")).click();
            return true;
        });
        browser.await("Alice registered at once", d -> text(chat).contains("Welcome, Alice Archer! You're "
                + "connected with Last.fm."));
        browser.awaitPopupsClosed();
        browser.await("Alice's panel connected", d -> d.findElement(By.cssSelector(chat + " .spotify h3")).getText()
                .replaceAll("\\s+", " ").equals("Last.fm tg-1001 · connected ✓"));

        register(BOB, "Bob Fisher");
        String trackId = new SandboxControl(demo.baseUrl()).trackIds().get(3);
        browser.find(By.cssSelector(person(BOB) + " .chat-input")).sendKeys("/send name:\"Alice Archer\" "
                + "https://open.spotify.com/track/" + trackId, Keys.ENTER);
        browser.click(By.cssSelector(chat + " .play-button[data-track='" + trackId + "']"));
        browser.await("the play's toast", d -> d.findElement(By.id("toast")).getText().contains("on Last.fm"));
        browser.click(By.cssSelector(".advance[data-seconds='3600']"));
        browser.await("Bob told that Alice listened", d -> text(person(BOB)).contains("Alice Archer listened to"));

        // Alice starts connecting Spotify and gives up: the bot still reads Last.fm, and so does her panel.
        browser.inPopup(By.cssSelector(chat + " .connect-button"), popup -> {
            popup.close();
            return true;
        });
        browser.awaitPopupsClosed();
        browser.await(() -> "Alice's panel on Last.fm still, not " + panel(ALICE), d -> panel(ALICE)
                .equals("Last.fm tg-1001 · connected ✓"));
        browser.assertNoBrowserErrors();
    }

    @Test
    void aSongSomeoneIsAboutToSendIsNotAmongTheSongsSentToThem() {
        register(BOB, "Bob Fisher");
        String trackId = new SandboxControl(demo.baseUrl()).trackIds().get(2);
        browser.find(By.cssSelector(person(BOB) + " .chat-input")).sendKeys("https://open.spotify.com/track/"
                + trackId, Keys.ENTER);
        browser.await("the song's card and its question", d -> text(person(BOB)).contains("Who is it for?"));
        assertThat(browser.find(By.cssSelector(person(BOB) + " .spotify")).getText())
                .contains("Songs sent to Bob appear here to play.");
        assertThat(browser.findAll(By.cssSelector(person(BOB) + " .play-button"))).isEmpty();
        browser.assertNoBrowserErrors();
    }

    @Test
    void onAPhoneEachChatTakesTheWholeWidthWithItsNameInFull() throws Exception {
        browser.close();
        browser = Chromium.onPhone(390, 844).openAlone(demo.baseUrl(), "/telegram");
        browser.await("the two people's columns", d -> d.findElements(By.cssSelector(".column.person")).size() == 2);
        assertThat(browser.js("return document.documentElement.scrollWidth")).as("no sideways scrolling of the page")
                .isEqualTo(390L);
        for (WebElement column : browser.findAll(By.cssSelector(".column.person"))) {
            assertThat(((Number) browser.js("return arguments[0].getBoundingClientRect().width", column)).doubleValue())
                    .as("a chat as wide as the screen, less the margins").isGreaterThan(360);
            assertThat(browser.js("const h = arguments[0]; return h.scrollWidth <= h.clientWidth",
                    column.findElement(By.cssSelector(".who h2")))).as("the name not cut off").isEqualTo(true);
        }
        browser.assertNoBrowserErrors();
    }

    @Test
    void thePanelShowsWhereTheBotKnowsSomeoneListensThoughTheyRegisteredElsewhere() {
        String panel = person(BOB) + " .spotify h3";
        browser.await("Bob not connected yet", d -> d.findElement(By.cssSelector(panel)).getText()
                .replaceAll("\\s+", " ").equals("Spotify tg-1002 · not connected yet"));
        SandboxControl control = new SandboxControl(demo.baseUrl());
        String code = control.connectSpotify("bob-elsewhere");
        control.telegramSays(BOB, "Bob", "/register code:\"" + code + "\" name:\"Bob Fisher\"");
        browser.await("Bob's panel with the Spotify user he agreed as", d -> d.findElement(By.cssSelector(panel))
                .getText().replaceAll("\\s+", " ").equals("Spotify bob-elsewhere · connected ✓"));
        browser.assertNoBrowserErrors();
    }

    @Test
    void theCodeTheCallbackPagePostsFillsTheRegisterLineAndClosesThePopup() {
        browser.inPopup(By.cssSelector(person(ALICE) + " .connect-button"), popup -> {
            browser.await("the consent form", d -> !d.findElements(By.id("sandbox-user")).isEmpty());
            // what the callback page does as it loads, before the page could read the code from it
            return browser.js("window.opener.postMessage({type: 'registration-code', code: 'ABCD-EFGH'},"
                    + " location.origin)");
        });
        WebElement input = browser.find(By.cssSelector(person(ALICE) + " .chat-input"));
        browser.await("the register line", d -> "/register code:\"ABCD-EFGH\" name:\"Alice Archer\""
                .equals(input.getDomProperty("value")));
        browser.awaitPopupsClosed();
        browser.assertNoBrowserErrors();
    }

    @Test
    void afterTheDemoServerRestartsTheGroupsItForgotLeaveThePageWithoutAReload() {
        browser.find(By.id("add-group-title")).sendKeys("Friday Band", Keys.ENTER);
        browser.await("the group's column", d -> !d.findElements(By.cssSelector(".column.group-chat")).isEmpty());
        browser.click(By.cssSelector(person(ALICE) + " .quick-command"));
        browser.await("Alice's welcome", d -> text(person(ALICE)).contains("Hi! I'm Send Songs"));

        String port = Integer.toString(demo.server().port());
        demo.close();
        browser.await("the page saying the server is not answering", d -> d.findElement(By.id("status")).getText()
                .contains("not answering"));
        demo = Demo.start(Map.of("PORT", port, "SQLITE_PATH", dir.resolve("again.db").toString(),
                "TICK_SECONDS", "3600"));

        browser.await(() -> "the new run's chats only, not " + browser.pageText(), d -> d.findElements(
                By.cssSelector(".column.group-chat")).isEmpty() && !text(person(ALICE)).contains("Hi! I'm Send Songs")
                && d.findElement(By.id("status")).getText().isEmpty());
        browser.clearBrowserLog();
        browser.find(By.id("add-group-title")).sendKeys("Sunday Band", Keys.ENTER);
        browser.await("a new group in the new run", d -> d.findElements(By.cssSelector(".column.group-chat")).size() == 1
                && text(".column.group-chat").contains("Count me in"));
        browser.assertNoBrowserErrors();
    }

    @Test
    void aSourceOnTheWelcomeTappedAfterConnectingFromTheHeaderSaysThePersonIsConnectedAlready() {
        register(ALICE, "Alice Archer");
        String chat = person(ALICE);
        int mine = browser.findAll(By.cssSelector(chat + " .msg.bot")).size();

        browser.click(By.cssSelector(chat + " .msg.bot .keyboard button[data-data='connect spotify']"));

        String answer = browser.await("the bot's answer to the tap", d -> {
            List<WebElement> bot = d.findElements(By.cssSelector(chat + " .msg.bot .bubble"));
            return bot.size() > mine ? bot.getLast().getText() : null;
        });
        assertThat(answer).startsWith("You're already connected with Spotify (as tg-1001): I see what you play there, "
                + "so there's nothing to do.").doesNotContain("Welcome");
        browser.await("the welcome's sources gone", d -> d.findElements(By.cssSelector(
                chat + " .keyboard button[data-data^='connect ']")).isEmpty());
        assertThat(panel(ALICE)).isEqualTo("Spotify tg-1001 · connected ✓");
        browser.assertNoBrowserErrors();
    }

    @Test
    void aPhotoSentWithTheAttachButtonShowsInTheChatAndIsAnsweredWithTheQuestionAgain() {
        register(ALICE, "Alice Archer");
        String trackId = new SandboxControl(demo.baseUrl()).trackIds().getFirst();
        String chat = person(ALICE);
        browser.find(By.cssSelector(chat + " .chat-input")).sendKeys("https://open.spotify.com/track/" + trackId,
                Keys.ENTER);
        browser.await("the bot asking who it is for", d -> lastBot(chat).startsWith("Who is "));

        browser.click(By.cssSelector(chat + " button.attach-button"));
        browser.click(By.cssSelector(chat + " .attach-menu button[data-kind='photo']"));

        String answer = browser.await("the bot's answer to the photo", d -> lastBot(chat).startsWith("I can't read")
                ? lastBot(chat) : null);
        assertThat(answer).startsWith("I can't read photos, only text. Who is ").contains(" for?");
        assertThat(browser.findAll(By.cssSelector(chat + " .msg.mine .bubble.media"))).extracting(WebElement::getText)
                .containsExactly("📷 Photo");
        browser.assertNoBrowserErrors();
    }

    /** The text of the bot's last message in the chat, or "" before it has one. */
    private String lastBot(String chat) {
        List<WebElement> bot = browser.findAll(By.cssSelector(chat + " .msg.bot .bubble"));
        return bot.isEmpty() ? "" : bot.getLast().getText();
    }

    /** /start, then Connect Spotify in the popup, then the prefilled /register line sent. */
    private void register(long id, String name) {
        browser.click(By.cssSelector(person(id) + " .quick-command"));
        browser.await(name + "'s welcome", d -> text(person(id)).contains("Hi! I'm Send Songs"));
        browser.inPopup(By.cssSelector(person(id) + " .connect-button"), popup -> {
            browser.await("the consent form filled in",
                    d -> ("tg-" + id).equals(d.findElement(By.id("sandbox-user")).getDomProperty("value")));
            popup.findElement(By.id("agree")).click();
            return true;
        });
        WebElement input = browser.find(By.cssSelector(person(id) + " .chat-input"));
        browser.await("the register line", d -> String.valueOf(input.getDomProperty("value"))
                .startsWith("/register code:"));
        assertThat(input.getDomProperty("value")).endsWith("name:\"" + name + "\"");
        input.sendKeys(Keys.ENTER);
        browser.await(name + " registered", d -> text(person(id)).contains("Welcome, " + name + "!"));
    }

    /** The head of the person's listening panel: their source, their user there, and whether the bot reads it. */
    private String panel(long id) {
        return browser.find(By.cssSelector(person(id) + " .spotify h3")).getText().replaceAll("\\s+", " ");
    }

    private static String person(long id) {
        return ".column.person[data-id='" + id + "']";
    }

    private String text(String selector) {
        return browser.find(By.cssSelector(selector + " .chat")).getText();
    }
}
