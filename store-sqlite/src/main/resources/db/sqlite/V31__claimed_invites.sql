-- Send Songs, SQLite schema version 31: an invite whose song is being sent to whoever used it (they signed up, or its
-- sender chose them) is marked claimed, so that its sender's cancel, which takes only invites not claimed, does not
-- say nothing was sent while the song goes. Invites kept before are not claimed.

ALTER TABLE invites ADD COLUMN claimed INTEGER NOT NULL DEFAULT 0;
