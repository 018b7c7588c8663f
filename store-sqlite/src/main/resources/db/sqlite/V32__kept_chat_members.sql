-- Send Songs, SQLite schema version 32: a group chat's title kept with each person counted in for it (as learnt from
-- the chat's events, so no call to the platform is needed to know what a chat is called), and the people counted in
-- when the bot was removed from a chat, kept for a while to be counted in again if it is added back.
-- group_chat_members.title: the chat's title; null for someone counted in before this version.
-- kept_chat_members: by chat and person address, as they were counted in, and until when they are kept.

ALTER TABLE group_chat_members ADD COLUMN title TEXT;

CREATE TABLE kept_chat_members (
    chat_address   TEXT NOT NULL,
    person_address TEXT NOT NULL,
    joined_at      INTEGER NOT NULL,
    title          TEXT,
    kept_until     INTEGER NOT NULL,
    PRIMARY KEY (chat_address, person_address)
);

CREATE INDEX kept_chat_members_by_person ON kept_chat_members (person_address);
