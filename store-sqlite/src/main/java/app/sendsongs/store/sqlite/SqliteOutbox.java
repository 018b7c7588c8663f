package app.sendsongs.store.sqlite;

import app.sendsongs.core.chat.Button;
import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.HeldMessage;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.OutboxStore;
import app.sendsongs.core.chat.SongCard;
import app.sendsongs.core.shared.ChatAddress;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outbox, every message on its way out, kept whole: {@code held_messages} (one row per message,
 * with its text and the fields of its card, if any) and, in order, its choices
 * ({@code held_message_choices}), its card's buttons ({@code held_message_buttons}) and the people it
 * is about ({@code held_message_about}). A message is read with one statement per part, in one read
 * transaction so its parts match it; such small indexed reads are cheap in SQLite, and a person's
 * queue is a few messages. The ids of messages that left are remembered in {@code released_messages}, with
 * the platform's id of those sent under one.
 */
final class SqliteOutbox implements OutboxStore {
    private static final String SELECT = "SELECT id, address, text, card_title, card_subtitle, card_image, "
            + "card_link, held_at, retry_at, share_id, tries, refusals, expires_at FROM held_messages ";
    /** Uses the index on due_at; package-visible for the query-plan test. */
    static final String DUE_FOR_RETRY = SELECT + "WHERE due_at <= ? ORDER BY due_at, seq LIMIT ?";
    /** A message's choices in order; package-visible for the query-plan test. */
    static final String CHOICES = "SELECT title, payload FROM held_message_choices WHERE message_id = ? "
            + "ORDER BY position";
    private static final String BUTTONS = "SELECT title, payload, url FROM held_message_buttons WHERE message_id = ? "
            + "ORDER BY position";
    private static final String ABOUT = "SELECT address FROM held_message_about WHERE message_id = ? "
            + "ORDER BY position";

    /** A row of held_messages: the message without its choices, its card's buttons and whom it is about. */
    private record Row(String id, ChatAddress to, String text, Optional<SongCard> card, Instant heldAt,
                       Optional<Instant> retryAt, Optional<String> shareId, int tries, int refusals,
                       Instant expiresAt) {
    }

    private final Database db;

    SqliteOutbox(Database db) {
        this.db = db;
    }

    /** One transaction: each message inserted unless its id is held or remembered. */
    @Override
    public List<HeldMessage> holdNew(List<HeldMessage> messages) {
        return db.transaction(s -> {
            List<HeldMessage> held = new ArrayList<>();
            for (HeldMessage m : messages) {
                if (insert(s, m)) {
                    insertParts(s, m.id(), m.message());
                    insertAbout(s, m);
                    held.add(m);
                }
            }
            return held;
        });
    }

    /** The retry time (and so the due time), the tries and the refusals: nothing else of a held message changes. */
    @Override
    public boolean holdMessage(HeldMessage m, Optional<Instant> asHeld) {
        return db.write(s -> s.update("UPDATE held_messages SET retry_at = ?, tries = ?, refusals = ?, due_at = ? "
                + "WHERE id = ? AND retry_at IS ?", m.retryAt().orElse(null), m.tries(), m.refusals(), m.dueAt(),
                m.id(), asHeld.orElse(null))) == 1;
    }

    @Override
    public List<HeldMessage> heldMessagesFor(ChatAddress person) {
        return db.readTogether(s -> whole(s, s.query(SELECT + "WHERE address = ? ORDER BY held_at, seq",
                SqliteOutbox::row, person)));
    }

    @Override
    public List<HeldMessage> heldMessagesToRetry(Instant now, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return db.readTogether(s -> whole(s, s.query(DUE_FOR_RETRY, SqliteOutbox::row, now, limit)));
    }

    /** Conditional on the retry time read ({@code IS} also matches two NULLs): one of several takers wins. */
    @Override
    public boolean leaseHeldMessage(HeldMessage held, Instant now, Instant leaseUntil) {
        return db.write(s -> s.update("UPDATE held_messages SET retry_at = ?, due_at = min(?, expires_at) "
                        + "WHERE id = ? AND retry_at IS ? AND (retry_at IS NULL OR retry_at <= ?)",
                leaseUntil, leaseUntil, held.id(), held.retryAt().orElse(null), now)) == 1;
    }

    @Override
    public void releaseHeldMessage(HeldMessage message, Instant keepUntil, Optional<String> sentAs) {
        db.transaction(s -> release(s, message.id(), keepUntil, sentAs));
    }

    @Override
    public Optional<String> sentAs(String id) {
        return db.read(s -> s.query("SELECT sent_as FROM released_messages WHERE id = ? AND sent_as IS NOT NULL",
                rs -> rs.getString("sent_as"), id)).stream().findFirst();
    }

    @Override
    public List<HeldMessage> heldMessages(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> distinct = ids.stream().distinct().toList();
        String marks = String.join(", ", java.util.Collections.nCopies(distinct.size(), "?"));
        return db.readTogether(s -> whole(s, s.query(SELECT + "WHERE id IN (" + marks + ")", SqliteOutbox::row,
                distinct.toArray())));
    }

    @Override
    public int withdrawAbout(ChatAddress person, Instant keepUntil) {
        return db.transaction(s -> {
            int withdrawn = 0;
            for (String id : s.query("SELECT DISTINCT message_id FROM held_message_about WHERE address = ?",
                    rs -> rs.getString("message_id"), person)) {
                withdrawn += release(s, id, keepUntil, Optional.empty());
            }
            return withdrawn;
        });
    }

