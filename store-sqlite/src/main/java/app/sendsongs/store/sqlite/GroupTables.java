package app.sendsongs.store.sqlite;

import app.sendsongs.core.group.Group;
import app.sendsongs.core.group.GroupMember;
import app.sendsongs.core.group.GroupSend;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Groups, their members (owners included) and group sends. */
final class GroupTables {
    private static final String GROUP_COLUMNS = "g.id, g.owner_psid, g.name, g.created_at";
    private static final String SEND_COLUMNS = "id, group_id, group_name, sender_psid, sent_at, summarized_at";
    /** A person's groups: run for every group command and every group send. */
    static final String OF_MEMBER = "SELECT " + GROUP_COLUMNS + " FROM group_members m "
            + "JOIN song_groups g ON g.id = m.group_id WHERE m.member_psid = ? ORDER BY g.created_at, g.id";

    private GroupTables() {
    }

    /** Within a transaction: the group (unless the owner has one with this name key) and its owner as a member. */
    static boolean create(Session s, Group group) throws SQLException {
        int inserted = s.update("INSERT INTO song_groups (id, owner_psid, name, name_key, created_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                group.id(), group.ownerPsid(), group.name(), group.nameKey(), group.createdAt());
        if (inserted == 0) {
            return false;
        }
        s.update("INSERT INTO group_members (group_id, member_psid, joined_at) VALUES (?, ?, ?)",
                group.id(), group.ownerPsid(), group.createdAt());
        return true;
    }

    static Optional<Group> find(Session s, String id) throws SQLException {
        return s.queryOne("SELECT " + GROUP_COLUMNS + " FROM song_groups g WHERE g.id = ?", GroupTables::group, id);
    }

    static List<Group> of(Session s, String memberPsid) throws SQLException {
        return s.query(OF_MEMBER, GroupTables::group, memberPsid);
    }

    /** One statement: inserted only if the group exists and the person is not in it yet. */
    static boolean addMember(Session s, GroupMember member) throws SQLException {
        return s.update("INSERT INTO group_members (group_id, member_psid, joined_at) SELECT ?, ?, ? "
                        + "WHERE EXISTS (SELECT 1 FROM song_groups WHERE id = ?) ON CONFLICT DO NOTHING",
                member.groupId(), member.memberPsid(), member.joinedAt(), member.groupId()) == 1;
    }

    static boolean removeMember(Session s, String groupId, String memberPsid) throws SQLException {
        return s.update("DELETE FROM group_members WHERE group_id = ? AND member_psid = ?", groupId, memberPsid) == 1;
    }

    static List<GroupMember> members(Session s, String groupId) throws SQLException {
        return s.query("SELECT group_id, member_psid, joined_at FROM group_members WHERE group_id = ? "
                + "ORDER BY joined_at, member_psid", rs -> new GroupMember(rs.getString("group_id"),
                rs.getString("member_psid"), Codec.instant(rs, "joined_at")), groupId);
    }

    /** Within a transaction. */
    static void delete(Session s, String groupId) throws SQLException {
        s.update("DELETE FROM group_members WHERE group_id = ?", groupId);
        s.update("DELETE FROM song_groups WHERE id = ?", groupId);
    }

    static void insertSend(Session s, GroupSend send) throws SQLException {
        s.update("INSERT INTO group_sends (" + SEND_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", send.id(), send.groupId(),
                send.groupName(), send.senderPsid(), send.sentAt(), send.summarizedAt().orElse(null));
    }

    static Optional<GroupSend> findSend(Session s, String id) throws SQLException {
        return s.queryOne("SELECT " + SEND_COLUMNS + " FROM group_sends WHERE id = ?", GroupTables::send, id);
    }

    /** One conditional UPDATE: of racing callers, only the first finds it unmarked. */
    static boolean markSummarized(Session s, String id, Instant at) throws SQLException {
        return s.update("UPDATE group_sends SET summarized_at = ? WHERE id = ? AND summarized_at IS NULL", at, id) == 1;
    }

    /** Within a transaction: the groups the person owns (with all members), their memberships, their sends. */
    static void forget(Session s, String psid) throws SQLException {
        s.update("DELETE FROM group_members WHERE group_id IN (SELECT id FROM song_groups WHERE owner_psid = ?)", psid);
        s.update("DELETE FROM song_groups WHERE owner_psid = ?", psid);
        s.update("DELETE FROM group_members WHERE member_psid = ?", psid);
        s.update("DELETE FROM group_sends WHERE sender_psid = ?", psid);
    }

    private static Group group(ResultSet rs) throws SQLException {
        return new Group(rs.getString("id"), rs.getString("owner_psid"), rs.getString("name"),
                Codec.instant(rs, "created_at"));
    }

    private static GroupSend send(ResultSet rs) throws SQLException {
        return new GroupSend(rs.getString("id"), rs.getString("group_id"), rs.getString("group_name"),
                rs.getString("sender_psid"), Codec.instant(rs, "sent_at"), Codec.optionalInstant(rs, "summarized_at"));
    }
}
