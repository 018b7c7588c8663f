package app.sendsongs.store.sqlite;

import static app.sendsongs.store.sqlite.VersionThreeDatabase.ALICE;
import static app.sendsongs.store.sqlite.VersionThreeDatabase.BOB;
import static app.sendsongs.store.sqlite.VersionThreeDatabase.BOB_TWO;
import static app.sendsongs.store.sqlite.VersionThreeDatabase.CAROL;
import static app.sendsongs.store.sqlite.VersionThreeDatabase.MID;
import static app.sendsongs.store.sqlite.VersionThreeDatabase.T0;
import static app.sendsongs.store.sqlite.VersionThreeDatabase.TRACK_ID;
import static app.sendsongs.store.sqlite.VersionThreeDatabase.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.Stores;
import app.sendsongs.core.chat.HeldMessage;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.group.Group;
import app.sendsongs.core.group.GroupMember;
import app.sendsongs.core.group.GroupSend;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.registration.RegistrationCode;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.User;
import app.sendsongs.core.watch.Watch;
import app.sendsongs.store.contract.Samples;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 4 on a file the version 3 code wrote (see {@link VersionThreeDatabase}): every row
 * of every table comes back through the ports, with each person as a Messenger address, held
 * messages as text-only messages, message ids as Messenger delivery keys; nothing is lost, and
 * opening the file again changes nothing.
 */
class ChatAddressMigrationTest {
    private static final ChatAddress ALICE_AT = ChatAddress.messenger(ALICE);
    private static final ChatAddress BOB_AT = ChatAddress.messenger(BOB);
    private static final ChatAddress BOB_TWO_AT = ChatAddress.messenger(BOB_TWO);
    private static final ChatAddress CAROL_AT = ChatAddress.messenger(CAROL);
    private static final Track RICK = new Track(new TrackId(TRACK_ID), "Never Gonna Give You Up",
            List.of("Rick Astley"), Duration.ofMillis(213_573), Optional.empty(), Optional.empty());
    private static final Track DEJA_VU = new Track(new TrackId("7GhIk7Il098yCjg4BQjzvb"), "Déjà vu",
            List.of("Beyoncé", "Jay-Z"), Duration.ofMillis(240_001), Optional.of("USSM10603618"),
            Optional.of(new TrackId("0a1B2c3D4e5F6g7H8i9J0k")));
    private static final Duration WEEK = Duration.ofDays(7);

    @TempDir
    Path dir;
    private Path file;
    private Map<String, Integer> rowsBefore;

    @BeforeEach
    void writeAVersionThreeFile() throws SQLException {
        file = dir.resolve("version-3.db");
        rowsBefore = VersionThreeDatabase.create(file);
        assertThat(rowsBefore).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
    }

    @Test
    void openingMigratesOnceKeepingEveryRowAndAddressingEveryPersonOnMessenger() {
        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            assertThat(sqlite.migrationsAppliedAtOpen()).as("version 4 and every later one")
                    .isEqualTo(Migrations.scriptCount() - 3);
            assertThat(sqlite.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(sqlite.read(VersionThreeDatabase::counts)).isEqualTo(withoutOldStates(rowsBefore));
            assertThat(sqlite.read(ChatAddressMigrationTest::personKeysNotOnMessenger)).isZero();
        }
    }

