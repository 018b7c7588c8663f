-- Send Songs, SQLite schema version 10: the sending limits count a sender's shares of the last day on
-- every song sent. The index by sender now carries the columns that count needs (in the order of its
-- ORDER BY, then the receiver, the group send and the id), so it is answered from the index's few
-- pages alone, not from one table page per share: every read connection fetches its pages again
-- after each commit, so each page a read touches costs a read from the file.
DROP INDEX shares_by_sender;
CREATE INDEX shares_by_sender ON shares (sender_address, created_at, seq, receiver_address, group_send_id, id);
