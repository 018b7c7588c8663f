package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.testsupport.SandboxControl;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Songs for friends the bot cannot reach yet, over HTTP against the emulated Messenger: a friend who has not
 * registered gets an invite link from the sender, and a friend outside the 24-hour window gets the friend's m.me
 * link; opening either (a referral event) brings the song.
 */
class InvitesEndToEndTest {
    private static final String LINK = "https://open.spotify.com/track/";
    private static final Pattern M_ME = Pattern.compile("https://m\\.me/sandbox-page\\?ref=([A-Za-z0-9_-]+)");

    private Demo demo;
    private SandboxClient sandbox;
    private SandboxControl control;
    private String track;
    private String title;

    @BeforeEach
    void start() {
        demo = Demo.start(Map.of("PORT", "0", "TICK_SECONDS", "3600"));
        sandbox = new SandboxClient(demo.baseUrl());
        control = new SandboxControl(demo.baseUrl());
        track = sandbox.trackIds().get(1);
        sandbox.register("alice", "alice-sp", "Alice Smith");
        for (JsonNode song : sandbox.get("/sandbox/spotify/tracks").json()) {
            if (song.path("id").asText().equals(track)) {
                List<String> artists = new java.util.ArrayList<>();
                song.path("artists").forEach(artist -> artists.add(artist.asText()));
                title = song.path("name").asText() + " by " + String.join(", ", artists);
            }
        }
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    void aNamesakeSigningUpWithoutTheLinkIsOfferedAndNotThemLeavesTheInviteForItsLink() {
        String ref = ref(sandbox.ask("alice", "send_song name:\"Dan Brown\" " + LINK + track).getFirst());

        sandbox.register("dan", "dan-sp", "Dan Brown");

        sandbox.awaitMessage("alice", text -> text.startsWith("Dan Brown just signed up. Is that who you invited "
                + "with \"" + title + "\"? If so, I'll send it to them now."));
        assertThat(sandbox.tapTitled("alice", "Not them")).singleElement().asString().isEqualTo("OK: your invite "
                + "for " + title + " still waits for \"Dan Brown\" to open its link (it works for 7 more days).");
        assertThat(sandbox.inbox("dan")).noneMatch(text -> text.startsWith("🎵 Alice Smith sent you a song"));

        openLink("carol", ref);
        sandbox.register("carol", "carol-sp", "Carol Jones");
        sandbox.awaitSong("carol", text -> text.startsWith("🎵 Alice Smith sent you a song: " + title));
    }

    @Test
    void anInviteOpenedByAFriendWhoThenRegistersBringsThemTheSong() {
        List<String> sent = sandbox.ask("alice", "send_song name:\"Carol Jones\" pre:\"for the drive\" " + LINK
                + track);
        String ref = ref(sent.getFirst());
        assertThat(ref).matches("invite-[A-Za-z0-9_-]{22}");
        assertThat(sent).singleElement().isEqualTo("I don't know anyone called \"Carol Jones\" yet. Forward them "
                + "the link for the app they use:\nMessenger: https://m.me/sandbox-page?ref=" + ref + "\nTelegram: "
                + "https://t.me/SendSongsSandboxBot?start=" + ref + "\nWhen they open it and sign up, " + title
                + " goes to them and I'll tell you. The link works for 7 days.");

        List<String> opened = openLink("carol", ref);
        assertThat(opened).singleElement().asString().startsWith("Alice Smith sent you a song: " + title
                + ". Sign up below and it's yours.\n\nHi! I'm Send Songs");
        assertThat(openLink("mallory", ref)).singleElement().asString()
                .startsWith("Someone else has already opened that invite.");

        int alicesBefore = sandbox.inbox("alice").size();
        sandbox.register("carol", "carol-sp", "Carol Jones");

        sandbox.awaitSong("carol", text -> text.startsWith("🎵 Alice Smith sent you a song: " + title));
        assertThat(sandbox.lastText("carol")).isEqualTo("🎵 Alice Smith sent you a song: " + title
                + "\n“for the drive”");
        assertThat(sandbox.lastCard("carol").path("buttons")).hasSize(3);
        List<String> alices = sandbox.awaitInbox("alice", inbox -> inbox.size() > alicesBefore);
        assertThat(alices.getLast()).startsWith("Carol Jones opened your invite. Sent " + title
                + " to Carol Jones.");
        sandbox.advanceSeconds(1); // a referral has no mid: the same one at the same moment is a redelivery
        assertThat(openLink("carol", ref)).singleElement().asString()
                .startsWith("You already used this invite: " + title + " from Alice Smith.");
    }

    @Test
    void twoInvitesOpenedByOneFriendBringThemBothSongs() {
        String other = sandbox.trackIds().get(2);
        String first = ref(sandbox.ask("alice", "send_song name:\"Carol\" " + LINK + track).getFirst());
        String second = ref(sandbox.ask("alice", "send_song name:\"Carol\" " + LINK + other).getFirst());
        assertThat(first).isNotEqualTo(second);
        openLink("carol", first);
        sandbox.advanceSeconds(1);
        openLink("carol", second);

        sandbox.register("carol", "carol-sp", "Carol Jones");

        List<String> carols = sandbox.awaitInbox("carol", inbox -> inbox.stream()
                .filter(text -> text.startsWith("🎵 Alice Smith sent you a song")).count() == 2);
        assertThat(carols).filteredOn(text -> text.startsWith("🎵 Alice Smith sent you a song")).hasSize(2);
        assertThat(sandbox.awaitInbox("alice", inbox -> inbox.stream()
                .filter(text -> text.startsWith("Carol Jones opened your invite. Sent ")).count() == 2))
                .filteredOn(text -> text.startsWith("Carol Jones opened your invite.")).hasSize(2);
    }

    @Test
    void aFriendWhoSignsUpThroughTheirOwnLinkGetsTheSongOnceWelcomed() {
        String ref = ref(sandbox.ask("alice", "send_song name:\"Carol\" " + LINK + track).getFirst());
        assertThat(openLink("carol", ref).getFirst()).contains("Alice Smith sent you a song");
        sandbox.control().messengerName("carol", "Carol", "Jones");

        SandboxClient.Response page = sandbox.inAnotherBrowser().connectOwn("carol", "spotify", "carol-sp");

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> carols = sandbox.awaitMessage("carol", text -> text.startsWith("🎵 Alice Smith sent you a song"));
        int welcome = carols.indexOf(carols.stream().filter(t -> t.startsWith("Welcome, Carol Jones!")).findFirst()
                .orElseThrow());
        assertThat(carols.get(welcome + 1)).isEqualTo("🎵 Alice Smith sent you a song: " + title);
        assertThat(sandbox.awaitMessage("alice", text -> text.startsWith("Carol Jones opened your invite."))
                .getLast()).startsWith("Carol Jones opened your invite. Sent " + title + " to Carol Jones.");
    }

    @Test
    void aForgedOrOwnInviteBringsNothingAndAnUnusedOneExpiresWithTheSenderTold() {
        String ref = ref(sandbox.ask("alice", "send_song name:\"Dave\" " + LINK + track).getFirst());

        assertThat(openLink("eve", "invite-" + "A".repeat(22))).singleElement().asString()
                .startsWith("That invite has expired or was already used.\n\nHi! I'm Send Songs");
        assertThat(openLink("eve", "invite-")).singleElement().asString().startsWith("Hi! I'm Send Songs");
        assertThat(openLink("alice", ref)).singleElement().asString()
                .startsWith("That's your own invite: forward the link to your friend.\n\nHi Alice!");

        int alicesBefore = sandbox.inbox("alice").size();
        sandbox.advanceMinutes(7 * 24 * 60 + 1);
        sandbox.say("alice", "hi"); // the expiry notice waits for Alice's 24-hour window, like any message

        List<String> alices = sandbox.awaitMessage("alice", text -> text.startsWith("Nobody used your invite"));
        assertThat(alices.subList(alicesBefore, alices.size())).contains("Nobody used your invite for " + title
                + " (to \"Dave\") within 7 days, so it has expired. Once they've signed up, send it again.");
        sandbox.register("dave", "dave-sp", "Dave");
        assertThat(openLink("dave", ref)).singleElement().asString().startsWith("This invite expired ")
                .contains(" ago. Ask Alice Smith to send the song again.");
    }

    @Test
    void aSongHeldByThe24HourRuleIsToldPlainlyAndTheFriendsLinkDeliversIt() {
        sandbox.register("bob", "bob-sp", "Bob Fisher");
        sandbox.advanceMinutes(25 * 60);
        int bobsBefore = sandbox.inbox("bob").size();

        List<String> told = sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + track);

        assertThat(told).singleElement().isEqualTo("Their chat app won't let me deliver " + title + " to Bob Fisher "
                + "just now (they haven't written to me lately). Send them this link: "
                + "https://m.me/sandbox-page?ref=songs\nIt goes out the moment they tap it, and I'll start watching "
                + "then.");
        assertThat(sandbox.inbox("bob")).hasSize(bobsBefore);

        control.openLink("bob", ref(told.getFirst()));

        sandbox.awaitMessage("bob", text -> text.startsWith("Hi Bob!"));
        List<JsonNode> bobs = sandbox.messages("bob").subList(bobsBefore, sandbox.messages("bob").size());
        assertThat(bobs.getFirst().path("message").path("text").asText())
                .isEqualTo("🎵 Alice Smith sent you a song: " + title);
        assertThat(bobs).allSatisfy(message -> {
            assertThat(message.path("messaging_type").asText()).isNotEqualTo("MESSAGE_TAG");
            assertThat(message.path("tag").isMissingNode() || message.path("tag").isNull()).isTrue();
        });
        assertThat(sandbox.awaitMessage("alice", text -> text.startsWith("📬")).getLast())
                .as("Alice told it went at last: he opened the link, which is no writing")
                .isEqualTo("📬 Bob Fisher is back in the chat, so " + title + " is going out to them now (you sent it "
                        + "just now). I'll tell you when they play it.");
    }

