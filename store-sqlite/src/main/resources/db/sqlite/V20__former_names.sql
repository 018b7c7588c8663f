-- Send Songs, SQLite schema version 20: the names a person changed from. users.former_names keeps them as shown, the
-- latest first, at most three, each on a line of its own (a name holds no line break), or NULL when they have had no
-- other; former_name_keys finds people by them (Names.key, as users.name_key), so that friends who knew someone by
-- a name they changed from still find them by it. The users of earlier versions have had no other name, so nothing
-- is filled in.
ALTER TABLE users ADD COLUMN former_names TEXT;

CREATE TABLE former_name_keys (
    address  TEXT NOT NULL,
    name_key TEXT NOT NULL,
    PRIMARY KEY (address, name_key)
) WITHOUT ROWID;

CREATE INDEX former_name_keys_by_key ON former_name_keys (name_key);
