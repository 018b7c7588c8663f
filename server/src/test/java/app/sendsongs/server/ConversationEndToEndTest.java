package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.bot.ChatProfile;
import app.sendsongs.core.chat.Choice;
import app.sendsongs.testsupport.SandboxControl;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messenger as people use it on a phone, over real HTTP: the production server in demo wiring, driven only through
 * its routes and the sandbox control API; what the bot sends is read back from the Graph emulator exactly as sent.
 */
@Execution(ExecutionMode.CONCURRENT) // each test its own demo server
class ConversationEndToEndTest {
    private static final String LINK = "https://open.spotify.com/track/";

    @TempDir
    Path dir;
    private Demo demo;
    private SandboxClient sandbox;
    private SandboxControl control;
    private List<String> tracks;

    private void start(Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(Map.of("PORT", "0", "SQLITE_PATH",
                dir.resolve("send-songs.db").toString(), "TICK_SECONDS", "3600",
                "TOKEN_ENCRYPTION_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")); // kept across a restart
        environment.putAll(extra);
        demo = Demo.start(environment);
        sandbox = new SandboxClient(demo.baseUrl());
        control = new SandboxControl(demo.baseUrl());
        tracks = sandbox.trackIds().subList(1, 6); // each a recording of its own
    }

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void aPastedLinkIsSharedInTwoTaps() {
        start(Map.of());
        registerAliceAndBobWhoSwappedASong();

        assertThat(sandbox.ask("alice", LINK + tracks.get(1) + "?si=4f2a9c", 2)).containsExactly("Who is it for?",
                titleOf(tracks.get(1)));
        JsonNode question = sandbox.lastSent("alice");
        JsonNode card = question.path("attachment").path("payload").path("elements").get(0);
        assertThat(card.path("image_url").asText()).startsWith("https://i.scdn.co/image/");
        assertThat(card.path("default_action").path("url").asText()).isEqualTo(LINK + tracks.get(1));
        assertThat(payloads(question.path("quick_replies"))).satisfiesExactly(
                one -> assertThat(one).isEqualTo("1 #" + offerKey(one) + " " + tracks.get(1)),
                to -> assertThat(to).isEqualTo("to"));
        assertThat(question.path("quick_replies").get(0).path("title").asText()).isEqualTo("Bob Fisher");

        assertThat(sandbox.tapTitled("alice", "Bob Fisher"))
                .containsExactly("Send " + title(tracks.get(1)) + " to Bob Fisher?");
        assertThat(sandbox.tapTitled("alice", "Send")).singleElement().asString()
                .startsWith("Sent " + title(tracks.get(1)) + " to Bob Fisher.");
        assertThat(sandbox.lastText("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + title(tracks.get(1)));
    }

    @Test
    void theQuestionsOfAShareAnsweredInWordsDoWhatTheWordsSayAndInviteNobody() {
        start(Map.of());
        registerAliceAndBobWhoSwappedASong();
        int bobBefore = sandbox.inbox("bob").size();

        sandbox.ask("alice", LINK + tracks.get(1), 2);
        sandbox.tapTitled("alice", "Bob Fisher");
        assertThat(sandbox.ask("alice", "Add a note")).as("a tap's words typed are that tap")
                .containsExactly("Type the note that goes with the song to Bob Fisher.");
        sandbox.ask("alice", "the bridge!");
        assertThat(sandbox.ask("alice", "Send it!")).as("the answer to \"Send … to Bob Fisher?\"").singleElement()
                .asString().startsWith("Sent " + title(tracks.get(1)) + " to Bob Fisher.");
        assertThat(sandbox.lastText("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + title(tracks.get(1))
                + "\n“the bridge!”");

        sandbox.ask("alice", LINK + tracks.get(2), 2);
        sandbox.tapTitled("alice", "Bob Fisher");
        assertThat(sandbox.ask("alice", "no")).containsExactly("OK, I've dropped that song.");

        sandbox.ask("alice", LINK + tracks.get(3), 2);
        assertThat(sandbox.ask("alice", "Someone else")).containsExactly("Who is " + title(tracks.get(3))
                + " for? Type their name.");
        assertThat(sandbox.ask("alice", "never mind")).containsExactly("OK, I've dropped that song.");

        sandbox.ask("alice", LINK + tracks.get(4), 2);
        assertThat(sandbox.ask("alice", "cancel")).as("at \"Who is it for?\"")
                .containsExactly("OK, I've dropped that song.\nIf you meant to stop watching a song you sent earlier, "
                        + "send: cancel");

        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.startsWith("I don't know anyone called"));
        assertThat(sandbox.inbox("bob")).hasSize(bobBefore + 2); // the song and its card, once
    }

    @Test
    void messengersLikeButtonSaysYesToSendingTheSong() {
        start(Map.of());
        registerAliceAndBobWhoSwappedASong();
        sandbox.ask("alice", LINK + tracks.get(1), 2);
        sandbox.tapTitled("alice", "Bob Fisher");
        int before = sandbox.inbox("alice").size();

        control.like("alice");

        assertThat(sandbox.awaitInbox("alice", inbox -> inbox.size() > before).get(before))
                .startsWith("Sent " + title(tracks.get(1)) + " to Bob Fisher.");
        assertThat(sandbox.lastText("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + title(tracks.get(1)));
    }

    @Test
    void aScreenshotSentAtWhoIsItForIsAnsweredAndTheSongStillWaitsForWhoItIsFor() {
        start(Map.of());
        registerAliceAndBobWhoSwappedASong();
        sandbox.ask("alice", LINK + tracks.get(1), 2);
        int before = sandbox.inbox("alice").size();

        control.sendAttachment("alice", "image");

        assertThat(sandbox.awaitInbox("alice", inbox -> inbox.size() > before).get(before))
                .isEqualTo("I can't read photos, only text. Who is " + title(tracks.get(1)) + " for?");
        assertThat(sandbox.lastSent("alice").path("quick_replies").get(0).path("title").asText())
                .isEqualTo("Bob Fisher");
        assertThat(sandbox.tapTitled("alice", "Bob Fisher"))
                .containsExactly("Send " + title(tracks.get(1)) + " to Bob Fisher?");
        assertThat(sandbox.tapTitled("alice", "Send")).singleElement().asString()
                .startsWith("Sent " + title(tracks.get(1)) + " to Bob Fisher.");
    }

    @Test
    void anAppleMusicLinkPastedAtWhoIsItForSaysItCantBeSentThenAsksAgainAndTheSongStillWaits() {
        start(Map.of());
        registerAliceAndBobWhoSwappedASong();
        sandbox.ask("alice", LINK + tracks.get(1), 2);

        assertThat(sandbox.ask("alice", "https://music.apple.com/us/album/x/1558533900?i=1558534271"))
                .containsExactly("That link is to Apple Music, and I can only send songs from Spotify. Find the song "
                        + "in Spotify, tap Share, then Copy link, and paste that here. Who is " + title(tracks.get(1))
                        + " for?");
        assertThat(sandbox.lastSent("alice").path("quick_replies").get(0).path("title").asText())
                .isEqualTo("Bob Fisher");
        assertThat(sandbox.tapTitled("alice", "Bob Fisher"))
                .containsExactly("Send " + title(tracks.get(1)) + " to Bob Fisher?");
    }

    @Test
    void aVoiceMessageAStickerOrALocationWithNothingAskedIsAnsweredWithHowToSendASong() {
        start(Map.of());
        registerAliceAndBob();
        String howTo = "To send a song, paste its Spotify link (in Spotify: Share → Copy link).";

        int before = sandbox.inbox("alice").size();
        control.sendAttachment("alice", "audio");
        assertThat(sandbox.awaitInbox("alice", inbox -> inbox.size() > before).get(before))
                .isEqualTo("I can't read voice messages. " + howTo);
        control.sticker("alice", "126361874215276");
        assertThat(sandbox.awaitInbox("alice", inbox -> inbox.size() > before + 1).get(before + 1))
                .isEqualTo("I can't read stickers. " + howTo);
        control.sendAttachment("alice", "location");
        assertThat(sandbox.awaitInbox("alice", inbox -> inbox.size() > before + 2).get(before + 2))
                .isEqualTo("I can't read locations. " + howTo);
        assertThat(payloads(sandbox.lastSent("alice").path("quick_replies"))).containsExactly("menu", "help");
        assertThat(sandbox.ask("alice", "pending")).as("one answer each, none to the echoes of the bot's own")
                .hasSize(1);
        assertThat(sandbox.inbox("alice")).hasSize(before + 4);
    }

    @Test
    void cancelTypedWhileAPastedSongWaitsForItsNoteDropsThatSongAndStopsNoSongSentEarlier() {
        start(Map.of());
        registerAliceAndBobWhoSwappedASong();
        String earlier = tracks.get(1);
        assertThat(sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + earlier)).singleElement()
                .asString().startsWith("Sent " + title(earlier));

        sandbox.ask("alice", LINK + tracks.get(2), 2);
        sandbox.tapTitled("alice", "Bob Fisher");
        assertThat(sandbox.tapTitled("alice", "Add a note"))
                .containsExactly("Type the note that goes with the song to Bob Fisher.");
        assertThat(sandbox.ask("alice", "cancel")).as("the song being shared, not the one sent earlier")
                .containsExactly("OK, I've dropped that song.\nIf you meant to stop watching a song you sent earlier, "
                        + "send: cancel");
        assertThat(sandbox.ask("alice", "pending")).singleElement().asString().contains(title(earlier) + " → Bob "
                + "Fisher");

        sandbox.ask("alice", LINK + tracks.get(3), 2);
        sandbox.tapTitled("alice", "Bob Fisher");
        sandbox.tapTitled("alice", "Note for after");
        assertThat(sandbox.ask("alice", "/cancel")).as("with its slash, the command")
                .containsExactly("Stopped watching " + title(earlier) + " for Bob Fisher.\n\nStill open: Type the note "
                        + "Bob Fisher gets once they've played it.");
        assertThat(sandbox.ask("alice", "told you!")).as("the song still waits for its note").singleElement()
                .asString().startsWith("Noted. Send " + title(tracks.get(3)) + " to Bob Fisher?");
        assertThat(sandbox.ask("alice", "discard")).containsExactly("OK, I've dropped that song.");
        assertThat(sandbox.inbox("bob")).noneMatch(text -> text.contains(title(tracks.get(2)))
                || text.contains(title(tracks.get(3))));
    }

    @Test
    void aTapUnderAnEarlierSongsQuestionSaysWhichSongThatWasAndAsksTheOpenOneAgainWithItsTaps() {
        start(Map.of());
        registerAliceAndBobWhoSwappedASong();
        sandbox.ask("alice", LINK + tracks.get(1), 2);
        JsonNode question = sandbox.messages("alice").getLast();
        JsonNode earlier = question.path("message").path("quick_replies").get(0);
        sandbox.ask("alice", LINK + tracks.get(2), 2);

        // Messenger shows quick replies under the newest message only: this tap crossed the second answer on its way
        int before = sandbox.inbox("alice").size();
        control.tapQuickReplySentUnder("alice", question.path("message_id").asText(), earlier.path("title").asText(),
                earlier.path("payload").asText());
        assertThat(sandbox.awaitInbox("alice", inbox -> inbox.size() > before).subList(before, before + 1))
                .as("which song that question was about").containsExactly("That tap was for " + title(tracks.get(1))
                        + ", not the song you're sharing now, so I did nothing. Who is " + title(tracks.get(2))
                        + " for?");
        assertThat(sandbox.inbox("bob")).noneMatch(text -> text.contains(title(tracks.get(1)))
                || text.contains(title(tracks.get(2))));
        assertThat(sandbox.tapTitled("alice", "Bob Fisher")).as("the open question's taps are under the answer")
                .containsExactly("Send " + title(tracks.get(2)) + " to Bob Fisher?");
    }

    @Test
    void theMenusSendASongAsksTheWaitingSharesQuestionAgainAndSendsNothing() {
        start(Map.of());
        registerAliceAndBobWhoSwappedASong();
        Choice sendASong = ChatProfile.standard().menu().getFirst();
        int bobBefore = sandbox.inbox("bob").size();
        sandbox.ask("alice", LINK + tracks.get(1), 2);
        sandbox.tapTitled("alice", "Bob Fisher");

        int before = sandbox.inbox("alice").size();
        control.tapButton("alice", sendASong.title(), sendASong.payload());
        assertThat(sandbox.awaitInbox("alice", inbox -> inbox.size() > before).subList(before, before + 1))
                .containsExactly("You haven't sent this song yet. Send " + title(tracks.get(1))
                        + " to Bob Fisher?\nOr paste another song's link to send that one instead.");
        assertThat(sandbox.inbox("bob")).hasSize(bobBefore);
        assertThat(sandbox.tapTitled("alice", "Send")).as("the question's taps are under the answer")
                .singleElement().asString().startsWith("Sent " + title(tracks.get(1)) + " to Bob Fisher.");

        int after = sandbox.inbox("alice").size();
        control.tapButton("alice", sendASong.title(), sendASong.payload());
        assertThat(sandbox.awaitInbox("alice", inbox -> inbox.size() > after).subList(after, after + 1))
                .singleElement().asString().startsWith("To send a song, paste its Spotify link here");
    }

    @Test
    void aSentenceWithALinkAndASpotifyShortLinkStartAShareToo() {
        start(Map.of());
        registerAliceAndBobWhoSwappedASong();

        assertThat(sandbox.ask("alice", "you have to hear this!! (" + LINK + tracks.get(1) + ")", 2))
                .containsExactly("Who is it for?\nWith it: “you have to hear this!!”", titleOf(tracks.get(1)));
        String shortLink = control.shortLink(tracks.get(2));
        assertThat(sandbox.ask("alice", "this one " + shortLink, 2)).containsExactly("Who is it for?\n"
                + "With it: “this one”\n(I dropped " + title(tracks.get(1)) + ", which you hadn't sent.)",
                titleOf(tracks.get(2)));
        sandbox.tapTitled("alice", "Bob Fisher");
        sandbox.tapTitled("alice", "Send");
        assertThat(sandbox.lastText("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + title(tracks.get(2))
                + "\n“this one”");

        String album = control.shortLinkTo("https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy");
        assertThat(sandbox.ask("alice", album)).containsExactly("That spotify.link link doesn't lead to a song. Open "
                + "it in Spotify and share the song itself.");
    }

    @Test
    void aLinkSharedFromSpotifysShareSheetStartsAShareWithOrWithoutAComment() {
        start(Map.of());
        registerAliceAndBobWhoSwappedASong();

        int before = sandbox.inbox("alice").size();
        assertThat(sandbox.post("/sandbox/messenger/send", "{\"from\":\"alice\",\"share\":\"" + LINK + tracks.get(1)
                + "?si=4f2a9c\"}").status()).isEqualTo(200);
        assertThat(sandbox.awaitInbox("alice", inbox -> inbox.size() >= before + 2).subList(before, before + 2))
                .containsExactly("Who is it for?", titleOf(tracks.get(1)));
        sandbox.tapTitled("alice", "Bob Fisher");
        assertThat(sandbox.tapTitled("alice", "Send")).singleElement().asString()
                .startsWith("Sent " + title(tracks.get(1)) + " to Bob Fisher.");

        int commented = sandbox.inbox("alice").size();
        sandbox.post("/sandbox/messenger/send", "{\"from\":\"alice\",\"share\":\"" + LINK + tracks.get(3)
                + "\",\"text\":\"the drums at 2:10\"}");
        assertThat(sandbox.awaitInbox("alice", inbox -> inbox.size() >= commented + 2).get(commented))
                .as("the comment typed beside the share is its note").isEqualTo("Who is it for?\n"
                        + "With it: “the drums at 2:10”");
        sandbox.ask("alice", "discard");

        int later = sandbox.inbox("alice").size();
        sandbox.post("/sandbox/messenger/send", "{\"from\":\"alice\",\"share\":\"" + LINK + tracks.get(2)
                + "\",\"text\":\"send_song Bob\"}");
        assertThat(sandbox.awaitInbox("alice", inbox -> inbox.size() > later).get(later))
                .startsWith("Sent " + title(tracks.get(2)) + " to Bob Fisher.");
    }

    @Test
    void theReceiverGetsTheSongAsACardWithDontTellAndBlock() {
        start(Map.of());
        registerAliceAndBob();

        sandbox.ask("alice", "send_song name:\"Bob Fisher\" pre:\"the bridge!\" " + LINK + tracks.getFirst());

        assertThat(sandbox.lastText("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + title(tracks.getFirst())
                + "\n“the bridge!”");
        JsonNode card = sandbox.lastCard("bob");
        assertThat(card.path("title").asText()).isEqualTo(nameOf(tracks.getFirst()));
        assertThat(card.path("subtitle").asText()).isEqualTo(artistsOf(tracks.getFirst()));
        assertThat(card.path("image_url").asText()).startsWith("https://i.scdn.co/image/");
        assertThat(card.path("buttons")).hasSize(3);
        assertThat(card.path("buttons").get(0).toString()).isEqualTo("{\"type\":\"web_url\",\"title\":\"Open in "
                + "Spotify\",\"url\":\"" + LINK + tracks.getFirst() + "\"}");
        assertThat(card.path("buttons").get(1).toString()).matches("\\{\"type\":\"postback\",\"title\":\"Don't tell "
                + "Alice\",\"payload\":\"receipts off song [0-9a-f-]{36}\"}");
        assertThat(card.path("buttons").get(2).toString()).matches("\\{\"type\":\"postback\",\"title\":\"Block "
                + "Alice\",\"payload\":\"block song [0-9a-f-]{36}\"}");
    }

    @Test
    void withReceiptsOffTheSenderIsToldAtOnceHearsOfNoPlayAndTheNoteIsStillReleased() {
        start(Map.of());
        registerAliceAndBob();
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.getFirst());

        assertThat(sandbox.tapButton("bob", "Don't tell Alice")).containsExactly("Done: I won't tell Alice Smith when "
                + "you play their songs. They still come to you, notes and all; when they send one, they're told you don't share plays.");
        assertThat(sandbox.ask("alice", "send_song name:\"Bob Fisher\" post:\"told you\" " + LINK + tracks.get(1)))
                .containsExactly("Sent " + title(tracks.get(1)) + " to Bob Fisher. Bob Fisher doesn't share when they "
                        + "play songs, so I won't be able to tell you whether they do.");
        int aliceBefore = sandbox.inbox("alice").size();
        sandbox.play("bob-sp", tracks.getFirst());
        sandbox.play("bob-sp", tracks.get(1));
        sandbox.advanceMinutes(15);

        assertThat(sandbox.lastMessage("bob")).isEqualTo("Alice Smith's note on " + title(tracks.get(1))
                + ": “told you”");
        sandbox.ask("carol", "hi"); // a barrier: everything due before it has been sent
        assertThat(sandbox.inbox("alice")).hasSize(aliceBefore);
        assertThat(sandbox.ask("alice", "pending")).singleElement().asString().startsWith("Nothing pending");
    }

    @Test
    void aBlockedSendersSongIsNotDeliveredAndTheyAreNotToldWhy() {
        start(Map.of());
        registerAliceAndBob();
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.getFirst());
        assertThat(sandbox.tapButton("bob", "Block Alice")).containsExactly("Blocked Alice Smith: I won't pass on "
                + "their songs, and they aren't told.");
        int bobBefore = sandbox.inbox("bob").size();

        assertThat(sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.get(1))).containsExactly(
                "I couldn't deliver " + title(tracks.get(1)) + " to Bob Fisher, so nothing was sent.");
        sandbox.play("bob-sp", tracks.getFirst());
        sandbox.advanceMinutes(15);

        assertThat(sandbox.ask("bob", "receipts")).containsExactly("When you play a song a friend sent, I tell them."
                + "\nBlocked: Alice Smith.");
        assertThat(sandbox.inbox("bob")).hasSize(bobBefore + 1);
        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.startsWith("🎧"));
    }

    @Test
    void theSameSongToTheSamePersonWhileWatchedIsAlreadySent() {
        start(Map.of());
        registerAliceAndBob();
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.getFirst());
        int bobBefore = sandbox.inbox("bob").size();

        assertThat(sandbox.ask("alice", "send song to:\"Bob Fisher\" " + LINK + tracks.getFirst()).getFirst())
                .startsWith("You already sent " + title(tracks.getFirst()) + " to Bob Fisher (")
                .endsWith("and I'm still watching for it, so I didn't send it again.");
        assertThat(sandbox.inbox("bob")).hasSize(bobBefore);
    }

