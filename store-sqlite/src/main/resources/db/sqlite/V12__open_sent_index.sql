-- Send Songs, SQLite schema version 12: `pending` and `cancel` list the songs a person sent that are
-- still open (held or watched). They read every share the person ever sent to find those. This index
-- holds the open shares only, by sender in the order the list shows them, so the read finds them at once.
CREATE INDEX shares_open_by_sender ON shares (sender_address, created_at, seq)
    WHERE status IN ('HELD', 'WATCHING');