    /** Within a transaction: every message held for the person, with its parts. */
    static void forget(Session s, ChatAddress person) throws SQLException {
        String ofPerson = "WHERE message_id IN (SELECT id FROM held_messages WHERE address = ?)";
        s.update("DELETE FROM held_message_choices " + ofPerson, person);
        s.update("DELETE FROM held_message_buttons " + ofPerson, person);
        s.update("DELETE FROM held_message_about " + ofPerson, person);
        s.update("DELETE FROM held_messages WHERE address = ?", person);
    }

    /** Within a transaction: the remembered ids kept until before the cutoff are forgotten. */
    static void purge(Session s, Instant cutoff) throws SQLException {
        s.update("DELETE FROM released_messages WHERE keep_until < ?", cutoff);
    }

    private static boolean insert(Session s, HeldMessage m) throws SQLException {
        Message message = m.message();
        Optional<SongCard> card = message.card();
        return s.update("INSERT INTO held_messages (id, address, text, card_title, card_subtitle, card_image, "
                        + "card_link, held_at, retry_at, share_id, tries, refusals, expires_at, due_at) "
                        + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM released_messages WHERE id = ?) ON CONFLICT (id) DO NOTHING",
                m.id(), m.to(), message.text(), card.map(SongCard::title).orElse(null),
                card.map(SongCard::subtitle).orElse(null), card.flatMap(SongCard::image).map(URI::toString).orElse(null),
                card.map(c -> c.link().toString()).orElse(null), m.heldAt(), m.retryAt().orElse(null),
                m.shareId().orElse(null), m.tries(), m.refusals(), m.expiresAt(), m.dueAt(), m.id()) == 1;
    }

    /**
     * Deletes the message with its parts and remembers its id, with the platform's id of it if it was sent under one;
     * 1 if it was held, else 0 (nothing changes).
     */
    private static int release(Session s, String id, Instant keepUntil, Optional<String> sentAs) throws SQLException {
        if (s.update("DELETE FROM held_messages WHERE id = ?", id) == 0) {
            return 0;
        }
        s.update("DELETE FROM held_message_choices WHERE message_id = ?", id);
        s.update("DELETE FROM held_message_buttons WHERE message_id = ?", id);
        s.update("DELETE FROM held_message_about WHERE message_id = ?", id);
        s.update("INSERT INTO released_messages (id, keep_until, sent_as) VALUES (?, ?, ?) "
                + "ON CONFLICT (id) DO UPDATE SET keep_until = excluded.keep_until, sent_as = excluded.sent_as", id,
                keepUntil, sentAs.orElse(null));
        return 1;
    }

    private static void insertAbout(Session s, HeldMessage m) throws SQLException {
        for (int i = 0; i < m.about().size(); i++) {
            s.update("INSERT INTO held_message_about (message_id, position, address) VALUES (?, ?, ?)", m.id(), i,
                    m.about().get(i));
        }
    }

    private static void insertParts(Session s, String id, Message message) throws SQLException {
        List<Choice> choices = message.choices();
        for (int i = 0; i < choices.size(); i++) {
            s.update("INSERT INTO held_message_choices (message_id, position, title, payload) VALUES (?, ?, ?, ?)",
                    id, i, choices.get(i).title(), choices.get(i).payload());
        }
        List<Button> buttons = message.card().map(SongCard::buttons).orElse(List.of());
        for (int i = 0; i < buttons.size(); i++) {
            String insert = "INSERT INTO held_message_buttons (message_id, position, title, payload, url) "
                    + "VALUES (?, ?, ?, ?, ?)";
            switch (buttons.get(i)) {
                case Button.Reply reply -> s.update(insert, id, i, reply.title(), reply.payload(), null);
                case Button.Link link -> s.update(insert, id, i, link.title(), null, link.url().toString());
            }
        }
    }

    /** The rows completed with their choices and their card's buttons. */
    private static List<HeldMessage> whole(Session s, List<Row> rows) throws SQLException {
        List<HeldMessage> messages = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<Choice> choices = s.query(CHOICES, rs -> new Choice(rs.getString("title"), rs.getString("payload")),
                    row.id());
            Optional<SongCard> card = row.card().isEmpty() ? Optional.empty()
                    : Optional.of(row.card().get().withButtons(s.query(BUTTONS, SqliteOutbox::button, row.id())));
            List<ChatAddress> about = s.query(ABOUT, rs -> Codec.address(rs, "address"), row.id());
            messages.add(new HeldMessage(row.id(), row.to(), new Message(row.text(), choices, card), row.heldAt(),
                    row.retryAt(), row.shareId(), row.tries(), row.refusals(), row.expiresAt(), about));
        }
        return messages;
    }

    private static Row row(ResultSet rs) throws SQLException {
        String cardTitle = rs.getString("card_title");
        Optional<SongCard> card = cardTitle == null ? Optional.empty()
                : Optional.of(new SongCard(cardTitle, rs.getString("card_subtitle"),
                        Codec.optionalText(rs, "card_image").map(URI::create), URI.create(rs.getString("card_link")),
                        List.of()));
        return new Row(rs.getString("id"), Codec.address(rs, "address"), rs.getString("text"), card,
                Codec.instant(rs, "held_at"), Codec.optionalInstant(rs, "retry_at"), Codec.optionalText(rs, "share_id"),
                rs.getInt("tries"), rs.getInt("refusals"), Codec.instant(rs, "expires_at"));
    }

    private static Button button(ResultSet rs) throws SQLException {
        String payload = rs.getString("payload");
        return payload != null ? new Button.Reply(rs.getString("title"), payload)
                : new Button.Link(rs.getString("title"), URI.create(rs.getString("url")));
    }
}
