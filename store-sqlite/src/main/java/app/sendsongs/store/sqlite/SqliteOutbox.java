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
 * Held messages, kept whole: {@code held_messages} (one row per message, with its text and the
 * fields of its card, if any) and, in order, its choices ({@code held_message_choices}) and its
 * card's buttons ({@code held_message_buttons}). A message is read with one statement per part, in
 * one read transaction so its parts match it; such small indexed reads are cheap in SQLite, and a
 * person's queue is a few messages.
 */
final class SqliteOutbox implements OutboxStore {
    private static final String SELECT = "SELECT id, address, text, card_title, card_subtitle, card_image, "
            + "card_link, held_at, retry_at, share_id FROM held_messages ";
    /** Uses the partial index on retry_at; package-visible for the query-plan test. */
    static final String DUE_FOR_RETRY = SELECT + "WHERE retry_at IS NOT NULL AND retry_at <= ? "
            + "ORDER BY retry_at, seq LIMIT ?";
    /** A message's choices in order; package-visible for the query-plan test. */
    static final String CHOICES = "SELECT title, payload FROM held_message_choices WHERE message_id = ? "
            + "ORDER BY position";
    private static final String BUTTONS = "SELECT title, payload, url FROM held_message_buttons WHERE message_id = ? "
            + "ORDER BY position";

    /** A row of held_messages: the message without its choices and its card's buttons. */
    private record Row(String id, ChatAddress to, String text, Optional<SongCard> card, Instant heldAt,
                       Optional<Instant> retryAt, Optional<String> shareId) {
    }

    private final Database db;

    SqliteOutbox(Database db) {
        this.db = db;
    }

    /** Inserts, or replaces the message with the same id in place (it keeps its queue position). */
    @Override
    public void holdMessage(HeldMessage m) {
        Message message = m.message();
        Optional<SongCard> card = message.card();
        db.transaction(s -> {
            s.update("INSERT INTO held_messages (id, address, text, card_title, card_subtitle, card_image, card_link, "
                            + "held_at, retry_at, share_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                            + "ON CONFLICT (id) DO UPDATE SET address = excluded.address, text = excluded.text, "
                            + "card_title = excluded.card_title, card_subtitle = excluded.card_subtitle, "
                            + "card_image = excluded.card_image, card_link = excluded.card_link, "
                            + "held_at = excluded.held_at, retry_at = excluded.retry_at, share_id = excluded.share_id",
                    m.id(), m.to(), message.text(), card.map(SongCard::title).orElse(null),
                    card.map(SongCard::subtitle).orElse(null),
                    card.flatMap(SongCard::image).map(URI::toString).orElse(null),
                    card.map(c -> c.link().toString()).orElse(null), m.heldAt(), m.retryAt().orElse(null),
                    m.shareId().orElse(null));
            deleteParts(s, m.id());
            insertParts(s, m.id(), message);
            return null;
        });
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
        return db.write(s -> s.update("UPDATE held_messages SET retry_at = ? "
                        + "WHERE id = ? AND retry_at IS ? AND (retry_at IS NULL OR retry_at <= ?)",
                leaseUntil, held.id(), held.retryAt().orElse(null), now)) == 1;
    }

    @Override
    public void releaseHeldMessage(String id) {
        db.transaction(s -> {
            deleteParts(s, id);
            s.update("DELETE FROM held_messages WHERE id = ?", id);
            return null;
        });
    }

    /** Within a transaction: every message held for the person, with its parts. */
    static void forget(Session s, ChatAddress person) throws SQLException {
        String ofPerson = "WHERE message_id IN (SELECT id FROM held_messages WHERE address = ?)";
        s.update("DELETE FROM held_message_choices " + ofPerson, person);
        s.update("DELETE FROM held_message_buttons " + ofPerson, person);
        s.update("DELETE FROM held_messages WHERE address = ?", person);
    }

    private static void deleteParts(Session s, String id) throws SQLException {
        s.update("DELETE FROM held_message_choices WHERE message_id = ?", id);
        s.update("DELETE FROM held_message_buttons WHERE message_id = ?", id);
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
            messages.add(new HeldMessage(row.id(), row.to(), new Message(row.text(), choices, card), row.heldAt(),
                    row.retryAt(), row.shareId()));
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
                Codec.instant(rs, "held_at"), Codec.optionalInstant(rs, "retry_at"), Codec.optionalText(rs, "share_id"));
    }

    private static Button button(ResultSet rs) throws SQLException {
        String payload = rs.getString("payload");
        return payload != null ? new Button.Reply(rs.getString("title"), payload)
                : new Button.Link(rs.getString("title"), URI.create(rs.getString("url")));
    }
}
