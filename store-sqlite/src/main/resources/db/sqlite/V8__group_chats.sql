-- Send Songs, SQLite schema version 8: group chats (Telegram groups the bot is in), and people who cannot be reached.
-- group_chat_members: who is counted in for a chat, by chat and person address (<platform>:<id>).
-- group_chat_songs: the chat message of a song sent in a chat (by its group send), the reference of the posted
-- message, and when it must be posted or edited again (null while it shows the latest).

CREATE TABLE group_chat_members (
    chat_address   TEXT NOT NULL,
    person_address TEXT NOT NULL,
    joined_at      INTEGER NOT NULL,
    PRIMARY KEY (chat_address, person_address)
);
CREATE INDEX group_chat_members_by_person ON group_chat_members (person_address);

CREATE TABLE group_chat_songs (
    group_send_id TEXT PRIMARY KEY,
    chat_address  TEXT NOT NULL,
    message_ref   TEXT,
    update_due_at INTEGER
);
CREATE INDEX group_chat_songs_due ON group_chat_songs (update_due_at, group_send_id) WHERE update_due_at IS NOT NULL;

-- unreachable_people: when a chat platform last said it cannot reach a person (they blocked the bot); a person who
-- wrote to the bot since is reachable again.
CREATE TABLE unreachable_people (
    person_address TEXT PRIMARY KEY,
    since          INTEGER NOT NULL
);
