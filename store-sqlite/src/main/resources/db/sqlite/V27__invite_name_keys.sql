-- Send Songs, SQLite schema version 27: invites nobody has opened are found by the key of the name they were made
-- for (as users.name_key is made), so that someone signing up under that name is offered to the invites' senders.
-- The keys of the invites made before are filled by this version's step in Java (NameKeys), which SQL cannot compute.
ALTER TABLE invites ADD COLUMN friend_name_key TEXT NOT NULL DEFAULT '';
CREATE INDEX invites_unopened_by_friend_name ON invites (friend_name_key, created_at, token)
    WHERE friend_address IS NULL;