    @Test
    void aFirstNameIsEnoughForAContactAndTwoContactsOfThatNameAreAskedAboutWhereCancelStopsNoSong() {
        start(Map.of());
        registerAliceAndBobWhoSwappedASong();
        sandbox.register("bob2", "bob2-sp", "Bob Marley");

        assertThat(sandbox.ask("alice", "send_song bob " + LINK + tracks.get(1))).singleElement().asString()
                .startsWith("Sent " + title(tracks.get(1)) + " to Bob Fisher.");

        sandbox.ask("bob2", "send_song name:\"Alice Smith\" " + LINK + tracks.get(2));
        List<String> question = sandbox.ask("alice", "send_song to:bob " + LINK + tracks.get(3));
        assertThat(question).singleElement().asString().startsWith("That name fits 2 people. Which one?")
                .contains(". Bob Fisher — exchanged songs with you, joined ",
                        ". Bob Marley — exchanged songs with you, joined ").doesNotContain("UTC");
        JsonNode taps = sandbox.lastSent("alice").path("quick_replies");
        assertThat(taps.get(taps.size() - 1).path("title").asText()).isEqualTo("Don't send");
        assertThat(sandbox.ask("alice", "cancel")).as("a no to the question, not the command")
                .containsExactly("OK, I didn't send it.");
        assertThat(sandbox.ask("alice", "pending")).singleElement().asString().contains(title(tracks.get(1)));

        question = sandbox.ask("alice", "send_song to:bob " + LINK + tracks.get(3));
        String marley = question.getFirst().contains("1. Bob Marley") ? "1. Bob Marley" : "2. Bob Marley";
        assertThat(sandbox.tapTitled("alice", marley)).singleElement().asString()
                .startsWith("Sent " + title(tracks.get(3)) + " to Bob Marley.");
    }

