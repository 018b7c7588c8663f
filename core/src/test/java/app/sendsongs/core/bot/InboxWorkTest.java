package app.sendsongs.core.bot;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.SendSongs;
import app.sendsongs.core.Stores;
import app.sendsongs.core.chat.InboundLog;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.InboxClaim;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.InMemoryStores;
import java.time.Instant;
import java.util.Set;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Workers take a person's waiting events from the inbox and hand them to the bot, in order, once. */
class InboxWorkTest {
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

    private void keep(Inbound... events) {
        bot.stores.inbox().append(List.of(events), bot.clock.instant());
    }

    private Inbound text(String psid, String text) {
        return new Inbound.Text(bot.nextEventId(), at(psid), bot.clock.instant(), text);
    }
}
