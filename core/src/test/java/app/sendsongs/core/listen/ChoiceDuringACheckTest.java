package app.sendsongs.core.listen;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.HeldMessage;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.InMemoryOutbox;
import app.sendsongs.core.fakes.InMemoryShares;
import app.sendsongs.core.share.ShareStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A receiver's choice to stop telling a sender (receipts off for them or for everyone, "Don't tell", a block) made
 * while a listen check of theirs is under way, after it read their choices: the choice wins. The choice runs on
 * another thread at a set step of the check, which waits for it, so the steps come in that racing order every time.
 */
class ChoiceDuringACheckTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String TITLE = FakeMusic.SONG.title();
    private static final String PRIVATE = "delivered 5 min ago (they don't share plays)";
    private BotHarness bot;

    @BeforeEach
    void people() {
        bot = new BotHarness();
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.register("carol", "Carol King");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"receipts off Alice Smith", "receipts off", "block Alice Smith"})
    void aChoiceMadeWhileTheCheckHoldsItsNoticesKeepsThePlayOutOfTheSendersHistory(String command) {
        bot.reply("alice", "send_song name:\"Bob Fisher\" post:\"for you\" " + LINK);
        bot.chat.windowCloses("alice");
        bot.play("bob", FakeMusic.SONG);
        // after the play notice for Alice is held, before Bob's note is, and before the song is stored as played
        outbox().beforeHolding(held -> held.message().text().startsWith("Alice Smith's note on"),
                meanwhile("bob", command));

        bot.advance(Duration.ofMinutes(5));
        aliceIsToldNothingAndHerHistoryKeepsBobsPlayPrivate();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"receipts off Alice Smith", "receipts off", "block Alice Smith"})
    void aChoiceMadeJustBeforeTheCheckHoldsItsPlayNoticeTakesItBack(String command) {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.chat.windowCloses("alice");
        bot.play("bob", FakeMusic.SONG);
        outbox().beforeHolding(playNoticeOf("Bob Fisher"), meanwhile("bob", command));

        bot.advance(Duration.ofMinutes(5));
        aliceIsToldNothingAndHerHistoryKeepsBobsPlayPrivate();
    }

    @Test
    void aCheckCutShortWhileTakingBackItsNoticeForAChoiceMadeMeanwhileTakesItBackWhenDoneAgain() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.chat.windowCloses("alice");
        bot.play("bob", FakeMusic.SONG);
        outbox().beforeHolding(playNoticeOf("Bob Fisher"), meanwhile("bob", "receipts off Alice Smith"));
        outbox().diesReleasing(playNoticeOf("Bob Fisher"), false);

        bot.advance(Duration.ofMinutes(5));
        assertThat(heldTexts("alice")).as("the check died taking it back")
                .anyMatch(text -> text.startsWith("🎧 Bob Fisher listened to"));
        bot.advance(Duration.ofHours(1));
        aliceIsToldNothingAndHerHistoryKeepsBobsPlayPrivate(PRIVATE.replace("5 min ago", "1 h ago"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"receipts off Alice Smith", "receipts off", "block Alice Smith"})
    void aGroupMemberWhoseChoiceComesJustBeforeTheCheckHoldsTheirPlayNoticeIsNotCountedInTheSummary(String command) {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family Bob Fisher");
        bot.reply("alice", "add_to_group Family Carol King");
        bot.reply("alice", "send_song group:Family " + LINK);
        bot.chat.windowCloses("alice");
        bot.play("bob", FakeMusic.SONG);
        bot.play("carol", FakeMusic.SONG);
        outbox().beforeHolding(playNoticeOf("Carol King"), meanwhile("carol", command));

        bot.advance(Duration.ofMinutes(5));
        bot.chat.windowOpens("alice");

        assertThat(bot.say("alice", "hi")).noneMatch(text -> text.startsWith("🎧 Carol"))
                .filteredOn(text -> text.contains("(sent to Family)")).containsExactly("1 of 1 played " + TITLE
                        + " (sent to Family).\nNot counted, they don't share plays: Carol King.");
        assertThat(bot.reply("alice", "history")).contains(TITLE + " → Carol King (in Family): " + PRIVATE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"receipts off Alice Smith", "receipts off", "block Alice Smith"})
    void aPlaySavedBetweenTheChoicesReadingOfTheSongAndItsMarkLeavesTheSongKeptPrivate(String command) {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.chat.windowCloses("alice");
        bot.play("bob", FakeMusic.SONG);
        CountDownLatch checkDone = new CountDownLatch(1);
        CompletableFuture<List<String>> choice = choiceMarkingTheSongOnceTheCheckSavedIt("bob", command, checkDone);

        bot.advance(Duration.ofMinutes(5));
        checkDone.countDown();
        assertThat(choice.orTimeout(10, TimeUnit.SECONDS).join())
                .anyMatch(text -> text.startsWith("Done") || text.startsWith("Blocked"));
        aliceIsToldNothingAndHerHistoryKeepsBobsPlayPrivate();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"receipts off Alice Smith", "receipts off", "block Alice Smith"})
    void aGroupMemberWhosePlayIsSavedBetweenTheirChoicesReadingOfTheSongAndItsMarkIsNotCountedInTheSummary(
            String command) {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family Bob Fisher");
        bot.reply("alice", "add_to_group Family Carol King");
        bot.reply("alice", "send_song group:Family " + LINK);
        bot.chat.windowCloses("alice");
        bot.play("bob", FakeMusic.SONG);
        bot.play("carol", FakeMusic.SONG);
        CountDownLatch checkDone = new CountDownLatch(1);
        CompletableFuture<List<String>> choice = choiceMarkingTheSongOnceTheCheckSavedIt("carol", command, checkDone);

        bot.advance(Duration.ofMinutes(5));
        checkDone.countDown();
        assertThat(choice.orTimeout(10, TimeUnit.SECONDS).join())
                .anyMatch(text -> text.startsWith("Done") || text.startsWith("Blocked"));
        bot.chat.windowOpens("alice");

        assertThat(bot.say("alice", "hi")).noneMatch(text -> text.startsWith("🎧 Carol"))
                .filteredOn(text -> text.contains("(sent to Family)")).containsExactly("1 of 1 played " + TITLE
                        + " (sent to Family).\nNot counted, they don't share plays: Carol King.");
        assertThat(bot.reply("alice", "history")).contains(TITLE + " → Carol King (in Family): " + PRIVATE);
    }

    /**
     * When the check, its notices held, is about to save {@code psid}'s song as played, {@code psid} writes
     * {@code command} on another thread: it runs up to marking that song kept private from the copy it read, and
     * marks it once {@code checkDone}, so the check's save lands between its reading and its mark.
     */
    private CompletableFuture<List<String>> choiceMarkingTheSongOnceTheCheckSavedIt(String psid, String command,
                                                                                   CountDownLatch checkDone) {
        CompletableFuture<List<String>> choice = new CompletableFuture<>();
        shares().beforeUpdating(share -> share.receiver().equals(at(psid)) && share.status() == ShareStatus.PLAYED,
                () -> {
                    CountDownLatch choiceMarks = new CountDownLatch(1);
                    shares().beforeUpdating(share -> share.receiver().equals(at(psid)) && share.receiptsOff(), () -> {
                        choiceMarks.countDown();
                        await(checkDone);
                    });
                    CompletableFuture.supplyAsync(() -> bot.say(at(psid), command)).whenComplete((replies, failed) -> {
                        if (failed == null) {
                            choice.complete(replies);
                        } else {
                            choice.completeExceptionally(failed);
                        }
                    });
                    await(choiceMarks);
                });
        return choice;
    }

    private InMemoryShares shares() {
        return (InMemoryShares) bot.stores.shares();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("the other side reached its step").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private InMemoryOutbox outbox() {
        return (InMemoryOutbox) bot.stores.outbox();
    }

    private List<String> heldTexts(String psid) {
        return outbox().heldMessagesFor(at(psid)).stream().map(held -> held.message().text()).toList();
    }

    private static Predicate<HeldMessage> playNoticeOf(String name) {
        return held -> held.message().text().startsWith("🎧 " + name + " listened to");
    }

    /** {@code psid} writes {@code command} on another thread, and the caller waits until it is done. */
    private Runnable meanwhile(String psid, String command) {
        return () -> {
            List<String> replies = CompletableFuture.supplyAsync(() -> bot.say(at(psid), command))
                    .orTimeout(10, TimeUnit.SECONDS).join();
            assertThat(replies).anyMatch(text -> text.startsWith("Done") || text.startsWith("Blocked"));
        };
    }

    /** Alice, her window open again, hears of no play, and her history shows Bob's song as kept private. */
    private void aliceIsToldNothingAndHerHistoryKeepsBobsPlayPrivate() {
        aliceIsToldNothingAndHerHistoryKeepsBobsPlayPrivate(PRIVATE);
    }

    private void aliceIsToldNothingAndHerHistoryKeepsBobsPlayPrivate(String delivered) {
        bot.chat.windowOpens("alice");
        assertThat(bot.say("alice", "hi")).noneMatch(text -> text.startsWith("🎧"));
        assertThat(bot.reply("alice", "history")).isEqualTo("Your latest songs:\n• " + TITLE + " → Bob Fisher: "
                + delivered);
    }
}
