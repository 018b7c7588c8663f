package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.watch.WatchSchedule;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listening sources over real HTTP, through the server's routes and the sandbox control API only: the whole story
 * with a Last.fm and with a ListenBrainz receiver, a sender without Spotify, Spotify's development mode, names that
 * match and names that do not, hidden listening, rate limits, a source that refuses forever, a late play, one
 * scrobbled days late, a grant's six months, and the personal-link direct flow.
 */
@Execution(ExecutionMode.CONCURRENT) // each test its own demo server
class ListeningSourcesEndToEndTest {
    private static final String LINK = "https://open.spotify.com/track/";
    private static final long GRACE_MINUTES = WatchSchedule.DEFAULT_GRACE.toMinutes();

    @TempDir
    Path dir;
    private Demo demo;
    private SandboxClient sandbox;
    private String trackId;
    private String artist;
    private String title;

    @BeforeEach
    void start() {
        demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", dir.resolve("send-songs.db").toString(),
                "TICK_SECONDS", "3600"));
        sandbox = new SandboxClient(demo.baseUrl());
        trackId = sandbox.trackIds().get(3);
        JsonNode track = sandbox.track(trackId);
        artist = track.path("artists").get(0).asText();
        title = track.path("name").asText();
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    /** The person, whose Messenger profile shows {@code name}, registers through their own link. */
    private void registerOwn(String psid, String name, String source, String account) {
        sandbox.control().messengerName(psid, name.split(" ")[0], name.substring(name.indexOf(' ') + 1));
        SandboxClient.Response page = sandbox.inAnotherBrowser().connectOwn(psid, source, account);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"registered\"").doesNotContain("registration-code");
    }

    private void aliceSendsToBob(String notes) {
        assertThat(sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + notes + " " + LINK + trackId).getLast())
                .startsWith("Sent ");
    }

    private void scrobble(String user, String track) {
        sandbox.control().scrobble(user, Map.of("artist", artist, "track", track));
    }

    @Test
    void theWholeStoryWithALastfmReceiver() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        registerOwn("bob", "Bob Fisher", "lastfm", "bobfisher");
        aliceSendsToBob("pre:\"for the drive\" post:\"told you!\"");
        assertThat(sandbox.lastText("bob")).contains("Alice Smith sent you a song").contains("for the drive");

        sandbox.control().nowPlaying("bobfisher", artist, title);
        sandbox.advanceMinutes(10);
        assertThat(sandbox.inbox("alice")).as("playing now is not a play yet")
                .noneMatch(text -> text.contains("listened to"));

        scrobble("bobfisher", title);
        sandbox.advanceMinutes(10);

        assertThat(sandbox.lastMessage("alice")).startsWith("🎧 Bob Fisher listened to " + title);
        assertThat(sandbox.lastMessage("bob")).contains("Alice Smith's note on").contains("told you!");
    }

    @Test
    void theWholeStoryWithAListenBrainzReceiverWhoseListensCarrySpotifyIds() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        registerOwn("bob", "Bob Fisher", "listenbrainz", "bob_lb");
        aliceSendsToBob("post:\"see?\"");

        sandbox.control().listen("bob_lb", Map.of("artist", "someone else entirely", "track", "another name",
                "spotify_id", trackId));
        sandbox.advanceMinutes(10);

        assertThat(sandbox.lastMessage("alice")).startsWith("🎧 Bob Fisher listened to " + title);
        assertThat(sandbox.lastMessage("bob")).contains("see?");
    }

    @Test
    void aNewcomerWhoPastesTheirListenBrainzTokenInTheChatIsSentBackToThePageForIt() {
        assertThat(sandbox.ask("carl", "listenbrainz").getLast()).contains("/connect/listenbrainz?link=");
        String token = sandbox.control().listenBrainzToken("carl_lb");

        assertThat(String.join("\n", sandbox.ask("carl", token))).as("not the welcome, which offers Spotify")
                .startsWith("That looks like your ListenBrainz token: paste it on the page your link opens, not "
                        + "here.\n\nHere's your own link to connect ListenBrainz")
                .doesNotContain(token);
    }

    @Test
    void aSenderOnLastfmOnlySendsSongsLookedUpWithTheAppsOwnToken() {
        registerOwn("alice", "Alice Smith", "lastfm", "alicesmith");
        sandbox.register("bob", "bob-sp", "Bob Fisher");

        aliceSendsToBob("");
        sandbox.play("bob-sp", trackId);
        sandbox.advanceMinutes(10);

        assertThat(sandbox.lastMessage("alice")).startsWith("🎧 Bob Fisher listened to " + title);
    }

    @Test
    void theSixthSpotifyUserOfAFullAppIsToldWhyAndRegistersWithLastfmInstead() {
        sandbox.control().spotifyUserLimit(5);
        for (int i = 1; i <= 5; i++) {
            sandbox.register("p" + i, "p" + i + "-sp", "Person " + i);
        }
        sandbox.control().messengerName("sixth", "Sam", "Sixth");

        SandboxClient browser = sandbox.inAnotherBrowser();
        SandboxClient.Response full = browser.connectOwn("sixth", "spotify", "sixth-sp");

        assertThat(full.status()).isEqualTo(403);
        assertThat(full.body()).contains("This server&#39;s Spotify app is full").contains("only 5 people")
                .contains(">Connect Last.fm</a>").contains(">Connect ListenBrainz</a>")
                .doesNotContainIgnoringCase("try again");
        JsonNode told = sandbox.control().inboxMessages("sixth").get(sandbox.inbox("sixth").size() - 1);
        assertThat(told.path("text").asText()).startsWith("This server's Spotify app is full")
                .doesNotContainIgnoringCase("try again");
        assertThat(told.path("message").path("quick_replies")).extracting(reply -> reply.path("payload").asText())
                .containsExactly("connect lastfm", "connect listenbrainz");

        String lastfmLink = full.body().replaceAll("(?s).*<a href=\"([^\"]+/connect/lastfm[^\"]*)\".*", "$1")
                .replace("&amp;", "&");
        SandboxClient.Response registered = browser.consentThrough(lastfmLink, "lastfm", "samsixth");
        assertThat(registered.body()).contains("id=\"registered\"").contains("Sam Sixth");
        assertThat(sandbox.ask("p1", "send_song name:\"Sam Sixth\" " + LINK + trackId).getLast()).startsWith("Sent ");

        // the next newcomer is led to Last.fm first, Spotify's refusal remembered in the store
        sandbox.ask("seventh", "hello");
        JsonNode welcome = sandbox.control().inboxMessages("seventh").get(sandbox.inbox("seventh").size() - 1);
        assertThat(welcome.path("text").asText()).contains("open your own link for Last.fm").contains("/connect/lastfm?")
                .contains("Spotify has turned new people away from this server lately");
        assertThat(welcome.path("message").path("quick_replies")).extracting(reply -> reply.path("payload").asText())
                .containsExactly("connect lastfm", "connect listenbrainz", "connect spotify");
    }

    @Test
    void switchingFromSpotifyToLastfmKeepsTheSongWatchedAndReadsLastfmFromTheSwitchOn() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        sandbox.register("bob", "bob-sp", "Bob Fisher");
        aliceSendsToBob("");
        sandbox.advanceMinutes(GRACE_MINUTES + 60);
        // after the delivery, but further back than the grace period before the switch
        sandbox.control().scrobble("bobfisher", artist, title,
                sandbox.now().minus(Duration.ofMinutes(GRACE_MINUTES + 10)));

        SandboxClient.Response switched = sandbox.inAnotherBrowser().connectOwn("bob", "lastfm", "bobfisher");
        assertThat(switched.body()).contains("id=\"registered\"").contains("Last.fm");
        sandbox.advanceMinutes(10);
        assertThat(sandbox.inbox("alice")).as("Last.fm is read from the switch on, less the grace period")
                .noneMatch(text -> text.contains("listened to"));

        scrobble("bobfisher", title);
        sandbox.advanceMinutes(70);
        assertThat(sandbox.lastMessage("alice")).startsWith("🎧 Bob Fisher listened to " + title);
    }

    @Test
    void aRemasteredTitleIsTheSongAndALiveOneIsNot() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        registerOwn("bob", "Bob Fisher", "lastfm", "bobfisher");
        aliceSendsToBob("");

        scrobble("bobfisher", title + " - Live at Wembley");
        sandbox.advanceMinutes(10);
        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.contains("listened to"));

        scrobble("bobfisher", title + " - Remastered 2011");
        sandbox.advanceMinutes(10);
        assertThat(sandbox.lastMessage("alice")).startsWith("🎧 Bob Fisher listened to " + title);
    }

    @Test
    void aStringsVersionIsNotTheSongAndOneScrobbledWithoutItsNordicLettersIs() {
        sandbox.control().addTrack(Map.of("id", "BBBBBBBBBBBBBBBBBBBBBB", "name", "Ompa til du dør",
                "artists", List.of("Kaizers Orchestra"), "duration_ms", 215000, "album", "Ompa til du dør"));
        sandbox.register("alice", "alice-sp", "Alice Smith");
        registerOwn("bob", "Bob Fisher", "lastfm", "bobfisher");
        assertThat(sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + "BBBBBBBBBBBBBBBBBBBBBB").getLast())
                .startsWith("Sent ");

        sandbox.control().scrobble("bobfisher", Map.of("artist", "Kaizers Orchestra",
                "track", "Ompa til du dør (with Strings)"));
        sandbox.advanceMinutes(10);
        assertThat(sandbox.inbox("alice")).as("another recording").noneMatch(text -> text.contains("listened to"));

        sandbox.control().scrobble("bobfisher", Map.of("artist", "Kaizers Orchestra", "track", "Ompa til du dor"));
        sandbox.advanceMinutes(70);
        assertThat(sandbox.lastMessage("alice")).startsWith("🎧 Bob Fisher listened to Ompa til du dør");
    }

    @Test
    void someoneWhoHidesTheirRecentListeningIsStillReadWithTheirOwnSession() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        registerOwn("bob", "Bob Fisher", "lastfm", "bobfisher");
        sandbox.control().hideListening("bobfisher", true);
        aliceSendsToBob("");

        scrobble("bobfisher", title);
        sandbox.advanceMinutes(10);

        assertThat(sandbox.lastMessage("alice")).startsWith("🎧 Bob Fisher listened to " + title);
    }

    @Test
    void aListenBrainzAccountDeletedIsToldAsSuchNotAsAGrantTooOld() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        registerOwn("bob", "Bob Fisher", "listenbrainz", "bob-lb");
        aliceSendsToBob("");
        sandbox.control().deleteListenBrainzUser("bob-lb");

        sandbox.advanceMinutes(10);

        assertThat(sandbox.lastMessage("bob")).startsWith("Your ListenBrainz connection has ended (ListenBrainz no "
                + "longer finds your account, perhaps renamed or deleted), so I can't see whether you play").doesNotContain("too old");
    }

    @Test
    void aRevokedLastfmSessionIsToldOncePausesWatchingAndResumesAfterReconnecting() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        registerOwn("bob", "Bob Fisher", "lastfm", "bobfisher");
        aliceSendsToBob("");
        sandbox.control().revokeLastfm("bobfisher");

        sandbox.advanceMinutes(10);
        assertThat(sandbox.lastMessage("bob")).startsWith("Your Last.fm connection has ended")
                .contains(demo.baseUrl() + "/connect/lastfm?link=");
        long readsWhenTold = sandbox.control().lastfmStats().path("user.getrecenttracks").asLong();
        sandbox.advanceMinutes(3 * 60);
        assertThat(sandbox.inbox("bob")).filteredOn(text -> text.startsWith("Your Last.fm connection has ended"))
                .hasSize(1);
        assertThat(sandbox.control().lastfmStats().path("user.getrecenttracks").asLong())
                .as("a revoked session is not read in a loop").isEqualTo(readsWhenTold);
        assertThat(sandbox.ask("bob", "connect")).containsExactly("Your Last.fm connection has ended, so I can't see "
                + "whether you play the songs friends sent you. To reconnect it or switch to another service, tap one:");

        scrobble("bobfisher", title);
        SandboxClient.Response again = sandbox.inAnotherBrowser().connectOwn("bob", "lastfm", "bobfisher");
        assertThat(again.body()).contains("id=\"registered\"");
        sandbox.advanceMinutes(10);
        assertThat(sandbox.lastMessage("alice")).startsWith("🎧 Bob Fisher listened to " + title);
        assertThat(sandbox.ask("bob", "connect")).containsExactly("I see what you play on Last.fm. To reconnect it or "
                + "switch to another service, tap one:");
    }

    @Test
    void lastfmError29AndListenBrainz429DelayTheCheckButLoseNothing() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        registerOwn("bob", "Bob Fisher", "lastfm", "bobfisher");
        registerOwn("carol", "Carol King", "listenbrainz", "carol_lb");
        aliceSendsToBob("");
        assertThat(sandbox.ask("alice", "send_song name:\"Carol King\" " + LINK + trackId).getLast())
                .startsWith("Sent ");
        scrobble("bobfisher", title);
        sandbox.control().listen("carol_lb", Map.of("artist", artist, "track", title));
        sandbox.control().faultWithCode("lastfm", 429, 3, 29);
        // ListenBrainz's window is in real seconds (X-RateLimit-Reset-In): the shortest, so its three 429s cost 3 s
        sandbox.fault("listenbrainz", 429, 3, 1);

        sandbox.advanceMinutes(7);
        for (int i = 0; i < 6; i++) {
            sandbox.advanceMinutes(5);
        }

        assertThat(sandbox.inbox("alice")).anyMatch(text -> text.startsWith("🎧 Bob Fisher listened to " + title))
                .anyMatch(text -> text.startsWith("🎧 Carol King listened to " + title));
        JsonNode faults = sandbox.get("/sandbox/faults").json();
        assertThat(faults.path("lastfm")).as("every error 29 was answered").isEmpty();
        assertThat(faults.path("listenbrainz")).as("every 429 was answered").isEmpty();
    }

    @Test
    void aReceiverWhomSpotifyRefusesForeverStillHasTheSenderToldAtTheEnd() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        sandbox.register("bob", "bob-sp", "Bob Fisher");
        sandbox.control().spotifyUserLimit(1); // alice consented first: bob is no longer served
        aliceSendsToBob("");
        sandbox.play("bob-sp", trackId);

        sandbox.advanceMinutes(6 * 24 * 60);
        sandbox.advanceMinutes(24 * 60 + GRACE_MINUTES + 5);
        sandbox.ask("alice", "pending");

        assertThat(sandbox.inbox("alice")).filteredOn(text -> text.contains("not played within")).containsExactly(
                title + " by " + artist + ", sent to Bob Fisher, was not played within 7 days, so I've stopped watching. "
                        + "(I couldn't read what they played on Spotify lately, so I may have missed it.)");
    }

    @Test
    void aReceiverSpotifyStopsServingIsToldOnceAndSwitchingToLastfmFindsTheSong() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        sandbox.register("bob", "bob-sp", "Bob Fisher");
        aliceSendsToBob("");
        sandbox.control().spotifyUserLimit(1); // alice consented first: bob is no longer served

        sandbox.advanceMinutes(10);
        sandbox.advanceMinutes(3 * 60);

        List<JsonNode> told = sandbox.messages("bob").stream().filter(message -> message.path("text").asText()
                .startsWith("Spotify no longer lets me see what you play")).toList();
        assertThat(told).hasSize(1);
        assertThat(told.getFirst().path("message").path("quick_replies")).extracting(reply -> reply.path("payload")
                .asText()).containsExactly("connect lastfm", "connect listenbrainz");
        assertThat(sandbox.ask("alice", "pending").getLast()).contains("but I can't see their plays until they "
                + "reconnect");

        SandboxClient.Response switched = sandbox.inAnotherBrowser().connectOwn("bob", "lastfm", "bobfisher");
        assertThat(switched.body()).contains("id=\"registered\"");
        scrobble("bobfisher", title);
        sandbox.advanceMinutes(10);
        assertThat(sandbox.lastMessage("alice")).startsWith("🎧 Bob Fisher listened to " + title);
    }

    @Test
    void aHeavyListenersBacklogIsReadToTheEndBeforeTheSongIsSaidNotPlayed() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        registerOwn("bob", "Bob Fisher", "lastfm", "bobfisher");
        aliceSendsToBob("");
        Instant delivered = sandbox.now();
        sandbox.advanceMinutes(7 * 24 * 60 + 60);
        // more scrobbles of the week than the last check reads in one go (1300: seven pages of 200), the song
        // the newest of them, all reaching Last.fm between two checks
        for (int i = 0; i < 1300; i++) {
            Instant at = delivered.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(5L * i));
            boolean song = i == 1299;
            demo.sandbox().lastfm().scrobble("bobfisher", song ? artist : "Filler Band", song ? title : "Filler " + i,
                    "", "", at);
        }

        sandbox.advanceMinutes(GRACE_MINUTES);
        sandbox.advanceMinutes(10);
        sandbox.ask("alice", "pending");

        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.contains("not played within"))
                .anyMatch(text -> text.startsWith("🎧 Bob Fisher listened to " + title));
    }

    @Test
    void aPlayThatReachesTheHistoryLateButWithinTheGracePeriodCounts() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        sandbox.register("bob", "bob-sp", "Bob Fisher");
        aliceSendsToBob("");
        Instant delivered = sandbox.now();
        // ended half an hour before the week was up, shown by Spotify an hour after it ended
        sandbox.control().playLate("bob-sp", trackId, delivered.plus(Duration.ofDays(7)).minusSeconds(1800),
                Duration.ofHours(1));

        sandbox.advanceMinutes(7 * 24 * 60);
        sandbox.ask("alice", "pending");
        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.contains("not played within"));
        sandbox.advanceMinutes(GRACE_MINUTES);

        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.contains("not played within"));
        sandbox.ask("alice", "pending");
        assertThat(sandbox.inbox("alice")).anyMatch(text -> text.startsWith("🎧 Bob Fisher listened to " + title));
    }

    @Test
    void aPlayScrobbledDaysLateAfterNewerOnesIsFoundByTheSongsLastCheck() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        registerOwn("bob", "Bob Fisher", "lastfm", "bobfisher");
        aliceSendsToBob("");
        Instant delivered = sandbox.now();
        sandbox.advanceMinutes(3 * 24 * 60);
        // another song, played and scrobbled on time from another device: the next check reads it, moving on
        sandbox.control().scrobble("bobfisher", "Filler Band", "Filler", sandbox.now().minusSeconds(60));
        sandbox.advanceMinutes(60);
        // the song, played on a phone offline a day after the delivery, reaches Last.fm only now, two days late
        sandbox.control().scrobble("bobfisher", artist, title, delivered.plus(Duration.ofDays(1)));
        sandbox.advanceMinutes(60);
        assertThat(sandbox.inbox("alice")).as("a regular check reads back only the grace period")
                .noneMatch(text -> text.contains("listened to"));

        sandbox.advanceMinutes(4 * 24 * 60 + GRACE_MINUTES);
        sandbox.ask("alice", "pending");

        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.contains("not played within"))
                .anyMatch(text -> text.startsWith("🎧 Bob Fisher listened to " + title));
    }

    @Test
    void aReconnectLinkThatWaitedForThePersonToWriteStillWorksWhenTheyGetIt() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        registerOwn("bob", "Bob Fisher", "lastfm", "bobfisher");
        aliceSendsToBob("");
        sandbox.advanceMinutes(2 * 24 * 60); // Bob's 24 hours to be written to are over
        sandbox.control().revokeLastfm("bobfisher");
        sandbox.advanceMinutes(3 * 60);
        assertThat(sandbox.inbox("bob")).noneMatch(text -> text.startsWith("Your Last.fm connection has ended"));

        sandbox.advanceMinutes(2 * 24 * 60);
        sandbox.ask("bob", "hi");

        String told = sandbox.inbox("bob").stream().filter(text -> text.startsWith("Your Last.fm connection has ended"))
                .findFirst().orElseThrow();
        Matcher link = Pattern.compile(Pattern.quote(demo.baseUrl()) + "/connect/lastfm\\?link=[A-Za-z0-9_.-]+")
                .matcher(told);
        assertThat(link.find()).as(told).isTrue();
        SandboxClient.Response page = sandbox.inAnotherBrowser().consentThrough(link.group(), "lastfm", "bobfisher");
        assertThat(page.body()).contains("id=\"registered\"");
    }

    @Test
    void aSpotifyGrantNearingItsSixMonthsAsksToReconnectOnceThenEndsOnce() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        Instant consented = sandbox.now();
        sandbox.register("bob", "bob-sp", "Bob Fisher");
        Instant ends = consented.atOffset(ZoneOffset.UTC).plusMonths(6).toInstant();
        sandbox.advanceSeconds(Duration.between(sandbox.now(), ends.minus(Duration.ofDays(4))).toSeconds());
        sandbox.ask("bob", "hi");
        aliceSendsToBob("");

        for (int i = 0; i < 5 * 24; i++) {
            sandbox.advanceMinutes(60);
        }
        sandbox.ask("bob", "hi");

        assertThat(sandbox.inbox("bob")).filteredOn(text -> text.startsWith("Your Spotify connection ends in "))
                .hasSize(1).first().asString().contains(demo.baseUrl() + "/connect/spotify?link=");
        assertThat(sandbox.inbox("bob")).filteredOn(text -> text.startsWith("Your Spotify connection has ended"))
                .hasSize(1);
    }

    @Test
    void cancellingOnSpotifysPageLeadsBackToTheChatOrToAStartOneCanTap() {
        List<String> replies = sandbox.ask("dee", "connect spotify");
        String own = replies.getLast().replaceAll("(?s).*?(https?://\\S+/connect/spotify\\?link=\\S+).*", "$1");
        SandboxClient browser = sandbox.inAnotherBrowser();

        SandboxClient.Response cancelled = cancelOnSpotify(browser, own);

        assertThat(cancelled.status()).isEqualTo(400);
        assertThat(cancelled.body()).contains("Spotify did not connect (you declined). Send me connect in the chat")
                .contains("<a href=\"https://m.me/sandbox-page\">Back to Messenger</a>");

        SandboxClient.Response plain = cancelOnSpotify(browser, demo.baseUrl() + "/connect");

        assertThat(plain.body()).as("the address to start again is a link, not text to copy")
                .contains("You can try again at <a href=\"" + demo.baseUrl() + "/connect\">" + demo.baseUrl()
                        + "/connect</a>").doesNotContain("Back to");
    }

    @Test
    void comingBackAfterTheConsentPageExpiredSendsThePersonBackToTheirLinkNotToTheCodePage() {
        sandbox.control().messengerName("dee", "Dee", "Dean");
        List<String> replies = sandbox.ask("dee", "connect lastfm");
        String own = replies.getLast().replaceAll("(?s).*?(https?://\\S+/connect/lastfm\\?link=\\S+).*", "$1");
        SandboxClient browser = sandbox.inAnotherBrowser();
        SandboxClient.Response start = browser.getAbsolute(own);
        assertThat(start.status()).isEqualTo(302);
        SandboxClient.Response consent = browser.getAbsolute(start.headers().location() + "&sandbox_user=deedean");
        assertThat(consent.status()).isEqualTo(302);
        sandbox.advanceMinutes(12); // making a Last.fm account first

        SandboxClient.Response late = browser.getAbsolute(consent.headers().location());

        assertThat(late.body()).contains("Connecting Last.fm took longer than 10 minutes, so this page has expired. "
                + "Open your link in the chat again").contains(">Back to Messenger</a>")
                .doesNotContain("/connect</a>").doesNotContain("Start again at");
        assertThat(browser.consentThrough(own, "lastfm", "deedean").body()).as("the link still works")
                .contains("id=\"registered\"");
    }

    @Test
    void comingBackADayLaterSaysTheLinkInTheChatHasExpiredTooRatherThanSendingThePersonToIt() {
        List<String> replies = sandbox.ask("dee", "connect spotify");
        String own = replies.getLast().replaceAll("(?s).*?(https?://\\S+/connect/spotify\\?link=\\S+).*", "$1");
        SandboxClient browser = sandbox.inAnotherBrowser();
        String consent = browser.getAbsolute(own).headers().location();
        sandbox.advanceMinutes(25 * 60); // left halfway, back the next day

        SandboxClient.Response late = browser.getAbsolute(browser.getAbsolute(consent + "&sandbox_user=deesp")
                .headers().location());

        assertThat(late.body()).contains("Connecting Spotify took longer than 10 minutes, so this page has expired, "
                + "and so has the link I sent you. Send me connect in the chat for a new one.")
                .contains(">Back to Messenger</a>").doesNotContain("Open your link in the chat again");
    }

    @Test
    void aPersonalLinkOpenedAfterItsDaySaysSoWithTheWayBackToTheChat() {
        List<String> replies = sandbox.ask("dee", "connect spotify");
        String own = replies.getLast().replaceAll("(?s).*?(https?://\\S+/connect/spotify\\?link=\\S+).*", "$1");
        sandbox.advanceMinutes(25 * 60);

        SandboxClient.Response late = sandbox.inAnotherBrowser().getAbsolute(own);

        assertThat(late.status()).isEqualTo(400);
        assertThat(late.body()).contains("This connect link has expired or isn&#39;t valid")
                .contains("<a href=\"https://m.me/sandbox-page\">Back to Messenger</a>");
        assertThat(sandbox.inAnotherBrowser().getAbsolute(own.replace("?link=", "?link=x")).body())
                .as("a link this server did not sign names nobody").doesNotContain("Back to");
    }

    private static SandboxClient.Response cancelOnSpotify(SandboxClient browser, String connectUrl) {
        SandboxClient.Response start = browser.getAbsolute(connectUrl);
        assertThat(start.status()).isEqualTo(302);
        SandboxClient.Response cancel = browser.getAbsolute(start.headers().location() + "&sandbox_deny=1");
        assertThat(cancel.status()).isEqualTo(302);
        return browser.getAbsolute(cancel.headers().location());
    }

    @Test
    void aConnectedPageReloadedOrPostedAgainSaysTheyAreConnectedNotThatNothingWas() {
        sandbox.control().messengerName("carol", "Carol", "Jones");
        SandboxClient browser = sandbox.inAnotherBrowser();
        SandboxClient.Response form = browser.getAbsolute(personalLink("carol", "listenbrainz"));
        assertThat(browser.paste(form, sandbox.control().listenBrainzToken("carol-lb")).body())
                .contains("id=\"registered\"");

        SandboxClient.Response again = browser.paste(form, sandbox.control().listenBrainzToken("carol-lb"));

        assertThat(again.body()).as("the back button and Send again").contains("Already used")
                .contains("You&#39;re connected with ListenBrainz").contains("Back to Messenger")
                .doesNotContain("Not connected").doesNotContain("expired");
        sandbox.control().messengerName("dan", "Dan", "Brown");
        SandboxClient.Response consent = browser.getAbsolute(browser.getAbsolute(personalLink("dan", "spotify"))
                .headers().location() + "&sandbox_user=dan-sp");
        assertThat(browser.getAbsolute(consent.headers().location()).body()).contains("id=\"registered\"");
        assertThat(browser.getAbsolute(consent.headers().location()).body()).as("a reload, or a tab the phone restores")
                .contains("You&#39;re connected with Spotify").doesNotContain("Not connected");
    }

    private String personalLink(String psid, String source) {
        String reply = sandbox.ask(psid, "connect " + source).getLast();
        return reply.replaceAll("(?s).*?(https?://\\S+/connect/" + source + "\\?link=\\S+).*", "$1");
    }

    @Test
    void neitherTheLinkNorWhatSpotifyAndLastfmAreSentShowsWhoItIsFor() {
        String psid = "7394028165413";
        for (String source : List.of("spotify", "lastfm")) {
            String link = personalLink(psid, source);
            SandboxClient.Response toSource = sandbox.inAnotherBrowser().getAbsolute(link);
            assertThat(toSource.status()).isEqualTo(302);
            String sent = URLDecoder.decode(URLDecoder.decode(toSource.headers().location(), StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8);

            for (String url : List.of(link, sent)) {
                assertThat(readings(url)).as(url).allSatisfy(reading -> assertThat(reading).doesNotContain(psid)
                        .doesNotContain("messenger"));
            }
        }
    }

    /** {@code url} and every base64 reading of each of its words (from each of their first characters). */
    private static List<String> readings(String url) {
        List<String> readings = new ArrayList<>(List.of(url));
        for (String word : url.split("[^A-Za-z0-9_-]+")) {
            for (int start = 0; start < Math.min(4, word.length()); start++) {
                String tail = word.substring(start, word.length() - (word.length() - start) % 4);
                readings.add(new String(Base64.getUrlDecoder().decode(tail), StandardCharsets.ISO_8859_1));
            }
        }
        return readings;
    }

    @Test
    void thePersonalLinkRegistersAtOnceUnderTheMessengerNameAndWorksOnce() {
        sandbox.control().messengerName("bob", "Bob", "Fisher");
        sandbox.ask("bob", "hello");
        JsonNode welcome = sandbox.control().inboxMessages("bob").get(0).path("message");
        List<String> offered = new ArrayList<>();
        welcome.path("quick_replies").forEach(reply -> offered.add(reply.path("payload").asText()));
        assertThat(offered).containsExactly("connect spotify", "connect lastfm", "connect listenbrainz");

        sandbox.control().tapQuickReply("bob", "Spotify", "connect spotify");
        String reply = sandbox.awaitMessage("bob", text -> text.startsWith("Here's your own link")).getLast();
        String link = reply.replaceAll("(?s).*?(https?://\\S+/connect/spotify\\?link=\\S+).*", "$1");
        SandboxClient browser = sandbox.inAnotherBrowser();
        SandboxClient.Response page = browser.consentThrough(link, "spotify", "bob-sp");

        assertThat(page.body()).contains("id=\"registered\"").contains("Bob Fisher")
                .as("back to the page's own chat, not Messenger's home").contains("<a href=\"https://m.me/sandbox-page\">Back to Messenger</a>")
                .doesNotContain("registration-code");
        assertThat(sandbox.awaitMessage("bob", text -> text.startsWith("Welcome, Bob Fisher!")).getLast())
                .contains("name \"Your Full Name\"");
        SandboxClient.Response again = sandbox.inAnotherBrowser().getAbsolute(link);
        assertThat(again.status()).as("refused before Spotify's consent").isEqualTo(400);
        assertThat(again.body()).contains("already used").contains("https://m.me/sandbox-page");
        assertThat(sandbox.ask("bob", "name \"Robert Fisher\"").getLast()).as("no friend knew him as Bob Fisher yet")
                .isEqualTo("Done: friends now find you as \"Robert Fisher\" (send_song name:\"Robert Fisher\").");
        sandbox.register("alice", "alice-sp", "Alice Smith");
        assertThat(sandbox.ask("alice", "send_song name:\"Robert Fisher\" " + LINK + trackId).getLast())
                .startsWith("Sent ");
    }

    @Test
    void aCallbackOpenedInAnotherBrowserOrAFormPostedFromAnotherSiteFinishesNothing() {
        SandboxClient mallory = sandbox.inAnotherBrowser();
        SandboxClient.Response start = mallory.get("/connect");
        SandboxClient.Response consent = mallory.getAbsolute(start.headers().location() + "&sandbox_user=mallory-sp");
        String callback = consent.headers().location();

        SandboxClient.Response victim = sandbox.inAnotherBrowser().getAbsolute(callback);

        assertThat(victim.status()).isEqualTo(400);
        assertThat(victim.body()).contains("another browser").doesNotContain("registration-code");
        assertThat(mallory.getAbsolute(callback).body()).as("in the browser that started it, it still works")
                .contains("registration-code");

        SandboxClient.Response pastePage = mallory.get("/connect/listenbrainz");
        String state = pastePage.body().replaceAll("(?s).*name=\"state\" value=\"([^\"]+)\".*", "$1");
        String form = "state=" + SandboxClient.encode(state) + "&token="
                + SandboxClient.encode(sandbox.control().listenBrainzToken("mallory_lb"));
        assertThat(mallory.postForm("/callback/listenbrainz", form, "https://evil.example").status()).isEqualTo(403);
        assertThat(mallory.postForm("/callback/listenbrainz", form, "null").status())
                .as("a page that hides its origin").isEqualTo(403);
        assertThat(sandbox.inAnotherBrowser().postForm("/callback/listenbrainz", form, null).body())
                .contains("another browser");
        assertThat(mallory.postForm("/callback/listenbrainz", "state=" + SandboxClient.encode(state)
                + "&token=" + SandboxClient.encode("not a token!"), demo.baseUrl()).body()).contains("id=\"problem\"")
                .contains("not a ListenBrainz user token").contains("name=\"state\"");
        assertThat(sandbox.get("/connect/deezer").status()).isEqualTo(404);
        assertThat(sandbox.postForm("/callback/lastfm", "state=x", demo.baseUrl()).status()).isEqualTo(405);
        SandboxClient.Response inTheUrl = mallory.get("/callback/listenbrainz?" + form);
        assertThat(inTheUrl.status()).as("a pasted token in a URL (history, logs)").isEqualTo(405);
        assertThat(inTheUrl.headers().headers().firstValue("Allow")).contains("POST");
        assertThat(mallory.postForm("/callback/listenbrainz", form, demo.baseUrl()).body())
                .as("and the token was not used").contains("ListenBrainz is connected");
    }

    @Test
    void theListenBrainzCallbackOpenedOrReloadedInABrowserIsAPageLeadingBackToItsConnectPage() {
        SandboxClient.Response opened = sandbox.get("/callback/listenbrainz");
        SandboxClient.Response refusedPage = sandbox.get("/connect/listenbrainz?link=nope");

        assertThat(opened.status()).isEqualTo(405);
        var headers = opened.headers().headers();
        assertThat(headers.firstValue("Allow")).contains("POST");
        assertThat(headers.firstValue("Content-Type")).get().asString().startsWith("text/html");
        for (String header : List.of("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options",
                "Referrer-Policy", "Cache-Control")) {
            assertThat(headers.firstValue(header)).as(header).isPresent()
                    .isEqualTo(refusedPage.headers().headers().firstValue(header));
        }
        assertThat(opened.body()).contains("<title>Send Songs — ", "ListenBrainz", "form")
                .contains("<a href=\"" + demo.baseUrl() + "/connect/listenbrainz\">");

        String link = "eyJwIjoibWVzc2VuZ2VyOmJvYiJ9.c2lnbmVk_Zm9y-dGhl"; // a personal link's shape
        assertThat(sandbox.get("/callback/listenbrainz?link=" + link).body()).as("the personal link kept")
                .contains("<a href=\"" + demo.baseUrl() + "/connect/listenbrainz?link=" + link + "\">");
        assertThat(sandbox.get("/callback/listenbrainz?link=%22%3E%3Cscript%3Ealert(1)%3C/script%3E").body())
                .as("anything else in the address is dropped, never shown")
                .doesNotContain("<script", "alert").contains("/connect/listenbrainz\">");
    }

    @Test
    void aPastedProfileAddressIsAnsweredWithWhatToPasteAndTheTokenWithWordsAroundItConnects() {
        SandboxClient browser = sandbox.inAnotherBrowser();
        String state = browser.get("/connect/listenbrainz").body()
                .replaceAll("(?s).*name=\"state\" value=\"([^\"]+)\".*", "$1");
        String token = sandbox.control().listenBrainzToken("bob_lb");

        SandboxClient.Response profile = browser.postForm("/callback/listenbrainz", "state="
                + SandboxClient.encode(state) + "&token=" + SandboxClient.encode("https://listenbrainz.org/user/bob_lb/"),
                demo.baseUrl());
        assertThat(profile.body()).contains("id=\"problem\"").contains("address of your ListenBrainz profile")
                .contains("name=\"state\"");

        SandboxClient.Response connected = browser.postForm("/callback/listenbrainz", "state="
                + SandboxClient.encode(state) + "&token=" + SandboxClient.encode("User token: " + token + "\n"),
                demo.baseUrl());
        assertThat(connected.body()).contains("ListenBrainz is connected").contains("registration-code");
    }

    @Test
    void lastfmOutagesAndListenBrainzServerErrorsPostponeTheCheckAndLoseNothing() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        registerOwn("bob", "Bob Fisher", "lastfm", "bobfisher");
        registerOwn("carol", "Carol King", "listenbrainz", "carol_lb");
        aliceSendsToBob("");
        assertThat(sandbox.ask("alice", "send_song name:\"Carol King\" " + LINK + trackId).getLast())
                .startsWith("Sent ");
        int before = sandbox.inbox("bob").size();
        scrobble("bobfisher", title);
        sandbox.control().listen("carol_lb", Map.of("artist", artist, "track", title));
        // Last.fm: 11 service offline, 16 temporary error, 8 operation failed; ListenBrainz: its 500, its proxy's 502
        sandbox.control().faultWithCode("lastfm", 503, 1, 11);
        sandbox.control().faultWithCode("lastfm", 503, 1, 16);
        sandbox.control().faultWithCode("lastfm", 500, 1, 8);
        sandbox.fault("listenbrainz", 500, 1, 0);
        sandbox.fault("listenbrainz", 502, 1, 0);

        sandbox.advanceMinutes(7);
        for (int i = 0; i < 8; i++) {
            sandbox.advanceMinutes(5);
        }

        assertThat(sandbox.inbox("alice")).anyMatch(text -> text.startsWith("🎧 Bob Fisher listened to " + title))
                .anyMatch(text -> text.startsWith("🎧 Carol King listened to " + title));
        assertThat(sandbox.inbox("bob").subList(before, sandbox.inbox("bob").size()))
                .as("the service's trouble is not the person's")
                .noneMatch(text -> text.contains("connect"));
        JsonNode faults = sandbox.get("/sandbox/faults").json();
        assertThat(faults.path("lastfm")).as("every failure was met").isEmpty();
        assertThat(faults.path("listenbrainz")).as("every failure was met").isEmpty();
    }

    @Test
    void aSuspendedLastfmApiKeyNeverKeepsTheSongOpenNorAsksTheReceiverToReconnect() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        registerOwn("bob", "Bob Fisher", "lastfm", "bobfisher");
        aliceSendsToBob("");
        int before = sandbox.inbox("bob").size();
        sandbox.control().faultWithCode("lastfm", 403, 100_000, 26);
        scrobble("bobfisher", title);

        sandbox.advanceMinutes(6 * 24 * 60);
        sandbox.advanceMinutes(24 * 60 + GRACE_MINUTES + 5);
        sandbox.ask("alice", "pending");

        assertThat(sandbox.inbox("alice")).filteredOn(text -> text.contains("not played within")).singleElement()
                .asString().startsWith(title).contains(", sent to Bob Fisher, was not played within 7 days, so I've "
                        + "stopped watching. (I couldn't read what they played on Last.fm lately, so I may have missed "
                        + "it.)");
        assertThat(sandbox.inbox("bob").subList(before, sandbox.inbox("bob").size()))
                .as("the app's key is not the person's connection").noneMatch(text -> text.contains("connect"));
    }

    @Test
    void oneLastfmAccountConnectedFromTwoChatAccountsIsReadForEach() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        registerOwn("bob", "Bob Fisher", "lastfm", "bobfisher");
        registerOwn("bob-work", "Robert Fisher", "lastfm", "bobfisher");
        aliceSendsToBob("");
        assertThat(sandbox.ask("alice", "send_song name:\"Robert Fisher\" " + LINK + trackId).getLast())
                .startsWith("Sent ");

        scrobble("bobfisher", title);
        sandbox.advanceMinutes(10);

        assertThat(sandbox.inbox("alice")).anyMatch(text -> text.startsWith("🎧 Bob Fisher listened to " + title))
                .anyMatch(text -> text.startsWith("🎧 Robert Fisher listened to " + title));
    }

    @Test
    void switchingFromLastfmToListenBrainzKeepsTheSongWatchedAndReadsListenBrainzFromThen() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        registerOwn("bob", "Bob Fisher", "lastfm", "bobfisher");
        aliceSendsToBob("post:\"told you\"");
        sandbox.advanceMinutes(10);

        SandboxClient.Response switched = sandbox.inAnotherBrowser().connectOwn("bob", "listenbrainz", "bob_lb");
        assertThat(switched.body()).contains("id=\"registered\"").contains("ListenBrainz");
        scrobble("bobfisher", title);
        sandbox.advanceMinutes(10);
        assertThat(sandbox.inbox("alice")).as("Last.fm is no longer read").noneMatch(text -> text.contains("listened"));

        sandbox.control().listen("bob_lb", Map.of("artist", artist, "track", title + " - Single Version"));
        sandbox.advanceMinutes(70);
        assertThat(sandbox.lastMessage("alice")).startsWith("🎧 Bob Fisher listened to " + title);
        assertThat(sandbox.lastMessage("bob")).contains("told you");
    }

    @Test
    void someoneWhoseHistoryIsEmptyIsToldHowToGetTheirPlaysThereAndSomeoneWithPlaysIsNot() {
        registerOwn("bob", "Bob Fisher", "lastfm", "bobfisher");
        assertThat(sandbox.lastMessage("bob")).startsWith("Welcome, Bob Fisher!")
                .contains("I see no scrobbles on your Last.fm yet").contains("Spotify Scrobbling");

        registerOwn("carol", "Carol King", "listenbrainz", "carol_lb");
        assertThat(sandbox.lastMessage("carol")).contains("I see no listens on your ListenBrainz yet")
                .contains("https://listenbrainz.org/settings/music-services/details/");

        sandbox.control().listen("dan_lb", Map.of("artist", artist, "track", title,
                "at", sandbox.now().minus(Duration.ofDays(2)).toString()));
        registerOwn("dan", "Dan Brown", "listenbrainz", "dan_lb");
        assertThat(sandbox.lastMessage("dan")).startsWith("Welcome, Dan Brown!").doesNotContain("I see no");
    }

    @Test
    void aSuspendedLastfmKeyAtConsentOffersTheOtherSourcesRatherThanTryingAgain() {
        sandbox.control().messengerName("bob", "Bob", "Fisher");
        sandbox.control().faultWithCode("lastfm", 403, 1, 26);

        SandboxClient.Response page = sandbox.inAnotherBrowser().connectOwn("bob", "lastfm", "bobfisher");

        assertThat(page.body()).contains("id=\"not-allowed\"").contains("refused the server&#39;s own key")
                .contains("/connect/listenbrainz?link=").doesNotContainIgnoringCase("try again");
        assertThat(sandbox.messages("bob").getLast().path("message").path("quick_replies"))
                .extracting(reply -> reply.path("payload").asText()).contains("connect listenbrainz");
        assertThat(sandbox.inAnotherBrowser().connectOwn("bob", "listenbrainz", "bob_lb").body())
                .contains("id=\"registered\"");
    }
}
