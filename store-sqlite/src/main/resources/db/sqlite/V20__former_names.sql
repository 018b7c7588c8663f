-- Send Songs, SQLite schema version 20: the names a person changed from, the latest first, at most three, each on a
-- line of its own (a name holds no line break), or NULL when they have had no other. Friends who knew them by one
-- still find them by it; the users of earlier versions have had no other, so nothing is filled in.
ALTER TABLE users ADD COLUMN former_names TEXT;
