-- Send Songs, SQLite schema version 25: a handled mark may carry a short value (an id or a count a run of an event
-- chose, for the event handled again after a crash; never a name or an address). Marks written before carry none.

ALTER TABLE inbound_messages ADD COLUMN kept_value TEXT;
