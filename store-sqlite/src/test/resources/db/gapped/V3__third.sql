-- a script after the gap
CREATE TABLE third (id TEXT PRIMARY KEY);
