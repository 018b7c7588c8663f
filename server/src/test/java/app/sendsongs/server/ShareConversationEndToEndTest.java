package app.sendsongs.server;

import static app.sendsongs.server.TelegramPeople.buttons;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The turns of a pasted link's conversation that a person on a phone takes, on Messenger and on Telegram over real
 * HTTP (the production server in demo wiring, driven through the sandbox control API): words too long for a note, "to
 * Bob" beside the link, a change of who it is for at "Send … to Bob?", a second link while the first waits, a group
 * named in a sentence, and two friends named at once. Each platform renders the question and its taps its own way:
 * quick replies of at most 20 characters on Messenger, buttons whose data fits 64 bytes on Telegram.
 */
@Execution(ExecutionMode.CONCURRENT) // each test its own demo server
class ShareConversationEndToEndTest {
    private static final String LINK = "https://open.spotify.com/track/";
    private static final long ALICE = 385_741_296L;
    private static final long BOB = 511_223_344L;
    private static final String TOO_LONG = "Your words were too long for a note (at most 500 characters), so the song "
            + "waits without them. Once you've chosen who it's for, tap Add a note to write a shorter one.";

    @TempDir
    Path dir;
    private Demo demo;
    private SandboxClient sandbox;
    private TelegramPeople telegram;
    private List<String> tracks;

