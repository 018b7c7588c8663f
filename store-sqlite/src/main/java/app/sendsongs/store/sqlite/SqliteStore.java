package app.sendsongs.store.sqlite;

import app.sendsongs.core.chat.HeldMessage;
import app.sendsongs.core.group.Group;
import app.sendsongs.core.group.GroupMember;
import app.sendsongs.core.group.GroupSend;
import app.sendsongs.core.music.LastfmConnection;
import app.sendsongs.core.music.ListenBrainzConnection;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.registration.OAuthState;
import app.sendsongs.core.registration.RegistrationCode;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.store.Store;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.core.user.User;
import app.sendsongs.core.watch.Watch;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The {@link Store} in one SQLite file: the self-hosted deployment's database.
 *
 * <p>Thread-safe. WAL mode, {@code synchronous=NORMAL}: one writing connection used under a lock,
 * a small pool of read connections (see {@link Database}). Every conditional write is one
 * conditional SQL statement or one {@code BEGIN IMMEDIATE} transaction, so it also holds against
 * another process using the same file. Times are kept as epoch milliseconds: anything finer is
 * truncated. Spotify tokens are sealed with a {@link TokenCipher} before they are written and are
 * never logged.
 */
public final class SqliteStore implements Store {
    /** Read connections of a file store: enough for the webhook threads, few enough to stay small. */
    public static final int DEFAULT_READERS = 4;

    private final Database db;
    private final TokenCipher tokens;
    private final int migrationsApplied;

