package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.watch.WatchSchedule;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's stories over real HTTP: the production server in demo wiring, driven only through
 * its routes and the sandbox control API, on the sandbox's manual clock.
 */
@Execution(ExecutionMode.CONCURRENT) // each test its own demo server
class EndToEndTest {
    private static final String LINK = "https://open.spotify.com/track/";
    /** The last check of a song comes this long after its watch period (the default WATCH_GRACE). */
    private static final long GRACE_MINUTES = WatchSchedule.DEFAULT_GRACE.toMinutes();

    @TempDir
    Path dir;
    private Demo demo;
    private SandboxClient sandbox;
    private String track;

    @BeforeEach
    void start() {
        demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", dir.resolve("send-songs.db").toString(),
                "TICK_SECONDS", "3600"));
        sandbox = new SandboxClient(demo.baseUrl());
        track = sandbox.trackIds().getFirst();
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    void aSongIsSentPlayedAndTheSenderIsTold() {
        assertThat(sandbox.ask("alice", "hello")).singleElement().asString()
                .startsWith("Hi! I'm Send Songs");
        assertThat(sandbox.register("alice", "alice-sp", "Alice Smith")).startsWith("Welcome, Alice Smith!");
        assertThat(sandbox.register("bob", "bob-sp", "Bob Fisher")).startsWith("Welcome, Bob Fisher!");

        List<String> confirmation = sandbox.ask("alice",
                "send_song name:\"Bob Fisher\" pre:\"for your commute\" post:\"told you it was good\" " + LINK + track);

        assertThat(confirmation).singleElement().asString().startsWith("Sent ").contains("Bob Fisher");
        String delivered = sandbox.lastText("bob");
        assertThat(delivered).contains("Alice Smith sent you a song").contains("for your commute")
                .doesNotContain("told you it was good");
        assertThat(sandbox.lastCard("bob").path("default_action").path("url").asText()).isEqualTo(LINK + track);

        sandbox.advanceMinutes(10);
        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.contains("listened to"));

        sandbox.play("bob-sp", track);
        sandbox.advanceMinutes(10);

        assertThat(sandbox.lastMessage("alice")).startsWith("🎧 Bob Fisher listened to ");
        assertThat(sandbox.lastMessage("bob")).contains("Alice Smith's note on").contains("told you it was good");
        int aliceMessages = sandbox.inbox("alice").size();
        sandbox.advanceMinutes(120);
        assertThat(sandbox.inbox("alice")).hasSize(aliceMessages);
    }

    @Test
    void aSongNeverPlayedExpiresAfterTheWatchPeriodAndTheNoticeWaitsForTheSender() {
        registerAliceAndBob();
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + track);

        sandbox.advanceMinutes(6 * 24 * 60);
        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.contains("not played within"));

        sandbox.advanceMinutes(24 * 60 + 5 + GRACE_MINUTES);
        // Alice last wrote a week ago: Messenger's 24-hour rule holds the notice until she writes again.
        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.contains("not played within"));
        sandbox.ask("alice", "pending");
        assertThat(sandbox.inbox("alice")).anyMatch(text -> text.contains("sent to Bob Fisher, was not played within 7 days"));
    }

    @Test
    void pendingSaysALastCheckIsComingBetweenTheWatchPeriodAndTheSongsLastCheck() {
        registerAliceAndBob();
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + track);

        sandbox.advanceMinutes(6 * 24 * 60);
        assertThat(sandbox.ask("alice", "pending")).singleElement().asString().contains("→ Bob Fisher: delivered ")
                .contains(", watching for 1 more day\n");

        sandbox.advanceMinutes(24 * 60 + 30);
        assertThat(sandbox.ask("alice", "pending")).singleElement().asString().contains("→ Bob Fisher: delivered ")
                .contains(", watching ended ").endsWith(" min ago; last check for late plays soon\nStop one with: "
                        + "cancel <number>");

        sandbox.advanceMinutes(GRACE_MINUTES + 5);
        sandbox.say("alice", "pending");
        assertThat(sandbox.awaitMessage("alice", text -> text.startsWith("Nothing pending")))
                .anyMatch(text -> text.contains("sent to Bob Fisher, was not played within 7 days"));
    }

    @Test
    void historyShowsTenSongsAPageAndTheOlderOnesAreATapAway() {
        registerAliceAndBob();
        sandbox.register("carol", "carol-sp", "Carol King");
        List<String> tracks = sandbox.trackIds().subList(0, 12);
        for (int i = 0; i < tracks.size(); i++) { // within each friend's daily limit of 10
            sandbox.ask("alice", "send_song name:\"" + (i % 2 == 0 ? "Bob Fisher" : "Carol King") + "\" " + LINK
                    + tracks.get(i));
        }

        List<String> latest = sandbox.ask("alice", "history").getFirst().lines().toList();
        assertThat(latest.getFirst()).isEqualTo("Your latest songs:");
        assertThat(latest.subList(1, latest.size())).hasSize(10).allMatch(line -> line.startsWith("• "));
        assertThat(latest.get(1)).startsWith("• " + sandbox.track(tracks.get(11)).path("name").asText() + " by ");

        List<String> older = sandbox.tapTitled("alice", "Older songs").getFirst().lines().toList();
        assertThat(older).hasSize(3);
        assertThat(older.getFirst()).isEqualTo("Your songs before those (11 to 12):");
        assertThat(older.get(1)).startsWith("• " + sandbox.track(tracks.get(1)).path("name").asText() + " by ")
                .contains("→ Carol King: delivered ");
        assertThat(older.get(2)).startsWith("• " + sandbox.track(tracks.get(0)).path("name").asText() + " by ")
                .contains("→ Bob Fisher: delivered ");
    }

    @Test
    void theDemosSpotifyTakesOnlyTheBotsOwnCallbackAsSpotifysDashboardWould() {
        String callback = demo.baseUrl() + "/callback";
        assertThat(callback).startsWith("http://127.0.0.1:");
        assertThat(sandbox.get("/sandbox/spotify/app").body()).contains("\"redirect_uris\":[\"" + callback + "\"]");
        String authorize = sandbox.get("/connect").headers().location();
        assertThat(authorize).contains("redirect_uri=" + SandboxClient.encode(callback) + "&");

        String elsewhere = authorize.replace(SandboxClient.encode(callback),
                SandboxClient.encode("https://attacker.example/callback"));
        SandboxClient.Response refused = sandbox.getAbsolute(elsewhere + "&sandbox_user=alice-sp");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("INVALID_CLIENT: Invalid redirect URI");
        assertThat(refused.headers().headers().firstValue("Location")).isEmpty();

        assertThat(sandbox.connectSpotify("alice-sp")).as("the bot's own callback still works").isNotBlank();
    }

    @Test
    void aPlayBeforeDeliveryDoesNotCount() {
        registerAliceAndBob();
        sandbox.playAt("bob-sp", track, sandbox.now().toString()); // ended before the song was sent
        sandbox.advanceSeconds(60);
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" post:\"after\" " + LINK + track);

        sandbox.advanceMinutes(30);
        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.contains("listened to"));
        assertThat(sandbox.inbox("bob")).noneMatch(text -> text.contains("after"));

        sandbox.play("bob-sp", track); // ends one track length later, shows in the history then
        sandbox.advanceMinutes(10);
        assertThat(sandbox.lastMessage("alice")).startsWith("🎧 Bob Fisher listened to ");
    }

    @Test
    void aReceiverWritingToTheBotHasTheirSongsCheckedWithoutWaitingForTheHourlyCheck() {
        registerAliceAndBob();
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + track);
        sandbox.advanceMinutes(120); // past the 5-minute checks: the next one is an hour after the last
        sandbox.playAt("bob-sp", track, sandbox.now().toString());
        sandbox.advanceMinutes(1);
        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.contains("listened to"));

        sandbox.ask("bob", "pending");
        sandbox.advanceMinutes(1);

        assertThat(sandbox.awaitInbox("alice", inbox -> inbox.getLast().startsWith("🎧 ")).getLast())
                .startsWith("🎧 Bob Fisher listened to ");
    }

    @Test
    void unknownFriendNonTrackLinkAndUnknownTrackGetClearErrorsAndNothingIsDelivered() {
        registerAliceAndBob();
        int bobBefore = sandbox.inbox("bob").size();

        assertThat(sandbox.ask("alice", "send_song name:\"Carol King\" " + LINK + track)).singleElement()
                .asString().contains("I don't know anyone called").contains("Carol King");
        assertThat(sandbox.ask("alice", "send_song name:\"Bob Fisher\" https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy"))
                .singleElement().asString().contains("That's a Spotify album").contains("one song at a time");
        assertThat(sandbox.lastSent("alice").path("quick_replies").get(0).path("payload").asText())
                .as("the example is a tap away, not a usage line").isEqualTo("help send_song");
        assertThat(sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + "0000000000000000000000"))
                .singleElement().asString().isEqualTo("I couldn't find that track on Spotify. Check the link and try again.");

        assertThat(sandbox.inbox("bob")).hasSize(bobBefore);
        assertThat(sandbox.ask("alice", "history")).singleElement().asString().startsWith("You haven't sent any songs yet.");
    }

    @Test
    void aMessageOutsideTheTwentyFourHourWindowIsHeldUntilThePersonWrites() {
        registerAliceAndBob();
        sandbox.advanceMinutes(25 * 60);

        assertThat(sandbox.ask("alice", "send_song name:\"Bob Fisher\" pre:\"late one\" " + LINK + track))
                .singleElement().asString().contains("won't let me deliver");
        int bobBefore = sandbox.inbox("bob").size();
        sandbox.advanceMinutes(60);
        assertThat(sandbox.inbox("bob")).hasSize(bobBefore);

        sandbox.ask("bob", "hi");
        assertThat(sandbox.inbox("bob")).anyMatch(text -> text.contains("Alice Smith sent you a song")
                && text.contains("late one"));

        sandbox.play("bob-sp", track);
        sandbox.advanceMinutes(10);
        assertThat(sandbox.inbox("alice")).anyMatch(text -> text.startsWith("🎧 Bob Fisher listened to "));
    }

    @Test
    void aSpotifyRateLimitPostponesTheCheckUntilRetryAfterAndItThenSucceeds() {
        registerAliceAndBob();
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + track);
        sandbox.play("bob-sp", track);
        sandbox.fault("spotify", 429, 1, 600);

        sandbox.advanceMinutes(6);
        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.contains("listened to"));
        sandbox.advanceMinutes(5);
        assertThat(sandbox.inbox("alice")).as("Retry-After is 10 minutes").noneMatch(text -> text.contains("listened to"));

        sandbox.advanceMinutes(10);
        assertThat(sandbox.lastMessage("alice")).startsWith("🎧 Bob Fisher listened to ");
    }

    @Test
    void anAmbiguousNameIsAskedAboutWithoutAccountIdsAndNeverSentToTheFirstMatch() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        sandbox.register("bob1", "bob1-sp", "Bob Fisher");
        sandbox.advanceMinutes(2 * 24 * 60);
        sandbox.register("bob2", "bob2-sp", "Bob Fisher");
        int bob1Before = sandbox.inbox("bob1").size();

        String question = sandbox.ask("alice", "send_song name:\"bob fisher\" " + LINK + track).getLast();
        assertThat(question).startsWith("2 people are called Bob Fisher. Which one?").contains("\n1. Bob Fisher — joined")
                .contains("\n2. Bob Fisher — joined").doesNotContain("-sp");
        assertThat(sandbox.inbox("bob1")).hasSize(bob1Before);
        assertThat(sandbox.inbox("bob2")).noneMatch(text -> text.contains("sent you a song"));

        String second = sandbox.lastSent("alice").path("quick_replies").get(1).path("title").asText();
        assertThat(second).startsWith("2. Bob · ");
        sandbox.tapTitled("alice", second); // the one who joined later
        assertThat(sandbox.lastText("bob2")).contains("Alice Smith sent you a song");
        assertThat(sandbox.inbox("bob1")).hasSize(bob1Before);
    }

    /**
     * Messenger shows at most 20 characters of a quick reply's title, and Graph (as its emulator) refuses a longer one
     * (https://developers.facebook.com/docs/messenger-platform/send-messages/quick-replies): two long names that start
     * alike keep the ends that tell them apart.
     */
    @Test
    void twoLongNamesThatStartAlikeAreToldApartOnTheirQuickReplies() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        sandbox.register("smith", "smith-sp", "Alexandra Montgomery-Smith");
        sandbox.register("jones", "jones-sp", "Alexandra Montgomery-Jones");
        sandbox.ask("smith", "send_song name:\"Alice Smith\" " + LINK + track);
        sandbox.ask("jones", "send_song name:\"Alice Smith\" " + LINK + track);

        String question = sandbox.ask("alice", "send_song name:\"Alexandra\" " + LINK + track).getLast();

        assertThat(question).startsWith("That name fits 2 people. Which one?");
        JsonNode replies = sandbox.lastSent("alice").path("quick_replies");
        assertThat(replies).extracting(reply -> reply.path("title").asText())
                .containsExactly("1. Alexandra\u2026Jones", "2. Alexandra\u2026Smith", "Don't send");
        sandbox.tapTitled("alice", "1. Alexandra\u2026Jones");
        assertThat(sandbox.lastText("jones")).contains("Alice Smith sent you a song");
    }

    @Test
    void aRegistrationCodeWorksOnceAndExpires() {
        String code = sandbox.connectSpotify("alice-sp");
        assertThat(sandbox.ask("alice", "register code:\"" + code + "\" name:\"Alice Smith\"").getLast())
                .startsWith("Welcome, Alice Smith!");
        assertThat(sandbox.ask("mallory", "register code:\"" + code + "\" name:\"Mallory\"").getLast())
                .contains("unknown, used or expired");

        String late = sandbox.connectSpotify("bob-sp");
        sandbox.advanceMinutes(16);
        assertThat(sandbox.ask("bob", "register code:\"" + late + "\" name:\"Bob Fisher\"").getLast())
                .contains("unknown, used or expired");
    }

    @Test
    void theConnectStateIsSingleUseAndExpires() {
        String authorize = sandbox.get("/connect").headers().location();
        assertThat(authorize).contains("response_type=code", "scope=user-read-recently-played", "state=");
        String callback = sandbox.getAbsolute(authorize + "&sandbox_user=alice-sp").headers().location();

        assertThat(sandbox.getAbsolute(callback).body()).contains("id=\"registration-code\"");
        SandboxClient.Response replay = sandbox.getAbsolute(callback);
        assertThat(replay.body()).doesNotContain("registration-code").contains("This page was already used")
                .contains("If you have the code, send it");

        String slow = sandbox.get("/connect").headers().location();
        sandbox.advanceMinutes(11);
        String lateCallback = sandbox.getAbsolute(slow + "&sandbox_user=bob-sp").headers().location();
        assertThat(sandbox.getAbsolute(lateCallback).body()).doesNotContain("registration-code");
    }

    @Test
    void aRevokedSpotifyGrantIsToldOncePausesWatchingAndResumesAfterReconnecting() {
        registerAliceAndBob();
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + track);
        sandbox.post("/sandbox/spotify/users/bob-sp/revoke", "{}");

        sandbox.advanceMinutes(6);
        assertThat(sandbox.lastMessage("bob")).startsWith("Your Spotify connection has ended")
                .contains(sandbox.base() + "/connect");
        sandbox.advanceMinutes(3 * 60);
        assertThat(sandbox.inbox("bob")).filteredOn(text -> text.startsWith("Your Spotify connection has ended"))
                .hasSize(1);

        sandbox.play("bob-sp", track);
        assertThat(sandbox.register("bob", "bob-sp", "Bob Fisher")).startsWith("You're connected again, Bob Fisher.");
        sandbox.advanceMinutes(10);
        assertThat(sandbox.lastMessage("alice")).startsWith("🎧 Bob Fisher listened to ");
    }

    @Test
    void aSongMessengerFailsToTakeIsRetriedAndWatchedOnceDelivered() {
        registerAliceAndBob();
        int bobBefore = sandbox.inbox("bob").size();
        sandbox.fault("messenger", 500, 1, 0);

        assertThat(sandbox.ask("alice", "send_song name:\"Bob Fisher\" pre:\"second try\" " + LINK + track))
                .singleElement().asString().contains("didn't take").contains("keep trying");
        assertThat(sandbox.inbox("bob")).hasSize(bobBefore);

        sandbox.advanceMinutes(2);
        assertThat(sandbox.inbox("bob")).as("the text, then the card").hasSize(bobBefore + 2);
        assertThat(sandbox.lastText("bob")).contains("Alice Smith sent you a song").contains("second try");

        sandbox.play("bob-sp", track);
        sandbox.advanceMinutes(10);
        assertThat(sandbox.lastMessage("alice")).startsWith("🎧 Bob Fisher listened to ");
    }

    @Test
    void forgetMeDeletesThePersonAndTakesBackSongsStillWaitingForTheirReceiver() {
        registerAliceAndBob();
        sandbox.advanceMinutes(25 * 60);
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" pre:\"from me\" " + LINK + track);

        assertThat(sandbox.ask("alice", "forget_me")).singleElement().asString().endsWith("Delete it all?");
        assertThat(sandbox.tap("alice", "forget_me confirm")).singleElement().asString()
                .startsWith("Done: I've deleted everything");
        sandbox.ask("bob", "hi");
        assertThat(sandbox.inbox("bob")).noneMatch(text -> text.contains("from me"));
        assertThat(sandbox.ask("alice", "pending")).singleElement().asString().startsWith("That works once you've connected");
        assertThat(sandbox.ask("bob", "send_song name:\"Alice Smith\" " + LINK + track)).singleElement().asString()
                .contains("I don't know anyone called");
    }

    @Test
    void oneCheckOfAReceiverSettlesEverySongSentToThemWithOneSpotifyCall() {
        registerAliceAndBob();
        sandbox.register("carol", "carol-sp", "Carol King");
        List<String> tracks = sandbox.trackIds();
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" post:\"from alice\" " + LINK + tracks.get(1));
        sandbox.ask("carol", "send_song name:\"Bob Fisher\" post:\"from carol\" " + LINK + tracks.get(2));
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.get(3));
        sandbox.play("bob-sp", tracks.get(1));
        sandbox.play("bob-sp", tracks.get(2));
        sandbox.delete("/sandbox/spotify/stats");

        sandbox.advanceMinutes(10);

        assertThat(sandbox.spotifyStats().path("recently-played").asLong()).isEqualTo(1);
        assertThat(sandbox.inbox("alice")).filteredOn(text -> text.startsWith("🎧 Bob Fisher listened to ")).hasSize(1);
        assertThat(sandbox.inbox("carol")).filteredOn(text -> text.startsWith("🎧 Bob Fisher listened to ")).hasSize(1);
        assertThat(sandbox.inbox("bob")).anyMatch(text -> text.contains("from alice"))
                .anyMatch(text -> text.contains("from carol"));
        assertThat(sandbox.ask("alice", "pending").getLast()).contains("Bob Fisher");
    }

    @Test
    void pendingListsWatchedSongsAndCancelStopsOneSoAPlayIsNotReported() {
        registerAliceAndBob();
        List<String> tracks = sandbox.trackIds();
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.get(4));
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.get(5));

        String pending = sandbox.ask("alice", "pending").getLast();
        assertThat(pending).contains("1.", "2.", "Bob Fisher", "cancel <number>");
        assertThat(sandbox.ask("alice", "cancel").getLast()).contains("cancel <number> or cancel all");
        assertThat(sandbox.ask("alice", "cancel 1").getLast()).startsWith("Stopped watching ").contains("Bob Fisher");
        assertThat(sandbox.ask("alice", "pending").getLast()).doesNotContain("2.");

        sandbox.play("bob-sp", tracks.get(4));
        sandbox.play("bob-sp", tracks.get(5));
        sandbox.advanceMinutes(15);
        assertThat(sandbox.inbox("alice")).filteredOn(text -> text.startsWith("🎧 Bob Fisher listened to "))
                .hasSize(1);
        assertThat(sandbox.ask("alice", "history").getLast()).contains("Bob Fisher");
    }

    @Test
    void aSongSentAgainAfterItsCancelIsWatchedAgainAndNotDeliveredTwice() {
        registerAliceAndBob();
        String song = sandbox.trackIds().get(4);
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" post:\"told you\" " + LINK + song);
        assertThat(sandbox.ask("alice", "cancel").getLast()).startsWith("Stopped watching ");
        int bobsMessages = sandbox.inbox("bob").size();

        assertThat(sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + song).getLast())
                .startsWith("Bob Fisher already has ").contains("so I didn't send it again: I'm watching for it again");
        assertThat(sandbox.inbox("bob")).hasSize(bobsMessages);
        assertThat(sandbox.ask("alice", "pending").getLast()).contains("1. ").contains("→ Bob Fisher: delivered");

        sandbox.play("bob-sp", song);
        sandbox.advanceMinutes(15);
        assertThat(sandbox.lastMessage("alice")).startsWith("🎧 Bob Fisher listened to ");
        assertThat(sandbox.lastMessage("bob")).contains("told you");
    }

    @Test
    void aPlayPushedOutOfSpotifysFiftyItemHistoryIsNeverReportedAsSilentlyNotPlayed() {
        registerAliceAndBob();
        List<String> tracks = sandbox.trackIds();
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + track);
        java.time.Instant delivered = sandbox.now();
        sandbox.playAt("bob-sp", track, delivered.plusSeconds(5).toString());
        for (int i = 0; i < 55; i++) {
            String other = tracks.get(1 + i % (tracks.size() - 1));
            sandbox.playAt("bob-sp", other, delivered.plusSeconds(10 + i).toString());
        }

        sandbox.advanceMinutes(6);
        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.contains("listened to"));

        sandbox.advanceMinutes(7 * 24 * 60 + GRACE_MINUTES);
        sandbox.ask("alice", "hi");
        assertThat(sandbox.inbox("alice")).anyMatch(text -> text.contains("sent to Bob Fisher, was not played within 7 days")
                && text.contains("may have missed it"));
    }

    @Test
    void theSameRecordingUnderAnotherIdCountsAsAPlay() {
        registerAliceAndBob();
        // The catalogue's "Ferris Wheel in February" and its single edition share one ISRC.
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + "sw0KSZFy2XPBgUm7JydSrm");
        sandbox.play("bob-sp", "u199toNJxbe9vLUJHiPlZ5");
        sandbox.advanceMinutes(10);
        assertThat(sandbox.lastMessage("alice")).startsWith("🎧 Bob Fisher listened to Ferris Wheel in February");
    }

    private void registerAliceAndBob() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        sandbox.register("bob", "bob-sp", "Bob Fisher");
    }
}
