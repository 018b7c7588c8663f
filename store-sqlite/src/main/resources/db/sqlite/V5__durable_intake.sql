-- Send Songs, SQLite schema version 5: acknowledged means kept.
--
-- The inbox: every inbound event the webhook accepted, from before it is answered until it is
-- handled (then it is deleted; its handled mark is in inbound_messages). seq (the rowid) is the order
-- events came in: a person's events are handled in that order. failures counts failed attempts at
-- an event. A person being handled by a worker has a row in inbox_claims until the worker lets go
-- or its lease ends.
CREATE TABLE inbox_events (
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
    CHECK (kind IN ('text', 'choice', 'button', 'link', 'group'))
);
CREATE INDEX inbox_events_by_person ON inbox_events (address, seq);

CREATE TABLE inbox_claims (
    address     TEXT PRIMARY KEY,
    lease_until INTEGER NOT NULL
) WITHOUT ROWID;

-- Handled marks are kept until a time (the event's time plus the dedupe window) instead of being
-- dated when first seen. Marks written before keep the time they were seen, which the purge reads
-- as before (it used to remove them a day after they were seen, and still does).
ALTER TABLE inbound_messages RENAME COLUMN seen_at TO keep_until;

-- Every message is held before it is sent now. tries counts the sends that did not deliver it, and
-- refusals those of them the platform refused for good; a message still held at expires_at is given up; due_at is when it is next due (its retry time, or its expiry when
-- that comes first or it has no retry time). The people a message is about (whose names it carries)
-- are in held_message_about. Ids of messages that left are remembered in released_messages until
-- keep_until, so the same id is never held twice. Messages held before get 14 days from when they
-- were held.
ALTER TABLE held_messages ADD COLUMN tries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE held_messages ADD COLUMN refusals INTEGER NOT NULL DEFAULT 0;
ALTER TABLE held_messages ADD COLUMN expires_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE held_messages ADD COLUMN due_at INTEGER NOT NULL DEFAULT 0;
UPDATE held_messages SET expires_at = held_at + 1209600000, tries = 1;
UPDATE held_messages SET due_at = CASE WHEN retry_at IS NOT NULL AND retry_at < expires_at THEN retry_at
                                       ELSE expires_at END;
DROP INDEX held_messages_by_retry;
CREATE INDEX held_messages_by_due ON held_messages (due_at);

CREATE TABLE held_message_about (
    message_id TEXT NOT NULL,
    position   INTEGER NOT NULL,
    address    TEXT NOT NULL,
    PRIMARY KEY (message_id, position)
) WITHOUT ROWID;
CREATE INDEX held_message_about_by_person ON held_message_about (address);

CREATE TABLE released_messages (
    id         TEXT PRIMARY KEY,
    keep_until INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX released_messages_by_time ON released_messages (keep_until);