    @Test
    void usersAndRegistrationsAreReadableWithTheirTokens() {
        try (Stores store = SqliteStores.open(file, TestTokens.CIPHER)) {
            User alice = new User(ALICE_AT, "Alice Smith", new SpotifyConnection("spotify-alice", "access-alice",
                    minutes(60), "refresh-alice", null), GrantState.ACTIVE, minutes(-600), minutes(-3));
            User bob = new User(BOB_AT, "Bob Fisher", new SpotifyConnection("spotify-bob", null, minutes(-60),
                    "refresh-bob", null), GrantState.NEEDS_RECONNECT, minutes(-500), minutes(-400));
            User bobTwo = new User(BOB_TWO_AT, "bob fisher", new SpotifyConnection("spotify-bob-2", "access-bob-2",
                    minutes(30), "refresh-bob-2", null), GrantState.ACTIVE, minutes(-500), minutes(-1));

            assertThat(store.users().findUser(ALICE_AT)).contains(alice);
            assertThat(store.users().findUsersByName("Bob Fisher")).containsExactly(bob, bobTwo);
            assertThat(store.users().findUser(CAROL_AT)).map(User::name).contains("Carol Jones");
            assertThat(store.users().findUser(ChatAddress.parse("telegram:" + ALICE))).isEmpty();
            assertThat(store.registrations().useOnce("state-1", minutes(15))).as("states before version 6 are gone")
                    .isTrue();
            assertThat(store.registrations().claimRegistrationCode("ABCD-EFGH", "reader")).contains(new RegistrationCode(
                    "ABCD-EFGH", new SpotifyConnection("spotify-dave", "access-dave", minutes(60), "refresh-dave", null),
                    minutes(15)));
        }
    }

    @Test
    void aMessageIdSeenBeforeIsStillRecognisedByItsMessengerDeliveryKey() {
        try (Stores store = SqliteStores.open(file, TestTokens.CIPHER)) {
            assertThat(store.inbound().handled("messenger:" + MID)).isTrue();
            assertThat(store.inbound().handled("telegram:" + MID)).isFalse();
        }
    }

    @Test
    void heldMessagesBecomeTextOnlyMessagesInTheirOrderAndTakeRichOnesAfterThem() {
        // Held before every message was held: they were tried once, and get 14 days from when they were held.
        HeldMessage song = new HeldMessage("held-song", CAROL_AT, Message.text("🎵 Alice sent you a song: "
                + "Never Gonna Give You Up by Rick Astley\nhttps://open.spotify.com/track/" + TRACK_ID), minutes(-30),
                Optional.empty(), Optional.of("share-held"), 1, 0, minutes(-30).plus(Duration.ofDays(14)), List.of());
        HeldMessage retry = new HeldMessage("held-retry", CAROL_AT, Message.text("Bob played it."), minutes(-30),
                Optional.of(minutes(2)), Optional.empty(), 1, 0, minutes(-30).plus(Duration.ofDays(14)), List.of());
        try (Stores store = SqliteStores.open(file, TestTokens.CIPHER)) {
            assertThat(store.outbox().heldMessagesFor(CAROL_AT)).containsExactly(song, retry);
            assertThat(store.outbox().heldMessagesFor(BOB_AT)).extracting(HeldMessage::message)
                    .containsExactly(Message.text("Your Spotify connection ended."));
            assertThat(store.outbox().heldMessagesToRetry(minutes(2), 10)).containsExactly(retry);

            HeldMessage rich = new HeldMessage("held-rich", CAROL_AT, Samples.RICH_MESSAGE, T0, Optional.empty(),
                    Optional.empty(), 0, 0, minutes(60), List.of(BOB_AT));
            store.outbox().holdNew(List.of(rich));
            assertThat(store.outbox().heldMessagesFor(CAROL_AT)).containsExactly(song, retry, rich);
            assertThat(store.outbox().leaseHeldMessage(song, T0, minutes(2))).isTrue();
        }
    }

