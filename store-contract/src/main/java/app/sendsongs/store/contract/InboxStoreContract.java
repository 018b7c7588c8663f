package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.at;
import static app.sendsongs.store.contract.Samples.minutes;
import static app.sendsongs.store.contract.Samples.onTelegram;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.GroupChat;
import app.sendsongs.core.chat.GroupChatAction;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.InboxClaim;
import app.sendsongs.core.chat.InboxStore;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link InboxStore}: events kept whole until handled, a person's in the order they came, claimed one
 * person at a time with a lease, and let go (or held after a failure) when the claim ends.
 */
public abstract class InboxStoreContract extends StoreFixture {
    private static final Instant LEASE_END = minutes(2);

    private static Inbound text(String mid, ChatAddress from, String text) {
        return new Inbound.Text(mid, from, T0.minusSeconds(1), text);
    }

    private static Inbound text(String mid, String from) {
        return text(mid, at(from), "help");
    }

    private static List<String> keys(InboxClaim claim) {
        return claim.events().stream().map(Inbound::deliveryKey).toList();
    }

    private InboxClaim claim(Instant now) {
        return inbox.claim(now, now.plus(java.time.Duration.ofMinutes(2)), 50).orElseThrow();
    }

    @Test
    void nothingWaitsAtFirst() {
        assertThat(inbox.hasWaiting()).isFalse();
        assertThat(inbox.claim(T0, LEASE_END, 10)).isEmpty();
    }

    @Test
    void everyKindOfEventComesBackWhole() {
        List<Inbound> events = List.of(
                new Inbound.Text("m_1", at("alice"), minutes(-3), "send_song name:\"Bob “B” Fisher\" 🎵\nsecond line"),
                new Inbound.ChoiceTapped("m_2", at("alice"), minutes(-2), "2", "Bob Fisher (Spotify)"),
                new Inbound.ButtonTapped("postback:ab12", at("alice"), minutes(-2), "pending", "My songs"),
                new Inbound.OpenedLink("referral:cd34", at("alice"), minutes(-1), ""),
                new Inbound.OpenedLink("referral:ef56", at("alice"), minutes(-1), "from-a-friend"));

        assertThat(inbox.append(events, T0)).isEqualTo(5);

        InboxClaim claim = inbox.claim(T0, LEASE_END, 10).orElseThrow();
        assertThat(claim.person()).isEqualTo(at("alice"));
        assertThat(claim.events()).containsExactlyElementsOf(events);
        assertThat(claim.failures()).isZero();
        assertThat(claim.leaseUntil()).isEqualTo(LEASE_END);
        assertThat(inbox.hasWaiting()).isTrue();
    }

    @Test
    void anUnblockComesBackWhole() {
        Inbound unblocked = new Inbound.BotUnblocked("311", onTelegram("7"), minutes(-1));

        assertThat(inbox.append(List.of(unblocked), T0)).isEqualTo(1);

        assertThat(inbox.claim(T0, LEASE_END, 10).orElseThrow().events()).containsExactly(unblocked);
    }

    @Test
    void aBlockComesBackWhole() {
        Inbound blocked = new Inbound.BotBlocked("310", onTelegram("7"), minutes(-2));

        assertThat(inbox.append(List.of(blocked), T0)).isEqualTo(1);

        assertThat(inbox.claim(T0, LEASE_END, 10).orElseThrow().events()).containsExactly(blocked);
    }

    @Test
    void whatCannotBeReadComesBackWhole() {
        List<Inbound> events = List.of(new Inbound.Unreadable("m_7", at("alice"), minutes(-2), "photo"),
                new Inbound.Unreadable("312", onTelegram("7"), minutes(-1), "voice message"));

        assertThat(inbox.append(events, T0)).isEqualTo(2);

        assertThat(inbox.claim(T0, LEASE_END, 10).orElseThrow().events()).containsExactly(events.getFirst());
        assertThat(inbox.claim(T0, LEASE_END, 10).orElseThrow().events()).containsExactly(events.getLast());
    }

