-- the script another line of work adds in the version left free
CREATE TABLE second (id TEXT PRIMARY KEY);
