-- a first script
CREATE TABLE first (id TEXT PRIMARY KEY);
