package app.sendsongs.core.bot;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.InMemoryChoices;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What only looks at a person's open question reads it and leaves it in place: the process dying at the store's next
 * save loses no question, where taking it to look and saving it back lost it when the process died in between (the
 * person was then told nothing was waiting). Each event here is delivered again after such a death, as the inbox does.
 */
class OpenQuestionReadTest {
    private static final String OTHER_LINK = FakeMusic.OTHER_SONG.id().link();
    private static final String OTHER_TITLE = FakeMusic.OTHER_SONG.title();
    private BotHarness bot;
    private InMemoryChoices choices;

    @BeforeEach
    void twoBobFishers() {
        bot = new BotHarness();
        choices = (InMemoryChoices) bot.stores.choices();
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.advance(Duration.ofDays(1));
        bot.register("bob2", "Bob Fisher");
        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" " + OTHER_LINK)).contains("Which one?");
    }

    @Test
    void wordsThatAnswerNothingLeaveTheQuestionOpen() {
        assertThat(deliveredAgainAfterADeath(text("hmm"))).startsWith("Sorry, I didn't understand that.");

        assertSecondBobGetsTheSong();
    }

    @Test
    void aNumberOutOfRangeLeavesTheQuestionOpen() {
        assertThat(deliveredAgainAfterADeath(text("7"))).startsWith("Please answer with a number from 1 to 2.\n");

        assertSecondBobGetsTheSong();
    }

    @Test
    void aTapUnderAnEarlierQuestionLeavesTheOpenOneOpen() {
        Choice older = bot.chat.messages("alice").getLast().choices().getFirst();
        bot.reply("alice", "send_song name:\"Bob Fisher\" pre:\"this one\" " + OTHER_LINK);

        assertThat(deliveredAgainAfterADeath(new Inbound.ChoiceTapped(bot.nextEventId(), at("alice"),
                bot.clock.instant(), older.payload(), older.title())))
                .startsWith("That tap answered an earlier question, so I did nothing.\n2 people are called Bob Fisher. "
                        + "Which one?");

        assertSecondBobGetsTheSong();
    }

    @Test
    void aNumberOutOfRangeAtWhichGroupLeavesThatQuestionOpen() {
        bot.register("carol", "Carol King");
        for (String owner : new String[] {"bob", "carol"}) {
            bot.reply(owner, "create_group Family");
            bot.reply(owner, "add_to_group Family \"Alice Smith\"");
        }
        assertThat(bot.reply("alice", "members Family")).startsWith("You're in 2 groups called Family. Which one?");

        assertThat(deliveredAgainAfterADeath(text("7"))).startsWith("Please answer with a number from 1 to 2.");

        assertThat(bot.reply("alice", "2")).contains("Carol King");
    }

    @Test
    void thePendingListShownWhileAQuestionIsOpenLeavesTheQuestionOpen() {
        assertThat(deliveredAgainAfterADeath(text("pending"))).isNotEmpty();

        assertSecondBobGetsTheSong();
    }

    private void assertSecondBobGetsTheSong() {
        assertThat(bot.reply("alice", "2")).startsWith("Sent " + OTHER_TITLE + " to Bob Fisher (joined 2 May 2030).");
        assertThat(bot.inbox("bob2")).isNotEmpty();
    }

    private Inbound text(String words) {
        return new Inbound.Text(bot.nextEventId(), at("alice"), bot.clock.instant(), words);
    }

    /**
     * The bot's answer to {@code event}, handled while the process dies at the choice store's next save, then
     * delivered again with the process alive.
     */
    private String deliveredAgainAfterADeath(Inbound event) {
        int before = bot.inbox("alice").size();
        choices.dieAtNextSave();
        try {
            bot.handle(event);
        } catch (IllegalStateException died) {
            // the event was not marked handled: the inbox delivers it again
        }
        choices.live();
        bot.handle(event);
        return bot.inbox("alice").subList(before, bot.inbox("alice").size()).getLast();
    }
}
