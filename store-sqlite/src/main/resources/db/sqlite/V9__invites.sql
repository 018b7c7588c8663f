-- Send Songs, SQLite schema version 9: songs for friends who have not registered yet. The token is what the
-- invite's link carries; friend_address is whoever opened the link first (NULL until someone has).
-- (Version 8 belongs to another change; scripts are applied by the versions a file lacks, in order.)
CREATE TABLE invites (
    token          TEXT PRIMARY KEY,
    sender_address TEXT NOT NULL,
    friend_name    TEXT NOT NULL,
    track_id       TEXT NOT NULL,
    title          TEXT NOT NULL,
    pre            TEXT NOT NULL,
    post           TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL,
    friend_address TEXT
) WITHOUT ROWID;
CREATE INDEX invites_by_sender ON invites (sender_address);
CREATE INDEX invites_by_friend ON invites (friend_address) WHERE friend_address IS NOT NULL;
CREATE INDEX invites_by_expiry ON invites (expires_at);
