package app.sendsongs.core.bot;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.InMemoryOutbox;
import app.sendsongs.core.fakes.InMemoryUsers;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A song someone not registered yet pastes is kept until they connect (the newest one, for a day), and its share
 * starts as soon as they have registered, on either platform and by either way of registering.
 */
class NewcomerSongTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String KEPT = "I'll keep " + FakeMusic.SONG.title() + " for you: once you've connected, "
            + "I'll ask who it's for.\n\nHi! I'm Send Songs";
    private static final String ASKED = "Who is " + FakeMusic.SONG.title() + " for?";
    private static final ChatAddress TELEGRAM_BOB = new ChatAddress(Platform.TELEGRAM, "602334455");

    private final RecordingChat telegram = RecordingChat.rich(Platform.TELEGRAM, 4096);
    private final BotHarness bot = new BotHarness(telegram);

    @Test
    void aPastedSongIsKeptAndItsShareStartsOnceThePersonConnectsThroughTheirOwnLink() {
        assertThat(bot.reply("bob", "check this out " + LINK)).startsWith(KEPT);

        bot.connectThroughOwnLink(at("bob"), SourceKind.SPOTIFY, at("bob").key());

        List<String> inbox = bot.inbox("bob");
        assertThat(inbox.get(inbox.size() - 2)).startsWith("Welcome");
        assertThat(inbox.getLast()).startsWith(ASKED);
        Message asked = bot.chat.messages("bob").getLast();
        assertThat(asked.card()).get().satisfies(card -> assertThat(card.title()).isEqualTo(FakeMusic.SONG.name()));
        assertThat(asked.choices()).extracting(Choice::payload).containsExactly("to");
        assertThat(bot.say("bob", "Rick")).as("the share is open: a name answers it").singleElement().asString()
                .doesNotStartWith("Hi");
    }

    @Test
    void onTelegramWithSendSongAndAnotherSourceToo() {
        telegram.nameIs(TELEGRAM_BOB.id(), "Bob Fisher");
        assertThat(bot.reply(TELEGRAM_BOB, "/send_song @carol " + LINK)).startsWith(KEPT);

        bot.connectThroughOwnLink(TELEGRAM_BOB, SourceKind.LASTFM, "bobfisher");

        assertThat(telegram.inbox(TELEGRAM_BOB.id())).filteredOn(text -> text.startsWith(ASKED)).hasSize(1);
        assertThat(telegram.last(TELEGRAM_BOB.id())).startsWith(ASKED);
    }

    @Test
    void theCodeFlowAsksAfterItsWelcome() {
        bot.reply("bob", LINK);
        String code = bot.registrationCode(SourceKind.LASTFM, "bobfisher");

        List<String> answers = bot.say("bob", "register code:\"" + code + "\" name:\"Bob Fisher\"");

        assertThat(answers).hasSize(2);
        assertThat(answers.getFirst()).startsWith("Welcome, Bob Fisher!");
        assertThat(answers.getLast()).startsWith(ASKED);
    }

    @ParameterizedTest(name = "the process dies {0}")
    @ValueSource(strings = {"just after saving the person", "before holding the welcome"})
    void aRegisterCutShortOnceThePersonWasSavedStillStartsTheKeptSongsShareWhenHandledAgain(String when) {
        bot.reply("bob", LINK);
        String code = bot.registrationCode(SourceKind.LASTFM, "bobfisher");
        Inbound register = new Inbound.Text(bot.nextEventId(), at("bob"), bot.clock.instant(),
                "register code:\"" + code + "\" name:\"Bob Fisher\"");
        if (when.startsWith("just after")) {
            ((InMemoryUsers) bot.stores.users()).diesAtNextSaveUser(true);
        } else {
            ((InMemoryOutbox) bot.stores.outbox()).diesBeforeHolding(held -> held.to().equals(at("bob")));
        }
        assertThatThrownBy(() -> bot.handle(register)).isInstanceOf(RecordingChat.ProcessDied.class);

        bot.handle(register);

        assertThat(bot.inbox("bob")).filteredOn(text -> text.startsWith("Welcome, Bob Fisher!")).hasSize(1);
        assertThat(bot.inbox("bob")).filteredOn(text -> text.startsWith(ASKED)).hasSize(1);
        assertThat(bot.inbox("bob").getLast()).startsWith(ASKED);
    }

    @Test
    void onlyTheNewestSongIsKept() {
        bot.reply("bob", LINK);
        assertThat(bot.reply("bob", FakeMusic.OTHER_SONG.id().link())).startsWith("I'll keep "
                + FakeMusic.OTHER_SONG.title() + " for you");

        bot.connectThroughOwnLink(at("bob"), SourceKind.SPOTIFY, at("bob").key());

        assertThat(bot.inbox("bob")).filteredOn(text -> text.startsWith("Who is")).containsExactly(
                "Who is " + FakeMusic.OTHER_SONG.title() + " for? Type their name, as they registered with me.");
    }

    @Test
    void aLinkThatIsNoTrackIsSaidSoAndNothingIsKept() {
        assertThat(bot.reply("bob", "https://open.spotify.com/track/0000000000000000000000"))
                .startsWith("I couldn't find that track on Spotify. Check the link and try again.\n\nHi! I'm Send Songs");

        bot.connectThroughOwnLink(at("bob"), SourceKind.SPOTIFY, at("bob").key());

        assertThat(bot.last("bob")).startsWith("Welcome");
        assertThat(bot.stores.drafts().findDraft(at("bob"))).isEmpty();
    }

    @Test
    void aKeptSongIsGoneAfterADay() {
        bot.reply("bob", LINK);
        bot.advance(Duration.ofHours(24).plusMinutes(1));

        bot.connectThroughOwnLink(at("bob"), SourceKind.SPOTIFY, at("bob").key());

        assertThat(bot.last("bob")).startsWith("Welcome");
        assertThat(bot.inbox("bob")).noneMatch(text -> text.startsWith("Who is"));
    }

    @Test
    void forgetMeConfirmedBeforeConnectingDeletesTheKeptSong() {
        bot.reply("bob", LINK);

        bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), at("bob"), bot.clock.instant(), "forget_me confirm",
                "Yes, delete it all"));

        assertThat(bot.stores.drafts().findDraft(at("bob"))).isEmpty();
        bot.connectThroughOwnLink(at("bob"), SourceKind.SPOTIFY, at("bob").key());
        assertThat(bot.last("bob")).startsWith("Welcome");
    }

    @Test
    void theKeptSongIsUsedOnce() {
        bot.reply("bob", LINK);
        bot.connectThroughOwnLink(at("bob"), SourceKind.SPOTIFY, at("bob").key());
        bot.reply("bob", "discard");

        bot.connectThroughOwnLink(at("bob"), SourceKind.SPOTIFY, at("bob").key());

        assertThat(bot.inbox("bob")).filteredOn(text -> text.startsWith(ASKED)).hasSize(1);
        assertThat(bot.stores.drafts().findDraft(at("bob"))).isEmpty();
    }
}
