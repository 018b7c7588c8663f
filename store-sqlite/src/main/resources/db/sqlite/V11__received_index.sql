-- Send Songs, SQLite schema version 11: a person's contacts (offered as taps on every link they paste,
-- and searched when they name someone by first name) come from whom their latest shares were with.
-- The shares they sent are read from the index by sender alone; this index does the same for the
-- shares they were sent, newest first, so neither read grows with a person's whole history.
CREATE INDEX shares_by_receiver_time ON shares (receiver_address, created_at, seq, sender_address);
