-- Send Songs, SQLite schema version 3: the due order of listen checks in a table of its own.
-- A claim used to move each claimed watch's due time in the watches table, where rows lie in the
-- order they were created: with a million watches, 1,000 claimed rows meant some 1,000 table pages
-- read and written. Now:
--   watches       one row per receiver, the due time under which its queue entry is filed;
--   watch_queue   the watches not being checked, by (due time, receiver): a claim takes its
--                 entries from the front, a few contiguous pages at any size;
--   watch_leases  the watches being checked (claimed, not yet completed), with the lease end as
--                 their due time; small, since a tick completes what it claims.
-- A watch has exactly one of a queue entry or a lease row; its read position and version live there.

CREATE TABLE watch_queue (
    due_at          INTEGER NOT NULL,
    receiver_psid   TEXT NOT NULL,
    checked_through INTEGER NOT NULL,
    version         INTEGER NOT NULL,
    PRIMARY KEY (due_at, receiver_psid)
) WITHOUT ROWID;

CREATE TABLE watch_leases (
    receiver_psid   TEXT PRIMARY KEY,
    lease_until     INTEGER NOT NULL,
    checked_through INTEGER NOT NULL,
    version         INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX watch_leases_by_end ON watch_leases (lease_until);

-- A watch claimed when the file is upgraded is filed under its lease end: due again then, as an
-- expired lease would be.
INSERT INTO watch_queue (due_at, receiver_psid, checked_through, version)
    SELECT due_at, receiver_psid, checked_through, version FROM watches;
DROP INDEX watches_by_due;
ALTER TABLE watches DROP COLUMN checked_through;
ALTER TABLE watches DROP COLUMN version;
