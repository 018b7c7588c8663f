-- Send Songs, SQLite schema version 24: when a person had each of their former names, so that one finds them only for
-- someone who exchanged a song with them then. users.named_at is when they took the name they have (NULL: when they
-- registered). users.former_names_held has a line for each line of users.former_names, in the same order:
-- "<from> <until>", epoch milliseconds, when they took that name and when they left it. The former names of earlier
-- versions came without times: this version's step (FormerNameTimes) writes each as held from the person's
-- registration until their last message before the upgrade (a change of name is one of their messages), so the
-- friends who exchanged songs with them before the upgrade still find them by it, and nobody who meets them after.
ALTER TABLE users ADD COLUMN named_at INTEGER;
ALTER TABLE users ADD COLUMN former_names_held TEXT;
