-- Send Songs, SQLite schema version 23: a song's message in a group chat is posted in the chat's topic where the song
-- was sent (a Telegram forum's topic), and stays there. group_chat_songs.topic is the platform's id of that topic, NULL
-- for the chat itself, as every message of earlier versions was posted.
ALTER TABLE group_chat_songs ADD COLUMN topic TEXT;
