-- Send Songs, SQLite schema version 27: invites nobody has opened are found by the key of the name they were made
-- for (as users.name_key is made), so that someone signing up under that name is offered to the invites' senders.
-- The keys of the invites made before are filled by this version's step in Java (NameKeys), which SQL cannot compute.
ALTER TABLE invites ADD COLUMN friend_name_key TEXT NOT NULL DEFAULT '';
CREATE INDEX invites_unopened_by_friend_name ON invites (friend_name_key, created_at, token)
    WHERE friend_address IS NULL;
-- What became of an invite once it ended (used, cancelled or expired), by its token, until keep_until, so that its
-- link opened again says so; used_by_address is who got its song (NULL unless it was used). Forgetting the sender or
-- whoever used it deletes the row.
CREATE TABLE ended_invites (
    token           TEXT PRIMARY KEY,
    how             TEXT NOT NULL,
    sender_address  TEXT NOT NULL,
    used_by_address TEXT,
    title           TEXT NOT NULL,
    ended_at        INTEGER NOT NULL,
    keep_until      INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX ended_invites_by_sender ON ended_invites (sender_address);
CREATE INDEX ended_invites_by_user ON ended_invites (used_by_address) WHERE used_by_address IS NOT NULL;
CREATE INDEX ended_invites_by_keep_until ON ended_invites (keep_until);
