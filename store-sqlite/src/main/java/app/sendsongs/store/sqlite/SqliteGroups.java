package app.sendsongs.store.sqlite;

import app.sendsongs.core.group.Group;
import app.sendsongs.core.group.GroupMember;
import app.sendsongs.core.group.GroupSend;
import app.sendsongs.core.group.GroupStore;
import app.sendsongs.core.shared.ChatAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Groups ({@code song_groups}, unique per owner by name key), their members, owners included
 * ({@code group_members}), and group sends ({@code group_sends}).
 */
final class SqliteGroups implements GroupStore {
    private static final String GROUP_COLUMNS = "g.id, g.owner_address, g.name, g.created_at";
    private static final String SEND_COLUMNS = "id, group_id, group_name, sender_address, sent_at, summarized_at";
    /** A person's groups: run for every group command and every group send; package-visible for the query-plan test. */
    static final String OF_MEMBER = "SELECT " + GROUP_COLUMNS + " FROM group_members m "
            + "JOIN song_groups g ON g.id = m.group_id WHERE m.member_address = ? ORDER BY g.created_at, g.id";

    private final Database db;

    SqliteGroups(Database db) {
        this.db = db;
    }

    /** One transaction: the group (unless the owner has one with this name key) and its owner as a member. */
    @Override
    public boolean createGroup(Group group) {
        return db.transaction(s -> {
            int inserted = s.update("INSERT INTO song_groups (id, owner_address, name, name_key, created_at) "
                            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    group.id(), group.owner(), group.name(), group.nameKey(), group.createdAt());
            if (inserted == 0) {
                return false;
            }
            s.update("INSERT INTO group_members (group_id, member_address, joined_at) VALUES (?, ?, ?)",
                    group.id(), group.owner(), group.createdAt());
            return true;
        });
    }

    @Override
    public Optional<Group> findGroup(String groupId) {
        return db.read(s -> s.queryOne("SELECT " + GROUP_COLUMNS + " FROM song_groups g WHERE g.id = ?",
                SqliteGroups::group, groupId));
    }

    @Override
    public List<Group> groupsOf(ChatAddress member) {
        return db.read(s -> s.query(OF_MEMBER, SqliteGroups::group, member));
    }

    /** One statement: inserted only if the group exists and the person is not in it yet. */
    @Override
    public boolean addMember(GroupMember member) {
        return db.write(s -> s.update("INSERT INTO group_members (group_id, member_address, joined_at) "
                        + "SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM song_groups WHERE id = ?) ON CONFLICT DO NOTHING",
                member.groupId(), member.member(), member.joinedAt(), member.groupId())) == 1;
    }

    @Override
    public boolean removeMember(String groupId, ChatAddress member) {
        return db.write(s -> s.update("DELETE FROM group_members WHERE group_id = ? AND member_address = ?",
                groupId, member)) == 1;
    }

    @Override
    public List<GroupMember> membersOf(String groupId) {
        return db.read(s -> s.query("SELECT group_id, member_address, joined_at FROM group_members "
                        + "WHERE group_id = ? ORDER BY joined_at, member_address",
                rs -> new GroupMember(rs.getString("group_id"), Codec.address(rs, "member_address"),
                        Codec.instant(rs, "joined_at")), groupId));
    }

    @Override
    public void deleteGroup(String groupId) {
        db.transaction(s -> {
            s.update("DELETE FROM group_members WHERE group_id = ?", groupId);
            return s.update("DELETE FROM song_groups WHERE id = ?", groupId);
        });
    }

    @Override
    public boolean insertGroupSend(GroupSend send) {
        return db.write(s -> s.update("INSERT INTO group_sends (" + SEND_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (id) DO NOTHING", send.id(), send.groupId(), send.groupName(), send.sender(),
                send.sentAt(), send.summarizedAt().orElse(null))) == 1;
    }

    @Override
    public Optional<GroupSend> findGroupSend(String id) {
        return db.read(s -> s.queryOne("SELECT " + SEND_COLUMNS + " FROM group_sends WHERE id = ?",
                SqliteGroups::send, id));
    }

    /** One conditional UPDATE: of racing callers, only the first finds it unmarked. */
    @Override
    public boolean moveGroupSend(String id, String groupId) {
        return db.write(s -> s.update("UPDATE group_sends SET group_id = ? WHERE id = ?", groupId, id)) == 1;
    }

    @Override
    public boolean markGroupSendSummarized(String id, Instant at) {
        return db.write(s -> s.update("UPDATE group_sends SET summarized_at = ? WHERE id = ? AND summarized_at IS NULL",
                at, id)) == 1;
    }

    /** Within a transaction: the groups the person owns (with all members), their memberships, their sends. */
    static void forget(Session s, ChatAddress person) throws SQLException {
        s.update("DELETE FROM group_members WHERE group_id IN (SELECT id FROM song_groups WHERE owner_address = ?)",
                person);
        s.update("DELETE FROM song_groups WHERE owner_address = ?", person);
        s.update("DELETE FROM group_members WHERE member_address = ?", person);
        s.update("DELETE FROM group_sends WHERE sender_address = ?", person);
    }

    private static Group group(ResultSet rs) throws SQLException {
        return new Group(rs.getString("id"), Codec.address(rs, "owner_address"), rs.getString("name"),
                Codec.instant(rs, "created_at"));
    }

    private static GroupSend send(ResultSet rs) throws SQLException {
        return new GroupSend(rs.getString("id"), rs.getString("group_id"), rs.getString("group_name"),
                Codec.address(rs, "sender_address"), Codec.instant(rs, "sent_at"),
                Codec.optionalInstant(rs, "summarized_at"));
    }
}
