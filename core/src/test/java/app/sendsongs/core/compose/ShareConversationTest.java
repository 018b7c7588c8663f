package app.sendsongs.core.compose;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The turns of a pasted link's conversation a person on a phone takes that the share must not get wrong: words too
 * long for a note, "to Bob" beside the link, a change of who it is for at "Send … to Bob?", a second link while the
 * first waits, a group's name in a sentence, and several friends named at once.
 */
class ShareConversationTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String TITLE = FakeMusic.SONG.title();
    private static final String OTHER_LINK = FakeMusic.OTHER_SONG.id().link();
    private static final String OTHER_TITLE = FakeMusic.OTHER_SONG.title();
    private static final String ONE_AT_A_TIME = "A song goes to one friend or one group at a time: tap the first, "
            + "then share the song again for the next. To send songs to several friends at once, make them a group "
            + "(create_group Friends, then add_to_group). ";
    private BotHarness bot;

    @BeforeEach
    void friendsWhoHaveSharedBefore() {
        bot = new BotHarness();
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.register("carol", "Carol King");
        bot.register("dan", "Dan Øster");
        bot.reply("alice", "send_song name:\"Carol King\" " + OTHER_LINK);
        bot.advance(Duration.ofMinutes(1));
        bot.reply("bob", "send_song name:\"Alice Smith\" " + OTHER_LINK);
        bot.advance(Duration.ofMinutes(1));
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family Bob Fisher");
    }

    @Test
    void wordsBesideALinkTooLongForANoteAreNotDroppedWithoutAWord() {
        String words = "so good ".repeat(70);

        assertThat(bot.reply("alice", words + LINK)).isEqualTo("Who is it for?\nYour words were too long for a note "
                + "(at most 500 characters), so the song waits without them. Once you've chosen who it's for, tap "
                + "Add a note to write a shorter one.");
        assertThat(last("alice").card()).isPresent();
        assertThat(last("alice").choices()).extracting(Choice::title)
                .containsExactly("Bob Fisher", "Carol King", "👥 Family", "Someone else");
        assertThat(tap("alice", "Bob Fisher", "1")).isEqualTo("Send " + TITLE + " to Bob Fisher?");
        assertThat(last("alice").choices()).extracting(Choice::title).contains("Add a note");
        tap("alice", "Add a note", "note");
        bot.reply("alice", "so good");
        tap("alice", "Send", sendTap());

        assertThat(bot.last("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + TITLE + "\n“so good”");
    }

    @Test
    void toANameBesideALinkAsksBeforeSendingAsForANameDoes() {
        int carolHad = bot.inbox("carol").size();

        assertThat(bot.reply("alice", "to Carol " + LINK)).isEqualTo("Send " + TITLE + " to Carol King?");
        assertThat(last("alice").card()).isPresent();
        assertThat(bot.inbox("carol")).hasSize(carolHad);
        assertThat(bot.reply("alice", "To Dan Øster: " + LINK)).isEqualTo("Send " + TITLE + " to Dan Øster?");
        assertThat(bot.reply("alice", "to family " + LINK)).isEqualTo("Send " + TITLE + " to Family?");
        assertThat(bot.reply("alice", LINK + " to Carol King")).isEqualTo("Send " + TITLE + " to Carol King?");
        assertThat(bot.reply("alice", "to the moon and back " + LINK)).as("no name: the note, as after for")
                .isEqualTo("Who is it for?\nWith it: “to the moon and back”");
        assertThat(bot.inbox("carol")).hasSize(carolHad);
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();

        assertThat(bot.reply("alice", "send_song to:Carol " + LINK)).as("the command sends at once")
                .startsWith("Sent " + TITLE + " to Carol King.");
        assertThat(bot.reply("alice", "send song to Dan Øster " + LINK)).startsWith("Sent " + TITLE + " to Dan Øster.");
    }

    @Test
    void toANameBesideALinkOnTelegramAsksBeforeSendingAndTheSlashCommandSendsAtOnce() {
        RecordingChat telegram = RecordingChat.rich(Platform.TELEGRAM, 4096);
        bot = new BotHarness(telegram);
        ChatAddress tom = new ChatAddress(Platform.TELEGRAM, "42");
        bot.register(tom, "Tom Green");
        bot.register("bob", "Bob Fisher");

        assertThat(bot.reply(tom, "to Bob Fisher " + LINK)).isEqualTo("Send " + TITLE + " to Bob Fisher?");
        assertThat(bot.inbox("bob")).noneMatch(text -> text.contains(TITLE));
        assertThat(bot.reply(tom, "/send Bob Fisher " + LINK)).startsWith("Sent " + TITLE + " to Bob Fisher.");
    }

    @Test
    void aFriendsNameTypedAtSendToBobChangesWhoItIsForAndKeepsTheNote() {
        bot.reply("alice", "omg " + LINK);
        tap("alice", "Bob Fisher", "1");

        assertThat(bot.reply("alice", "Dan Øster")).isEqualTo("Send " + TITLE + " to Dan Øster?\nWith it: “omg”");
        assertThat(bot.reply("alice", "carol")).as("a contact's first name")
                .isEqualTo("Send " + TITLE + " to Carol King?\nWith it: “omg”");
        assertThat(bot.reply("alice", "Family")).isEqualTo("Send " + TITLE + " to Family?\nWith it: “omg”");
        assertThat(bot.reply("alice", "Dan")).as("not a contact's first name: the note, as before")
                .isEqualTo("Noted. Send " + TITLE + " to Family?\nWith it: “Dan”");
        assertThat(bot.reply("alice", "Dan Oster was right")).as("more than a name")
                .isEqualTo("Noted. Send " + TITLE + " to Family?\nWith it: “Dan Oster was right”");
        assertThat(bot.reply("alice", "Bob Fisher")).isEqualTo("Send " + TITLE + " to Bob Fisher?\n"
                + "With it: “Dan Oster was right”");
        tap("alice", "Send", sendTap());

        assertThat(bot.last("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + TITLE + "\n“Dan Oster was right”");
        assertThat(bot.inbox("dan")).noneMatch(text -> text.contains(TITLE));
    }

    @Test
    void aNameSeveralFriendsHaveTypedAtSendToBobAsksWhichOneAndKeepsTheNote() {
        bot.register("bob2", "Bob Marley");
        bot.reply("bob2", "send_song name:\"Alice Smith\" " + OTHER_LINK);
        bot.reply("alice", "omg " + LINK);
        tap("alice", "Carol King", last("alice").choices().get(2).payload());

        assertThat(bot.reply("alice", "bob")).startsWith("That name fits 2 people. Which one?");
        assertThat(bot.reply("alice", "2")).isEqualTo("Send " + TITLE + " to Bob Fisher?\nWith it: “omg”");
    }

    @Test
    void someoneElseAtSendToBobAsksWhoItIsForAgainKeepingTheSongAndItsNote() {
        bot.reply("alice", "omg " + LINK);
        tap("alice", "Bob Fisher", "1");
        assertThat(last("alice").choices()).extracting(Choice::title).containsExactly("Send", "Change the note",
                "Note for after", "No note", "Someone else", "Don't send");

        assertThat(tap("alice", "Someone else", "to")).isEqualTo("Who is " + TITLE + " for? Type their name.\n"
                + "With it: “omg”");
        List<Choice> taps = last("alice").choices();
        assertThat(taps).extracting(Choice::title).containsExactly("Bob Fisher", "Carol King", "👥 Family");
        assertThat(tap("alice", "Carol King", taps.get(1).payload())).isEqualTo("Send " + TITLE + " to Carol King?\n"
                + "With it: “omg”");
        assertThat(bot.reply("alice", "someone else")).as("typed, as Messenger's taps go once a message follows")
                .isEqualTo("Who is " + TITLE + " for? Type their name.\nWith it: “omg”");
        assertThat(bot.reply("alice", "Dan Øster")).isEqualTo("Send " + TITLE + " to Dan Øster?\nWith it: “omg”");
    }

    @Test
    void someoneElseAfterANameBesideTheLinkOffersTheSendersFriendsAsTaps() {
        bot.reply("alice", "for Bob " + LINK);

        assertThat(tap("alice", "Someone else", "to")).isEqualTo("Who is " + TITLE + " for? Type their name.");
        List<Choice> taps = last("alice").choices();
        assertThat(taps).extracting(Choice::title).containsExactly("Bob Fisher", "Carol King", "👥 Family");
        assertThat(tap("alice", "Carol King", taps.get(1).payload())).isEqualTo("Send " + TITLE + " to Carol King?");
    }

    @Test
    void theConfirmationsTapsFitMessengerAndTelegram() {
        bot.reply("alice", "omg " + LINK);
        tap("alice", "Bob Fisher", "1");
        tap("alice", "Note for after", "after");
        bot.reply("alice", "told you");

        assertThat(last("alice").choices()).hasSizeLessThanOrEqualTo(Message.MAX_CHOICES)
                .allSatisfy(choice -> {
                    assertThat(choice.title().length()).isLessThanOrEqualTo(20);
                    assertThat(choice.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                            .isLessThanOrEqualTo(64);
                });
    }

    @Test
    void aNewLinkWhileASongWaitsSaysTheEarlierSongWasDropped() {
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");

        assertThat(bot.reply("alice", "trust me on this one " + OTHER_LINK)).as("at Send … to Bob Fisher?")
                .isEqualTo("Who is it for?\nWith it: “trust me on this one”\n(I dropped " + TITLE + ", which you "
                        + "hadn't sent.)");
        assertThat(bot.reply("alice", "for Carol " + LINK)).as("at Who is it for?")
                .isEqualTo("Send " + TITLE + " to Carol King?\n(I dropped " + OTHER_TITLE + ", which you hadn't "
                        + "sent.)");
        tap("alice", "Add a note", "note");
        assertThat(bot.reply("alice", OTHER_LINK)).as("while it waits for its note")
                .isEqualTo("Who is it for?\n(I dropped " + TITLE + ", which you hadn't sent.)");
        assertThat(bot.reply("alice", OTHER_LINK)).as("the same song again: nothing else was waiting")
                .isEqualTo("Who is it for?");

        tap("alice", "Carol King", "2");
        tap("alice", "Send", sendTap());
        assertThat(bot.reply("alice", LINK)).as("nothing waiting").isEqualTo("Who is it for?");
        bot.advance(Duration.ofMinutes(61));
        assertThat(bot.reply("alice", OTHER_LINK)).as("an expired share was no longer waiting")
                .isEqualTo("Who is it for?");
    }

    @Test
    void aGroupIsNamedInTheQuestionWithoutItsTapsMark() {
        bot.reply("alice", "omg " + LINK);

        assertThat(tap("alice", "👥 Family", "3")).isEqualTo("Send " + TITLE + " to Family?\nWith it: “omg”");
        assertThat(tap("alice", "Note for after", "after")).isEqualTo("Type the note Family gets once they've played "
                + "it.");
        assertThat(tap("alice", "Send", sendTap())).startsWith("Sent " + TITLE + " to Family (1 person).");
    }

    @Test
    void aShareToAGroupThatGoesMeanwhileKeepsItsNotesAndAsksWhoItIsForAgain() {
        bot.reply("bob", "omg " + LINK);
        assertThat(bot.chat.messages("bob").getLast().choices()).extracting(Choice::title).contains("👥 Family");
        tap("bob", "👥 Family", "family");
        assertThat(bot.reply("bob", "note")).isNotEmpty();
        bot.reply("bob", "omg!!");

        bot.reply("alice", "delete_group Family");
        Message question = last("alice");
        Choice yes = question.choices().stream().filter(c -> c.title().startsWith("Yes")).findFirst().orElseThrow();
        assertThat(tap("alice", yes.title(), yes.payload())).startsWith("Deleted the group Family");

        String key = bot.stores.drafts().findDraft(at("bob")).orElseThrow().key();
        assertThat(tap("bob", "Send", "send #" + key)).isEqualTo("You're no longer in that group (it was deleted, or "
                + "you left it), so I didn't send it. Who is " + TITLE + " for?");
        assertThat(last("bob").choices()).extracting(Choice::title).doesNotContain("👥 Family")
                .doesNotContain("a group you're no longer in").contains("Alice Smith");
        assertThat(tap("bob", "Alice Smith", "1")).isEqualTo("Send " + TITLE + " to Alice Smith?\nWith it: “omg!!”");
    }

    @Test
    void twoFriendsNamedBesideALinkAreNotItsNoteAndTheBotSaysOneAtATime() {
        assertThat(bot.reply("alice", "for Carol and Bob " + LINK)).isEqualTo(ONE_AT_A_TIME + "Who is it for?");
        assertThat(last("alice").card()).isPresent();
        assertThat(last("alice").choices()).as("those named first").extracting(Choice::title)
                .containsExactly("Carol King", "Bob Fisher", "👥 Family", "Someone else");
        assertThat(bot.stores.drafts().findDraft(at("alice")).orElseThrow().pre()).isEmpty();

        assertThat(bot.reply("alice", "Dan Øster & Carol King " + LINK)).isEqualTo(ONE_AT_A_TIME + "Who is it for?");
        assertThat(last("alice").choices()).extracting(Choice::title)
                .containsExactly("Dan Øster", "Carol King", "Bob Fisher", "👥 Family", "Someone else");
        assertThat(bot.reply("alice", "to Dan Øster, Family, Carol King: " + OTHER_LINK))
                .startsWith(ONE_AT_A_TIME + "Who is it for?");
        assertThat(last("alice").choices()).extracting(Choice::title).as("Bob sent her that song: he has it")
                .containsExactly("Dan Øster", "👥 Family", "Carol King", "Someone else");
        assertThat(tap("alice", "Dan Øster", last("alice").choices().getFirst().payload()))
                .isEqualTo("Send " + OTHER_TITLE + " to Dan Øster?");

        assertThat(bot.reply("alice", "for Bob and Erin " + LINK)).as("Erin is nobody's name: a note")
                .startsWith("Who is it for?\nWith it: “for Bob and Erin”");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).isEmpty();
    }

    @Test
    void nameGivenTwiceToSendSongSaysASongGoesToOneFriendOrGroupAtATime() {
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" name:\"Dan Øster\" " + LINK))
                .startsWith("A song goes to one friend or one group at a time, so give name: once. To send songs to "
                        + "several friends at once, make them a group (create_group Friends, then add_to_group).");
        assertThat(bot.reply("alice", "send_song group:Family group:Family " + LINK))
                .startsWith("A song goes to one friend or one group at a time, so give group: once.");
        assertThat(bot.inbox("bob")).noneMatch(text -> text.contains(TITLE));
    }

    @Test
    void aNoteTooLongTypedAtSendToBobAsksTheQuestionAgainWithItsTaps() {
        bot.reply("alice", "omg " + LINK);
        tap("alice", "Bob Fisher", "1");

        assertThat(bot.reply("alice", "x".repeat(501))).as("Messenger shows taps under the newest message only")
                .isEqualTo("Notes can be at most 500 characters. Send " + TITLE + " to Bob Fisher?\nWith it: “omg”");
        assertThat(last("alice").choices()).extracting(Choice::title)
                .containsExactly("Send", "Change the note", "Note for after", "No note", "Someone else", "Don't send");
        tap("alice", "Send", sendTap());

        assertThat(bot.last("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + TITLE + "\n“omg”");
    }

    @Test
    void theSameLinkPastedAgainKeepsTheNotesTypedForIt() {
        bot.reply("alice", LINK);
        tap("alice", "Bob Fisher", "1");
        bot.reply("alice", "for the long drive");
        bot.reply("alice", "after: told you");

        assertThat(bot.reply("alice", LINK)).as("pasted again, as when the first seemed not to arrive")
                .isEqualTo("Who is it for?\nWith it: “for the long drive”\nOnce they've played it: “told you”");
        assertThat(last("alice").card()).isPresent();
        assertThat(tap("alice", "Bob Fisher", "1")).isEqualTo("Send " + TITLE + " to Bob Fisher?\n"
                + "With it: “for the long drive”\nOnce they've played it: “told you”");
        tap("alice", "Send", sendTap());

        assertThat(bot.last("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + TITLE + "\n“for the long drive”");
        bot.reply("alice", OTHER_LINK);
        tap("alice", "Carol King", "2");
        assertThat(bot.reply("alice", OTHER_LINK)).as("no notes typed: begun again, as before")
                .isEqualTo("Who is it for?");
        bot.reply("alice", "you'll love this " + OTHER_LINK);
        assertThat(bot.reply("alice", "so good " + OTHER_LINK)).as("new words with it are the new note")
                .isEqualTo("Who is it for?\nWith it: “so good”");
    }

    /** What the Send tap of Alice's "Send it to ...?" carries: her share's key. */
    private String sendTap() {
        return "send #" + bot.stores.drafts().findDraft(at("alice")).orElseThrow().key();
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
