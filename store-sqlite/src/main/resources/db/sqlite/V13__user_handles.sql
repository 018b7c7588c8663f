-- Send Songs, SQLite schema version 13: the handle each registered person has on their platform (a Telegram
-- username), which friends can type as @handle. One row a person; a handle belongs to one person per platform,
-- compared in lower case (handle_key).
CREATE TABLE user_handles (
    address    TEXT PRIMARY KEY,
    platform   TEXT NOT NULL,
    handle_key TEXT NOT NULL
) WITHOUT ROWID;
CREATE UNIQUE INDEX user_handles_by_handle ON user_handles (platform, handle_key);
