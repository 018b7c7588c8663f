-- Send Songs, SQLite schema version 28: an inbox event may also be of kind 'edited' (a person edited a message they
-- had sent; the bot answers that it reads only new messages). SQLite cannot change a CHECK constraint, so inbox_events
-- is made anew with the new kind allowed and its rows copied over as they are, as version 22 did: events waiting across
-- the upgrade are handled as before.

CREATE TABLE inbox_events_28 (
    seq          INTEGER PRIMARY KEY,
    delivery_key TEXT NOT NULL UNIQUE,
    address      TEXT NOT NULL,
    kind         TEXT NOT NULL,
    event_id     TEXT NOT NULL,
    at           INTEGER NOT NULL,
    body         TEXT NOT NULL,
    title        TEXT,
    received_at  INTEGER NOT NULL,
    failures     INTEGER NOT NULL DEFAULT 0,
    CHECK (kind IN ('text', 'choice', 'button', 'link', 'group', 'unblocked', 'blocked', 'unreadable', 'edited'))
);
INSERT INTO inbox_events_28 (seq, delivery_key, address, kind, event_id, at, body, title, received_at, failures)
    SELECT seq, delivery_key, address, kind, event_id, at, body, title, received_at, failures FROM inbox_events;
DROP TABLE inbox_events;
ALTER TABLE inbox_events_28 RENAME TO inbox_events;
CREATE INDEX inbox_events_by_person ON inbox_events (address, seq);
