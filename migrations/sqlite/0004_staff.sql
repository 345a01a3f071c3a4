-- Counsellor workspace (SQLite): staff accounts, working-hours templates and exceptions,
-- outcomes, case notes, referrals and the access log.

-- Staff sign in with an email and a password (argon2id PHC string, never the password).
-- A counsellor's account is tied to their counsellor row (their calendar); office managers
-- belong to an office; administrators to none.
CREATE TABLE staff (
    id              INTEGER PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE,
    first_name      TEXT NOT NULL,
    last_name       TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('counsellor', 'office_manager', 'admin')),
    office_id       INTEGER REFERENCES offices (id),
    counsellor_id   INTEGER UNIQUE REFERENCES counsellors (id),
    password_hash   TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    created_at      TEXT NOT NULL,
    last_sign_in_at TEXT,
    CHECK (role <> 'counsellor' OR counsellor_id IS NOT NULL),
    CHECK (role = 'admin' OR office_id IS NOT NULL)
);

-- A counsellor's open times never overlap each other, when moved or resized either.
CREATE TRIGGER availability_no_overlap_update
BEFORE UPDATE OF counsellor_id, starts_at, ends_at ON availability
WHEN EXISTS (
    SELECT 1 FROM availability a
    WHERE a.id <> NEW.id
      AND a.counsellor_id = NEW.counsellor_id
      AND a.starts_at < NEW.ends_at AND NEW.starts_at < a.ends_at
)
BEGIN
    SELECT RAISE(ABORT, 'availability_overlap');
END;

-- The weekly working hours ("arbetstider") that generate open times, in Stockholm time.
CREATE TABLE work_hours (
    id            INTEGER PRIMARY KEY,
    counsellor_id INTEGER NOT NULL REFERENCES counsellors (id) ON DELETE CASCADE,
    weekday       INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    starts        TEXT NOT NULL,
    ends          TEXT NOT NULL,
    CHECK (starts < ends)
);
CREATE INDEX work_hours_counsellor ON work_hours (counsellor_id, weekday);

-- Absence or training: no open time is generated or kept inside it.
CREATE TABLE absences (
    id            INTEGER PRIMARY KEY,
    counsellor_id INTEGER NOT NULL REFERENCES counsellors (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('absence', 'training')),
    starts_at     TEXT NOT NULL,
    ends_at       TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    CHECK (starts_at < ends_at)
);
CREATE INDEX absences_counsellor_time ON absences (counsellor_id, starts_at);

-- Who booked (a follow-up by staff), what it follows, who recorded the outcome and when,
-- and who last moved it (the seeker is told on Mina sidor when staff moved it).
ALTER TABLE bookings ADD COLUMN booked_by_staff_id INTEGER REFERENCES staff (id);
ALTER TABLE bookings ADD COLUMN follows_booking_id INTEGER REFERENCES bookings (id);
ALTER TABLE bookings ADD COLUMN outcome_at TEXT;
ALTER TABLE bookings ADD COLUMN outcome_by_staff_id INTEGER REFERENCES staff (id);
ALTER TABLE bookings ADD COLUMN moved_by_staff_id INTEGER REFERENCES staff (id);

-- What staff wrote about a case: one timeline with the meetings, in every channel.
CREATE TABLE case_notes (
    id              INTEGER PRIMARY KEY,
    seeker_id       INTEGER NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
    booking_id      INTEGER REFERENCES bookings (id),
    author_staff_id INTEGER NOT NULL REFERENCES staff (id),
    body            TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    created_at      TEXT NOT NULL
);
CREATE INDEX case_notes_seeker ON case_notes (seeker_id, created_at);

-- A seeker sent on to a counsellor of another office: that counsellor may then see them.
CREATE TABLE referrals (
    seeker_id        INTEGER NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
    counsellor_id    INTEGER NOT NULL REFERENCES counsellors (id),
    by_staff_id      INTEGER NOT NULL REFERENCES staff (id),
    created_at       TEXT NOT NULL,
    PRIMARY KEY (seeker_id, counsellor_id)
);

-- Every time staff open a seeker's profile: who, when, whom, and why (the booking).
CREATE TABLE access_log (
    id         INTEGER PRIMARY KEY,
    staff_id   INTEGER NOT NULL REFERENCES staff (id),
    seeker_id  INTEGER NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
    booking_id INTEGER REFERENCES bookings (id),
    reason     TEXT NOT NULL,
    at         TEXT NOT NULL
);
CREATE INDEX access_log_seeker ON access_log (seeker_id, at);
