-- Send Songs, SQLite schema version 17: name keys compare every apostrophe as the plain one ("O’Brien", as a phone
-- types it, and "O'Brien" find each other), so the keys written before are folded the same way: ‘ ’ ‛ ʼ ′ become '.
-- Two groups of one owner whose names differed only in their apostrophes would now share a key: the second keeps its
-- old key (OR IGNORE) and is still listed, renamed or deleted as before; only typing its name finds the first.
UPDATE users SET name_key = replace(replace(replace(replace(replace(name_key,
    '‘', ''''), '’', ''''), '‛', ''''), 'ʼ', ''''), '′', '''')
WHERE name_key GLOB '*[‘’‛ʼ′]*';
UPDATE OR IGNORE song_groups SET name_key = replace(replace(replace(replace(replace(name_key,
    '‘', ''''), '’', ''''), '‛', ''''), 'ʼ', ''''), '′', '''')
WHERE name_key GLOB '*[‘’‛ʼ′]*';
