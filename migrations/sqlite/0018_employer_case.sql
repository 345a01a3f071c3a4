-- The case of an employer (SQLite): notes and the access log are about a job seeker or an
-- employer, one of the two. SQLite cannot make a column nullable in place, so both tables
-- are rebuilt with their rows (nothing refers to them).
CREATE TABLE case_notes_new (
    id              INTEGER PRIMARY KEY,
    seeker_id       INTEGER REFERENCES seekers (id) ON DELETE CASCADE,
    employer_id     INTEGER REFERENCES employers (id) ON DELETE CASCADE,
    booking_id      INTEGER REFERENCES bookings (id),
    author_staff_id INTEGER NOT NULL REFERENCES staff (id),
    body            TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    created_at      TEXT NOT NULL,
    CHECK ((seeker_id IS NULL) <> (employer_id IS NULL))
);
INSERT INTO case_notes_new (id, seeker_id, booking_id, author_staff_id, body, created_at)
    SELECT id, seeker_id, booking_id, author_staff_id, body, created_at FROM case_notes;
DROP TABLE case_notes;
ALTER TABLE case_notes_new RENAME TO case_notes;
CREATE INDEX case_notes_seeker ON case_notes (seeker_id, created_at);
CREATE INDEX case_notes_employer ON case_notes (employer_id, created_at);

CREATE TABLE access_log_new (
    id          INTEGER PRIMARY KEY,
    staff_id    INTEGER NOT NULL REFERENCES staff (id),
    seeker_id   INTEGER REFERENCES seekers (id) ON DELETE CASCADE,
    employer_id INTEGER REFERENCES employers (id) ON DELETE CASCADE,
    booking_id  INTEGER REFERENCES bookings (id),
    reason      TEXT NOT NULL,
    at          TEXT NOT NULL,
    CHECK ((seeker_id IS NULL) <> (employer_id IS NULL))
);
INSERT INTO access_log_new (id, staff_id, seeker_id, booking_id, reason, at)
    SELECT id, staff_id, seeker_id, booking_id, reason, at FROM access_log;
DROP TABLE access_log;
ALTER TABLE access_log_new RENAME TO access_log;
CREATE INDEX access_log_seeker ON access_log (seeker_id, at);
CREATE INDEX access_log_employer ON access_log (employer_id, at);
CREATE INDEX access_log_at ON access_log (at);
CREATE INDEX access_log_staff ON access_log (staff_id, at);
