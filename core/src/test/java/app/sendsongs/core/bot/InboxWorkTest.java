package app.sendsongs.core.bot;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.SendSongs;
import app.sendsongs.core.Stores;
import app.sendsongs.core.chat.InboundLog;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.InboxClaim;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.InMemoryStores;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Workers take a person's waiting events from the inbox and hand them to the bot, in order, once. */
class InboxWorkTest {
    private static final String SEND_TO_BAND = "send_song group:Band " + FakeMusic.SONG.id().link();
    /** A send to a slow platform: the sends of a group send to three people and its answer outlast the lease. */
    private static final Duration SLOW_SEND = Duration.ofSeconds(50);
    private final BotHarness bot = new BotHarness();
    private final InboxWork work = bot.app.inboxWork();

    @Test
    void aPersonsEventsAreHandledInTheOrderTheyCame() {
        bot.register("alice", "Alice Smith");
        keep(text("alice", "history"), text("bob", "hello"), text("alice", "pending"), text("alice", "help me"));

        assertThat(work.handleNext()).isEqualTo(3);
        assertThat(work.handleNext()).isEqualTo(1);
        assertThat(work.handleNext()).isZero();

        assertThat(bot.inbox("alice")).hasSize(3);
        assertThat(bot.inbox("alice").get(0)).startsWith("You haven't sent any songs yet.");
        assertThat(bot.inbox("alice").get(1)).startsWith("Nothing pending");
        assertThat(bot.inbox("bob")).hasSize(1);
        assertThat(bot.stores.inbox().hasWaiting()).isFalse();
    }

    @Test
    void aPersonClaimedByOneWorkerIsNotClaimedByAnother() {
        keep(text("alice", "help"), text("bob", "help"));
        var now = bot.clock.instant();

        InboxClaim first = bot.stores.inbox().claim(now, now.plus(SendSongs.Settings.LEASE), 10).orElseThrow();
        InboxClaim second = bot.stores.inbox().claim(now, now.plus(SendSongs.Settings.LEASE), 10).orElseThrow();

        assertThat(List.of(first.person(), second.person())).containsExactlyInAnyOrder(at("alice"), at("bob"));
        assertThat(bot.stores.inbox().claim(now, now.plus(SendSongs.Settings.LEASE), 10)).isEmpty();
    }

    @Test
    void theEventsOfAWorkerThatDiedAreHandledWhenItsLeaseEnds() {
        keep(text("alice", "hi"));
        var now = bot.clock.instant();
        bot.stores.inbox().claim(now, now.plus(SendSongs.Settings.LEASE), 10).orElseThrow(); // and it dies

        assertThat(work.handleNext()).isZero();
        bot.clock.advance(SendSongs.Settings.LEASE);

        assertThat(work.handleNext()).isEqualTo(1);
        assertThat(bot.inbox("alice")).hasSize(1);
    }

    @Test
    void anEventWhoseHandlingFailsIsTriedAgainLaterAndHoldsBackThePersonsLaterEvents() {
        keep(text("alice", "hi"), text("alice", "pending"));
        bot.chat.diesOnSend(1, false);

        assertThat(work.handleNext()).isZero();
        assertThat(work.handleNext()).as("alice is held until the retry").isZero();
        bot.clock.advance(InboxWork.RETRY_AFTER_FAILURE);

        assertThat(work.handleNext()).isEqualTo(2);
        bot.advance(SendSongs.Settings.LEASE); // the answer held by the failed run goes when its lease ends
        assertThat(bot.inbox("alice")).hasSize(2);
    }

    @Test
    void anEventThatKeepsFailingIsGivenUpSoThePersonsNextEventsAreHandled() {
        Stores stores = InMemoryStores.create();
        Set<String> poisoned = Set.of("messenger:m_poison");
        Stores failing = new Stores(stores.users(), stores.registrations(), new InboundLog() {
            @Override
            public boolean handled(String deliveryKey) {
                if (poisoned.contains(deliveryKey)) {
                    throw new IllegalStateException("this event cannot be handled");
                }
                return stores.inbound().handled(deliveryKey);
            }

            @Override
            public void markHandled(String deliveryKey, Instant keepUntil) {
                stores.inbound().markHandled(deliveryKey, keepUntil);
            }

            @Override
            public void markHandled(String deliveryKey, String value, Instant keepUntil) {
                stores.inbound().markHandled(deliveryKey, value, keepUntil);
            }

            @Override
            public Optional<String> markedValue(String deliveryKey) {
                return stores.inbound().markedValue(deliveryKey);
            }
        }, stores.inbox(), stores.outbox(), stores.shares(), stores.choices(), stores.watches(), stores.groups(),
                stores.groupChats(), stores.reach(),
                stores.preferences(), stores.drafts(), stores.invites(), stores.housekeeping(), stores.resources());
        SendSongs app = new SendSongs(failing, List.of(bot.chat), bot.music, bot.music, List.of(bot.music), bot.clock,
                SendSongs.Settings.defaults(BotHarness.BASE_URL));
        stores.inbox().append(List.of(new Inbound.Text("m_poison", at("alice"), bot.clock.instant(), "help"),
                new Inbound.Text("m_fine", at("alice"), bot.clock.instant(), "hi")), bot.clock.instant());
        for (int failure = 0; failure < InboxWork.MOST_FAILURES; failure++) {
            assertThat(app.inboxWork().handleNext()).isZero();
            bot.clock.advance(InboxWork.RETRY_AFTER_FAILURE);
        }

        assertThat(app.inboxWork().handleNext()).as("the failed one given up, the next handled").isEqualTo(2);
        assertThat(bot.inbox("alice")).hasSize(1);
        assertThat(stores.inbox().hasWaiting()).isFalse();
    }