    @Test
    void aGroupSendNamesTheMembersHeldByThe24HourRuleWithTheLinkThatReleasesTheirSong() {
        sandbox.register("bob", "bob-sp", "Bob Fisher");
        sandbox.register("carol", "carol-sp", "Carol Jones");
        sandbox.register("dan", "dan-sp", "Dan Brown");
        sandbox.ask("alice", "create_group Family");
        for (String name : List.of("Bob Fisher", "Carol Jones", "Dan Brown")) {
            sandbox.ask("alice", "add_to_group Family \"" + name + "\"");
        }
        sandbox.advanceMinutes(25 * 60);
        sandbox.ask("carol", "hi"); // Carol wrote lately; Bob and Dan did not
        int bobsBefore = sandbox.inbox("bob").size();

        List<String> told = sandbox.ask("alice", "send_song group:Family " + LINK + track);

        assertThat(told).singleElement().isEqualTo("Sent " + title + " to Family (3 people). I'll tell you as each of "
                + "them plays it, and sum up when all have played it or 7 days have passed. Their chat app won't let "
                + "me deliver it to Bob Fisher, Dan Brown just now (they haven't written to me lately). Send each of "
                + "them this link: https://m.me/sandbox-page?ref=songs\nIt goes out the moment they tap it, and I'll "
                + "start watching then.");
        assertThat(sandbox.inbox("bob")).hasSize(bobsBefore);
        assertThat(sandbox.lastText("carol")).startsWith("🎵 Alice Smith sent a song to Family: " + title);

        control.openLink("bob", ref(told.getFirst()));
        sandbox.awaitMessage("bob", text -> text.startsWith("Hi Bob!"));
        assertThat(sandbox.inbox("bob").subList(bobsBefore, sandbox.inbox("bob").size()).getFirst())
                .isEqualTo("🎵 Alice Smith sent a song to Family: " + title);
    }

    private List<String> openLink(String psid, String ref) {
        int before = sandbox.inbox(psid).size();
        control.openLink(psid, ref);
        List<String> after = sandbox.awaitInbox(psid, inbox -> inbox.size() > before);
        return after.subList(before, after.size());
    }

    private static String ref(String text) {
        Matcher link = M_ME.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        return link.group(1);
    }
}
