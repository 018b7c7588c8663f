-- Send Songs, SQLite schema version 7: what people chose about the songs friends send them, the share each
-- person has started from a pasted link and not finished, and shares whose receiver does not share receipts.
-- (Versions 5 and 6 belong to other changes; scripts are applied by the versions a file lacks, in order.)

-- 1 when the receiver does not share receipts with the sender: the sender is never told how it went.
ALTER TABLE shares ADD COLUMN receipts_off INTEGER NOT NULL DEFAULT 0;

-- A person's choices: whether senders are told when they play their songs, and one rule per sender
-- ('BLOCKED', 'RECEIPTS_OFF', 'RECEIPTS_ON'). A person who chose nothing has no row.
CREATE TABLE receiver_preferences (
    receiver_address    TEXT PRIMARY KEY,
    receipts_by_default INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE sender_rules (
    receiver_address TEXT NOT NULL,
    sender_address   TEXT NOT NULL,
    rule             TEXT NOT NULL,
    PRIMARY KEY (receiver_address, sender_address)
) WITHOUT ROWID;

-- One unfinished share per person. recipient and the offered ones are Recipient keys ('person:<address key>',
-- 'group:<group id>'); offered is a list whose items each end with U+001F.
CREATE TABLE share_drafts (
    address    TEXT PRIMARY KEY,
    track_id   TEXT NOT NULL,
    title      TEXT NOT NULL,
    pre        TEXT NOT NULL,
    post       TEXT NOT NULL,
    stage      TEXT NOT NULL,
    recipient  TEXT,
    offered    TEXT NOT NULL,
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX share_drafts_by_expiry ON share_drafts (expires_at);
