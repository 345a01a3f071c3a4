-- Taking away a job seeker's account (SQLite). When the person has bookings or records the
-- authority must keep, their row stays: its personal identity number and email are replaced
-- by placeholders (so both are free for a new registration) and this table says when it was
-- taken away, until when the records are kept and, only while they are, the real personal
-- identity number they are about. Without bookings or records the row is deleted instead.
CREATE TABLE erased_seekers (
    seeker_id       INTEGER PRIMARY KEY REFERENCES seekers (id) ON DELETE CASCADE,
    erased_at       TEXT NOT NULL,
    keep_until      TEXT,
    personal_number TEXT CHECK (personal_number IS NULL OR length(personal_number) = 12),
    CHECK ((keep_until IS NULL) = (personal_number IS NULL))
);

-- Every sign-in to Mina sidor, for the person's own download of their data; a year is kept.
CREATE TABLE seeker_sign_ins (
    id        INTEGER PRIMARY KEY,
    seeker_id INTEGER NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
    at        TEXT NOT NULL
);
CREATE INDEX seeker_sign_ins_seeker ON seeker_sign_ins (seeker_id, at);
CREATE INDEX seeker_sign_ins_at ON seeker_sign_ins (at);
