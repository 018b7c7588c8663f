-- Send Songs, SQLite schema version 1.
-- Times are epoch milliseconds (INTEGER), durations milliseconds, lists are strings whose items
-- each end with U+001F (unit separator). No foreign keys: every delete is explicit.

CREATE TABLE users (
    psid                    TEXT PRIMARY KEY,
    name                    TEXT NOT NULL,
    name_key                TEXT NOT NULL,
    spotify_account_id      TEXT,
    access_token            TEXT,
    access_token_expires_at INTEGER,
    refresh_token           TEXT,
    grant_state             TEXT,
    registered_at           INTEGER,
    last_message_at         INTEGER
);
CREATE INDEX users_by_name ON users (name_key, registered_at);

CREATE TABLE oauth_states (
    state      TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL
);

CREATE TABLE registration_codes (
    code                    TEXT PRIMARY KEY,
    spotify_account_id      TEXT,
    access_token            TEXT,
    access_token_expires_at INTEGER,
    refresh_token           TEXT,
    expires_at              INTEGER NOT NULL
);

CREATE TABLE inbound_messages (
    mid     TEXT PRIMARY KEY,
    seen_at INTEGER NOT NULL
);
CREATE INDEX inbound_messages_by_time ON inbound_messages (seen_at);

-- seq (the rowid) keeps insertion order among messages held at the same millisecond.
CREATE TABLE held_messages (
    seq      INTEGER PRIMARY KEY,
    id       TEXT NOT NULL UNIQUE,
    psid     TEXT NOT NULL,
    text     TEXT NOT NULL,
    held_at  INTEGER NOT NULL,
    retry_at INTEGER,
    share_id TEXT
);
CREATE INDEX held_messages_by_person ON held_messages (psid, held_at);
CREATE INDEX held_messages_by_retry ON held_messages (retry_at) WHERE retry_at IS NOT NULL;

CREATE TABLE shares (
    seq               INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    sender_psid       TEXT NOT NULL,
    receiver_psid     TEXT NOT NULL,
    track_id          TEXT NOT NULL,
    track_name        TEXT NOT NULL,
    track_artists     TEXT NOT NULL,
    track_duration_ms INTEGER NOT NULL,
    track_isrc        TEXT,
    track_linked_from TEXT,
    pre               TEXT NOT NULL,
    post              TEXT NOT NULL,
    created_at        INTEGER NOT NULL,
    delivered_at      INTEGER,
    expires_at        INTEGER,
    status            TEXT NOT NULL,
    played_at         INTEGER,
    uncertain         INTEGER NOT NULL
);
CREATE INDEX shares_by_sender ON shares (sender_psid, created_at);
CREATE INDEX shares_by_receiver ON shares (receiver_psid, status, delivered_at);

CREATE TABLE watches (
    receiver_psid   TEXT PRIMARY KEY,
    due_at          INTEGER NOT NULL,
    checked_through INTEGER NOT NULL,
    version         INTEGER NOT NULL
);
CREATE INDEX watches_by_due ON watches (due_at);

CREATE TABLE choices (
    psid            TEXT PRIMARY KEY,
    command_text    TEXT NOT NULL,
    candidate_psids TEXT NOT NULL,
    expires_at      INTEGER NOT NULL
);
