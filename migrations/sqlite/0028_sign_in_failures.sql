-- Failed sign-ins, counted per account at one door and per address, in the database so that
-- every Tidbok process sharing it agrees when answers slow down and stop. The key is a
-- hash: neither the email that was tried nor the address is stored.
CREATE TABLE sign_in_failures (
    key            TEXT PRIMARY KEY,
    failures       INTEGER NOT NULL CHECK (failures > 0),
    last_failed_at TEXT NOT NULL
);
CREATE INDEX sign_in_failures_at ON sign_in_failures (last_failed_at);
