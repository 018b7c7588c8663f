-- Send Songs, SQLite schema version 2: groups.
-- A group's owner is also a row in group_members. Group names are unique per owner by name_key
-- (the same normalisation as users.name_key). A group send is one song sent to a group; each
-- member's share points to it through shares.group_send_id.

CREATE TABLE song_groups (
    id         TEXT PRIMARY KEY,
    owner_psid TEXT NOT NULL,
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (owner_psid, name_key)
);

CREATE TABLE group_members (
    group_id    TEXT NOT NULL,
    member_psid TEXT NOT NULL,
    joined_at   INTEGER NOT NULL,
    PRIMARY KEY (group_id, member_psid)
);
CREATE INDEX group_members_by_member ON group_members (member_psid);

CREATE TABLE group_sends (
    id            TEXT PRIMARY KEY,
    group_id      TEXT NOT NULL,
    group_name    TEXT NOT NULL,
    sender_psid   TEXT NOT NULL,
    sent_at       INTEGER NOT NULL,
    summarized_at INTEGER
);
CREATE INDEX group_sends_by_sender ON group_sends (sender_psid);

ALTER TABLE shares ADD COLUMN group_send_id TEXT;
CREATE INDEX shares_by_group_send ON shares (group_send_id) WHERE group_send_id IS NOT NULL;
