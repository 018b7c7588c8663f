package app.sendsongs.core.compose;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A share made from a pasted link, tap by tap or typed, as people share on a phone. */
class LinkShareTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String TITLE = FakeMusic.SONG.title();
    /** The song Bob sent Alice. */
    private static final Track BOBS_SONG = FakeMusic.track("1hKdDCpiI9mqz1jVHRKG0E", "Heroes", "David Bowie");
    private static final String SEVERAL_AT_ONCE = "A song goes to one friend or one group at a time: tap the first, "
            + "then share the song again for the next. To send songs to several friends at once, make them a group "
            + "(create_group Friends, then add_to_group). ";
    private BotHarness bot;

    @BeforeEach
    void friendsWhoHaveSharedBefore() {
        bot = new BotHarness();
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.register("carol", "Carol King");
        bot.reply("alice", "send_song name:\"Carol King\" " + FakeMusic.OTHER_SONG.id().link());
        bot.advance(Duration.ofMinutes(1));
        bot.music.add(BOBS_SONG);
        bot.reply("bob", "send_song name:\"Alice Smith\" " + BOBS_SONG.id().link());
        bot.advance(Duration.ofMinutes(1));
        bot.reply("alice", "create_group Family");
    }

    @Test
    void aPastedLinkShowsTheSongAndOffersRecentContactsAndGroups() {
        assertThat(bot.reply("alice", LINK)).isEqualTo("Who is it for?");

        Message question = last("alice");
        assertThat(question.card()).get().satisfies(card -> {
            assertThat(card.title()).isEqualTo(FakeMusic.SONG.name());
            assertThat(card.subtitle()).isEqualTo("Rick Astley");
            assertThat(card.link()).hasToString(LINK);
        });
        String offer = bot.stores.drafts().findDraft(at("alice")).orElseThrow().offerKey();
        String song = " " + FakeMusic.SONG.id().value();
        assertThat(question.choices()).as("each carries the offer's key and the song").containsExactly(
                new Choice("Bob Fisher", "1 #" + offer + song), new Choice("Carol King", "2 #" + offer + song),
                new Choice("👥 Family", "3 #" + offer + song),
                new Choice("Someone else", "to"));
    }

    @Test
    void aSongSomeoneSentThePersonIsNotOfferedBackToThemTheyHaveIt() {
        // Bob, Alice's latest contact, sent her his song: passing it on (its link pasted, or /send in reply to it)
        assertThat(bot.reply("alice", BOBS_SONG.id().link())).isEqualTo("Who is it for?");

        assertThat(last("alice").choices()).extracting(Choice::title)
                .containsExactly("Carol King", "👥 Family", "Someone else");
        assertThat(bot.reply("alice", "Someone else")).startsWith("Who is " + BOBS_SONG.title() + " for?");
        assertThat(last("alice").choices()).extracting(Choice::title).startsWith("Carol King", "👥 Family")
                .doesNotContain("Bob Fisher");
        assertThat(bot.reply("alice", LINK)).as("another song offers him as before").startsWith("Who is it for?");
        assertThat(last("alice").choices()).extracting(Choice::title)
                .containsExactly("Bob Fisher", "Carol King", "👥 Family", "Someone else");
    }

    @Test
    void aShareWithoutNotesTakesTwoTapsAfterPasting() {
        bot.reply("alice", LINK + "?si=abc");

        assertThat(tap("alice", "Bob Fisher", "1")).isEqualTo("Send " + TITLE + " to Bob Fisher?");
        assertThat(last("alice").choices()).extracting(Choice::payload)
                .containsExactly(sendTap(), keyed("note"), keyed("after"), keyed("to"), discardTap());
        assertThat(tap("alice", "Send", sendTap())).isEqualTo("Sent " + TITLE + " to Bob Fisher. I'll tell you when they "
                + "play it (I'll watch for 7 days).");

        assertThat(bot.last("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + TITLE);
        assertThat(bot.stores.drafts().findDraft(at("alice"))).isEmpty();
        assertThat(bot.reply("alice", "send")).startsWith("To send a song, paste its Spotify link here");
    }

    @Test
    void theWordsOfATapOrAPlainYesOrNoTypedAreThatTap() {
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");
        assertThat(bot.reply("alice", "note for after")).isEqualTo("Type the note Bob Fisher gets once they've played "
                + "it.");
        bot.reply("alice", "told you");
        assertThat(bot.reply("alice", "DON’T SEND.")).isEqualTo("OK, I've dropped that song.");

        bot.reply("alice", LINK);
        assertThat(bot.reply("alice", "type a name")).isEqualTo("Who is " + TITLE + " for? Type their name.");
        tap("alice", "Bob Fisher", "1");
        bot.reply("alice", "note the chorus");
        assertThat(bot.reply("alice", "no note")).isEqualTo("OK, no note. Send " + TITLE + " to Bob Fisher?");
        assertThat(bot.reply("alice", "ok")).startsWith("Sent " + TITLE + " to Bob Fisher.");

        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");
        bot.reply("alice", "note");
        assertThat(bot.reply("alice", "yes")).as("the note asked for is whatever is typed")
                .isEqualTo("Noted. Send " + TITLE + " to Bob Fisher?\nWith it: “yes”");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
    }

    @Test
    void aThumbsUpOfAnySkinToneIsAYesAndAThumbsDownANo() {
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");
        assertThat(bot.reply("alice", "👎")).isEqualTo("OK, I've dropped that song.");

        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");
        assertThat(bot.reply("alice", "👍🏽")).startsWith("Sent " + TITLE + " to Bob Fisher.");
        assertThat(bot.inbox("bob")).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"y", "k", "yea", "yesss", "sounds good", "do it", "send it to him", "ok 👍"})
    void theShortWordsPeopleSayYesWithAreAYesNotTheSongsNote(String yes) {
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");

        assertThat(bot.reply("alice", yes)).startsWith("Sent " + TITLE + " to Bob Fisher.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"n", "nooo", "nvm", "no 👎"})
    void theShortWordsPeopleSayNoWithAreANoNotTheSongsNote(String no) {
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");

        assertThat(bot.reply("alice", no)).isEqualTo("OK, I've dropped that song.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wait", "who?", "hmm", "what??", "huh"})
    void aPauseOrAQuestionTypedAtSendToBobAsksAgainAndIsNotTheSongsNote(String typed) {
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");
        int bobHad = bot.inbox("bob").size();

        assertThat(bot.reply("alice", typed)).isEqualTo("No rush: nothing goes until you tap Send. Send " + TITLE
                + " to Bob Fisher?");
        assertThat(bot.stores.drafts().findDraft(at("alice")).orElseThrow().pre()).isEmpty();
        assertThat(bot.inbox("bob")).hasSize(bobHad);
    }

    @Test
    void sendItToTheNameOfWhoItIsForSendsIt() {
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");

        assertThat(bot.reply("alice", "send it to Bob")).startsWith("Sent " + TITLE + " to Bob Fisher.");
    }

    @Test
    void aLinkToAnotherMusicServiceAtWhoIsItForIsNoNameAndTheSongStillWaits() {
        bot.reply("alice", LINK);

        assertThat(bot.reply("alice", "https://music.apple.com/us/album/x/1558533900?i=1558534271"))
                .startsWith("That link is to Apple Music, and I can only send songs from Spotify.");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
        assertThat(tap("alice", "Bob Fisher", "1")).isEqualTo("Send " + TITLE + " to Bob Fisher?");
    }

    @Test
    void aLinkToAnotherMusicServiceAloneOrInSendSongSaysItCantBeSent() {
        assertThat(bot.reply("alice", "https://youtu.be/dQw4w9WgXcQ")).startsWith("That link is to YouTube, and I can "
                + "only send songs from Spotify. Find the song in Spotify, tap Share, then Copy link");
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" https://www.deezer.com/track/3135556"))
                .startsWith("That link is to Deezer, and I can only send songs from Spotify.");
        assertThat(bot.inbox("bob")).noneMatch(text -> text.contains("sent you a song: " + TITLE));
    }

    @Test
    void aThumbsUpWithNothingAskedIsNoInviteAndNoSong() {
        bot.reply("alice", LINK);

        assertThat(bot.reply("alice", "👍")).isEqualTo("Who is " + TITLE + " for? Type their name.");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
    }

    @Test
    void aYesTypedAtWhoIsItForAsksForTheNameAndInvitesNobodyCalledOk() {
        bot.reply("alice", LINK);

        assertThat(bot.reply("alice", "ok")).isEqualTo("Who is " + TITLE + " for? Type their name.");
        assertThat(last("alice").choices()).extracting(Choice::title).containsExactly("Bob Fisher", "Carol King",
                "👥 Family");
        assertThat(bot.reply("alice", "Yes please!")).isEqualTo("Who is " + TITLE + " for? Type their name.");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
        assertThat(bot.reply("alice", "Bob Fisher")).isEqualTo("Send " + TITLE + " to Bob Fisher?");
    }

    @Test
    void smallTalkTypedAtWhoIsItForAsksForTheNameAndInvitesNobodyCalledThanks() {
        bot.reply("alice", LINK);

        for (String typed : List.of("thanks", "Thank you!", "hi", "Hello", "lol", "cool", "hmm")) {
            assertThat(bot.reply("alice", typed)).as(typed).isEqualTo("Who is " + TITLE + " for? Type their name.");
            assertThat(last("alice").choices()).extracting(Choice::title).containsExactly("Bob Fisher", "Carol King",
                    "👥 Family");
        }
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
        assertThat(bot.reply("alice", "Carol King")).isEqualTo("Send " + TITLE + " to Carol King?");
    }

    @Test
    void aOneWordQuestionOrSomeoneUnnamedTypedAtWhoIsItForAsksForTheNameAndInvitesNobody() {
        bot.reply("alice", LINK);

        for (String typed : List.of("what?", "Huh?", "who?", "someone", "a friend", "my friend", "for my friend",
                "somebody", "a friend of mine")) {
            assertThat(bot.reply("alice", typed)).as(typed).isEqualTo("Who is " + TITLE + " for? Type their name.");
            assertThat(last("alice").choices()).extracting(Choice::title).containsExactly("Bob Fisher", "Carol King",
                    "👥 Family");
        }
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
        assertThat(bot.reply("alice", "Carol King")).isEqualTo("Send " + TITLE + " to Carol King?");
    }

    @Test
    void someoneDescribedOrASentenceTypedAtWhoIsItForAsksForTheNameAndInvitesNobody() {
        bot.reply("alice", LINK);

        for (String typed : List.of("my sister", "for my mom", "My brother Tom", "the drive home", "for the drive home",
                "your favourite band", "you'll love the chorus", "I think you'll like it", "this one's great",
                "it's the one from the party")) {
            assertThat(bot.reply("alice", typed)).as(typed).isEqualTo("Who is " + TITLE + " for? Type their name.");
        }
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
        assertThat(bot.reply("alice", "Zoe Park")).as("a name nobody has: a newcomer's")
                .startsWith("I don't know anyone called \"Zoe Park\"");
    }

    @Test
    void aWishOrAQuestionTypedAtWhoIsItForIsAnsweredAndInvitesNobody() {
        bot.reply("alice", LINK);
        String history = bot.reply("alice", "history");

        for (String typed : List.of("what have I sent", "did Bob listen?", "has Bob played it")) {
            assertThat(bot.reply("alice", typed)).as(typed).isEqualTo(history);
        }
        assertThat(bot.reply("alice", "change my name to Alicia Smith")).isEqualTo("Change the name friends find you "
                + "by to \"Alicia Smith\"?\n\nStill open: Who is " + TITLE + " for?");
        assertThat(bot.reply("alice", "is this thing on?")).isEqualTo("Sorry, I didn't understand that. Who is " + TITLE
                + " for?");
        assertThat(last("alice").choices()).extracting(Choice::title).contains("Bob Fisher");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
        assertThat(bot.reply("alice", "Bob Fisher")).isEqualTo("Send " + TITLE + " to Bob Fisher?");
    }

    @Test
    void theSongSentByAWholeCommandRetypedIsNoLongerAskedAbout() {
        assertThat(bot.reply("alice", "send_song name:\"me\" pre:\"the bridge!\" " + LINK))
                .startsWith("That's you! Who is it for?");

        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" pre:\"the bridge!\" " + LINK))
                .startsWith("Sent " + TITLE + " to Bob Fisher.");

        assertThat(bot.reply("alice", "history")).as("the song went: asking who it is for again would be stale")
                .doesNotContain("Still open");
        assertThat(bot.stores.drafts().findDraft(at("alice"))).isEmpty();
    }

    @Test
    void theirOwnNameTypedForWhoItIsForOffersTheirFriendsAgain() {
        bot.reply("alice", LINK);

        assertThat(bot.reply("alice", "Alice Smith")).isEqualTo("That's you! Who is it for?");
        assertThat(last("alice").choices()).as("Messenger shows taps only under the newest message")
                .extracting(Choice::title).containsExactly("Bob Fisher", "Carol King", "👥 Family", "Someone else");
        assertThat(tap("alice", "Carol King", last("alice").choices().get(1).payload()))
                .isEqualTo("Send " + TITLE + " to Carol King?");
    }

    @Test
    void meOrTheirOwnFirstNameTypedForWhoItIsForIsThemNotSomeoneToInvite() {
        bot.reply("alice", LINK);

        for (String typed : List.of("me", "Myself", "for me", "to me")) {
            assertThat(bot.reply("alice", typed)).as(typed).isEqualTo("That's you! Who is it for?");
            assertThat(last("alice").choices()).extracting(Choice::title)
                    .containsExactly("Bob Fisher", "Carol King", "👥 Family", "Someone else");
        }
        assertThat(bot.reply("alice", "alice")).as("their first name alone may mean another Alice")
                .isEqualTo("Alice is your own first name: for another Alice, type their full name. Who is it for?");
        assertThat(last("alice").choices()).extracting(Choice::title)
                .containsExactly("Bob Fisher", "Carol King", "👥 Family", "Someone else");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
        assertThat(bot.reply("alice", "Carol")).isEqualTo("Send " + TITLE + " to Carol King?");
    }

    @Test
    void everyoneTypedForWhoItIsForSaysSongsGoToOnePersonOrAGroupAndOffersTheGroups() {
        bot.reply("alice", LINK);

        for (String typed : List.of("everyone", "All", "everybody!", "for all", "to everyone")) {
            assertThat(bot.reply("alice", typed)).as(typed).isEqualTo("A song goes to one person, or to everyone in "
                    + "one of your groups: tap the group. Who is it for?");
            assertThat(last("alice").choices()).extracting(Choice::title)
                    .containsExactly("Bob Fisher", "Carol King", "👥 Family", "Someone else");
        }
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();

        bot.register("dave", "Dave Brown");
        bot.reply("dave", LINK);
        assertThat(bot.reply("dave", "everyone")).as("without groups").isEqualTo("A song goes to one person, or to "
                + "everyone in a group you make (create_group Friends, then add_to_group). Who is it for? Type their "
                + "name.");
        assertThat(bot.stores.invites().openInvitesSentBy(at("dave"), bot.clock.instant(), 10)).isEmpty();
    }

    @Test
    void sendSongToMeOrEveryoneOffersTheSongAsAPastedLinkDoesAndInvitesNobody() {
        assertThat(bot.reply("alice", "send song to Alice " + LINK)).startsWith("Alice is your own first name: for "
                + "another Alice, type their full name. Who is it for?");
        for (String typed : List.of("send_song me " + LINK, "send_song " + LINK + " me")) {
            assertThat(bot.reply("alice", typed)).as(typed).isEqualTo("That's you! Who is it for?");
            assertThat(last("alice").card()).isPresent();
            assertThat(last("alice").choices()).extracting(Choice::title)
                    .containsExactly("Bob Fisher", "Carol King", "👥 Family", "Someone else");
        }
        for (String typed : List.of("send_song everyone " + LINK, "send_song " + LINK + " all")) {
            assertThat(bot.reply("alice", typed)).as(typed).isEqualTo("A song goes to one person, or to everyone in "
                    + "one of your groups: tap the group. Who is it for?");
        }
        assertThat(bot.reply("alice", "send_song name:\"everyone\" pre:\"the bridge\" " + LINK))
                .isEqualTo("A song goes to one person, or to everyone in one of your groups: tap the group. Who is it "
                        + "for?\nWith it: “the bridge”");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
        assertThat(tap("alice", "Bob Fisher", last("alice").choices().getFirst().payload()))
                .isEqualTo("Send " + TITLE + " to Bob Fisher?\nWith it: “the bridge”");
    }

    @Test
    void severalNamesTypedForWhoItIsForSayOneAtATimeAndInviteNobody() {
        bot.reply("alice", LINK);

        for (String typed : List.of("Bob and Carol", "Bob, Carol", "Bob Fisher & Carol King", "carol + Family",
                "to Bob and Carol")) {
            assertThat(bot.reply("alice", typed)).as(typed).isEqualTo(SEVERAL_AT_ONCE + "Who is it for?");
            assertThat(last("alice").choices()).extracting(Choice::title)
                    .containsExactly("Bob Fisher", "Carol King", "👥 Family");
        }
        assertThat(bot.reply("alice", "both")).startsWith("A song goes to one person, or to everyone in one of your "
                + "groups");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
        assertThat(bot.reply("alice", "Bob and Dave")).as("a name nobody has: a newcomer's, maybe")
                .startsWith("I don't know anyone called \"Bob and Dave\"");
        assertThat(bot.reply("alice", "send song to Bob and Carol " + LINK)).isEqualTo(SEVERAL_AT_ONCE
                + "Who is it for?");
        assertThat(last("alice").card()).isPresent();
    }

    @Test
    void aGroupsTapTitleTypedIsThatGroup() {
        bot.reply("alice", LINK);

        assertThat(bot.reply("alice", "👥 Family")).as("Messenger's taps are gone once a message follows")
                .isEqualTo("Send " + TITLE + " to Family?");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
    }

    @Test
    void aFriendReallyCalledAllOrAGroupCalledEveryoneStillGetsTheSong() {
        bot.register("al", "All");
        bot.reply("alice", "create_group Everyone");
        bot.reply("alice", LINK);

        assertThat(bot.reply("alice", "all")).isEqualTo("Send " + TITLE + " to All?");
        bot.reply("alice", LINK);
        assertThat(bot.reply("alice", "everyone")).isEqualTo("Send " + TITLE + " to Everyone?");
    }

    @Test
    void anotherTapUnderWhoIsItForAfterOneWasTappedChangesWhoItIsForAndSendsNothing() {
        int bobHad = bot.inbox("bob").size();
        bot.reply("alice", LINK);
        String offer = bot.stores.drafts().findDraft(at("alice")).orElseThrow().offerKey();
        assertThat(tap("alice", "Bob Fisher", "1 #" + offer)).isEqualTo("Send " + TITLE + " to Bob Fisher?");
        tap("alice", "Add a note", "note");

        assertThat(tap("alice", "Carol King", "2 #" + offer)).as("Telegram keeps the buttons until it takes them off")
                .isEqualTo("Send " + TITLE + " to Carol King?");
        assertThat(tap("alice", "Carol King", "2 #" + offer)).as("the same tap again")
                .isEqualTo("Send " + TITLE + " to Carol King?");
        assertThat(tap("alice", "Send", sendTap())).startsWith("Sent " + TITLE + " to Carol King.");
        assertThat(bot.inbox("bob")).hasSize(bobHad);
    }

    @Test
    void aNumberTypedWhenNoneIsAskedForAsksTheOpenQuestionAgainWithItsTaps() {
        bot.reply("alice", LINK);
        assertThat(bot.reply("alice", "7")).isEqualTo("Please answer with a number from 1 to 3.");
        assertThat(last("alice").choices()).extracting(Choice::title)
                .containsExactly("Bob Fisher", "Carol King", "👥 Family", "Someone else");
        tap("alice", "Bob Fisher", "1");

        assertThat(bot.reply("alice", "2")).isEqualTo("I'm not waiting for a number from you. Send " + TITLE
                + " to Bob Fisher?");
        assertThat(last("alice").choices()).extracting(Choice::title)
                .containsExactly("Send", "Add a note", "Note for after", "Someone else", "Don't send");
    }

    @Test
    void aYesTypedToADeleteOrForgetMeQuestionAskedSinceSendsNotTheSongBeingShared() {
        int bobHad = bot.inbox("bob").size();
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");
        bot.reply("alice", "delete_group Family");

        assertThat(bot.reply("alice", "yes")).isEqualTo("Only a tap says yes to that, so I did nothing: tap \"Yes, "
                + "delete it\" if you mean it.");
        assertThat(last("alice").choices()).extracting(Choice::title).containsExactly("Yes, delete it",
                "No, keep it");
        assertThat(bot.reply("alice", "ok")).startsWith("Only a tap says yes to that");
        bot.reply("alice", "forget_me");
        assertThat(bot.reply("alice", "Yes, delete it all")).isEqualTo("Only a tap says yes to that, so I did "
                + "nothing: tap \"Yes, delete it all\" if you mean it.");
        assertThat(bot.inbox("bob")).hasSize(bobHad);
        assertThat(bot.stores.groups().groupsOf(at("alice"))).hasSize(1);

        bot.reply("alice", "no");
        assertThat(bot.reply("alice", "yes")).as("the question answered, a yes is the share's again")
                .startsWith("Sent " + TITLE + " to Bob Fisher.");
    }

    @Test
    void forAndANameTypedAtWhoIsItForIsThatNameNotSomeoneCalledForBob() {
        bot.reply("alice", LINK);
        assertThat(bot.reply("alice", "for Bob")).isEqualTo("Send " + TITLE + " to Bob Fisher?");

        bot.reply("alice", LINK);
        assertThat(bot.reply("alice", "For family")).isEqualTo("Send " + TITLE + " to Family?");

        bot.reply("alice", LINK);
        assertThat(bot.reply("alice", "for Dana Scully")).startsWith("I don't know anyone called \"Dana Scully\".");
    }

    @Test
    void aGroupsNameGivenForWhoItIsForIsThatGroupNotSomeoneToInvite() {
        bot.reply("alice", LINK);
        assertThat(bot.reply("alice", "family")).isEqualTo("Send " + TITLE + " to Family?");
        bot.reply("alice", FakeMusic.OTHER_SONG.id().link());
        assertThat(bot.reply("alice", "to Family")).isEqualTo("Send " + FakeMusic.OTHER_SONG.title() + " to "
                + "Family?");
        assertThat(bot.reply("alice", "send_song Family " + LINK)).startsWith("Nobody else is in Family yet.");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
    }

    @Test
    void aStrangerWhoTakesTheNameOfTheSendersGroupDoesNotGetTheSongsMeantForIt() {
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        bot.register("dan", "Dan Brown");
        bot.reply("dan", "name \"Family\"");
        int bobHad = bot.inbox("bob").size();
        var third = FakeMusic.track("0eGsygTp906u18L0Oimnem", "Mr. Brightside", "The Killers");
        bot.music.add(third);

        assertThat(bot.reply("alice", "send_song Family " + LINK)).startsWith("Sent " + TITLE + " to Family (1 person).");
        bot.reply("alice", FakeMusic.OTHER_SONG.id().link());
        assertThat(bot.reply("alice", "family")).isEqualTo("Send " + FakeMusic.OTHER_SONG.title() + " to Family?");
        assertThat(bot.reply("alice", "send")).startsWith("Sent " + FakeMusic.OTHER_SONG.title() + " to Family (1 "
                + "person).");
        assertThat(bot.reply("alice", "send_song " + third.id().link() + " Family"))
                .startsWith("Sent " + third.title() + " to Family (1 person).");

        assertThat(bot.inbox("bob").subList(bobHad, bot.inbox("bob").size()))
                .filteredOn(text -> text.startsWith("🎵 Alice Smith sent a song to Family")).hasSize(3);
        assertThat(bot.inbox("dan")).noneMatch(text -> text.contains("Alice Smith"));
    }

    @Test
    void aSendTapShownWithAnotherSongOrPersonSendsNothingAndAsksAgain() {
        int bobHad = bot.inbox("bob").size();
        int carolHad = bot.inbox("carol").size();
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");
        String forBob = sendTap();
        bot.reply("alice", FakeMusic.OTHER_SONG.id().link());
        tap("alice", "Carol King", "2");

        assertThat(tap("alice", "Send", forBob)).isEqualTo("That Send was for an earlier question, so I didn't send "
                + "anything. Send " + FakeMusic.OTHER_SONG.title() + " to Carol King?");
        bot.reply("alice", LINK);
        assertThat(tap("alice", "Send", forBob)).as("the same song, before saying who it is for")
                .isEqualTo("That Send was for an earlier question, so I didn't send anything. Who is " + TITLE + " for?");
        assertThat(last("alice").choices()).extracting(Choice::title)
                .containsExactly("Bob Fisher", "Carol King", "👥 Family", "Someone else");
        assertThat(bot.inbox("bob")).hasSize(bobHad);
        assertThat(bot.inbox("carol")).hasSize(carolHad);

        tap("alice", "Bob Fisher", "1");
        assertThat(tap("alice", "Send", forBob)).as("the song and person it was shown with")
                .startsWith("Sent " + TITLE + " to Bob Fisher.");
    }

    @Test
    void aTapUnderTheQuestionOfASongThatWentSinceSaysWhereItWent() {
        bot.reply("alice", LINK);
        Choice carol = last("alice").choices().get(1);
        tap("alice", "Bob Fisher", last("alice").choices().getFirst().payload());
        tap("alice", "Send", sendTap());
        bot.advance(Duration.ofMinutes(3));

        assertThat(tap("alice", "Carol King", carol.payload())).isEqualTo("That tap was for " + TITLE + ", which you "
                + "already sent to Bob Fisher 3 min ago, so I did nothing.");
        assertThat(bot.inbox("carol")).noneMatch(text -> text.contains(TITLE));
    }

    @Test
    void aTapUnderTheQuestionOfASongThatWentToAGroupSinceSaysWhichGroup() {
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        bot.reply("alice", LINK);
        Choice carol = last("alice").choices().get(1);
        tap("alice", "👥 Family", last("alice").choices().get(2).payload());
        tap("alice", "Send", sendTap());

        assertThat(tap("alice", "Carol King", carol.payload())).isEqualTo("That tap was for " + TITLE + ", which you "
                + "already sent to Family just now, so I did nothing.");
    }

    @Test
    void aNumberTapUnderAnOlderOfferDoesNothingAndAsksTheNewerOfferAgain() {
        bot.reply("alice", LINK);
        Choice bob = last("alice").choices().getFirst();
        bot.reply("alice", FakeMusic.OTHER_SONG.id().link());
        Choice bobNow = last("alice").choices().getFirst();

        assertThat(tap("alice", "Bob Fisher", bob.payload())).as("which song that question was about")
                .isEqualTo("That tap was for " + TITLE + ", not the song you're sharing now, so I did nothing. Who is "
                        + FakeMusic.OTHER_SONG.title() + " for?");
        assertThat(bot.stores.drafts().findDraft(at("alice")).orElseThrow().stage()).as("still asking who")
                .isEqualTo(ShareDraft.Stage.WHO);
        assertThat(last("alice").choices()).as("the open offer again").contains(bobNow);
        assertThat(tap("alice", "Bob Fisher", bobNow.payload()))
                .isEqualTo("Send " + FakeMusic.OTHER_SONG.title() + " to Bob Fisher?");
    }

    @Test
    void theNoteAndSomeoneElseTapsUnderAnotherSongsQuestionDoNothingToTheSongBeingSharedNow() {
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");
        Map<String, String> older = new HashMap<>();
        last("alice").choices().forEach(choice -> older.put(choice.title(), choice.payload()));
        bot.reply("alice", "omg " + FakeMusic.OTHER_SONG.id().link());
        tap("alice", "Carol King", "2");
        String asked = "Send " + FakeMusic.OTHER_SONG.title() + " to Carol King?\nWith it: “omg”";

        for (String title : List.of("Add a note", "Note for after", "Someone else")) {
            assertThat(tap("alice", title, older.get(title))).as(title)
                    .isEqualTo("That tap answered an earlier question, so I did nothing. " + asked);
        }
        ShareDraft now = bot.stores.drafts().findDraft(at("alice")).orElseThrow();
        assertThat(now.stage()).isEqualTo(ShareDraft.Stage.READY);
        assertThat(now.pre()).isEqualTo("omg");
        assertThat(last("alice").choices()).extracting(Choice::title).contains("Change the note", "No note");

        Map<String, String> open = new HashMap<>();
        last("alice").choices().forEach(choice -> open.put(choice.title(), choice.payload()));
        assertThat(tap("alice", "No note", open.get("No note"))).as("the open question's own tap")
                .isEqualTo("OK, no note. Send " + FakeMusic.OTHER_SONG.title() + " to Carol King?");
        assertThat(tap("alice", "Someone else", open.get("Someone else")))
                .startsWith("Who is " + FakeMusic.OTHER_SONG.title() + " for?");
    }

    @Test
    void aDontSendTapShownWithAnotherSongKeepsTheOneBeingSharedNow() {
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");
        String dontSendIt = discardTap();
        bot.reply("alice", FakeMusic.OTHER_SONG.id().link());
        tap("alice", "Carol King", "2");

        assertThat(tap("alice", "Don't send", dontSendIt)).isEqualTo("That Don't send was for an earlier question, so I "
                + "kept the one you're sharing now. Send " + FakeMusic.OTHER_SONG.title() + " to Carol King?");
        assertThat(tap("alice", "Don't send", discardTap())).isEqualTo("OK, I've dropped that song.");
        assertThat(bot.stores.drafts().findDraft(at("alice"))).isEmpty();
    }

    @Test
    void aSendTapWhileANoteIsAskedForSendsTheSongAsItIs() {
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");
        String send = sendTap();
        tap("alice", "Add a note", "note");

        assertThat(tap("alice", "Send", send)).startsWith("Sent " + TITLE + " to Bob Fisher.");
        assertThat(bot.last("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + TITLE);
    }

    @Test
    void theWordsPastedWithTheLinkAreShownAsItsNoteAndGoWithIt() {
        assertThat(bot.reply("alice", "you'll love the bridge " + LINK)).isEqualTo("Who is it for?\n"
                + "With it: “you'll love the bridge”");

        assertThat(tap("alice", "Bob Fisher", "1")).isEqualTo("Send " + TITLE + " to Bob Fisher?\n"
                + "With it: “you'll love the bridge”");
        assertThat(last("alice").choices()).extracting(Choice::payload)
                .containsExactly(sendTap(), keyed("note"), keyed("after"), keyed("note none"), keyed("to"),
                        discardTap());
        tap("alice", "Send", sendTap());

        assertThat(bot.last("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + TITLE + "\n“you'll love the bridge”");
    }

    @Test
    void wordsBesideTheLinkThatSayWhoItIsForChooseThem() {
        assertThat(bot.reply("alice", "for Bob: " + LINK)).as("a contact's first name")
                .isEqualTo("Send " + TITLE + " to Bob Fisher?");
        assertThat(last("alice").card()).as("the song is shown as when asked who it is for").isPresent();
        assertThat(last("alice").choices()).extracting(Choice::payload)
                .containsExactly(sendTap(), keyed("note"), keyed("after"), keyed("to"), discardTap());
        tap("alice", "Send", sendTap());
        assertThat(bot.last("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + TITLE);

        assertThat(bot.reply("alice", LINK + " for carol king!")).isEqualTo("Send " + TITLE + " to Carol King?");
        assertThat(bot.reply("alice", "Carol King " + LINK)).as("a whole name by itself")
                .isEqualTo("Send " + TITLE + " to Carol King?");
        assertThat(bot.reply("alice", "For Family " + LINK)).as("a group").isEqualTo("Send " + TITLE + " to Family?");
    }

    @Test
    void wordsThatOnlyLookLikeAnAddresseeStayTheNote() {
        assertThat(bot.reply("alice", "for the road trip " + LINK)).as("nobody of that name")
                .isEqualTo("Who is it for?\nWith it: “for the road trip”");
        assertThat(bot.reply("alice", "Bob " + LINK)).as("a first name alone may be a word of a note")
                .isEqualTo("Who is it for?\nWith it: “Bob”");
        assertThat(bot.reply("alice", "for Alice Smith " + LINK)).as("the sender's own name")
                .isEqualTo("Who is it for?\nWith it: “for Alice Smith”");
        assertThat(bot.reply("alice", "for Bob, you'll love the bridge " + LINK)).as("more than a name")
                .isEqualTo("Who is it for?\nWith it: “for Bob, you'll love the bridge”");
    }

    @Test
    void wordsThatNameSeveralPeopleAskWhichOneAndLeaveNoNote() {
        bot.register("bob2", "Bob Marley");
        bot.reply("bob2", "send_song name:\"Alice Smith\" " + FakeMusic.OTHER_SONG.id().link());

        assertThat(bot.reply("alice", "for Bob " + LINK)).startsWith("That name fits 2 people. Which one?");
        Choice marley = last("alice").choices().stream().filter(c -> c.title().endsWith("Bob Marley")).findFirst()
                .orElseThrow();
        assertThat(tap("alice", marley.title(), marley.payload())).isEqualTo("Send " + TITLE + " to Bob Marley?");
    }

    @Test
    void wordsOnlyAfterTheLinkOfASendThatNameNobodyAreItsNoteAndTheBotAsksWhoItIsFor() {
        assertThat(bot.reply("alice", "send_song " + LINK + " you'll love this")).isEqualTo("Who is it for?\n"
                + "With it: “you'll love this”");

        String offer = bot.stores.drafts().findDraft(at("alice")).orElseThrow().offerKey();
        String song = " " + FakeMusic.SONG.id().value();
        assertThat(last("alice").card()).isPresent();
        assertThat(last("alice").choices()).containsExactly(new Choice("Bob Fisher", "1 #" + offer + song),
                new Choice("Carol King", "2 #" + offer + song), new Choice("👥 Family", "3 #" + offer + song),
                new Choice("Invite \"you'll love this\"", "to name:\"you'll love this\""),
                new Choice("Someone else", "to"));
        assertThat(tap("alice", "Bob Fisher", "1 #" + offer)).isEqualTo("Send " + TITLE + " to Bob Fisher?\n"
                + "With it: “you'll love this”");
        tap("alice", "Send", sendTap());

        assertThat(bot.last("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + TITLE + "\n“you'll love this”");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
    }

    @Test
    void wordsOnlyAfterTheLinkOfASendThatNameSomeoneOrAGroupSendItAtOnceAsBefore() {
        bot.register("dan", "Dan Brown");
        bot.reply("alice", "add_to_group Family Dan Brown");

        assertThat(bot.reply("alice", "send_song " + LINK + " Bob Fisher")).startsWith("Sent " + TITLE
                + " to Bob Fisher.");
        assertThat(bot.reply("alice", "/send " + FakeMusic.OTHER_SONG.id().link() + " bob"))
                .as("a contact's first name").startsWith("Sent " + FakeMusic.OTHER_SONG.title() + " to Bob Fisher.");
        assertThat(bot.reply("alice", "send_song " + LINK + " family")).startsWith("Sent " + TITLE + " to Family");
        assertThat(bot.reply("alice", "send_song " + FakeMusic.OTHER_SONG.id().link() + " Carol Kign"))
                .as("a near miss of a contact's name").isEqualTo("I don't know anyone called \"Carol Kign\". Did you "
                        + "mean Carol King?");
        assertThat(bot.stores.drafts().findDraft(at("alice"))).isEmpty();
    }

    @Test
    void theInviteTapUnderWordsAfterTheLinkInvitesThemByNameAndTheyAreNotItsNote() {
        bot.chat.linksTo("https://m.me/page?ref=");
        assertThat(bot.reply("alice", "send_song " + LINK + " Erin Walsh")).isEqualTo("Who is it for?\n"
                + "With it: “Erin Walsh”");

        assertThat(tap("alice", "Invite \"Erin Walsh\"", "to name:\"Erin Walsh\"")).startsWith("I don't know anyone "
                + "called \"Erin Walsh\" yet. Forward them this link: https://m.me/page?ref=invite-");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).singleElement()
                .satisfies(invite -> {
                    assertThat(invite.friendName()).isEqualTo("Erin Walsh");
                    assertThat(invite.pre()).isEmpty();
                });
    }

    @Test
    void theInviteTapOfAMistypedNameChoosesWhoeverRegisteredUnderItSinceTheQuestion() {
        bot.reply("alice", LINK);
        assertThat(bot.reply("alice", "Bob Fsiher")).startsWith("I don't know anyone called \"Bob Fsiher\". "
                + "Did you mean Bob Fisher?");
        bot.register("fsiher", "Bob Fsiher");

        assertThat(tap("alice", "Invite \"Bob Fsiher\"", "2")).isEqualTo("Send " + TITLE + " to Bob Fsiher?");
    }

    @Test
    void theNoteTakenFromThePastedWordsCanBeDropped() {
        bot.reply("alice", "Check out this song on Spotify: " + LINK);
        tap("alice", "Bob Fisher", "1");

        assertThat(tap("alice", "No note", "note none")).isEqualTo("OK, no note. Send " + TITLE + " to Bob Fisher?");
        assertThat(last("alice").choices()).extracting(Choice::payload)
                .containsExactly(sendTap(), keyed("note"), keyed("after"), keyed("to"), discardTap());
        tap("alice", "Send", sendTap());

        assertThat(bot.last("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + TITLE);
    }

    @Test
    void noneTypedWhenTheNoteIsAskedForMeansNoNote() {
        bot.reply("alice", "this one " + LINK);
        tap("alice", "Bob Fisher", "1");
        tap("alice", "Change the note", "note");

        assertThat(bot.reply("alice", "None")).isEqualTo("OK, no note. Send " + TITLE + " to Bob Fisher?");
    }

    @Test
    void theMenusSendASongWithNothingSharedSaysHowToSendOne() {
        assertThat(bot.reply("alice", "send_song")).isEqualTo("To send a song, paste its Spotify link here (in "
                + "Spotify: Share, then Copy link) and I'll ask who it's for. Or send it in one go: send_song "
                + "name:\"Bob Fisher\" <link>");
    }

    @Test
    void notesAreOfferedAndTypedWhenAskedFor() {
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");

        assertThat(tap("alice", "Add a note", "note")).isEqualTo("Type the note that goes with the song to Bob Fisher.");
        assertThat(bot.reply("alice", "you'll love the bridge")).isEqualTo("Noted. Send " + TITLE + " to Bob Fisher?\n"
                + "With it: “you'll love the bridge”");
        assertThat(tap("alice", "Note for after", "after")).isEqualTo("Type the note Bob Fisher gets once they've "
                + "played it.");
        assertThat(bot.reply("alice", "send it back if you hate it")).as("a note may start like a command")
                .endsWith("Once they've played it: “send it back if you hate it”");
        tap("alice", "Send", sendTap());

        assertThat(bot.last("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + TITLE + "\n“you'll love the bridge”");
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        assertThat(bot.last("bob")).isEqualTo("Alice Smith's note on " + TITLE + ": “send it back if you hate it”");
    }

    @Test
    void aTypedNoteIsCleanedAsANoteCommandsIs() {
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");
        tap("alice", "Add a note", "note");
        bot.reply("alice", "he said \"wow\"\u0007 \u202eevil\u202c and\ttab\u001b[31m red");
        tap("alice", "Note for after", "after");
        bot.reply("alice", "\u2066told\u2069 you\u0000 so\r\n");
        tap("alice", "Send", sendTap());

        assertThat(bot.last("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + TITLE
                + "\n“he said \"wow\" evil and tab[31m red”");
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        assertThat(bot.last("bob")).isEqualTo("Alice Smith's note on " + TITLE + ": “told you so”");
    }

    @Test
    void aTypedNoteTooLongIsRefusedAndTheShareWaitsForAShorterOne() {
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");
        tap("alice", "Add a note", "note");

        assertThat(bot.reply("alice", "la ".repeat(650))).isEqualTo("Notes can be at most 500 characters. "
                + "Type the note that goes with the song to Bob Fisher.");
        assertThat(bot.inbox("bob")).noneMatch(text -> text.contains(TITLE));
        assertThat(bot.reply("alice", "shorter")).isEqualTo("Noted. Send " + TITLE + " to Bob Fisher?\n"
                + "With it: “shorter”");
        tap("alice", "Note for after", "after");
        assertThat(bot.reply("alice", "x".repeat(501))).isEqualTo("Notes can be at most 500 characters. "
                + "Type the note Bob Fisher gets once they've played it.");
        assertThat(bot.reply("alice", "x".repeat(500))).startsWith("Noted. Send " + TITLE + " to Bob Fisher?");
        tap("alice", "Send", sendTap());

        assertThat(bot.last("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + TITLE + "\n“shorter”");
    }

    @Test
    void aSpotifyLinkTypedWhileTheBotWaitsForANoteIsAnotherSongNotTheNote() {
        String other = FakeMusic.OTHER_SONG.id().link();
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");
        tap("alice", "Add a note", "note");

        assertThat(bot.reply("alice", "listen to this " + other)).as("shared from Spotify with a comment")
                .isEqualTo("Who is it for?\nWith it: “listen to this”\n(I dropped " + TITLE + ", which you hadn't sent.)");
        tap("alice", "Bob Fisher", "1");
        tap("alice", "Add a note", "note");
        assertThat(bot.reply("alice", "send_song name:\"Carol King\" " + LINK)).as("a whole send_song")
                .startsWith("Sent " + TITLE + " to Carol King.");
        assertThat(bot.last("carol")).isEqualTo("🎵 Alice Smith sent you a song: " + TITLE);
        assertThat(bot.reply("alice", "the bridge!")).as("the song being shared still waits for its note")
                .isEqualTo("Noted. Send " + FakeMusic.OTHER_SONG.title() + " to Bob Fisher?\nWith it: “the bridge!”");
    }

    @Test
    void someoneElseIsTypedByNameAndAFirstNameIsEnoughForAContact() {
        bot.register("dan", "Dan Brown");
        bot.reply("alice", LINK);

        assertThat(tap("alice", "Someone else", "to")).isEqualTo("Who is " + TITLE + " for? Type their name.");
        assertThat(bot.reply("alice", "Dan Brown")).isEqualTo("Send " + TITLE + " to Dan Brown?");
        bot.reply("alice", "discard");

        bot.reply("alice", LINK);
        assertThat(bot.reply("alice", "carol")).isEqualTo("Send " + TITLE + " to Carol King?");
        assertThat(bot.reply("alice", "send")).startsWith("Sent " + TITLE + " to Carol King.");
    }

    @Test
    void cancelTypedAtAShareQuestionDropsThatShareAndElsewhereShowsThePendingList() {
        String dropped = "OK, I've dropped that song.\nIf you meant to stop watching a song you sent earlier, send: "
                + "cancel";
        bot.reply("alice", LINK);
        assertThat(bot.reply("alice", "Cancel")).as("at \"Who is it for?\"").isEqualTo(dropped);
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");
        assertThat(bot.reply("alice", "cancel")).as("at \"Send … to Bob Fisher?\"").isEqualTo(dropped);
        assertThat(bot.stores.drafts().findDraft(at("alice"))).isEmpty();

        assertThat(bot.reply("alice", "cancel")).isNotEqualTo("There was no song to drop.");
    }

    @Test
    void cancelOrDiscardTypedWhileTheSongWaitsForItsNoteDropsItAndNoSongSentEarlierIsStopped() {
        for (String asked : List.of("note", "after")) {
            bot.reply("alice", LINK);
            tap("alice", "Bob Fisher", "1");
            assertThat(tap("alice", "Add a note", asked)).startsWith("Type the note");

            assertThat(bot.reply("alice", "cancel")).as(asked).isEqualTo("OK, I've dropped that song.\nIf you meant "
                    + "to stop watching a song you sent earlier, send: cancel");
            assertThat(bot.stores.drafts().findDraft(at("alice"))).as(asked).isEmpty();
        }
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");
        tap("alice", "Add a note", "note");
        assertThat(bot.reply("alice", "Discard")).isEqualTo("OK, I've dropped that song.");

        assertThat(bot.inbox("bob")).noneMatch(text -> text.contains("Alice Smith sent you a song"));
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).singleElement()
                .satisfies(share -> assertThat(share.status()).isEqualTo(ShareStatus.WATCHING));
        assertThat(bot.reply("alice", "cancel")).as("no song being shared: the command").startsWith("Stopped watching");
    }

    @Test
    void cancelWithTheSlashWhileTheSongWaitsForItsNoteIsStillTheCommandAndTheSongStillWaits() {
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");
        tap("alice", "Add a note", "note");

        assertThat(bot.reply("alice", "/cancel")).startsWith("Stopped watching " + FakeMusic.OTHER_SONG.title());
        assertThat(bot.reply("alice", "the bridge!")).startsWith("Noted. Send " + TITLE + " to Bob Fisher?");
    }

    @Test
    void onTelegramTheWayToStopASongSentEarlierIsSpelledAsTelegramSpellsIt() {
        RecordingChat telegram = RecordingChat.rich(Platform.TELEGRAM, 4096);
        bot = new BotHarness(telegram);
        ChatAddress dave = new ChatAddress(Platform.TELEGRAM, "42");
        bot.register(dave, "Dave Stone");
        bot.register("bob", "Bob Fisher");
        bot.reply(dave, "/send Bob Fisher " + FakeMusic.OTHER_SONG.id().link());
        bot.reply(dave, LINK);
        bot.reply(dave, "Bob Fisher");
        bot.reply(dave, "note");

        assertThat(bot.reply(dave, "cancel")).isEqualTo("OK, I've dropped that song.\nIf you meant to stop watching a "
                + "song you sent earlier, send: /cancel");
    }

    @Test
    void theMenusSendASongAsksTheWaitingSharesQuestionAgainAndSendsNothing() {
        int bobBefore = bot.chat.messages("bob").size();
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");

        assertThat(bot.reply("alice", "send_song")).isEqualTo("You haven't sent this song yet. Send " + TITLE
                + " to Bob Fisher?\nOr paste another song's link to send that one instead.");
        assertThat(last("alice").choices()).extracting(Choice::payload)
                .containsExactly(sendTap(), keyed("note"), keyed("after"), keyed("to"), discardTap());
        assertThat(bot.chat.messages("bob")).hasSize(bobBefore);

        tap("alice", "Add a note", "note");
        assertThat(bot.reply("alice", "send_song")).as("asked for a note, the share is asked about again")
                .startsWith("You haven't sent this song yet. Send " + TITLE + " to Bob Fisher?");
        assertThat(bot.reply("alice", "send")).startsWith("Sent " + TITLE + " to Bob Fisher.");
    }

    @Test
    void aNameTypedWithAnInvisibleCharacterFindsTheFriendItLooksLike() {
        bot.reply("alice", LINK);

        assertThat(bot.reply("alice", "Bob\u200B Fisher")).isEqualTo("Send " + TITLE + " to Bob Fisher?");
        bot.reply("alice", LINK);
        assertThat(bot.reply("alice", "\u202ECarol King")).isEqualTo("Send " + TITLE + " to Carol King?");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
    }

    @Test
    void aGroupIsOfferedAndTheSongGoesToEveryoneInIt() {
        bot.reply("alice", "add_to_group Family Bob Fisher");
        bot.reply("alice", LINK);

        assertThat(tap("alice", "👥 Family", "3")).isEqualTo("Send " + TITLE + " to Family?");
        assertThat(tap("alice", "Send", sendTap())).startsWith("Sent " + TITLE + " to Family (1 person).");
        assertThat(bot.last("bob")).isEqualTo("🎵 Alice Smith sent a song to Family: " + TITLE);
    }

    @Test
    void aNameSeveralContactsHaveIsAskedAboutAndTheAnswerChoosesForTheSong() {
        bot.register("bob2", "Bob Marley");
        bot.reply("bob2", "send_song name:\"Alice Smith\" " + FakeMusic.OTHER_SONG.id().link());
        bot.advance(Duration.ofMinutes(1));
        bot.reply("alice", LINK);

        assertThat(bot.reply("alice", "bob")).startsWith("That name fits 2 people. Which one?");
        assertThat(bot.reply("alice", "2")).isEqualTo("Send " + TITLE + " to Bob Fisher?");
        tap("alice", "Send", sendTap());
        assertThat(bot.last("bob")).startsWith("🎵 Alice Smith sent you a song");
    }

    @Test
    void aMistypedNameCloseToAContactsIsAskedAboutAndTheTapChoosesThemForTheSong() {
        bot.reply("alice", LINK);
        tap("alice", "Someone else", "to");

        assertThat(bot.reply("alice", "Bob Fsiher")).isEqualTo("I don't know anyone called \"Bob Fsiher\". Did you "
                + "mean Bob Fisher?");
        List<Choice> taps = last("alice").choices();
        assertThat(taps).extracting(Choice::title).containsExactly("Bob Fisher", "Invite \"Bob Fsiher\"", "Don't send");
        assertThat(tap("alice", "Bob Fisher", taps.getFirst().payload())).isEqualTo("Send " + TITLE + " to Bob Fisher?");
        tap("alice", "Send", sendTap());
        assertThat(bot.last("bob")).startsWith("🎵 Alice Smith sent you a song");
    }

    @Test
    void theInviteTapForAMistypedNameInvitesItAsTypedAndKeepsTheShare() {
        bot.reply("alice", LINK);
        bot.reply("alice", "Karol");

        assertThat(tap("alice", "Invite \"Karol\"", "2")).startsWith("I don't know anyone called \"Karol\". They "
                + "need to connect Spotify")
                .endsWith("\nIf you meant someone registered, type their full name or tap them.");
        assertThat(bot.reply("alice", "carol")).isEqualTo("Send " + TITLE + " to Carol King?");
    }

    @Test
    void textNoNameCouldBeTypedAtWhoIsItForMakesNoInviteAndTheShareWaits() {
        bot.reply("alice", LINK);
        String tooLong = "Bartholomew Maximilian Alexander Fitzgerald Montgomery Worthington";

        assertThat(bot.reply("alice", tooLong)).isEqualTo("The name is longer than 60 characters. I can't invite "
                + "anyone by it.\nIf you meant someone registered, type their full name or tap them.");
        assertThat(bot.reply("alice", "🎸🎸")).startsWith("The name needs at least one letter. I can't invite anyone");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
        assertThat(bot.reply("alice", "carol")).isEqualTo("Send " + TITLE + " to Carol King?");
    }

    @Test
    void theFirstNameOfSomeoneRegisteredWhoIsNoContactInvitesAndSaysTheFullNameFindsThem() {
        bot.register("dave", "Dave Brown");
        bot.reply("dave", LINK);

        assertThat(bot.reply("dave", "Bob")).startsWith("I don't know anyone called \"Bob\".")
                .endsWith("\nIf you meant someone registered, type their full name.");
        assertThat(bot.reply("dave", "Bob Fisher")).isEqualTo("Send " + TITLE + " to Bob Fisher?");
    }

    @Test
    void someoneWithNobodyToTapIsNotToldToTap() {
        bot.register("dave", "Dave Brown");
        assertThat(bot.reply("dave", LINK)).isEqualTo("Who is it for? Type their name, as they registered with me.");

        String invited = bot.reply("dave", "Erin Walsh");

        assertThat(invited).startsWith("I don't know anyone called \"Erin Walsh\".")
                .endsWith("\nIf you meant someone registered, type their full name.");
        assertThat(last("dave").choices()).isEmpty();
    }

    @Test
    void typeANameTappedBySomeoneWithNobodyToTapSaysWhatToTypeAndWhatANewcomerGets() {
        bot.register("dave", "Dave Brown");
        bot.reply("dave", LINK);

        assertThat(tap("dave", "Type a name", "to")).isEqualTo("Type your friend's name, as they registered with "
                + "me (Bob Fisher, say). Not registered yet? Type it all the same: I'll tell you how to get "
                + TITLE + " to them.");
        assertThat(last("dave").choices()).isEmpty();
    }

    @Test
    void aShortLinkIsFollowedToItsTrack() {
        bot.music.shortLink("xYz12", FakeMusic.SONG);

        assertThat(bot.reply("alice", "https://spotify.link/xYz12")).isEqualTo("Who is it for?");
        assertThat(bot.stores.drafts().findDraft(at("alice")).orElseThrow().track()).isEqualTo(FakeMusic.SONG.id());
        assertThat(bot.reply("alice", "https://spotify.link/nothingHere")).isEqualTo("That spotify.link link doesn't "
                + "lead to a song. Open it in Spotify and share the song itself.");
    }

    @Test
    void sendSongWithALinkAndNoFriendStartsAShareAndKeepsItsNotes() {
        bot.reply("alice", "send_song pre:\"for the road\" " + LINK);
        tap("alice", "Bob Fisher", "1");
        tap("alice", "Send", sendTap());

        assertThat(bot.last("bob")).endsWith("“for the road”");
    }

    @Test
    void anUnfinishedShareCanBeDroppedAndExpiresAfterAnHour() {
        bot.reply("alice", LINK);
        assertThat(tap("alice", "Don't send", "discard")).isEqualTo("OK, I've dropped that song.");
        assertThat(bot.reply("alice", "1")).isEqualTo("I'm not waiting for an answer from you.");

        bot.reply("alice", LINK);
        bot.advance(Duration.ofMinutes(61));
        assertThat(tap("alice", "Bob Fisher", "1")).isEqualTo("I'm not waiting for an answer from you.");
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).allMatch(s -> s.status() == ShareStatus.WATCHING)
                .hasSize(1);
    }

    @Test
    void commandsStillWorkWhileASongIsBeingShared() {
        bot.reply("alice", LINK);

        assertThat(bot.reply("alice", "pending")).startsWith("Songs you sent that are being watched:");
        assertThat(tap("alice", "Bob Fisher", "1")).isEqualTo("Send " + TITLE + " to Bob Fisher?");
    }

    @Test
    void aNewLinkReplacesTheSongBeingShared() {
        bot.reply("alice", FakeMusic.OTHER_SONG.id().link());
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");
        tap("alice", "Send", sendTap());

        assertThat(bot.last("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + TITLE);
    }

    /** Phones put no-break spaces round a pasted link; the text is a new link, as with ordinary spaces. */
    @Test
    void aSentenceWithALinkIsNotTakenAsTheNameWhateverItsSpaces() {
        bot.reply("alice", FakeMusic.OTHER_SONG.id().link());
        tap("alice", "Someone else", "to");

        assertThat(bot.reply("alice", "check this\u00a0out\u00a0" + LINK)).isEqualTo("Who is it for?\n"
                + "With it: “check this out”\n(I dropped " + FakeMusic.OTHER_SONG.title() + ", which you hadn't sent.)");
        assertThat(bot.stores.drafts().findDraft(at("alice")).orElseThrow().track()).isEqualTo(FakeMusic.SONG.id());
        assertThat(bot.reply("alice", "sned Bob " + LINK)).as("a mistyped send_song is no name either")
                .startsWith("Sorry, I don't know that command. Did you mean send_song");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
    }

    @Test
    void aMistypedSlashCommandWhileASongIsSharedOnTelegramGetsDidYouMeanNotAnInviteOrANote() {
        RecordingChat telegram = RecordingChat.rich(Platform.TELEGRAM, 4096);
        bot = new BotHarness(telegram);
        ChatAddress tom = new ChatAddress(Platform.TELEGRAM, "42");
        bot.register(tom, "Tom Green");
        bot.register("bob", "Bob Fisher");
        bot.reply(tom, LINK);

        assertThat(bot.reply(tom, "/pendng")).as("at Who is it for?")
                .isEqualTo("Sorry, I don't know that command. Did you mean /pending?\n\nStill open: Who is " + TITLE
                        + " for? Type their name.");
        assertThat(bot.reply(tom, "/histroy")).startsWith("Sorry, I don't know that command. Did you mean /history");
        assertThat(bot.reply(tom, "/blokc Bob")).startsWith("Sorry, I don't know that command. Did you mean /block");
        assertThat(bot.reply(tom, "Bob Fisher")).isEqualTo("Send " + TITLE + " to Bob Fisher?");
        assertThat(bot.reply(tom, "/cancle 1")).as("at Send … to Bob Fisher?")
                .startsWith("Sorry, I don't know that command. Did you mean /cancel");
        bot.reply(tom, "note");
        assertThat(bot.reply(tom, "/pendng")).as("while the bot waits for a note")
                .isEqualTo("Sorry, I don't know that command. Did you mean /pending?\n\nStill open: Type the note "
                        + "that goes with the song to Bob Fisher.");
        assertThat(bot.reply(tom, "the /r/music thread")).as("a note may still hold a slash")
                .isEqualTo("Noted. Send " + TITLE + " to Bob Fisher?\nWith it: “the /r/music thread”");
        assertThat(bot.stores.invites().openInvitesSentBy(tom, bot.clock.instant(), 10)).isEmpty();
    }

    @Test
    void aLongCommandMistypedByOneLetterAtWhoIsItForGetsDidYouMeanNotAnInvite() {
        bot.reply("alice", LINK);

        assertThat(bot.reply("alice", "histroy")).as("the song still waits, as after any other answer there")
                .isEqualTo("Sorry, I don't know that command. Did you mean history?\n\nStill open: Who is " + TITLE
                        + " for?");
        assertThat(last("alice").choices()).extracting(Choice::title).containsExactly("history", "Menu");
        assertThat(bot.reply("alice", "cancle 1")).startsWith("Sorry, I don't know that command. Did you mean cancel");
        assertThat(bot.reply("alice", "pendign")).startsWith("Sorry, I don't know that command. Did you mean pending");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
        assertThat(bot.reply("alice", "Conner")).as("a name two letters from connect is still a name")
                .startsWith("I don't know anyone called \"Conner\".");
    }

    @Test
    void aNameTypedWithAnAtAsAMentionIsThatName() {
        bot.reply("alice", LINK);

        assertThat(bot.reply("alice", "@Bob")).isEqualTo("Send " + TITLE + " to Bob Fisher?");
        assertThat(bot.reply("alice", "to @Carol King")).isEqualTo("Send " + TITLE + " to Carol King?");
        assertThat(bot.reply("alice", "to @carol")).as("the shape of a username stays a username")
                .startsWith("Nobody with the username @carol has connected with me yet");
        assertThat(bot.reply("alice", "send_song @Bob Fisher " + FakeMusic.OTHER_SONG.id().link()))
                .startsWith("Sent " + FakeMusic.OTHER_SONG.title() + " to Bob Fisher.");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
    }

    @Test
    void aNameTypedWithAFullStopOrAnExclamationMarkIsThatName() {
        bot.register("bobf", "Bob F.");
        bot.reply("alice", LINK);

        assertThat(bot.reply("alice", "Carol King!")).isEqualTo("Send " + TITLE + " to Carol King?");
        assertThat(bot.reply("alice", "to Bob Fisher.")).isEqualTo("Send " + TITLE + " to Bob Fisher?");
        assertThat(bot.reply("alice", "to carol?")).isEqualTo("Send " + TITLE + " to Carol King?");
        assertThat(bot.reply("alice", "to Bob F.")).as("a name with its full stop").isEqualTo("Send " + TITLE
                + " to Bob F.?");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
    }

    @Test
    void noNoteOrANoteLabelledTypedAtSendToBobIsReadAsMeant() {
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");

        assertThat(bot.reply("alice", "no note")).as("its tap shows only once there is a note")
                .isEqualTo("OK, no note. Send " + TITLE + " to Bob Fisher?");
        assertThat(bot.reply("alice", "Note: the bridge!")).isEqualTo("Noted. Send " + TITLE + " to Bob Fisher?\n"
                + "With it: “the bridge!”");
        assertThat(bot.reply("alice", "after: told you")).isEqualTo("Noted. Send " + TITLE + " to Bob Fisher?\n"
                + "With it: “the bridge!”\nOnce they've played it: “told you”");
        assertThat(bot.reply("alice", "notes are fun")).as("no label").isEqualTo("Noted. Send " + TITLE
                + " to Bob Fisher?\nWith it: “notes are fun”\nOnce they've played it: “told you”");
    }

    /** What the Send tap of Alice's "Send it to ...?" carries: her share's key. */
    private String sendTap() {
        return "send #" + bot.stores.drafts().findDraft(at("alice")).orElseThrow().key();
    }

    /** What a tap of Alice's "Send it to ...?" carries: its words, then the share's key. */
    private String keyed(String words) {
        return words + " #" + bot.stores.drafts().findDraft(at("alice")).orElseThrow().key();
    }

    /** What the Don't send tap of Alice's "Send it to ...?" carries. */
    private String discardTap() {
        return "discard #" + bot.stores.drafts().findDraft(at("alice")).orElseThrow().key();
    }

    private String tap(String psid, String title, String payload) {
        List<String> replies = bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), at(psid), bot.clock.instant(),
                payload, title));
        assertThat(replies).hasSize(1);
        return replies.getFirst();
    }

    private Message last(String psid) {
        return bot.chat.messages(psid).getLast();
    }
}