    @Test
    void sharesAreFoundBySenderReceiverAndGroupSendWithEveryField() {
        Share toBob = Share.stored("share-to-bob", CAROL_AT, BOB_AT, DEJA_VU, minutes(-120), ShareStatus.WATCHING)
                .notes("you'll love the bridge", "told you!").delivered(minutes(-119), minutes(-119).plus(WEEK)).build();
        Share toCarol = Share.stored("share-to-carol", BOB_AT, CAROL_AT, RICK, minutes(-90), ShareStatus.WATCHING)
                .delivered(minutes(-80), minutes(-80).plus(WEEK)).uncertain(true).build();
        Share held = Share.forGroupMember("share-held", "send-1", ALICE_AT, CAROL_AT, RICK, "for the road", "",
                minutes(-30));
        Share played = Share.forGroupMember("share-played", "send-1", ALICE_AT, BOB_AT, RICK, "for the road", "",
                minutes(-30)).delivered(minutes(-29), minutes(-29).plus(WEEK)).played(minutes(-20));
        try (Stores store = SqliteStores.open(file, TestTokens.CIPHER)) {
            assertThat(store.shares().findShare("share-to-bob")).contains(toBob);
            assertThat(store.shares().sharesSentBy(ALICE_AT)).containsExactlyInAnyOrder(held, played);
            assertThat(store.shares().sharesWatchedFor(BOB_AT)).containsExactly(toBob);
            assertThat(store.shares().openSharesTo(CAROL_AT)).containsExactly(toCarol, held);
            assertThat(store.shares().sharesOfGroupSend("send-1")).containsExactlyInAnyOrder(held, played);
            assertThat(store.shares().updateShare(held.cancelled(), ShareStatus.HELD)).isTrue();
        }
    }

    @Test
    void queuedAndLeasedWatchesKeepTheirTimesAndVersionsAndAreClaimedAsBefore() {
        Watch bobs = new Watch(BOB_AT, minutes(5), minutes(-119), 41);
        Watch carols = new Watch(CAROL_AT, minutes(1), minutes(-60), 8);
        try (Stores store = SqliteStores.open(file, TestTokens.CIPHER)) {
            assertThat(store.watches().findWatch(BOB_AT)).contains(bobs);
            assertThat(store.watches().findWatch(CAROL_AT)).contains(carols);

            List<Watch> claimed = store.watches().claimDueWatches(minutes(5), 10, minutes(7));

            assertThat(claimed).containsExactly(new Watch(CAROL_AT, minutes(7), minutes(-60), 9),
                    new Watch(BOB_AT, minutes(7), minutes(-119), 42));
            assertThat(store.watches().rescheduleWatch(claimed.get(1), minutes(65), minutes(5))).isTrue();
            assertThat(store.watches().endWatch(claimed.get(0))).isTrue();
            assertThat(store.watches().findWatch(BOB_AT)).contains(new Watch(BOB_AT, minutes(65), minutes(5), 43));
            assertThat(store.watches().findWatch(CAROL_AT)).isEmpty();
        }
    }

    @Test
    void theOpenQuestionKeepsItsCandidatesInOrderAsMessengerAddresses() {
        try (Stores store = SqliteStores.open(file, TestTokens.CIPHER)) {
            assertThat(store.choices().takeChoice(ALICE_AT)).contains(new PendingChoice(ALICE_AT,
                    "send_song name:\"Bob Fisher\" spotify:track:" + TRACK_ID, List.of(BOB_TWO_AT, BOB_AT),
                    minutes(10)));
        }
    }

    @Test
    void groupsTheirMembersAndGroupSendsAreFoundByMessengerAddress() {
        Group family = new Group("group-1", ALICE_AT, "Family", minutes(-1000));
        try (Stores store = SqliteStores.open(file, TestTokens.CIPHER)) {
            assertThat(store.groups().findGroup("group-1")).contains(family);
            assertThat(store.groups().groupsOf(BOB_AT)).containsExactly(family);
            // Bob and Carol joined at the same moment: ties go by address key
            assertThat(store.groups().membersOf("group-1")).containsExactly(
                    new GroupMember("group-1", ALICE_AT, minutes(-1000)),
                    new GroupMember("group-1", CAROL_AT, minutes(-900)),
                    new GroupMember("group-1", BOB_AT, minutes(-900)));
            assertThat(store.groups().findGroupSend("send-1"))
                    .contains(GroupSend.of("send-1", "group-1", "Family", ALICE_AT, minutes(-30)));
            assertThat(store.groups().createGroup(new Group("group-2", ALICE_AT, "FAMILY", T0))).isFalse();
            assertThat(store.groups().removeMember("group-1", CAROL_AT)).isTrue();
        }
    }