    @Test
    void anEditComesBackWholeAndASecondEditOfTheSameMessageIsTheSameEvent() {
        Inbound edited = new Inbound.Edited(Inbound.editedMessageId("7", "57"), onTelegram("7"), minutes(-2));
        Inbound again = new Inbound.Edited(Inbound.editedMessageId("7", "57"), onTelegram("7"), minutes(-1));

        assertThat(inbox.append(List.of(edited), T0)).isEqualTo(1);
        inbox.append(List.of(again), T0); // its delivery key is the message's: skipped, or written in its place

        assertThat(inbox.claim(T0, LEASE_END, 10).orElseThrow().events()).singleElement().isIn(edited, again);
    }

    @Test
    void everyKindOfGroupChatEventComesBackWholeWithTheTopicItHappenedIn() {
        ChatAddress chat = new ChatAddress(Platform.TELEGRAM, "-100123");
        GroupChat group = new GroupChat(chat, "Friday: songs 12:30 \"B\" 🎵");
        List<Inbound> events = List.of(
                new Inbound.InGroupChat("1", onTelegram("7"), minutes(-3), group,
                        new GroupChatAction.Command("send", "https://open.spotify.com/track/x 3:a note", Optional.empty())),
                new Inbound.InGroupChat("2", onTelegram("7"), minutes(-3), group,
                        new GroupChatAction.Command("send", "", Optional.of("listen: 2:xy\nline"),
                                Optional.of(onTelegram("8")))),
                new Inbound.InGroupChat("3", onTelegram("7"), minutes(-2), group,
                        new GroupChatAction.Tap("count me in", "4711")),
                new Inbound.InGroupChat("4", onTelegram("7"), minutes(-2), group, new GroupChatAction.BotAdded()),
                new Inbound.InGroupChat("5", onTelegram("7"), minutes(-1), group, new GroupChatAction.BotRemoved()),
                new Inbound.InGroupChat("6", onTelegram("7"), minutes(-1), group,
                        new GroupChatAction.MemberLeft(onTelegram("8"))),
                new Inbound.InGroupChat("7", onTelegram("7"), minutes(-1), group,
                        new GroupChatAction.Moved(onTelegram("-1002471352452"))),
                new Inbound.InGroupChat("8", onTelegram("7"), minutes(-1),
                        new GroupChat(chat, group.title(), Optional.of("3190")),
                        new GroupChatAction.Command("who", "", Optional.empty())),
                new Inbound.InGroupChat(Inbound.editedMessageId("-100123", "9"), onTelegram("7"), minutes(-1), group,
                        new GroupChatAction.Edited()));

        assertThat(inbox.append(events, T0)).isEqualTo(9);

        assertThat(inbox.claim(T0, LEASE_END, 10).orElseThrow().events()).containsExactlyElementsOf(events);
    }

    @Test
    void aMoveWaitingToAChatIsFoundByThatChatWhileItWaitsClaimedOrNot() {
        ChatAddress supergroup = onTelegram("-1002471352452");
        GroupChat basic = new GroupChat(onTelegram("-4518810793"), "Friday Band");
        GroupChat crew = new GroupChat(onTelegram("-4518810794"), "Crew");
        Inbound move = new Inbound.InGroupChat("41", onTelegram("7"), minutes(-1), basic,
                new GroupChatAction.Moved(supergroup));
        inbox.append(List.of(move,
                new Inbound.InGroupChat("42", onTelegram("8"), minutes(-1), crew,
                        new GroupChatAction.Moved(onTelegram("-1002471352453"))),
                new Inbound.InGroupChat("43", onTelegram("8"), minutes(-1), crew,
                        new GroupChatAction.Command("send", "x 7:moved23:telegram:-1002471352452", Optional.empty())),
                new Inbound.InGroupChat("44", onTelegram("8"), minutes(-1), new GroupChat(supergroup, "Friday Band"),
                        new GroupChatAction.Command("leave", "", Optional.empty()))), T0);

        assertThat(inbox.chatsMovingTo(supergroup)).as("not the command that reads like a move")
                .containsExactly(basic.address());
        assertThat(inbox.chatsMovingTo(basic.address())).isEmpty();
        InboxClaim claim = inbox.claim(T0, LEASE_END, 10).orElseThrow();
        assertThat(claim.events()).containsExactly(move);
        assertThat(inbox.chatsMovingTo(supergroup)).as("claimed").containsExactly(basic.address());

        inbox.release(claim, List.of(move.deliveryKey()));

        assertThat(inbox.chatsMovingTo(supergroup)).as("handled").isEmpty();
    }