    @Test
    void anEventThatOutlastsTheLeaseKeepsItsPersonSoTheirLaterEventsAreNotAnsweredBeforeItEnds() {
        aliceSendsToHerBandOfThree();
        int aliceHad = bot.inbox("alice").size();
        keep(text("alice", SEND_TO_BAND), text("alice", "help"));
        Instant firstLeaseEnd = bot.clock.instant().plus(SendSongs.Settings.LEASE);
        AtomicBoolean secondWorkerLooked = new AtomicBoolean();
        AtomicInteger secondWorkerHandled = new AtomicInteger();
        AtomicInteger aliceGotMeanwhile = new AtomicInteger();
        bot.chat.duringEachSend(() -> {
            bot.clock.advance(SLOW_SEND);
            if (!bot.clock.instant().isBefore(firstLeaseEnd) && secondWorkerLooked.compareAndSet(false, true)) {
                onAnotherWorker(() -> secondWorkerHandled.set(work.handleNext()));
                aliceGotMeanwhile.set(bot.inbox("alice").size() - aliceHad);
            }
        });

        while (work.handleNext() > 0) {
            // the first worker goes on until nothing waits
        }

        assertThat(secondWorkerLooked).as("the group send outlasted the first lease").isTrue();
        assertThat(secondWorkerHandled).as("alice is still held by the first worker").hasValue(0);
        assertThat(aliceGotMeanwhile).as("nothing answered while her group send went out").hasValue(0);
        List<String> alices = bot.inbox("alice").subList(aliceHad, bot.inbox("alice").size());
        assertThat(alices).hasSize(2);
        assertThat(alices.get(0)).startsWith("Sent " + FakeMusic.SONG.title() + " to Band (3 people).");
        assertThat(alices.get(1)).doesNotStartWith("Sent");
        for (String member : List.of("bob", "carol", "dan")) {
            assertThat(bot.inbox(member)).filteredOn(m -> m.startsWith("🎵")).as(member).hasSize(1);
        }
    }

    @Test
    void aWorkerWhosePersonWasTakenFinishesItsEventAndLeavesTheirLaterOnesToTheNewHolder() {
        aliceSendsToHerBandOfThree();
        keep(text("alice", SEND_TO_BAND), text("alice", "help"));
        AtomicReference<InboxClaim> taken = new AtomicReference<>();
        bot.chat.duringEachSend(() -> {
            if (taken.get() == null) {
                // The first send stalls past the whole lease (the worker paused): another worker takes alice.
                bot.clock.advance(SendSongs.Settings.LEASE.plusSeconds(10));
                Instant now = bot.clock.instant();
                taken.set(bot.stores.inbox().claim(now, now.plus(SendSongs.Settings.LEASE), 10).orElseThrow());
            }
        });

        assertThat(work.handleNext()).as("the group send, and not her help").isEqualTo(1);

        assertThat(bot.last("alice")).startsWith("Sent " + FakeMusic.SONG.title() + " to Band (3 people).");
        Instant now = bot.clock.instant();
        assertThat(bot.stores.inbox().claim(now, now.plus(SendSongs.Settings.LEASE), 10))
                .as("alice is still the new holder's").isEmpty();
        bot.stores.inbox().release(taken.get(), List.of());
        assertThat(bot.stores.inbox().claim(now, now.plus(SendSongs.Settings.LEASE), 10).orElseThrow().events())
                .as("only her help waits").singleElement().matches(event -> event.deliveryKey()
                        .equals(taken.get().events().get(1).deliveryKey()));
    }

    private void aliceSendsToHerBandOfThree() {
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.register("carol", "Carol Jones");
        bot.register("dan", "Dan Brown");
        bot.reply("alice", "create_group name:\"Band\"");
        bot.reply("alice", "add_to_group Band \"Bob Fisher\"");
        bot.reply("alice", "add_to_group Band \"Carol Jones\"");
        bot.reply("alice", "add_to_group Band \"Dan Brown\"");
    }

    /** Runs {@code step} on a thread of its own, as another worker would, and waits for it. */
    private static void onAnotherWorker(Runnable step) {
        CompletableFuture.runAsync(step, task -> Thread.ofVirtual().start(task)).join();
    }

    private void keep(Inbound... events) {
        bot.stores.inbox().append(List.of(events), bot.clock.instant());
    }

    private Inbound text(String psid, String text) {
        return new Inbound.Text(bot.nextEventId(), at(psid), bot.clock.instant(), text);
    }
}