    @BeforeEach
    void start() {
        demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", dir.resolve("send-songs.db").toString(),
                "TICK_SECONDS", "3600"));
        sandbox = new SandboxClient(demo.baseUrl());
        telegram = new TelegramPeople(sandbox);
        tracks = sandbox.trackIds().subList(1, 6); // each a recording of its own
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    void onMessengerTheWordsTooLongForANoteAreToldOfAndToANameAsksFirst() {
        aliceWithBobAsAContactAndCarolInHerFamily();

        List<String> asked = sandbox.ask("alice", "so good ".repeat(70) + LINK + tracks.get(1), 2);
        assertThat(asked).containsExactly("Who is it for?\n" + TOO_LONG, titleOf(tracks.get(1)));
        assertThat(sandbox.tapTitled("alice", "Bob Fisher")).containsExactly("Send " + title(tracks.get(1))
                + " to Bob Fisher?");
        assertThat(quickReplyTitles()).contains("Add a note");

        int carolHad = sandbox.inbox("carol").size();
        assertThat(sandbox.ask("alice", "to Carol King " + LINK + tracks.get(2), 2)).containsExactly("Send "
                + title(tracks.get(2)) + " to Carol King?\n(I dropped " + title(tracks.get(1)) + ", which you hadn't "
                + "sent.)", titleOf(tracks.get(2)));
        assertThat(sandbox.inbox("carol")).hasSize(carolHad);
        assertThat(sandbox.tapTitled("alice", "Send")).singleElement().asString()
                .startsWith("Sent " + title(tracks.get(2)) + " to Carol King.");
    }

    @Test
    void onMessengerANameTypedAtTheQuestionChangesWhoItIsForAndSomeoneElseAsksAgainKeepingTheNote() {
        aliceWithBobAsAContactAndCarolInHerFamily();
        sandbox.ask("alice", "omg " + LINK + tracks.get(1), 2);
        sandbox.tapTitled("alice", "Bob Fisher");

        assertThat(sandbox.ask("alice", "Carol King")).containsExactly("Send " + title(tracks.get(1))
                + " to Carol King?\nWith it: “omg”");
        assertThat(quickReplyTitles()).containsExactly("Send", "Change the note", "Note for after", "No note",
                "Someone else", "Don't send");
        assertThat(sandbox.tapTitled("alice", "Someone else")).containsExactly("Who is " + title(tracks.get(1))
                + " for? Type their name.\nWith it: “omg”");
        assertThat(quickReplyTitles()).containsExactly("Bob Fisher", "Carol King", "👥 Family");

        assertThat(sandbox.tapTitled("alice", "👥 Family")).as("the group named without its tap's mark")
                .containsExactly("Send " + title(tracks.get(1)) + " to Family?\nWith it: “omg”");
        assertThat(sandbox.tapTitled("alice", "Send")).singleElement().asString()
                .startsWith("Sent " + title(tracks.get(1)) + " to Family (1 person).");
        assertThat(sandbox.inbox("carol")).contains("🎵 Alice Smith sent a song to Family: " + title(tracks.get(1))
                + "\n“omg”");
        assertThat(sandbox.inbox("bob")).noneMatch(text -> text.contains(title(tracks.get(1))));
    }

    @Test
    void onMessengerTwoFriendsNamedBesideALinkAreOfferedFirstAndAreNotItsNote() {
        aliceWithBobAsAContactAndCarolInHerFamily();

        assertThat(sandbox.ask("alice", "for Carol King and Bob " + LINK + tracks.get(1), 2)).containsExactly(
                "A song goes to one friend or one group at a time: tap the first, then share the song again for the "
                        + "next. To send songs to several friends at once, make them a group (create_group Friends, "
                        + "then add_to_group). Who is it for?", titleOf(tracks.get(1)));
        assertThat(quickReplyTitles()).containsExactly("Carol King", "Bob Fisher", "👥 Family", "Someone else");
        assertThat(sandbox.tapTitled("alice", "Carol King")).containsExactly("Send " + title(tracks.get(1))
                + " to Carol King?");
    }

    @Test
    void onTelegramToANameAsksFirstAndItsQuestionOffersSomeoneElseWithButtonsThatFit() {
        assertThat(telegram.register(ALICE, "Alice", "alice-sp", "Alice Archer")).startsWith("Welcome");
        assertThat(telegram.register(BOB, "Bob", "bob-sp", "Bob Fisher")).startsWith("Welcome");
        telegram.ask(BOB, "/send name:\"Alice Archer\" " + LINK + tracks.getFirst());
        telegram.ask(ALICE, "/create_group Band");
        telegram.ask(ALICE, "/add_to_group Band Bob Fisher");

        List<String> asked = telegram.ask(ALICE, "to Bob Fisher " + LINK + tracks.get(1));
        assertThat(asked).as("the song named in the text is its link: no card text repeats it").singleElement()
                .isEqualTo("Send " + title(tracks.get(1)) + " to Bob Fisher?");
        JsonNode question = telegram.messages(ALICE).getLast();
        assertThat(buttons(question)).containsExactly("Open in Spotify", "Send", "Add a note", "Note for after",
                "Someone else", "Don't send");
        question.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(button -> assertThat(
                button.path("callback_data").asText().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(64)));
        assertThat(telegram.texts(BOB)).noneMatch(text -> text.contains(title(tracks.get(1))));

        assertThat(telegram.tap(ALICE, question, "Someone else")).containsExactly("Who is " + title(tracks.get(1))
                + " for? Type their name.");
        JsonNode who = telegram.messages(ALICE).getLast();
        assertThat(buttons(who)).containsExactly("Bob Fisher", "👥 Band");
        assertThat(telegram.tap(ALICE, who, "👥 Band")).containsExactly("Send " + title(tracks.get(1))
                + " to Band?");

        assertThat(telegram.ask(ALICE, "so good ".repeat(70) + LINK + tracks.get(2))).singleElement().asString()
                .startsWith("Who is it for?\n" + TOO_LONG + "\n(I dropped " + title(tracks.get(1)) + ", which you "
                        + "hadn't sent.)\n\n🎵 ");
        assertThat(telegram.ask(ALICE, "/send name:\"Bob Fisher\" name:\"Band\" " + LINK + tracks.get(3)))
                .singleElement().asString().startsWith("A song goes to one friend or one group at a time, so give "
                        + "name: once. To send songs to several friends at once, make them a group (/create_group "
                        + "Friends, then /add_to_group).");
    }

    @Test
    void onTelegramATapOnTheQuestionOfASongDroppedForAnotherSaysSoAndAsksAboutTheOtherOne() {
        assertThat(telegram.register(ALICE, "Alice", "alice-sp", "Alice Archer")).startsWith("Welcome");
        assertThat(telegram.register(BOB, "Bob", "bob-sp", "Bob Fisher")).startsWith("Welcome");
        telegram.ask(BOB, "/send name:\"Alice Archer\" " + LINK + tracks.getFirst());
        telegram.ask(ALICE, LINK + tracks.get(1));
        JsonNode first = telegram.messages(ALICE).getLast();
        assertThat(buttons(first)).contains("Bob Fisher");
        assertThat(telegram.ask(ALICE, LINK + tracks.get(2))).singleElement().asString()
                .contains("(I dropped " + title(tracks.get(1)));

        assertThat(telegram.tap(ALICE, first, "Bob Fisher")).containsExactly(dropped(tracks.get(1), tracks.get(2)));
        JsonNode asked = telegram.messages(ALICE).getLast();
        assertThat(buttons(asked)).as("the open question's buttons").contains("Bob Fisher");
        asked.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(button -> assertThat(
                button.path("callback_data").asText().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(64)));
        assertThat(telegram.texts(BOB)).noneMatch(text -> text.contains(title(tracks.get(1)))
                || text.contains(title(tracks.get(2))));
        assertThat(telegram.tap(ALICE, asked, "Bob Fisher")).containsExactly("Send " + title(tracks.get(2))
                + " to Bob Fisher?");
    }

    @Test
    void onTelegramATapOnTheQuestionOfASongThatWentSinceSaysWhereItWent() {
        assertThat(telegram.register(ALICE, "Alice", "alice-sp", "Alice Archer")).startsWith("Welcome");
        assertThat(telegram.register(BOB, "Bob", "bob-sp", "Bob Fisher")).startsWith("Welcome");
        telegram.ask(BOB, "/send name:\"Alice Archer\" " + LINK + tracks.getFirst());
        telegram.ask(ALICE, LINK + tracks.get(1));
        JsonNode who = telegram.messages(ALICE).getLast();
        assertThat(telegram.ask(ALICE, "Bob Fisher")).as("typed: the question's buttons stay").containsExactly("Send "
                + title(tracks.get(1)) + " to Bob Fisher?");
        assertThat(telegram.tap(ALICE, telegram.messages(ALICE).getLast(), "Send")).singleElement().asString()
                .startsWith("Sent " + title(tracks.get(1)) + " to Bob Fisher.");
        telegram.await(BOB, chat -> chat.stream().anyMatch(text -> text.contains(title(tracks.get(1)))));

        assertThat(telegram.tap(ALICE, who, "Bob Fisher")).containsExactly("That tap was for "
                + title(tracks.get(1)) + ", which you already sent to Bob Fisher just now, so I did nothing.");
        assertThat(telegram.texts(BOB)).filteredOn(text -> text.contains(title(tracks.get(1)))).hasSize(1);
    }

    @Test
    void onTelegramAddANoteTappedUnderAnotherSongsQuestionDoesNothingToTheSongBeingSharedNow() {
        assertThat(telegram.register(ALICE, "Alice", "alice-sp", "Alice Archer")).startsWith("Welcome");
        assertThat(telegram.register(BOB, "Bob", "bob-sp", "Bob Fisher")).startsWith("Welcome");
        telegram.ask(ALICE, "to Bob Fisher " + LINK + tracks.get(1));
        JsonNode first = telegram.messages(ALICE).getLast();
        telegram.ask(ALICE, "to Bob Fisher " + LINK + tracks.get(2));

        assertThat(telegram.tap(ALICE, first, "Add a note")).containsExactly("That tap answered an earlier question, "
                + "so I did nothing. Send " + title(tracks.get(2)) + " to Bob Fisher?");
        JsonNode asked = telegram.messages(ALICE).getLast();
        asked.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(button -> assertThat(
                button.path("callback_data").asText().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(64)));
        assertThat(telegram.tap(ALICE, asked, "Add a note")).containsExactly("Type the note that goes with the song "
                + "to Bob Fisher.");
    }

    @Test
    void onMessengerAddANoteThatCrossedAnotherSongsQuestionDoesNothingToTheSongBeingSharedNow() {
        aliceWithBobAsAContactAndCarolInHerFamily();
        sandbox.ask("alice", "to Bob Fisher " + LINK + tracks.get(1), 2);
        JsonNode question = sandbox.messages("alice").getLast();
        JsonNode addANote = null;
        for (JsonNode reply : question.path("message").path("quick_replies")) {
            addANote = reply.path("title").asText().equals("Add a note") ? reply : addANote;
        }
        sandbox.ask("alice", "to Carol King " + LINK + tracks.get(2), 2);

        int before = sandbox.inbox("alice").size();
        sandbox.control().tapQuickReplySentUnder("alice", question.path("message_id").asText(), "Add a note",
                addANote.path("payload").asText());

        assertThat(sandbox.awaitInbox("alice", inbox -> inbox.size() > before).subList(before, before + 1))
                .containsExactly("That tap answered an earlier question, so I did nothing. Send "
                        + title(tracks.get(2)) + " to Carol King?");
        assertThat(sandbox.tapTitled("alice", "Add a note")).containsExactly("Type the note that goes with the song "
                + "to Carol King.");
    }

    @Test
    void onMessengerAShareSheetsWordsNamingTheSongAreNoNoteAndAGroupsNameAloneIsWhoItIsFor() {
        aliceWithBobAsAContactAndCarolInHerFamily();

        assertThat(sandbox.ask("alice", "Listen to " + nameOf(tracks.get(1)) + " by " + artistsOf(tracks.get(1))
                + " on Spotify " + LINK + tracks.get(1), 2)).containsExactly("Who is it for?", titleOf(tracks.get(1)));
        assertThat(sandbox.tapTitled("alice", "Bob Fisher")).containsExactly("Send " + title(tracks.get(1))
                + " to Bob Fisher?");
        assertThat(quickReplyTitles()).doesNotContain("No note");

        assertThat(sandbox.ask("alice", LINK + tracks.get(2) + " family", 2)).containsExactly("Send "
                + title(tracks.get(2)) + " to Family?\n(I dropped " + title(tracks.get(1)) + ", which you hadn't "
                + "sent.)", titleOf(tracks.get(2)));
        assertThat(sandbox.tapTitled("alice", "Send")).singleElement().asString()
                .startsWith("Sent " + title(tracks.get(2)) + " to Family (1 person).");
        assertThat(sandbox.inbox("carol")).contains("🎵 Alice Smith sent a song to Family: " + title(tracks.get(2)));
    }

    @Test
    void onTelegramAShareSheetsWordsNamingTheSongAreNoNoteAndAGroupsNameAloneIsWhoItIsFor() {
        assertThat(telegram.register(ALICE, "Alice", "alice-sp", "Alice Archer")).startsWith("Welcome");
        assertThat(telegram.register(BOB, "Bob", "bob-sp", "Bob Fisher")).startsWith("Welcome");
        telegram.ask(BOB, "/send name:\"Alice Archer\" " + LINK + tracks.getFirst());
        telegram.ask(ALICE, "/create_group Book Club");
        telegram.ask(ALICE, "/add_to_group Book Club Bob Fisher");

        assertThat(telegram.ask(ALICE, nameOf(tracks.get(1)) + " · " + artistsOf(tracks.get(1)) + "\n" + LINK
                + tracks.get(1))).singleElement().asString().startsWith("Who is it for?\n\n🎵 ")
                .doesNotContain("With it");

        assertThat(telegram.ask(ALICE, "@Book Club " + LINK + tracks.get(2))).singleElement().asString()
                .startsWith("Send " + title(tracks.get(2)) + " to Book Club?");
        assertThat(telegram.tap(ALICE, telegram.messages(ALICE).getLast(), "Send")).singleElement().asString()
                .startsWith("Sent " + title(tracks.get(2)) + " to Book Club (1 person).");
    }

    /** What a tap on the question about {@code droppedTrack}, dropped for {@code nowTrack}, is answered. */
    private String dropped(String droppedTrack, String nowTrack) {
        return "That tap was for " + title(droppedTrack) + ", not the song you're sharing now, so I did nothing. "
                + "Who is " + title(nowTrack) + " for?";
    }

    /** Alice has Bob as a contact (he sent her a song) and made Family, with Carol King in it. */
    private void aliceWithBobAsAContactAndCarolInHerFamily() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        sandbox.register("bob", "bob-sp", "Bob Fisher");
        sandbox.register("carol", "carol-sp", "Carol King");
        sandbox.ask("bob", "send_song name:\"Alice Smith\" " + LINK + tracks.getFirst());
        sandbox.ask("alice", "create_group Family");
        sandbox.ask("alice", "add_to_group Family Carol King");
    }

    /** The titles of the quick replies under Alice's last message, each within Messenger's 20 characters. */
    private List<String> quickReplyTitles() {
        List<String> titles = new ArrayList<>();
        sandbox.lastSent("alice").path("quick_replies").forEach(reply -> titles.add(reply.path("title").asText()));
        assertThat(titles).hasSizeLessThanOrEqualTo(13)
                .allSatisfy(title -> assertThat(title).hasSizeLessThanOrEqualTo(20));
        return titles;
    }

    /** "Title by Artist", as the bot writes it. */
    private String title(String trackId) {
        return nameOf(trackId) + " by " + artistsOf(trackId);
    }

    /** What the Graph emulator's inbox shows for a card: its title and subtitle, one a line. */
    private String titleOf(String trackId) {
        return nameOf(trackId) + "\n" + artistsOf(trackId);
    }

    private String nameOf(String trackId) {
        return sandbox.track(trackId).path("name").asText();
    }

    private String artistsOf(String trackId) {
        List<String> artists = new ArrayList<>();
        sandbox.track(trackId).path("artists").forEach(a -> artists.add(a.asText()));
        return String.join(", ", artists);
    }
}
