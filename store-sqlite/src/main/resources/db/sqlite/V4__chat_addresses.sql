-- Send Songs, SQLite schema version 4: people by chat platform and id; held messages kept whole.
--
-- Every column that named a person held a Messenger page-scoped id (PSID). It now holds the
-- person's chat address in its stable form, '<platform>:<id>' (ChatAddress.key()), and is renamed
-- to say so. Everyone stored so far is on Messenger: '<psid>' becomes 'messenger:<psid>'.
-- Inbound message ids become delivery keys the same way ('<mid>' becomes 'messenger:<mid>'), so a
-- message redelivered across the upgrade is still recognised.
--
-- A held message now keeps a whole message: its text, its tap choices (held_message_choices, in
-- order), and an optional song card (the card_ columns, card_title NULL when there is none) with
-- its buttons (held_message_buttons, in order: a reply button has a payload, a link button a url).
-- The messages held so far are text only: they keep their text and get no choices and no card.
-- Parts are keyed by the message's id and deleted with it (no foreign keys: every delete is explicit).

ALTER TABLE users RENAME COLUMN psid TO address;
UPDATE users SET address = 'messenger:' || address;

ALTER TABLE inbound_messages RENAME COLUMN mid TO delivery_key;
UPDATE inbound_messages SET delivery_key = 'messenger:' || delivery_key;

ALTER TABLE held_messages RENAME COLUMN psid TO address;
UPDATE held_messages SET address = 'messenger:' || address;
ALTER TABLE held_messages ADD COLUMN card_title TEXT;
ALTER TABLE held_messages ADD COLUMN card_subtitle TEXT;
ALTER TABLE held_messages ADD COLUMN card_image TEXT;
ALTER TABLE held_messages ADD COLUMN card_link TEXT;

CREATE TABLE held_message_choices (
    message_id TEXT NOT NULL,
    position   INTEGER NOT NULL,
    title      TEXT NOT NULL,
    payload    TEXT NOT NULL,
    PRIMARY KEY (message_id, position)
) WITHOUT ROWID;

CREATE TABLE held_message_buttons (
    message_id TEXT NOT NULL,
    position   INTEGER NOT NULL,
    title      TEXT NOT NULL,
    payload    TEXT,
    url        TEXT,
    PRIMARY KEY (message_id, position),
    CHECK ((payload IS NULL) <> (url IS NULL))
) WITHOUT ROWID;

ALTER TABLE shares RENAME COLUMN sender_psid TO sender_address;
ALTER TABLE shares RENAME COLUMN receiver_psid TO receiver_address;
UPDATE shares SET sender_address = 'messenger:' || sender_address,
                  receiver_address = 'messenger:' || receiver_address;

ALTER TABLE watches RENAME COLUMN receiver_psid TO receiver_address;
UPDATE watches SET receiver_address = 'messenger:' || receiver_address;
ALTER TABLE watch_queue RENAME COLUMN receiver_psid TO receiver_address;
UPDATE watch_queue SET receiver_address = 'messenger:' || receiver_address;
ALTER TABLE watch_leases RENAME COLUMN receiver_psid TO receiver_address;
UPDATE watch_leases SET receiver_address = 'messenger:' || receiver_address;

-- The candidates are a list whose items each end with U+001F: the first item and every item after
-- a separator get the prefix (the last separator, which ends the list, is put back after).
ALTER TABLE choices RENAME COLUMN psid TO address;
ALTER TABLE choices RENAME COLUMN candidate_psids TO candidate_addresses;
UPDATE choices SET address = 'messenger:' || address;
UPDATE choices SET candidate_addresses = 'messenger:'
        || replace(substr(candidate_addresses, 1, length(candidate_addresses) - 1), char(31), char(31) || 'messenger:')
        || char(31)
    WHERE candidate_addresses <> '';

ALTER TABLE song_groups RENAME COLUMN owner_psid TO owner_address;
UPDATE song_groups SET owner_address = 'messenger:' || owner_address;
ALTER TABLE group_members RENAME COLUMN member_psid TO member_address;
UPDATE group_members SET member_address = 'messenger:' || member_address;
ALTER TABLE group_sends RENAME COLUMN sender_psid TO sender_address;
UPDATE group_sends SET sender_address = 'messenger:' || sender_address;
