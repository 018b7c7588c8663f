-- Send Songs, SQLite schema version 30: a Count me in tapped in a group chat by someone not connected yet, kept (one
-- per person, for a day) so that they are counted in once they have connected.
-- waiting_taps: by person address (<platform>:<id>), the chat they tapped in and when the tap is kept no longer.

CREATE TABLE waiting_taps (
    person_address TEXT PRIMARY KEY,
    chat_address   TEXT NOT NULL,
    expires_at     INTEGER NOT NULL
);