    @Test
    void aMistypedNameCloseToAContactsGetsDidYouMeanAndTheTapSendsTheSongToThem() {
        start(Map.of());
        registerAliceAndBobWhoSwappedASong();

        assertThat(sandbox.ask("alice", "send_song name:\"Bob Fsiher\" pre:\"the bridge!\" " + LINK + tracks.get(1)))
                .containsExactly("I don't know anyone called \"Bob Fsiher\". Did you mean Bob Fisher?");
        JsonNode question = sandbox.lastSent("alice");
        assertThat(payloads(question.path("quick_replies"))).satisfiesExactly(
                one -> assertThat(one).matches("1 #[0-9a-f]{8}"), two -> assertThat(two).matches("2 #[0-9a-f]{8}"),
                dontSend -> assertThat(dontSend).matches("3 #[0-9a-f]{8}"));
        assertThat(question.path("quick_replies").get(1).path("title").asText()).isEqualTo("Invite \"Bob Fsiher\"");

        assertThat(sandbox.tapTitled("alice", "Bob Fisher")).singleElement().asString()
                .startsWith("Sent " + title(tracks.get(1)) + " to Bob Fisher.");
        assertThat(sandbox.lastText("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + title(tracks.get(1))
                + "\n“the bridge!”");
    }

    @Test
    void aNoteGivenUnderAnOptionSendSongDoesNotTakeIsNamedAndNobodyIsInvited() {
        start(Map.of());
        registerAliceAndBob();
        int bobBefore = sandbox.inbox("bob").size();

        for (String command : List.of("send_song Bob Fisher note:\"for the drive\" ",
                "send_song name:\"Bob Fisher\" note:\"for the drive\" ")) {
            assertThat(sandbox.ask("alice", command + LINK + tracks.get(1))).as(command).containsExactly(
                    "send_song has no note: option. A note goes in pre:\"…\" (with the song) or post:\"…\" (once "
                            + "they've played it).");
        }

        assertThat(sandbox.inbox("bob")).hasSize(bobBefore);
        assertThat(sandbox.ask("alice", "send_song Bob Fisher pre:\"for the drive\" " + LINK + tracks.get(1)))
                .singleElement().asString().startsWith("Sent " + title(tracks.get(1)) + " to Bob Fisher.");
    }

    @Test
    void wordsAfterTheLinkOfASendToAFriendNamedInPlainWordsAreTheNoteAndNobodyIsInvited() {
        start(Map.of());
        registerAliceAndBob();

        assertThat(sandbox.ask("alice", "send_song Bob Fisher " + LINK + tracks.get(1) + " for the drive"))
                .singleElement().asString().startsWith("Sent " + title(tracks.get(1)) + " to Bob Fisher.");
        assertThat(sandbox.lastText("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + title(tracks.get(1))
                + "\n“for the drive”");
        assertThat(sandbox.ask("alice", "send song to Bob Fisher " + LINK + tracks.get(2) + " you'll love the bridge "
                + "post:\"told you\"")).singleElement().asString().startsWith("Sent " + title(tracks.get(2)));
        assertThat(sandbox.lastText("bob")).endsWith("\n“you'll love the bridge”");
    }

    @Test
    void wordsOnlyAfterTheLinkOfASendThatNameNobodyAreItsNoteAndTheBotAsksWhoItIsFor() {
        start(Map.of());
        registerAliceAndBobWhoSwappedASong();

        assertThat(sandbox.ask("alice", "send_song " + LINK + tracks.get(1) + " you'll love this", 2))
                .containsExactly("Who is it for?\nWith it: “you'll love this”", titleOf(tracks.get(1)));
        assertThat(payloads(sandbox.lastSent("alice").path("quick_replies"))).satisfiesExactly(
                one -> assertThat(one).isEqualTo("1 #" + offerKey(one) + " " + tracks.get(1)),
                invite -> assertThat(invite).isEqualTo("to name:\"you'll love this\""),
                to -> assertThat(to).isEqualTo("to"));
        assertThat(sandbox.tapTitled("alice", "Bob Fisher")).containsExactly("Send " + title(tracks.get(1))
                + " to Bob Fisher?\nWith it: “you'll love this”");
        sandbox.tapTitled("alice", "Send");
        assertThat(sandbox.lastText("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + title(tracks.get(1))
                + "\n“you'll love this”");

        assertThat(sandbox.ask("alice", "send_song " + LINK + tracks.get(2) + " Bob Fisher")).as("words naming a "
                + "friend still send it at once").singleElement().asString()
                .startsWith("Sent " + title(tracks.get(2)) + " to Bob Fisher.");
    }

    @Test
    void aCloseTypoGetsDidYouMeanAndTheTapDoesIt() {
        start(Map.of());
        registerAliceAndBob();

        assertThat(sandbox.ask("alice", "histroy")).containsExactly("Sorry, I don't know that command. Did you mean "
                + "history?");
        assertThat(payloads(sandbox.lastSent("alice").path("quick_replies"))).containsExactly("history", "menu");
        assertThat(sandbox.tap("alice", "history")).singleElement().asString()
                .startsWith("You haven't sent any songs yet.");
        assertThat(sandbox.ask("alice", "hello")).containsExactly("Hi Alice! Paste a Spotify link and I'll ask who "
                + "it's for. Or tap:");
        assertThat(payloads(sandbox.lastSent("alice").path("quick_replies")))
                .containsExactly("pending", "history", "groups", "receipts", "help");
    }

    @Test
    void plainWordsAreUnderstoodAndAWishWithAnEffectIsOfferedAsATapThatDoesIt() {
        start(Map.of());
        registerAliceAndBob();
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.get(1));

        assertThat(sandbox.ask("alice", "did Bob listen to it?")).singleElement().asString()
                .startsWith("Your latest songs:\n• " + title(tracks.get(1)) + " → Bob Fisher: delivered");
        assertThat(sandbox.ask("alice", "change my name to Alicia Smith"))
                .containsExactly("Change the name friends find you by to \"Alicia Smith\"?");
        assertThat(payloads(sandbox.lastSent("alice").path("quick_replies")))
                .containsExactly("name \"Alicia Smith\"", "menu");
        assertThat(sandbox.tapTitled("alice", "name \"Alicia Smith\"")).singleElement().asString()
                .startsWith("Done: friends now find you as \"Alicia Smith\"");
    }

    @Test
    void aSenderOverTheirLimitIsRefusedWithWhenTheyCanSendAgain() {
        start(Map.of("SEND_LIMIT_PER_HOUR", "2"));
        registerAliceAndBob();
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.getFirst());
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.get(1));
        int bobBefore = sandbox.inbox("bob").size();

        assertThat(sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.get(2))).singleElement()
                .asString().startsWith("You've sent 2 songs in the last hour, the most I pass on in an hour. You can "
                        + "send again in ");
        assertThat(sandbox.inbox("bob")).hasSize(bobBefore);
        sandbox.advanceMinutes(61);
        assertThat(sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.get(2))).singleElement()
                .asString().startsWith("Sent ");
    }

    @Test
    void aNameWithAnInvisibleOrDirectionCharacterIsRefused() {
        start(Map.of());
        String code = sandbox.connectSpotify("mallory-sp");

        assertThat(sandbox.ask("mallory", "register code:\"" + code + "\" name:\"Bob\u202E Fisher\"")).singleElement()
                .asString().startsWith("The name has invisible or text-direction characters in it");
        assertThat(sandbox.ask("mallory", "register code:\"" + code + "\" name:\"Bob\u200B Fisher\"")).singleElement()
                .asString().startsWith("The name has invisible");
        assertThat(sandbox.ask("mallory", "register code:\"" + code + "\" name:\"Mallory\"")).singleElement()
                .asString().startsWith("Welcome, Mallory!").contains("receipts off");
    }

    @Test
    void aNameTypedWithAnInvisibleOrDirectionCharacterFindsTheFriendItLooksLikeAndInvitesNobody() {
        start(Map.of());
        registerAliceAndBob();

        assertThat(sandbox.ask("alice", "send_song Bob\u200B Fisher " + LINK + tracks.get(1))).singleElement()
                .asString().startsWith("Sent " + title(tracks.get(1)) + " to Bob Fisher.");
        assertThat(sandbox.ask("alice", "send_song name:\"\u202EBob Fisher\" " + LINK + tracks.get(2)))
                .singleElement().asString().startsWith("Sent " + title(tracks.get(2)) + " to Bob Fisher.");
        assertThat(sandbox.lastText("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + title(tracks.get(2)));

        assertThat(sandbox.ask("alice", "send_song Carol\u200B Jones " + LINK + tracks.get(3))).singleElement()
                .asString().as("someone new is invited by the name as it shows")
                .startsWith("I don't know anyone called \"Carol Jones\" yet.");
    }

    @Test
    void aNameMixingAlphabetsInOneWordIsRefusedAndOneWordInAnotherAlphabetIsNot() {
        start(Map.of());
        String code = sandbox.connectSpotify("mallory-sp");

        assertThat(sandbox.ask("mallory", "register code:\"" + code + "\" name:\"B\u043eb Fisher\"")).singleElement()
                .asString().startsWith("The word \"B\u043eb\" mixes Latin and Cyrillic letters, so the name could "
                        + "pass for another; please write each word in one alphabet.");
        assertThat(sandbox.ask("mallory", "register code:\"" + code + "\" name:\"Борис Fisher\"")).singleElement()
                .asString().startsWith("Welcome, Борис Fisher!");
    }

    @Test
    void aHalfFinishedShareSurvivesARestart() {
        start(Map.of());
        registerAliceAndBobWhoSwappedASong();
        // the whole answer (the question and the song's card) before the stop, which also stops the emulators
        sandbox.ask("alice", LINK + tracks.get(1), 2);
        demo.close();

        start(Map.of());
        control.tapQuickReply("alice", "Bob Fisher", "1");
        sandbox.awaitMessage("alice", text -> text.startsWith("Send "));
        // the new emulator has not seen Bob write, so Messenger's window holds the song until he does
        assertThat(sandbox.ask("alice", "send")).singleElement().asString()
                .contains(title(tracks.get(1)) + " to Bob Fisher");
        sandbox.ask("bob", "hi");
        assertThat(sandbox.inbox("bob")).contains("🎵 Alice Smith sent you a song: " + title(tracks.get(1)));
    }

    private void registerAliceAndBob() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        sandbox.register("bob", "bob-sp", "Bob Fisher");
        sandbox.register("carol", "carol-sp", "Carol King");
    }

    /** Bob sent Alice a song, so he is one of her contacts. */
    private void registerAliceAndBobWhoSwappedASong() {
        registerAliceAndBob();
        sandbox.ask("bob", "send_song name:\"Alice Smith\" " + LINK + tracks.getFirst());
    }

    /** The offer's key a tap's payload carries: eight hex digits after '#'. */
    private static String offerKey(String payload) {
        assertThat(payload).matches("\\d+ #[0-9a-f]{8} .*");
        return payload.substring(payload.indexOf('#') + 1, payload.indexOf('#') + 9);
    }

    private static List<String> payloads(JsonNode quickReplies) {
        List<String> payloads = new ArrayList<>();
        quickReplies.forEach(reply -> payloads.add(reply.path("payload").asText()));
        return payloads;
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
        return track(trackId).path("name").asText();
    }

    private String artistsOf(String trackId) {
        List<String> artists = new ArrayList<>();
        track(trackId).path("artists").forEach(a -> artists.add(a.asText()));
        return String.join(", ", artists);
    }

    private JsonNode track(String trackId) {
        for (JsonNode track : sandbox.get("/sandbox/spotify/tracks").json()) {
            if (track.path("id").asText().equals(trackId)) {
                return track;
            }
        }
        throw new AssertionError("no track " + trackId + " in the catalogue");
    }
}
