package app.sendsongs.core.user;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.ChatPlatform;
import app.sendsongs.core.chat.ForwardingChatPlatform;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.MessageKind;
import app.sendsongs.core.chat.SendOutcome;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.InMemoryReach;
import app.sendsongs.core.shared.Platform;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A person who blocked the bot: the platform says they cannot be reached, the bot remembers it, and songs to them
 * are refused with that reason instead of held for someone who will not get them, until they write again.
 */
class ReachabilityTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String TITLE = FakeMusic.SONG.title();
    private final BotHarness bot = new BotHarness();

    @BeforeEach
    void people() {
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.register("carol", "Carol King");
    }

    @Test
    void aSongToSomeoneWhoBlockedTheBotIsToldAsUndeliveredThenLaterSongsAreRefused() {
        bot.chat.blocks("bob");

        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK)).isEqualTo("I couldn't deliver "
                + TITLE + " to Bob Fisher: they've blocked me or stopped me in their chat app. It goes to them only "
                + "if they write to me again.");
        assertThat(bot.stores.reach().unreachableSince(at("bob"))).contains(bot.clock.instant());

        bot.clock.advance(Duration.ofMinutes(1));
        int shares = bot.stores.shares().sharesSentBy(at("alice")).size();
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.OTHER_SONG.id().link()))
                .isEqualTo("Bob Fisher can't get messages from me: they've blocked me or stopped me in their chat "
                        + "app. Nothing was sent. Once they write to me again, you can send it.");
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).hasSize(shares);
        assertThat(bot.inbox("bob")).isEmpty();
    }

    @Test
    void someoneWhoWritesAgainIsReachableAgain() {
        bot.chat.blocks("bob");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);

        bot.clock.advance(Duration.ofMinutes(1));
        bot.chat.unblocks("bob");
        bot.say("bob", "help");

        bot.clock.advance(Duration.ofMinutes(1));
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.OTHER_SONG.id().link()))
                .startsWith("Sent " + FakeMusic.OTHER_SONG.title() + " to Bob Fisher.");
        assertThat(bot.inbox("bob")).anyMatch(text -> text.startsWith("🎵 Alice Smith sent you a song: "
                + FakeMusic.OTHER_SONG.title()));
    }

    @Test
    void someoneWhoUnblocksTheBotIsReachableAgainAndGetsWhatWasHeldButNotWhatWasRefused() {
        bot.chat.blocks("bob");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.clock.advance(Duration.ofMinutes(1));
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.OTHER_SONG.id().link());

        bot.clock.advance(Duration.ofMinutes(1));
        bot.chat.unblocks("bob");
        assertThat(bot.handle(new Inbound.BotUnblocked(bot.nextEventId(), at("bob"), bot.clock.instant())))
                .as("the song that found him blocked, and no answer: he wrote nothing")
                .singleElement().asString().startsWith("🎵 Alice Smith sent you a song: " + TITLE);
        assertThat(bot.stores.reach().unreachableSince(at("bob"))).isEmpty();
        assertThat(bot.user("bob").lastMessageAt()).as("he has not written").isEqualTo(BotHarness.T0);

        bot.clock.advance(Duration.ofMinutes(1));
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.OTHER_SONG.id().link()))
                .startsWith("Sent " + FakeMusic.OTHER_SONG.title() + " to Bob Fisher.");
        assertThat(bot.last("bob")).startsWith("🎵 Alice Smith sent you a song: " + FakeMusic.OTHER_SONG.title());
    }

    @Test
    void someoneWhoBlocksTheBotIsMarkedAtOnceSoASongToThemIsRefusedWithoutTryingThemAndNothingIsHeld() {
        bot.clock.advance(Duration.ofMinutes(1));
        bot.chat.blocks("bob");
        int attempts = bot.chat.references("bob").size();

        assertThat(bot.handle(new Inbound.BotBlocked(bot.nextEventId(), at("bob"), bot.clock.instant())))
                .as("nothing is answered: he wrote nothing, and the bot cannot write to him").isEmpty();
        assertThat(bot.stores.reach().unreachableSince(at("bob"))).contains(bot.clock.instant());
        assertThat(bot.user("bob").lastMessageAt()).as("he has not written").isEqualTo(BotHarness.T0);

        int shares = bot.stores.shares().sharesSentBy(at("alice")).size();
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK))
                .isEqualTo("Bob Fisher can't get messages from me: they've blocked me or stopped me in their chat "
                        + "app. Nothing was sent. Once they write to me again, you can send it.");
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).hasSize(shares);
        assertThat(bot.stores.outbox().heldMessagesFor(at("bob"))).as("nothing held for him").isEmpty();
        assertThat(bot.chat.references("bob")).as("nothing tried").hasSize(attempts);
    }

    @Test
    void aBlockDatedBeforeTheClockStillOutdatesWhatTheBotWroteDownAsTheirLastMessage() {
        bot.clock.advance(Duration.ofMillis(700)); // registered within the second the block is dated (whole seconds)
        bot.register("dan", "Dan Brown");

        bot.handle(new Inbound.BotBlocked(bot.nextEventId(), at("dan"), BotHarness.T0));

        assertThat(bot.reply("alice", "send_song name:\"Dan Brown\" " + LINK)).startsWith("Dan Brown can't get "
                + "messages from me");
    }

    @Test
    void someoneWhoBlocksThenUnblocksTheBotGetsSongsAgain() {
        bot.handle(new Inbound.BotBlocked(bot.nextEventId(), at("bob"), bot.clock.instant()));
        bot.clock.advance(Duration.ofMinutes(1));
        bot.handle(new Inbound.BotUnblocked(bot.nextEventId(), at("bob"), bot.clock.instant()));

        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK)).startsWith("Sent " + TITLE);
        assertThat(bot.last("bob")).startsWith("🎵 Alice Smith sent you a song: " + TITLE);
    }

    @Test
    void aGroupSendSkipsSomeoneWhoCannotBeReachedAndSaysWhy() {
        bot.reply("alice", "create_group Family");
        for (String name : List.of("Bob Fisher", "Carol King")) {
            bot.reply("alice", "add_to_group Family \"" + name + "\"");
        }
        bot.chat.blocks("bob");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.clock.advance(Duration.ofMinutes(1));

        assertThat(bot.reply("alice", "send_song group:Family " + FakeMusic.OTHER_SONG.id().link()))
                .startsWith("Sent " + FakeMusic.OTHER_SONG.title() + " to Family (1 person).")
                .endsWith(" Not sent to Bob Fisher: they've blocked me or stopped me in their chat app.");
        assertThat(bot.last("carol")).startsWith("🎵 Alice Smith sent a song to Family: "
                + FakeMusic.OTHER_SONG.title());
    }

    @Test
    void theWatchedPlatformPassesOnWhatThePlatformKnowsBesidesSending() {
        ChatPlatform linking = new ChatPlatform() {
            @Override
            public Platform platform() {
                return Platform.MESSENGER;
            }

            @Override
            public int maxTextLength() {
                return 2000;
            }

            @Override
            public boolean showsRichMessages() {
                return true;
            }

            @Override
            public SendOutcome send(String recipientId, Message message, MessageKind kind, String reference) {
                return new SendOutcome.Sent();
            }

            @Override
            public Optional<String> conversationLink(String ref) {
                return Optional.of("https://m.me/page?ref=" + ref);
            }

            @Override
            public Optional<String> displayName(String recipientId) {
                return Optional.of("Name of " + recipientId);
            }
        };
        ChatPlatform watched = new Reachability(new InMemoryReach(), Clock.systemUTC()).watching(List.of(linking))
                .getFirst();

        assertThat(watched.conversationLink("held")).contains("https://m.me/page?ref=held");
        assertThat(watched.displayName("bob")).contains("Name of bob");
        assertThat(watched).isInstanceOf(ForwardingChatPlatform.class);
    }

}