    @Test
    void anEventWaitingAlreadyIsNotKeptAgain() {
        assertThat(inbox.append(List.of(text("m_1", "alice"), text("m_1", "alice"), text("m_2", "alice")), T0))
                .isEqualTo(2);
        assertThat(inbox.append(List.of(text("m_2", "alice"), text("m_3", "alice")), minutes(1)))
                .as("m_3, and maybe m_2 written again").isBetween(1, 2);

        assertThat(keys(claim(minutes(1)))).containsExactly("messenger:m_1", "messenger:m_2", "messenger:m_3");
    }

    @Test
    void aPersonsEventsComeInTheOrderTheyCameAcrossAppends() {
        List<Inbound> first = List.of(text("zz", "alice"), text("b1", "bob"), text("aa", "alice"));
        inbox.append(first, T0);
        inbox.append(List.of(text("mm", "alice"), text("b2", "bob")), T0);
        inbox.append(List.of(text("00", "alice")), T0.plusMillis(1));

        InboxClaim alices = claim(T0);
        assertThat(alices.person()).isEqualTo(at("alice"));
        assertThat(keys(alices)).containsExactly("messenger:zz", "messenger:aa", "messenger:mm", "messenger:00");
        assertThat(keys(claim(T0))).containsExactly("messenger:b1", "messenger:b2");
    }

    @Test
    void theSameIdOnTwoPlatformsIsTwoPeopleAndTwoEvents() {
        inbox.append(List.of(text("1", at("42"), "on Messenger"), text("1", onTelegram("42"), "on Telegram")), T0);

        List<ChatAddress> claimed = List.of(claim(T0).person(), claim(T0).person());

        assertThat(claimed).containsExactly(at("42"), onTelegram("42"));
    }

    @Test
    void aClaimTakesAtMostTheLimitAndTheRestWaits() {
        List<Inbound> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(text(String.format("m_%02d", i), "alice"));
        }
        assertThat(inbox.append(many, T0)).isEqualTo(60);

        InboxClaim first = inbox.claim(T0, LEASE_END, 40).orElseThrow();
        assertThat(first.events()).containsExactlyElementsOf(many.subList(0, 40));
        inbox.release(first, keys(first));

