-- Send Songs, SQLite schema version 21: a song's message in a group chat that had to change while the bot was out of
-- the chat (removed from it) waits to be edited until the bot is added back. group_chat_songs.awaiting_bot is 1 for
-- those; the partial index finds a chat's by its address when the bot comes back. Messages of earlier versions were
-- dropped when the bot could not edit them, so none waits.
ALTER TABLE group_chat_songs ADD COLUMN awaiting_bot INTEGER NOT NULL DEFAULT 0;

CREATE INDEX group_chat_songs_awaiting_bot ON group_chat_songs (chat_address, group_send_id) WHERE awaiting_bot = 1;