    private SqliteStore(Database db, TokenCipher tokens) {
        this.db = db;
        this.tokens = tokens;
        try {
            this.migrationsApplied = db.write(session -> Migrations.STANDARD.apply(session, Instant.now()));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Opens (creating if needed) the database file and brings its schema up to date. Spotify
     * tokens are sealed with {@code tokens} before they are written.
     */
    public static SqliteStore open(Path file, TokenCipher tokens) {
        return open(file, tokens, DEFAULT_READERS);
    }

    public static SqliteStore open(Path file, TokenCipher tokens, int readConnections) {
        return new SqliteStore(Database.file(file, readConnections), tokens);
    }

    /** A private, empty database in memory, gone when closed (for tests and demos). */
    public static SqliteStore inMemory() {
        return new SqliteStore(Database.memory(), TokenCipher.random());
    }

    /** How many schema scripts opening this store applied (0 when the file was already up to date). */
    public int migrationsAppliedAtOpen() {
        return migrationsApplied;
    }

    /** The schema version of the open database. */
    public int schemaVersion() {
        return db.read(Migrations::currentVersion);
    }

    // users

    @Override
    public Optional<User> findUser(String psid) {
        return db.read(s -> UserTable.find(s, psid)).map(this::opened);
    }

    @Override
    public List<User> findUsersByName(String name) {
        return db.read(s -> UserTable.findByName(s, name)).stream().map(this::opened).toList();
    }

    @Override
    public void saveUser(User user) {
        db.write(s -> {
            UserTable.save(s, sealed(user));
            return null;
        });
    }

    @Override
    public void saveLastMessageAt(String psid, Instant at) {
        db.write(s -> {
            UserTable.saveLastMessageAt(s, psid, at);
            return null;
        });
    }

    @Override
    public void deleteUser(String psid) {
        db.write(s -> {
            UserTable.delete(s, psid);
            return null;
        });
    }

    // registration

    @Override
    public void saveOAuthState(OAuthState state) {
        db.write(s -> {
            RegistrationTables.saveState(s, state);
            return null;
        });
    }

    @Override
    public Optional<OAuthState> takeOAuthState(String state) {
        return db.write(s -> RegistrationTables.takeState(s, state));
    }

    @Override
    public void saveRegistrationCode(RegistrationCode code) {
        db.write(s -> {
            RegistrationTables.saveCode(s, sealed(code));
            return null;
        });
    }

    @Override
    public Optional<RegistrationCode> takeRegistrationCode(String code) {
        return db.write(s -> RegistrationTables.takeCode(s, code)).map(this::opened);
    }

    // inbound log and outbox

    @Override
    public boolean firstDelivery(String mid, Instant at) {
        return db.write(s -> OutboxTables.firstDelivery(s, mid, at));
    }

    @Override
    public void holdMessage(HeldMessage message) {
        db.write(s -> {
            OutboxTables.hold(s, message);
            return null;
        });
    }

    @Override
    public List<HeldMessage> heldMessagesFor(String psid) {
        return db.read(s -> OutboxTables.heldFor(s, psid));
    }

    @Override
    public List<HeldMessage> heldMessagesToRetry(Instant now, int limit) {
        return db.read(s -> OutboxTables.dueForRetry(s, now, limit));
    }

    @Override
    public boolean leaseHeldMessage(HeldMessage message, Instant now, Instant leaseUntil) {
        return db.write(s -> OutboxTables.lease(s, message, now, leaseUntil));
    }

    @Override
    public void releaseHeldMessage(String id) {
        db.write(s -> {
            OutboxTables.release(s, id);
            return null;
        });
    }

    // shares

    @Override
    public void insertShare(Share share) {
        db.write(s -> {
            ShareTable.insert(s, share);
            return null;
        });
    }

    @Override
    public Optional<Share> findShare(String id) {
        return db.read(s -> ShareTable.find(s, id));
    }

    @Override
    public boolean updateShare(Share updated, ShareStatus expected) {
        return db.write(s -> ShareTable.update(s, updated, expected));
    }

    @Override
    public List<Share> sharesSentBy(String senderPsid) {
        return db.read(s -> ShareTable.sentBy(s, senderPsid));
    }

    @Override
    public List<Share> sharesWatchedFor(String receiverPsid) {
        return db.read(s -> ShareTable.watchedFor(s, receiverPsid));
    }

    @Override
    public List<Share> openSharesTo(String receiverPsid) {
        return db.read(s -> ShareTable.openTo(s, receiverPsid));
    }

    @Override
    public List<Share> sharesOfGroupSend(String groupSendId) {
        return db.read(s -> ShareTable.ofGroupSend(s, groupSendId));
    }

    @Override
    public void deleteSharesOf(String psid) {
        db.write(s -> {
            ShareTable.deleteOf(s, psid);
            return null;
        });
    }

    // watches

    @Override
    public void scheduleWatch(String receiverPsid, Instant dueAt, Instant readFrom) {
        db.transaction(s -> {
            WatchTable.schedule(s, receiverPsid, dueAt, readFrom);
            return null;
        });
    }

    /** A watch to schedule with {@link #scheduleWatches}. */
    public record WatchToSchedule(String receiverPsid, Instant dueAt, Instant readFrom) {
    }

    /**
     * Schedules many watches in one transaction, each exactly as {@link #scheduleWatch} would: for
     * loading a database quickly (imports, benchmarks). Not part of the {@link Store} port.
     */
    public void scheduleWatches(Collection<WatchToSchedule> watches) {
        db.transaction(s -> {
            for (WatchToSchedule watch : watches) {
                WatchTable.schedule(s, watch.receiverPsid(), watch.dueAt(), watch.readFrom());
            }
            return null;
        });
    }

    /**
     * How SQLite runs the two queries of {@link #claimDueWatches} on this database now (the
     * {@code EXPLAIN QUERY PLAN} details of the queue's front, then of the ended leases): each
     * should search its table in due order, never scan or sort.
     */
    public List<String> dueWatchesQueryPlan() {
        return db.read(s -> {
            List<String> plan = new ArrayList<>();
            for (String query : List.of(WatchTable.DUE, WatchTable.LEASE_ENDED)) {
                plan.addAll(s.query("EXPLAIN QUERY PLAN " + query, rs -> rs.getString("detail"), Instant.now(), 1000));
            }
            return plan;
        });
    }

    @Override
    public List<Watch> claimDueWatches(Instant now, int limit, Instant leaseUntil) {
        if (limit <= 0) {
            return List.of();
        }
        return db.transaction(s -> WatchTable.claim(s, now, limit, leaseUntil));
    }

    @Override
    public boolean completeWatch(Watch claimed, Optional<Instant> nextDue, Instant checkedThrough) {
        return db.transaction(s -> WatchTable.complete(s, claimed, nextDue, checkedThrough));
    }

    @Override
    public Optional<Watch> findWatch(String receiverPsid) {
        return db.read(s -> WatchTable.find(s, receiverPsid));
    }

    @Override
    public void deleteWatch(String receiverPsid) {
        db.transaction(s -> {
            WatchTable.delete(s, receiverPsid);
            return null;
        });
    }

    // choices

    @Override
    public void saveChoice(PendingChoice choice) {
        db.write(s -> {
            ChoiceTable.save(s, choice);
            return null;
        });
    }

    @Override
    public Optional<PendingChoice> takeChoice(String psid) {
        return db.write(s -> ChoiceTable.take(s, psid));
    }

    // groups

    @Override
    public boolean createGroup(Group group) {
        return db.transaction(s -> GroupTables.create(s, group));
    }

    @Override
    public Optional<Group> findGroup(String groupId) {
        return db.read(s -> GroupTables.find(s, groupId));
    }

    @Override
    public List<Group> groupsOf(String memberPsid) {
        return db.read(s -> GroupTables.of(s, memberPsid));
    }

    @Override
    public boolean addMember(GroupMember member) {
        return db.write(s -> GroupTables.addMember(s, member));
    }

    @Override
    public boolean removeMember(String groupId, String memberPsid) {
        return db.write(s -> GroupTables.removeMember(s, groupId, memberPsid));
    }

    @Override
    public List<GroupMember> membersOf(String groupId) {
        return db.read(s -> GroupTables.members(s, groupId));
    }

    @Override
    public void deleteGroup(String groupId) {
        db.transaction(s -> {
            GroupTables.delete(s, groupId);
            return null;
        });
    }

    @Override
    public void insertGroupSend(GroupSend send) {
        db.write(s -> {
            GroupTables.insertSend(s, send);
            return null;
        });
    }

    @Override
    public Optional<GroupSend> findGroupSend(String id) {
        return db.read(s -> GroupTables.findSend(s, id));
    }

    @Override
    public boolean markGroupSendSummarized(String id, Instant at) {
        return db.write(s -> GroupTables.markSummarized(s, id, at));
    }

    // everything

    /**
     * One transaction: the person's user, the shares they sent or received, watch, held messages,
     * choice, the groups they own (with their members), their memberships and their group sends.
     */
    @Override
    public void forgetPerson(String psid) {
        db.transaction(s -> {
            UserTable.delete(s, psid);
            ShareTable.deleteOf(s, psid);
            WatchTable.delete(s, psid);
            OutboxTables.deleteFor(s, psid);
            ChoiceTable.delete(s, psid);
            GroupTables.forget(s, psid);
            return null;
        });
    }

    @Override
    public void purgeBefore(Instant cutoff) {
        db.transaction(s -> {
            s.update("DELETE FROM oauth_states WHERE expires_at < ?", cutoff);
            s.update("DELETE FROM registration_codes WHERE expires_at < ?", cutoff);
            s.update("DELETE FROM choices WHERE expires_at < ?", cutoff);
            s.update("DELETE FROM inbound_messages WHERE seen_at < ?", cutoff);
            return null;
        });
    }

    // token sealing: only the two token strings of a connection are sealed; the rest stays queryable

    private User sealed(User user) {
        return user.connection() == null ? user : withConnectionOnly(user, sealed(user.connection()));
    }

    private User opened(User user) {
        return user.connection() == null ? user : withConnectionOnly(user, opened(user.connection()));
    }

    /** The same user with other token strings; unlike {@link User#withConnection}, the grant state is kept. */
    private static User withConnectionOnly(User user, ListeningConnection connection) {
        return new User(user.psid(), user.name(), connection, user.grantState(), user.registeredAt(),
                user.lastMessageAt());
    }

    private RegistrationCode sealed(RegistrationCode code) {
        return code.connection() == null ? code
                : new RegistrationCode(code.code(), sealed(code.connection()), code.expiresAt());
    }

    private RegistrationCode opened(RegistrationCode code) {
        return code.connection() == null ? code
                : new RegistrationCode(code.code(), opened(code.connection()), code.expiresAt());
    }

    private ListeningConnection sealed(ListeningConnection connection) {
        return switch (connection) {
            case SpotifyConnection c -> new SpotifyConnection(c.accountId(), orNull(c.accessToken(), tokens::seal),
                    c.accessTokenExpiresAt(), orNull(c.refreshToken(), tokens::seal));
            case LastfmConnection c -> new LastfmConnection(c.userName(), tokens.seal(c.sessionKey()));
            case ListenBrainzConnection c -> new ListenBrainzConnection(c.userName(), tokens.seal(c.userToken()));
        };
    }

    private ListeningConnection opened(ListeningConnection connection) {
        return switch (connection) {
            case SpotifyConnection c -> new SpotifyConnection(c.accountId(), orNull(c.accessToken(), tokens::open),
                    c.accessTokenExpiresAt(), orNull(c.refreshToken(), tokens::open));
            case LastfmConnection c -> new LastfmConnection(c.userName(), tokens.open(c.sessionKey()));
            case ListenBrainzConnection c -> new ListenBrainzConnection(c.userName(), tokens.open(c.userToken()));
        };
    }

    private static String orNull(String value, java.util.function.UnaryOperator<String> f) {
        return value == null ? null : f.apply(value);
    }

    /** Runs read-only SQL on a read connection; for this module's tests (query plans and the like). */
    <T> T read(Database.Work<T> work) {
        return db.read(work);
    }

    @Override
    public void close() {
        db.close();
    }

    @Override
    public String toString() {
        return "SqliteStore[" + db + "]";
    }
}