        assertThat(claim(T0).events()).containsExactlyElementsOf(many.subList(40, 60));
    }

    @Test
    void aClaimedPersonIsNotClaimedAgainUntilTheLeaseEnds() {
        inbox.append(List.of(text("a1", "alice"), text("b1", "bob")), T0);

        InboxClaim alice = claim(T0);
        InboxClaim bob = claim(T0);
        assertThat(List.of(alice.person(), bob.person())).containsExactly(at("alice"), at("bob"));
        assertThat(inbox.claim(minutes(1), minutes(3), 10)).isEmpty();

        Optional<InboxClaim> again = inbox.claim(minutes(2), minutes(4), 10);
        assertThat(again).isPresent();
        assertThat(again.get().events()).isEqualTo(alice.events());
    }

    @Test
    void releaseRemovesTheHandledEventsAndLetsThePersonGo() {
        inbox.append(List.of(text("a1", "alice"), text("a2", "alice"), text("a3", "alice")), T0);
        InboxClaim claim = claim(T0);

        inbox.release(claim, List.of("messenger:a1", "messenger:a2"));

        InboxClaim next = claim(T0);
        assertThat(keys(next)).containsExactly("messenger:a3");
        inbox.release(next, keys(next));
        assertThat(inbox.hasWaiting()).isFalse();
        assertThat(inbox.claim(T0, LEASE_END, 10)).isEmpty();
    }

    @Test
    void eventsThatCameDuringAClaimWaitForTheNextClaim() {
        inbox.append(List.of(text("a1", "alice")), T0);
        InboxClaim claim = claim(T0);
        inbox.append(List.of(text("a2", "alice")), T0.plusMillis(5));

        inbox.release(claim, keys(claim));

        assertThat(keys(claim(T0))).containsExactly("messenger:a2");
    }

    @Test
    void aClaimWhoseLeaseEndedDoesNotLetGoOfTheNextClaimant() {
        inbox.append(List.of(text("a1", "alice"), text("a2", "alice")), T0);
        InboxClaim stale = claim(T0);
        InboxClaim fresh = inbox.claim(minutes(3), minutes(5), 50).orElseThrow();

        inbox.release(stale, List.of("messenger:a1"));

        assertThat(inbox.claim(minutes(4), minutes(6), 50)).as("still held by the fresh claim").isEmpty();
        inbox.release(fresh, List.of("messenger:a2"));
        assertThat(inbox.hasWaiting()).isFalse();
    }

    @Test
    void aRenewedClaimHoldsThePersonPastItsFirstLeaseAndEndsAsRenewed() {
        inbox.append(List.of(text("a1", "alice"), text("a2", "alice")), T0);
        InboxClaim claim = claim(T0);

        assertThat(inbox.renew(claim, minutes(3))).isTrue();
        InboxClaim renewed = claim.renewedUntil(minutes(3));

        assertThat(inbox.claim(minutes(2), minutes(4), 10)).as("held past the first lease end").isEmpty();
        assertThat(inbox.renew(renewed, minutes(4))).as("renewed again").isTrue();
        assertThat(inbox.claim(minutes(3), minutes(5), 10)).isEmpty();
        inbox.release(renewed.renewedUntil(minutes(4)), List.of("messenger:a1"));
        assertThat(keys(claim(minutes(3)))).as("let go on release").containsExactly("messenger:a2");
    }

    @Test
    void aClaimSomeoneElseTookOrThatEndedIsNotRenewed() {
        inbox.append(List.of(text("a1", "alice")), T0);
        InboxClaim stale = claim(T0);
        InboxClaim fresh = inbox.claim(minutes(3), minutes(5), 50).orElseThrow();

        assertThat(inbox.renew(stale, minutes(6))).isFalse();

        assertThat(inbox.claim(minutes(4), minutes(6), 10)).as("still the fresh claim's").isEmpty();
        assertThat(fresh.leaseUntil()).isEqualTo(minutes(5));
        InboxClaim next = inbox.claim(minutes(5), minutes(7), 10).orElseThrow(); // the fresh lease was not moved
        inbox.release(next, List.of());
        assertThat(inbox.renew(next, minutes(8))).as("released").isFalse();
        assertThat(inbox.claim(minutes(5), minutes(7), 10)).as("free").isPresent();
    }

    @Test
    void aFailedEventCountsItsFailuresAndHoldsThePersonUntilTheRetry() {
        inbox.append(List.of(text("a1", "alice"), text("a2", "alice"), text("a3", "alice")), T0);
        InboxClaim claim = claim(T0);

        inbox.failed(claim, List.of("messenger:a1"), "messenger:a2", minutes(1));

        assertThat(inbox.claim(minutes(0), minutes(2), 10)).isEmpty();
        InboxClaim retry = inbox.claim(minutes(1), minutes(3), 10).orElseThrow();
        assertThat(keys(retry)).containsExactly("messenger:a2", "messenger:a3");
        assertThat(retry.failures()).isEqualTo(1);
        inbox.failed(retry, List.of(), "messenger:a2", minutes(4));
        assertThat(inbox.claim(minutes(4), minutes(6), 10).orElseThrow().failures()).isEqualTo(2);
    }

    @Test
    void concurrentClaimsGetDifferentPeople() {
        List<Inbound> events = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            events.add(text("m_" + i, "person-" + i));
            events.add(text("n_" + i, "person-" + i));
        }
        inbox.append(events, T0);

        List<Optional<InboxClaim>> claims = Race.run(12, i -> inbox.claim(T0, LEASE_END, 50));

        List<ChatAddress> people = claims.stream().flatMap(Optional::stream).map(InboxClaim::person).toList();
        assertThat(people).hasSize(8).doesNotHaveDuplicates();
        assertThat(claims.stream().flatMap(Optional::stream)).allMatch(claim -> claim.events().size() == 2);
    }
}
