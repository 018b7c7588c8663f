package app.sendsongs.store.sqlite;

import app.sendsongs.core.chat.GroupChatAction;
import app.sendsongs.core.chat.GroupChatEventText;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.InboxClaim;
import app.sendsongs.core.chat.InboxStore;
import app.sendsongs.core.shared.ChatAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The inbox in {@code inbox_events} (the events, in the order they came: the rowid) and
 * {@code inbox_claims} (who holds which person until when). Appending is one durable transaction
 * ({@link Database#durableTransaction}): an acknowledged event survives the machine's crash too.
 * An event already waiting, or already marked handled in {@code inbound_messages}, is not appended.
 */
final class SqliteInbox implements InboxStore {
    private static final String COLUMNS = "delivery_key, address, kind, event_id, at, body, title, failures";
    /**
     * The first waiting event whose person nobody holds: a walk of the events in order that skips the
     * held people's; package-visible for the query-plan test.
     */
    static final String NEXT_FREE_PERSON = "SELECT address FROM inbox_events e WHERE NOT EXISTS "
            + "(SELECT 1 FROM inbox_claims c WHERE c.address = e.address AND c.lease_until > ?) ORDER BY seq LIMIT 1";

    private final Database db;

    SqliteInbox(Database db) {
        this.db = db;
    }

    @Override
    public int append(List<Inbound> events, Instant receivedAt) {
        return db.durableTransaction(s -> {
            int kept = 0;
            for (Inbound event : events) {
                String[] fields = fields(event);
                kept += s.update("INSERT INTO inbox_events (delivery_key, address, kind, event_id, at, body, title, "
                                + "received_at) SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS "
                                + "(SELECT 1 FROM inbound_messages WHERE delivery_key = ?) "
                                + "ON CONFLICT (delivery_key) DO NOTHING",
                        event.deliveryKey(), event.from(), fields[0], event.eventId(), event.at(), fields[1], fields[2],
                        receivedAt, event.deliveryKey());
            }
            return kept;
        });
    }

    @Override
    public Optional<InboxClaim> claim(Instant now, Instant leaseUntil, int limit) {
        return db.transaction(s -> {
            Optional<String> person = s.queryOne(NEXT_FREE_PERSON, rs -> rs.getString("address"), now);
            if (person.isEmpty()) {
                return Optional.<InboxClaim>empty();
            }
            s.update("INSERT INTO inbox_claims (address, lease_until) VALUES (?, ?) "
                    + "ON CONFLICT (address) DO UPDATE SET lease_until = excluded.lease_until", person.get(), leaseUntil);
            List<Waiting> events = s.query("SELECT " + COLUMNS + " FROM inbox_events WHERE address = ? "
                    + "ORDER BY seq LIMIT ?", SqliteInbox::waiting, person.get(), limit);
            return Optional.of(new InboxClaim(ChatAddress.parse(person.get()),
                    events.stream().map(Waiting::event).toList(), events.getFirst().failures(), leaseUntil));
        });
    }

    @Override
    public boolean renew(InboxClaim claim, Instant leaseUntil) {
        return db.transaction(s -> s.update("UPDATE inbox_claims SET lease_until = ? WHERE address = ? "
                + "AND lease_until = ?", leaseUntil, claim.person(), claim.leaseUntil()) == 1);
    }

    @Override
    public void release(InboxClaim claim, List<String> handledKeys) {
        db.transaction(s -> {
            remove(s, claim, handledKeys);
            s.update("DELETE FROM inbox_claims WHERE address = ? AND lease_until = ?", claim.person(),
                    claim.leaseUntil());
            return null;
        });
    }

    @Override
    public void failed(InboxClaim claim, List<String> handledKeys, String failedKey, Instant retryAt) {
        db.transaction(s -> {
            remove(s, claim, handledKeys);
            s.update("UPDATE inbox_events SET failures = failures + 1 WHERE delivery_key = ? AND address = ?",
                    failedKey, claim.person());
            s.update("UPDATE inbox_claims SET lease_until = ? WHERE address = ? AND lease_until = ?", retryAt,
                    claim.person(), claim.leaseUntil());
            return null;
        });
    }

    @Override
    public boolean hasWaiting() {
        return db.read(s -> s.queryOne("SELECT EXISTS (SELECT 1 FROM inbox_events) AS waiting",
                rs -> rs.getInt("waiting") == 1).orElse(false));
    }

    /** The waiting group chat events whose text ends as a move to the chat's does, read back to keep the moves. */
    @Override
    public List<ChatAddress> chatsMovingTo(ChatAddress chat) {
        String ending = GroupChatEventText.endingOfMoveTo(chat);
        List<Inbound> events = db.read(s -> s.query("SELECT " + COLUMNS + " FROM inbox_events WHERE kind = 'group' "
                + "AND substr(body, -?) = ? ORDER BY seq", rs -> waiting(rs).event(), ending.length(), ending));
        return events.stream().flatMap(event -> movedFrom(event, chat).stream()).toList();
    }

    private static Optional<ChatAddress> movedFrom(Inbound event, ChatAddress to) {
        return event instanceof Inbound.InGroupChat inGroup && inGroup.action() instanceof GroupChatAction.Moved moved
                && moved.to().equals(to) ? Optional.of(inGroup.chat().address()) : Optional.empty();
    }

    /** Within a transaction: claims whose lease ended before the cutoff (their workers died) go. */
    static void purge(Session s, Instant cutoff) throws SQLException {
        s.update("DELETE FROM inbox_claims WHERE lease_until < ?", cutoff);
    }

    private static void remove(Session s, InboxClaim claim, List<String> keys) throws SQLException {
        for (String key : keys) {
            s.update("DELETE FROM inbox_events WHERE delivery_key = ? AND address = ?", key, claim.person());
        }
    }

    private record Waiting(Inbound event, int failures) {
    }

    /** The kind, the body (the text, payload or ref, or what could not be read) and the title (a tap's, else null) of an event. */
    private static String[] fields(Inbound event) {
        return switch (event) {
            case Inbound.Text text -> new String[] {"text", text.text(), null};
            case Inbound.ChoiceTapped tap -> new String[] {"choice", tap.payload(), tap.title()};
            case Inbound.ButtonTapped tap -> new String[] {"button", tap.payload(), tap.title()};
            case Inbound.OpenedLink opened -> new String[] {"link", opened.ref(), null};
            case Inbound.Unreadable unreadable -> new String[] {"unreadable", unreadable.what(), null};
            case Inbound.Edited edited -> new String[] {"edited", "", null};
            case Inbound.BotBlocked blocked -> new String[] {"blocked", "", null};
            case Inbound.BotUnblocked unblocked -> new String[] {"unblocked", "", null};
            case Inbound.InGroupChat inGroup -> new String[] {"group", GroupChatEventText.of(inGroup),
                    inGroup.chat().title()};
        };
    }

    private static Waiting waiting(ResultSet rs) throws SQLException {
        String id = rs.getString("event_id");
        ChatAddress from = Codec.address(rs, "address");
        Instant at = Codec.instant(rs, "at");
        String body = rs.getString("body");
        String title = rs.getString("title");
        Inbound event = switch (rs.getString("kind")) {
            case "text" -> new Inbound.Text(id, from, at, body);
            case "choice" -> new Inbound.ChoiceTapped(id, from, at, body, title);
            case "button" -> new Inbound.ButtonTapped(id, from, at, body, title);
            case "link" -> new Inbound.OpenedLink(id, from, at, body);
            case "unreadable" -> new Inbound.Unreadable(id, from, at, body);
            case "edited" -> new Inbound.Edited(id, from, at);
            case "blocked" -> new Inbound.BotBlocked(id, from, at);
            case "unblocked" -> new Inbound.BotUnblocked(id, from, at);
            case "group" -> GroupChatEventText.read(id, from, at, body, title);
            default -> throw new SQLException("an inbox event of unknown kind " + rs.getString("kind"));
        };
        return new Waiting(event, rs.getInt("failures"));
    }
}