    @Test
    void aMigratedPersonIsForgottenEverywhere() {
        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            sqlite.stores().outbox().holdNew(List.of(new HeldMessage("held-rich", CAROL_AT, Samples.RICH_MESSAGE, T0,
                    Optional.empty(), Optional.empty(), 0, 0, minutes(60), List.of(BOB_AT))));

            sqlite.stores().housekeeping().forgetPerson(CAROL_AT);

            int carolsRowsLeft = sqlite.read(s -> s.queryOne("SELECT "
                    + "(SELECT count(*) FROM users WHERE address = ?1) + "
                    + "(SELECT count(*) FROM held_messages WHERE address = ?1) + "
                    + "(SELECT count(*) FROM held_message_choices) + (SELECT count(*) FROM held_message_buttons) + "
                    + "(SELECT count(*) FROM held_message_about) + "
                    + "(SELECT count(*) FROM shares WHERE ?1 IN (sender_address, receiver_address)) + "
                    + "(SELECT count(*) FROM watches WHERE receiver_address = ?1) + "
                    + "(SELECT count(*) FROM watch_leases WHERE receiver_address = ?1) + "
                    + "(SELECT count(*) FROM group_members WHERE member_address = ?1)", rs -> rs.getInt(1),
                    CAROL_AT).orElseThrow());
            assertThat(carolsRowsLeft).isZero();
            assertThat(sqlite.stores().users().findUser(BOB_AT)).isPresent();
            assertThat(sqlite.stores().groups().membersOf("group-1")).extracting(GroupMember::member)
                    .containsExactly(ALICE_AT, BOB_AT);
        }
    }

    @Test
    void openingTheMigratedFileAgainChangesNothing() {
        Map<String, Integer> rowsAfterFirstOpen;
        try (SqliteStores first = SqliteStores.file(file, TestTokens.CIPHER)) {
            rowsAfterFirstOpen = first.read(VersionThreeDatabase::counts);
        }

        try (SqliteStores second = SqliteStores.file(file, TestTokens.CIPHER)) {
            assertThat(second.migrationsAppliedAtOpen()).isZero();
            assertThat(second.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(second.read(VersionThreeDatabase::counts)).isEqualTo(rowsAfterFirstOpen)
                    .isEqualTo(withoutOldStates(rowsBefore));
            assertThat(second.read(ChatAddressMigrationTest::personKeysNotOnMessenger)).isZero();
            assertThat(second.stores().users().findUser(ALICE_AT)).map(User::address).contains(ALICE_AT);
            assertThat(second.stores().choices().takeChoice(ALICE_AT)).map(PendingChoice::candidates)
                    .contains(List.of(BOB_TWO_AT, BOB_AT));
        }
    }

    /**
     * How many values of person columns (and delivery keys) are not exactly one {@code messenger:}
     * prefix followed by a bare Messenger id.
     */
    private static int personKeysNotOnMessenger(Session s) throws SQLException {
        List<String> columns = List.of("users.address", "inbound_messages.delivery_key", "held_messages.address",
                "shares.sender_address", "shares.receiver_address", "watches.receiver_address",
                "watch_queue.receiver_address", "watch_leases.receiver_address", "choices.address",
                "song_groups.owner_address", "group_members.member_address", "group_sends.sender_address");
        int wrong = 0;
        for (String column : columns) {
            String[] parts = column.split("\\.");
            wrong += s.queryOne("SELECT count(*) FROM " + parts[0] + " WHERE " + parts[1] + " NOT LIKE 'messenger:%' "
                    + "OR " + parts[1] + " LIKE 'messenger:messenger:%'", rs -> rs.getInt(1)).orElseThrow();
        }
        return wrong;
    }

    /** Every row is kept but the unsigned OAuth states handed out before version 6, which no longer work. */
    private static Map<String, Integer> withoutOldStates(Map<String, Integer> rows) {
        Map<String, Integer> kept = new java.util.LinkedHashMap<>(rows);
        kept.put("oauth_states", 0);
        return kept;
    }
}
