-- Send Songs, SQLite schema version 6: people and registration codes keep a listening connection
-- of any source, and the table of OAuth states keeps the single-use values already used.
--
-- source: the kind of connection, 'spotify', 'lastfm' or 'listenbrainz'. Every connection stored so
-- far is a Spotify one and keeps its columns as they were (spotify_account_id and the tokens);
-- consented_at is when the person consented to Spotify (its grant ends six months later), NULL
-- where it was not kept. A Last.fm or ListenBrainz connection has source_user (the user name
-- there) and source_secret (the Last.fm session key or ListenBrainz user token, sealed with
-- TOKEN_ENCRYPTION_KEY like the Spotify tokens), and no Spotify columns.
--
-- oauth_states: connect states are now signed by the server and stored only when they come back,
-- as used, with the personal links already used to register (state = the used value's id,
-- expires_at = when the record may go). The rows of states handed out before the upgrade are
-- unsigned, so they no longer work: they go.

ALTER TABLE users ADD COLUMN source TEXT NOT NULL DEFAULT 'spotify';
ALTER TABLE users ADD COLUMN consented_at INTEGER;
ALTER TABLE users ADD COLUMN source_user TEXT;
ALTER TABLE users ADD COLUMN source_secret TEXT;

ALTER TABLE registration_codes ADD COLUMN source TEXT NOT NULL DEFAULT 'spotify';
ALTER TABLE registration_codes ADD COLUMN consented_at INTEGER;
ALTER TABLE registration_codes ADD COLUMN source_user TEXT;
ALTER TABLE registration_codes ADD COLUMN source_secret TEXT;

DELETE FROM oauth_states;
