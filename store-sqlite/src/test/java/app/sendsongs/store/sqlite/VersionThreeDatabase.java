package app.sendsongs.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A database file as the schema version 3 code left it: the first three schema scripts, and rows in
 * every table written with the statements that code used (people by bare Messenger PSID, Spotify
 * tokens sealed, held messages as plain text, inbound message ids as Messenger sent them).
 */
final class VersionThreeDatabase {
    static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");
    /** Page-scoped ids as Messenger gives them: digits. */
    static final String ALICE = "7301846259183746";
    static final String BOB = "6582039174625810";
    static final String BOB_TWO = "6582039174625811";
    static final String CAROL = "5920183746501928";
    static final String TRACK_ID = "4uLU6hMCjMI75M1A2tKUQC";
    static final String MID = "m_AbC-dEf_123:456";
    /** Every table the version 3 schema has, but schema_version. */
    static final List<String> TABLES = List.of("users", "oauth_states", "registration_codes", "inbound_messages",
            "held_messages", "shares", "watches", "watch_queue", "watch_leases", "choices", "song_groups",
            "group_members", "group_sends");

    private VersionThreeDatabase() {
    }

    static Instant minutes(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** Writes the file; returns how many rows each table holds. */
    static Map<String, Integer> create(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session s = new Session(connection)) {
            new Migrations("db/sqlite/", List.of("V1__init.sql", "V2__groups.sql", "V3__watch_queue.sql")).apply(s, T0);
            users(s);
            registration(s);
            s.update("INSERT INTO inbound_messages (mid, seen_at) VALUES (?, ?) ON CONFLICT (mid) DO NOTHING", MID,
                    minutes(-5));
            heldMessages(s);
            shares(s);
            watches(s);
            s.update("INSERT INTO choices (psid, command_text, candidate_psids, expires_at) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (psid) DO UPDATE SET command_text = excluded.command_text, "
                            + "candidate_psids = excluded.candidate_psids, expires_at = excluded.expires_at",
                    ALICE, "send_song name:\"Bob Fisher\" spotify:track:" + TRACK_ID,
                    BOB_TWO + '\u001F' + BOB + '\u001F', minutes(10));
            groups(s);
            return counts(s);
        }
    }

