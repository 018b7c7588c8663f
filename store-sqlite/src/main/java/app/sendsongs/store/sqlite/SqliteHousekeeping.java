package app.sendsongs.store.sqlite;

import app.sendsongs.core.bot.Housekeeping;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;

/** What crosses every part: forgetting a person and purging expired leftovers, each one transaction. */
final class SqliteHousekeeping implements Housekeeping {
    private final Database db;

    SqliteHousekeeping(Database db) {
        this.db = db;
    }

    /**
     * The person's user, the shares they sent or received, their watch, held messages, open question and
     * unfinished share, their choices about senders, the groups they own (with their members), their memberships
     * and their group sends, the group chats they are counted in for, and whether they could be reached.
     */
    @Override
    public void forgetPerson(ChatAddress person) {
        db.transaction(s -> {
            SqliteUsers.delete(s, person);
            SqliteShares.delete(s, person);
            SqliteWatches.delete(s, person);
            SqliteOutbox.forget(s, person);
            SqliteChoices.delete(s, person);
            SqliteDrafts.delete(s, person);
            SqliteInvites.delete(s, person);
            SqlitePreferences.delete(s, person);
            SqliteGroups.forget(s, person);
            SqliteGroupChats.forget(s, person);
            SqliteReach.forget(s, person);
            return null;
        });
    }

    @Override
    public void purgeBefore(Instant cutoff) {
        db.transaction(s -> {
            s.update("DELETE FROM oauth_states WHERE expires_at < ?", cutoff);
            s.update("DELETE FROM registration_codes WHERE expires_at < ?", cutoff);
            s.update("DELETE FROM choices WHERE expires_at < ?", cutoff);
            s.update("DELETE FROM share_drafts WHERE expires_at < ?", cutoff);
            s.update("DELETE FROM waiting_taps WHERE expires_at < ?", cutoff);
            s.update("DELETE FROM kept_chat_members WHERE kept_until < ?", cutoff);
            s.update("DELETE FROM inbound_messages WHERE keep_until < ?", cutoff);
            s.update("DELETE FROM ended_invites WHERE keep_until < ?", cutoff);
            SqliteOutbox.purge(s, cutoff);
            SqliteInbox.purge(s, cutoff);
            return null;
        });
    }
}
