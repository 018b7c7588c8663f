-- Send Songs, SQLite schema version 14: the platform's id of a message that left the outbox sent (a Telegram
-- message_id), remembered with the message's id, so a group chat's post can be edited later however it went out.
ALTER TABLE released_messages ADD COLUMN sent_as TEXT;