    static Map<String, Integer> counts(Session s) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, s.queryOne("SELECT count(*) FROM " + table, rs -> rs.getInt(1)).orElseThrow());
        }
        return counts;
    }

    private static void users(Session s) throws SQLException {
        String insert = "INSERT INTO users (psid, name, name_key, spotify_account_id, access_token, "
                + "access_token_expires_at, refresh_token, grant_state, registered_at, last_message_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (psid) DO UPDATE SET name = excluded.name, name_key = excluded.name_key, "
                + "spotify_account_id = excluded.spotify_account_id, access_token = excluded.access_token, "
                + "access_token_expires_at = excluded.access_token_expires_at, "
                + "refresh_token = excluded.refresh_token, grant_state = excluded.grant_state, "
                + "registered_at = excluded.registered_at, last_message_at = excluded.last_message_at";
        s.update(insert, ALICE, "Alice Smith", "alice smith", "spotify-alice", sealed("access-alice"),
                minutes(60), sealed("refresh-alice"), "ACTIVE", minutes(-600), minutes(-3));
        s.update(insert, BOB, "Bob Fisher", "bob fisher", "spotify-bob", null, minutes(-60), sealed("refresh-bob"),
                "NEEDS_RECONNECT", minutes(-500), minutes(-400));
        s.update(insert, BOB_TWO, "bob fisher", "bob fisher", "spotify-bob-2", sealed("access-bob-2"), minutes(30),
                sealed("refresh-bob-2"), "ACTIVE", minutes(-500), minutes(-1));
        s.update(insert, CAROL, "Carol Jones", "carol jones", "spotify-carol", sealed("access-carol"), minutes(20),
                sealed("refresh-carol"), "ACTIVE", minutes(-300), minutes(-300));
    }

    private static void registration(Session s) throws SQLException {
        s.update("INSERT INTO oauth_states (state, expires_at) VALUES (?, ?)", "state-1", minutes(15));
        s.update("INSERT INTO registration_codes (code, spotify_account_id, access_token, access_token_expires_at, "
                        + "refresh_token, expires_at) VALUES (?, ?, ?, ?, ?, ?)", "ABCD-EFGH", "spotify-dave",
                sealed("access-dave"), minutes(60), sealed("refresh-dave"), minutes(15));
    }

    private static void heldMessages(Session s) throws SQLException {
        String insert = "INSERT INTO held_messages (id, psid, text, held_at, retry_at, share_id) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (id) DO UPDATE SET psid = excluded.psid, text = excluded.text, "
                + "held_at = excluded.held_at, retry_at = excluded.retry_at, share_id = excluded.share_id";
        s.update(insert, "held-song", CAROL, "🎵 Alice sent you a song: Never Gonna Give You Up by Rick Astley\n"
                + "https://open.spotify.com/track/" + TRACK_ID, minutes(-30), null, "share-held");
        s.update(insert, "held-retry", CAROL, "Bob played it.", minutes(-30), minutes(2), null);
        s.update(insert, "held-bob", BOB, "Your Spotify connection ended.", minutes(-20), null, null);
    }

    private static void shares(Session s) throws SQLException {
        String insert = "INSERT INTO shares (sender_psid, receiver_psid, track_id, track_name, track_artists, "
                + "track_duration_ms, track_isrc, track_linked_from, pre, post, created_at, delivered_at, expires_at, "
                + "status, played_at, uncertain, group_send_id, id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        s.update(insert, CAROL, BOB, "7GhIk7Il098yCjg4BQjzvb", "Déjà vu", "Beyoncé\u001FJay-Z\u001F", 240_001L,
                "USSM10603618", "0a1B2c3D4e5F6g7H8i9J0k", "you'll love the bridge", "told you!", minutes(-120),
                minutes(-119), minutes(-119 + 7 * 24 * 60), "WATCHING", null, false, null, "share-to-bob");
        s.update(insert, BOB, CAROL, TRACK_ID, "Never Gonna Give You Up", "Rick Astley\u001F", 213_573L, null, null,
                "", "", minutes(-90), minutes(-80), minutes(-80 + 7 * 24 * 60), "WATCHING", null, true, null,
                "share-to-carol");
        s.update(insert, ALICE, CAROL, TRACK_ID, "Never Gonna Give You Up", "Rick Astley\u001F", 213_573L, null, null,
                "for the road", "", minutes(-30), null, null, "HELD", null, false, "send-1", "share-held");
        s.update(insert, ALICE, BOB, TRACK_ID, "Never Gonna Give You Up", "Rick Astley\u001F", 213_573L, null, null,
                "for the road", "", minutes(-30), minutes(-29), minutes(-29 + 7 * 24 * 60), "PLAYED", minutes(-20),
                false, "send-1", "share-played");
    }

    /** Bob's watch waits in the queue; Carol's was claimed (leased) when the old code stopped. */
    private static void watches(Session s) throws SQLException {
        s.update("INSERT INTO watches (receiver_psid, due_at) VALUES (?, ?)", BOB, minutes(5));
        s.update("INSERT INTO watch_queue (due_at, receiver_psid, checked_through, version) VALUES (?, ?, ?, ?)",
                minutes(5), BOB, minutes(-119), 41L);
        s.update("INSERT INTO watches (receiver_psid, due_at) VALUES (?, ?)", CAROL, minutes(-10));
        s.update("INSERT INTO watch_leases (receiver_psid, lease_until, checked_through, version) VALUES (?, ?, ?, ?)",
                CAROL, minutes(1), minutes(-60), 8L);
    }

    private static void groups(Session s) throws SQLException {
        s.update("INSERT INTO song_groups (id, owner_psid, name, name_key, created_at) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", "group-1", ALICE, "Family", "family", minutes(-1000));
        s.update("INSERT INTO group_members (group_id, member_psid, joined_at) VALUES (?, ?, ?)", "group-1", ALICE,
                minutes(-1000));
        String add = "INSERT INTO group_members (group_id, member_psid, joined_at) SELECT ?, ?, ? "
                + "WHERE EXISTS (SELECT 1 FROM song_groups WHERE id = ?) ON CONFLICT DO NOTHING";
        s.update(add, "group-1", CAROL, minutes(-900), "group-1");
        s.update(add, "group-1", BOB, minutes(-900), "group-1");
        s.update("INSERT INTO group_sends (id, group_id, group_name, sender_psid, sent_at, summarized_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", "send-1", "group-1", "Family", ALICE, minutes(-30), null);
    }

    private static String sealed(String token) {
        return TestTokens.CIPHER.seal(token);
    }
}
