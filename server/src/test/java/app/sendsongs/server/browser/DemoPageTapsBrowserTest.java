package app.sendsongs.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.sandbox.MessengerEmulator.Profile;
import app.sendsongs.server.Demo;
import app.sendsongs.testsupport.SandboxControl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The demo page as the Messenger app on a phone (400 pixels wide), in real headless Chromium: a pasted link shared by
 * taps on quick replies, the song's card with its cover and buttons, the persistent menu and an m.me link opened by
 * the friend it was forwarded to. Every tap sends the event Messenger would (a quick reply, a postback, a referral).
 * Alice and Bob register over HTTP before the page opens; {@link DemoPageBrowserTest} covers registering on the page.
 */
class DemoPageTapsBrowserTest {
    private static final String LINK = "https://open.spotify.com/track/";
    private static final Pattern CODE = Pattern.compile("id=\"registration-code\">([^<]+)<");
    @RegisterExtension
    static final Chromium CHROMIUM = Chromium.onPhone(400, 900);

    @TempDir
    Path dir;
    private Demo demo;
    private SandboxControl control;
    private BrowserSession browser;
    /** Keeps cookies as a browser does: the connect round trip is bound to the browser that began it. */
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new java.net.CookieManager()).build();

    @BeforeEach
    void start() throws Exception {
        BrowserSession.requireBrowser();
        demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", dir.resolve("send-songs.db").toString(),
                "TICK_SECONDS", "3600"));
        control = new SandboxControl(demo.baseUrl());
        register("alice", "Alice Smith");
        register("bob", "Bob Fisher");
        browser = CHROMIUM.open(demo.baseUrl(), "/");
        browser.awaitCatalogue();
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
    void aPastedLinkIsSharedByTappingQuickRepliesOnAPhoneSizedPage() {
        List<String> tracks = control.trackIds();
        control.say("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.get(4)); // Bob is now a contact
        browser.awaitBot("bob", 0, text -> text.startsWith("🎵 Alice Smith sent you a song"));
        assertThat(browser.js("return document.documentElement.scrollWidth")).as("no sideways scrolling at 400 px")
                .isEqualTo(400L);

        int before = browser.botTexts("alice").size();
        browser.input("alice").sendKeys(LINK + tracks.get(1) + "?si=0f3e", Keys.ENTER);

        browser.awaitBot("alice", before, text -> text.equals("Who is it for?"));
        WebElement card = browser.await("the song's card", d -> browser.lastCard("alice"));
        String title = card.findElement(By.cssSelector(".card-title")).getText();
        String artists = card.findElement(By.cssSelector(".card-subtitle")).getText();
        assertThat(card.findElement(By.cssSelector("img.cover")).getDomAttribute("src"))
                .startsWith("data:image/svg+xml,");
        assertThat(browser.quickReplies("alice")).containsExactly("Bob Fisher", "Someone else");

        browser.click(browser.quickReply("alice", "Bob Fisher"));
        browser.awaitBot("alice", before, text -> text.startsWith("Send " + title + " by "));
        assertThat(browser.quickReplies("alice")).as("the tapped ones are gone; the new question's are there")
                .containsExactly("Send", "Add a note", "Note for after", "Someone else", "Don't send");
        assertThat(browser.ownTexts("alice")).contains("Bob Fisher");

        browser.click(browser.quickReply("alice", "Send"));
        browser.awaitBot("alice", before, text -> text.startsWith("Sent " + title + " by "));
        assertThat(browser.quickReplies("alice")).isEmpty();
        browser.awaitBot("bob", 0, text -> text.equals("🎵 Alice Smith sent you a song: " + title + " by " + artists));
        assertThat(browser.pageText()).as("the messaging type is Messenger's business, not the person's")
                .doesNotContain("UPDATE", "RESPONSE");
        browser.assertNoBrowserErrors();
    }

    @Test
    void theLikeButtonBesideTheMessageBoxSaysYesAsMessengersThumbsUpSticker() {
        int before = alicePastesALinkForBobToBeOffered();
        browser.click(browser.quickReply("alice", "Bob Fisher"));
        browser.awaitBot("alice", before, text -> text.startsWith("Send ") && text.contains(" to Bob Fisher?"));

        browser.click(browser.inColumn("alice", "button.chat-like"));

        browser.awaitBot("alice", before, text -> text.startsWith("Sent ") && text.contains(" to Bob Fisher."));
        assertThat(browser.ownTexts("alice")).contains("👍");
        browser.assertNoBrowserErrors();
    }

    @Test
    void aPhotoSentWithTheAttachButtonIsAnsweredAndTheQuestionAskedAgain() {
        int before = alicePastesALinkForBobToBeOffered();

        browser.click(browser.inColumn("alice", "button.attach-button"));
        assertThat(browser.js("return document.activeElement.dataset.kind")).as("the menu's first item has the focus")
                .isEqualTo("photo");
        assertThat(browser.find(browser.inColumn("alice", "button.attach-button")).getDomAttribute("aria-expanded"))
                .isEqualTo("true");
        assertThat(browser.findAll(browser.inColumn("alice", ".attach-menu button"))).extracting(WebElement::getText)
                .containsExactly("📷 Photo", "🎤 Voice message", "🎬 Video", "📄 File", "🐱 Sticker", "📍 Location");
        browser.click(browser.inColumn("alice", ".attach-menu button[data-kind='photo']"));

        browser.awaitBot("alice", before, text -> text.startsWith("I can't read photos, only text. Who is ")
                && text.endsWith(" for?"));
        assertThat(browser.ownTexts("alice")).contains("📷 Photo");
        assertThat(browser.find(browser.inColumn("alice", ".attach-menu")).isDisplayed()).isFalse();
        browser.await("the question's quick replies again", d -> browser.quickReplies("alice").contains("Bob Fisher"));
        browser.click(browser.quickReply("alice", "Bob Fisher"));
        browser.awaitBot("alice", before, text -> text.startsWith("Send ") && text.contains(" to Bob Fisher?"));
        browser.assertNoBrowserErrors();
    }

    @Test
    void theAttachMenuClosesOnEscapeWithTheFocusBackOnItsButton() {
        browser.click(browser.inColumn("bob", "button.attach-button"));
        browser.press(Keys.ARROW_DOWN);
        assertThat(browser.js("return document.activeElement.dataset.kind")).isEqualTo("voice");

        browser.press(Keys.ESCAPE);

        assertThat(browser.find(browser.inColumn("bob", ".attach-menu")).isDisplayed()).isFalse();
        assertThat(browser.js("return document.activeElement.classList.contains('attach-button')")).isEqualTo(true);
        assertThat(browser.unnamedControls()).isEmpty();
        browser.assertNoBrowserErrors();
    }

    @Test
    void aQuickReplyTappedBeforeTheBotsNewerMessageReachedThePageStillReachesTheBot() {
        List<String> tracks = control.trackIds();
        int before = alicePastesALinkForBobToBeOffered();
        browser.await("the song's card", d -> browser.lastCard("alice"));
        String shown = browser.lastBotMessageId("alice");

        browser.blockRequests("*/sandbox/messenger/inbox*"); // the bot's next message has not reached the page
        int sent = control.inboxMessages("alice").size();
        control.say("alice", LINK + tracks.get(2)); // from her other device: the bot asks about another song
        browser.await("the bot's newer question", d -> control.inboxMessages("alice").size() >= sent + 2);
        assertThat(browser.lastBotMessageId("alice")).as("the page still shows the older question").isEqualTo(shown);

        browser.click(browser.quickReply("alice", "Bob Fisher"));
        assertThat(browser.quickReplies("alice")).as("tapped, they are gone before the bot's answer shows").isEmpty();
        assertThat(browser.lastBotMessageId("alice")).isEqualTo(shown);
        browser.blockRequests();
        browser.awaitBot("alice", before, text -> text.startsWith("That tap was for ")
                && text.contains(", not the song you're sharing now, so I did nothing."));
        assertThat(browser.pageText()).doesNotContain("Not delivered to the bot");

        browser.await("the open question's quick replies", d -> browser.quickReplies("alice").contains("Bob Fisher"));
        browser.click(browser.quickReply("alice", "Bob Fisher"));
        browser.awaitBot("alice", before, text -> text.startsWith("Send ") && text.contains(" to Bob Fisher?"));
        assertThat(browser.pageText()).doesNotContain("Not delivered to the bot");
    }

    /**
     * Alice sends Bob a song, so he is a contact, then pastes the link of another in her column: "Who is it for?" with
     * Bob among its quick replies. The number of the bot's texts to her before the paste.
     */
    private int alicePastesALinkForBobToBeOffered() {
        List<String> tracks = control.trackIds();
        control.say("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.get(4));
        browser.awaitBot("bob", 0, text -> text.startsWith("🎵 Alice Smith sent you a song"));
        int before = browser.botTexts("alice").size();
        browser.input("alice").sendKeys(LINK + tracks.get(1), Keys.ENTER);
        browser.awaitBot("alice", before, text -> text.equals("Who is it for?"));
        browser.await("its quick replies", d -> browser.quickReplies("alice").contains("Bob Fisher"));
        return before;
    }

    @Test
    void theCardsButtonsTheMenuAndAnInviteLinkSendWhatMessengerSends() {
        String track = control.trackIds().get(2);
        control.say("alice", "send_song name:\"Bob Fisher\" " + LINK + track);
        WebElement card = browser.await("Bob's card", d -> browser.lastCard("bob"));
        assertThat(card.findElements(By.cssSelector(".card-button")).stream().map(WebElement::getText).toList())
                .containsExactly("Open in Spotify", "Don't tell Alice", "Block Alice");

        int bobs = browser.botTexts("bob").size();
        browser.click(card.findElement(By.xpath(".//button[normalize-space()=\"Block Alice\"]")));
        browser.awaitBot("bob", bobs, text -> text.startsWith("Blocked Alice Smith"));

        browser.click(browser.inColumn("bob", ".menu-button"));
        assertThat(browser.column("bob").findElements(By.cssSelector(".persistent-menu button")).stream()
                .map(WebElement::getText).toList()).containsExactly("Send a song", "My songs", "Groups", "Help");
        browser.click(browser.inColumn("bob", ".persistent-menu button[data-payload='history']"));
        browser.awaitBot("bob", bobs, text -> text.contains("haven't sent"));

        int alices = browser.botTexts("alice").size();
        control.say("alice", "send_song name:\"Carol Jones\" " + LINK + track);
        browser.awaitBot("alice", alices, text -> text.contains("https://m.me/sandbox-page?ref=invite-"));
        browser.addPerson("Carol Jones");
        assertThat(browser.column("carol").getText()).as("a newcomer's welcome screen").contains("Get Started");
        browser.click(browser.inColumn("alice", "a.mme-link"));
        browser.click(browser.inColumn("alice", "button.open-as-person[data-psid='carol']"));
        browser.awaitBot("carol", 0, text -> text.startsWith("Alice Smith sent you a song"));
        browser.assertNoBrowserErrors();
    }

    @Test
    void anInvitesTelegramLinkOpensTheDemosTelegramViewWhereSomeoneThereOpensIt() {
        control.say("alice", "send_song name:\"Carol Jones\" " + LINK + control.trackIds().get(3));
        browser.awaitBot("alice", 0, text -> text.contains("https://t.me/"));
        WebElement link = browser.await("the invite's Telegram link", d -> browser.column("alice")
                .findElements(By.cssSelector("a[href*='t.me/'], a.telegram-link")).stream().findFirst().orElse(null));
        assertThat(link.getDomProperty("href")).as("a link that stays in the sandbox")
                .startsWith(demo.baseUrl() + "/telegram?start=invite-");

        String opened = browser.inPopup(browser.inColumn("alice", "a.telegram-link"), view -> {
            browser.click(By.cssSelector("#opened-link button.open-as-person[data-id='1002']"));
            browser.await("Bob, on Telegram, told whose song waits", d -> d.findElement(By.cssSelector(
                    ".column.person[data-id='1002'] .chat")).getText().contains("Alice Smith sent you a song"));
            browser.assertNoBrowserErrors();
            return view.getCurrentUrl();
        });
        assertThat(opened).as("the link's start parameter taken from the address once used")
                .isEqualTo(demo.baseUrl() + "/telegram");
        browser.assertNoBrowserErrors();
    }

    @Test
    void openInSpotifyOnASandboxSongSaysWhereToPlayItInsteadOfOpeningTheRealSpotify() {
        control.say("alice", "send_song name:\"Bob Fisher\" " + LINK + control.trackIds().get(1));
        WebElement card = browser.await("Bob's card", d -> browser.lastCard("bob"));
        int windows = browser.windowCount();

        browser.click(card.findElement(By.xpath(".//*[normalize-space()='Open in Spotify']")));

        browser.await("the notice", d -> d.findElement(By.id("toast")).getText().contains("only in the sandbox"));
        assertThat(browser.find(By.id("toast")).getText()).contains("▶ Play");
        assertThat(browser.windowCount()).as("no tab opened on open.spotify.com").isEqualTo(windows);
        browser.assertNoBrowserErrors();
    }

    @Test
    void aSongArrivingShowsAtTheBottomOfTheChatWhileTheListeningPanelGrowsWithIt() {
        List<String> tracks = control.trackIds();
        for (int i = 0; i < 3; i++) {
            String track = tracks.get(i);
            control.say("alice", "send_song name:\"Bob Fisher\" " + LINK + track);
            browser.await("the song in Bob's listening panel", d -> !browser.findAll(browser.inColumn("bob",
                    ".shared-song[data-track='" + track + "']")).isEmpty());
            browser.await(() -> "Bob's chat scrolled to its newest message, not " + unseenBelow("bob")
                    + " px above it", d -> unseenBelow("bob") < 2);
        }

        // Bob scrolls up to read: the next song does not pull him down.
        WebElement chat = browser.column("bob").findElement(By.cssSelector(".chat"));
        browser.js("arguments[0].scrollTop = 0", chat);
        String next = tracks.get(3);
        control.say("alice", "send_song name:\"Bob Fisher\" " + LINK + next);
        browser.await("the next song in Bob's listening panel", d -> !browser.findAll(browser.inColumn("bob",
                ".shared-song[data-track='" + next + "']")).isEmpty());
        assertThat(((Number) browser.js("return arguments[0].scrollTop", chat)).longValue()).isZero();
        browser.assertNoBrowserErrors();
    }

    @Test
    void aSongSentToAGroupShowsInTheListeningPanelWithWhoSentIt() {
        control.say("alice", "create_group Family");
        control.say("alice", "add_to_group Family \"Bob Fisher\"");
        String track = control.trackIds().get(5);
        control.say("alice", "send_song group:\"Family\" pre:\"for the road\" " + LINK + track);
        // read within the wait: the panel is drawn again as the song's card follows its text
        String song = browser.await("the song in Bob's listening panel", d -> d.findElements(browser.inColumn(
                "bob", ".shared-song[data-track='" + track + "'] .meta")).stream().findFirst().map(WebElement::getText)
                .orElse(null));
        assertThat(song).contains("from Alice Smith", "“for the road”");
        browser.assertNoBrowserErrors();
    }

    @Test
    void onAPhoneAnEmptyMessageBoxShowsItsHintOnOneLineWithoutAScrollbar() {
        for (String psid : List.of("alice", "bob")) {
            WebElement input = browser.input(psid);
            assertThat(input.getDomAttribute("placeholder")).isEqualTo("Message as " + (psid.equals("alice")
                    ? "Alice" : "Bob") + "…");
            assertThat(browser.js("const i = arguments[0]; return i.scrollHeight <= i.clientHeight", input))
                    .as("the hint of %s's message box fits it", psid).isEqualTo(true);
        }
        browser.assertNoBrowserErrors();
    }

    @Test
    void aSongNobodyPlaysIsReportedAsTheHelpSaysAfterAWeekTwoHoursAndAWordFromTheSender() {
        String help = browser.find(By.id("help")).getDomProperty("textContent");
        assertThat(help).contains("A song nobody plays: press +7 days, then +1 hour twice");
        String track = control.trackIds().get(6);
        control.say("alice", "send_song name:\"Bob Fisher\" " + LINK + track);
        browser.await("the song in Bob's listening panel", d -> !browser.findAll(browser.inColumn("bob",
                ".shared-song[data-track='" + track + "']")).isEmpty());
        int before = browser.botTexts("alice").size();
        for (String advance : List.of("advance-7d", "advance-1h", "advance-1h")) {
            browser.click(By.id(advance));
            browser.await("the clock moved", d -> browser.findAll(By.cssSelector(".advance:disabled")).isEmpty());
        }
        browser.input("alice").sendKeys("history", Keys.ENTER);
        assertThat(browser.awaitBot("alice", before, text -> text.contains("not played within")))
                .endsWith(", sent to Bob Fisher, was not played within 7 days, so I've stopped watching.");
        browser.assertNoBrowserErrors();
    }

    @Test
    void theListeningPanelSaysWhetherTheBotKnowsThePersonWhereverTheyRegisteredAndAfterForgetMe() {
        // Alice and Bob registered before this page was open, as in another browser.
        By bobsSource = browser.inColumn("bob", ".spotify-user");
        browser.await(() -> "Bob's panel connected, not " + browser.find(bobsSource).getText(),
                d -> browser.find(bobsSource).getText().equals("user bob · connected ✓"));
        assertThat(browser.find(browser.inColumn("bob", ".connect-button")).getText()).isEqualTo("Reconnect Spotify");

        control.say("bob", "forget_me");
        browser.await("the question whose quick reply Bob taps", d -> {
            var inbox = control.inboxMessages("bob");
            return inbox.get(inbox.size() - 1).path("message").path("quick_replies").toString()
                    .contains("forget_me confirm");
        });
        control.tapQuickReply("bob", "Yes, delete it all", "forget_me confirm");
        browser.await(() -> "Bob's panel not connected, not " + browser.find(bobsSource).getText(),
                d -> browser.find(bobsSource).getText().equals("user bob · not connected yet"));
        assertThat(browser.find(browser.inColumn("bob", ".connect-button")).getText()).isEqualTo("Connect Spotify");
        assertThat(browser.find(bobsSource).getText()).isEqualTo("user bob · not connected yet");
        browser.assertNoBrowserErrors();
    }

    @Test
    void afterTheDemoServerRestartsThePageShowsTheNewRunNotTheMessagesOfTheOldOne() throws Exception {
        browser.input("alice").sendKeys("pending", Keys.ENTER);
        browser.awaitBot("alice", 0, text -> text.contains("watched") || text.contains("haven't sent"));
        restartDemo(() -> browser.await("the page saying the server is not answering",
                d -> d.findElement(By.id("connection-banner")).isDisplayed()));
        browser.await("the page answered again", d -> !d.findElement(By.id("connection-banner")).isDisplayed());
        browser.clearBrowserLog();
        browser.await(() -> "Alice's chat as the new run has it, not " + browser.column("alice").getText(),
                d -> browser.column("alice").findElements(By.cssSelector(".msg")).isEmpty()
                        && browser.column("alice").getText().contains("Get Started"));
        browser.await("Alice's panel not connected", d -> browser.find(browser.inColumn("alice", ".spotify-user"))
                .getText().endsWith("not connected yet"));
        browser.assertNoBrowserErrors();
    }

    @Test
    void aRestartQuickerThanAPollIsSeenByTheNewRunIdAndThePageShowsTheNewRunsChats() throws Exception {
        browser.input("alice").sendKeys("pending", Keys.ENTER);
        browser.awaitBot("alice", 0, text -> text.contains("watched") || text.contains("haven't sent"));
        // The page's requests wait while the server is away, so none fails: the page sees a new run id, nothing else.
        browser.js("""
                const fetchNow = window.fetch, held = [];
                window.fetch = (...args) => new Promise(resolve => held.push(() => resolve(fetchNow(...args))));
                window.releaseRequests = () => { window.fetch = fetchNow; held.splice(0).forEach(go => go()); };""");
        restartDemo(() -> { });
        browser.js("window.releaseRequests()");

        browser.await("Alice's chat as the new run has it, within a few polls", Duration.ofSeconds(4),
                d -> browser.column("alice").findElements(By.cssSelector(".msg")).isEmpty()
                        && browser.column("alice").getText().contains("Get Started"));
        assertThat(browser.find(By.id("connection-banner")).isDisplayed()).as("no request failed").isFalse();
        browser.await("Alice's panel not connected", d -> browser.find(browser.inColumn("alice", ".spotify-user"))
                .getText().endsWith("not connected yet"));
        browser.await("Alice's name told to the new run's Messenger", d -> demo.sandbox().messenger()
                .profile("alice").equals(new Profile("Alice", "Smith")));
        browser.assertNoBrowserErrors();
    }

    @Test
    void theMenuClosesOnEscapeOrATapElsewhereAndSaysWhetherItIsOpen() {
        WebElement button = browser.column("alice").findElement(By.cssSelector(".menu-button"));
        WebElement menu = browser.column("alice").findElement(By.cssSelector(".persistent-menu"));
        assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("false");
        browser.click(button);
        browser.await("the menu open", d -> menu.isDisplayed());
        assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("true");
        browser.press(Keys.ESCAPE);
        browser.await("the menu closed by Escape", d -> !menu.isDisplayed());
        assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.js("return document.activeElement === arguments[0]", button)).isEqualTo(true);

        browser.click(button);
        browser.await("the menu open again", d -> menu.isDisplayed());
        browser.click(browser.inColumn("alice", ".chat"));
        browser.await("the menu closed by a tap elsewhere", d -> !menu.isDisplayed());
        browser.assertNoBrowserErrors();
    }

    /**
     * Stops the demo server, does {@code whileAway}, and starts a new run of it on the same port, on a new database: its
     * emulators know nothing of the run before.
     */
    private void restartDemo(Runnable whileAway) {
        String port = Integer.toString(demo.server().port());
        demo.close();
        whileAway.run();
        demo = Demo.start(Map.of("PORT", port, "SQLITE_PATH", dir.resolve("again.db").toString(),
                "TICK_SECONDS", "3600"));
    }

    /** How much of the person's chat is below what it shows, in pixels. */
    private long unseenBelow(String psid) {
        return ((Number) browser.js("const c = arguments[0]; return Math.round(c.scrollHeight - c.scrollTop"
                + " - c.clientHeight)", browser.column(psid).findElement(By.cssSelector(".chat")))).longValue();
    }

    /** The connect round trip as Spotify user {@code psid}, then the register command, over HTTP. */
    private void register(String psid, String name) throws IOException, InterruptedException {
        HttpResponse<String> connect = get(demo.baseUrl() + "/connect");
        HttpResponse<String> consent = get(connect.headers().firstValue("Location").orElseThrow()
                + "&sandbox_user=" + psid);
        HttpResponse<String> callback = get(consent.headers().firstValue("Location").orElseThrow());
        Matcher code = CODE.matcher(callback.body());
        assertThat(code.find()).as(callback.body()).isTrue();
        int before = control.inbox(psid).size();
        control.say(psid, "register code:\"" + code.group(1) + "\" name:\"" + name + "\"");
        long deadline = System.nanoTime() + BrowserSession.TIMEOUT.toNanos();
        while (control.inbox(psid).size() == before) {
            assertThat(System.nanoTime()).as(psid + " registered").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
