package app.sendsongs.store.sqlite;

import app.sendsongs.core.shared.ChatAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How values are kept in columns: instants as epoch ms, people as their {@link ChatAddress#key() address
 * key}, lists as unit-separator-terminated items.
 */
final class Codec {
    /** Ends every list item; never part of a name, an address or an artist. */
    static final char END_OF_ITEM = '\u001F';

    private Codec() {
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(instant(rs, column));
    }

    static Optional<String> optionalText(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    static ChatAddress address(ResultSet rs, String column) throws SQLException {
        return ChatAddress.parse(rs.getString(column));
    }

    static String addresses(List<ChatAddress> addresses) {
        return list(addresses.stream().map(ChatAddress::key).toList());
    }

    static List<ChatAddress> addresses(String text) {
        return list(text).stream().map(ChatAddress::parse).toList();
    }

    /** Each item followed by U+001F, so an empty list and a list of one empty item differ. */
    static String list(List<String> items) {
        StringBuilder text = new StringBuilder();
        for (String item : items) {
            if (item.indexOf(END_OF_ITEM) >= 0) {
                throw new IllegalArgumentException("a list item contains U+001F");
            }
            text.append(item).append(END_OF_ITEM);
        }
        return text.toString();
    }

    static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf(END_OF_ITEM); end >= 0; end = text.indexOf(END_OF_ITEM, start)) {
            items.add(text.substring(start, end));
            start = end + 1;
        }
        return List.copyOf(items);
    }
}
