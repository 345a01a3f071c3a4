-- Employer meetings (SQLite): a booking is with a job seeker or with an employer (one of
-- them, never both), made by one of the employer's users, perhaps about one of its needs.
-- SQLite cannot make a column nullable in place, so `bookings` is rebuilt with its rows.
-- The migration runs in one transaction, where foreign keys cannot be turned off: their
-- checks wait for the commit instead, and the rows put back into the new table satisfy
-- them again. Dropping the table deletes its rows first, and the outbox's messages about
-- meetings with them, so those are kept aside and put back as well.
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE bookings_copy AS SELECT * FROM bookings;
CREATE TEMP TABLE outbox_copy AS SELECT * FROM outbox WHERE booking_id IS NOT NULL;
DROP TABLE bookings;

CREATE UNIQUE INDEX employer_users_of_employer ON employer_users (id, employer_id);
CREATE UNIQUE INDEX employer_needs_of_employer ON employer_needs (id, employer_id);

CREATE TABLE bookings (
    id                    INTEGER PRIMARY KEY,
    seeker_id             INTEGER REFERENCES seekers (id),
    employer_id           INTEGER REFERENCES employers (id),
    employer_user_id      INTEGER,
    need_id               INTEGER,
    counsellor_id         INTEGER NOT NULL REFERENCES counsellors (id),
    meeting_type_id       INTEGER NOT NULL REFERENCES meeting_types (id),
    channel               TEXT NOT NULL CHECK (channel IN ('office', 'phone', 'video')),
    office_id             INTEGER REFERENCES offices (id),
    starts_at             TEXT NOT NULL,
    ends_at               TEXT NOT NULL,
    status                TEXT NOT NULL DEFAULT 'booked'
                          CHECK (status IN ('booked', 'held', 'no_show', 'cancelled')),
    created_at            TEXT NOT NULL,
    clear_until           TEXT,
    is_first              INTEGER NOT NULL DEFAULT 0 CHECK (is_first IN (0, 1)),
    video_room            TEXT CHECK (video_room IS NULL OR length(video_room) BETWEEN 8 AND 64),
    cancel_reason         TEXT,
    cancel_note           TEXT NOT NULL DEFAULT '',
    cancelled_at          TEXT,
    moved_at              TEXT,
    times_moved           INTEGER NOT NULL DEFAULT 0,
    booked_by_staff_id    INTEGER REFERENCES staff (id),
    follows_booking_id    INTEGER REFERENCES bookings (id),
    outcome_at            TEXT,
    outcome_by_staff_id   INTEGER REFERENCES staff (id),
    moved_by_staff_id     INTEGER REFERENCES staff (id),
    arrived_at            TEXT,
    arrival_by_staff_id   INTEGER REFERENCES staff (id),
    received_at           TEXT,
    cancelled_by_staff_id INTEGER REFERENCES staff (id)
    CHECK (cancelled_by_staff_id IS NULL OR (status = 'cancelled' AND cancel_reason IN
        ('sokande-sjuk', 'kontoret-stangt', 'handlaggare-franvarande', 'annat'))),
    CHECK (starts_at < ends_at),
    CHECK (channel <> 'office' OR office_id IS NOT NULL),
    FOREIGN KEY (employer_user_id, employer_id) REFERENCES employer_users (id, employer_id),
    FOREIGN KEY (need_id, employer_id) REFERENCES employer_needs (id, employer_id),
    -- With a job seeker, or with an employer through one of its users: exactly one.
    CHECK ((seeker_id IS NOT NULL AND employer_id IS NULL AND employer_user_id IS NULL
            AND need_id IS NULL)
        OR (seeker_id IS NULL AND employer_id IS NOT NULL AND employer_user_id IS NOT NULL
            AND is_first = 0))
);
INSERT INTO bookings (id, seeker_id, counsellor_id, meeting_type_id, channel, office_id,
                      starts_at, ends_at, status, created_at, clear_until, is_first,
                      video_room, cancel_reason, cancel_note, cancelled_at, moved_at,
                      times_moved, booked_by_staff_id, follows_booking_id, outcome_at,
                      outcome_by_staff_id, moved_by_staff_id, arrived_at,
                      arrival_by_staff_id, received_at, cancelled_by_staff_id)
    SELECT id, seeker_id, counsellor_id, meeting_type_id, channel, office_id, starts_at,
           ends_at, status, created_at, clear_until, is_first, video_room, cancel_reason,
           cancel_note, cancelled_at, moved_at, times_moved, booked_by_staff_id,
           follows_booking_id, outcome_at, outcome_by_staff_id, moved_by_staff_id,
           arrived_at, arrival_by_staff_id, received_at, cancelled_by_staff_id
    FROM bookings_copy ORDER BY id;
INSERT INTO outbox SELECT * FROM outbox_copy;
DROP TABLE bookings_copy;
DROP TABLE outbox_copy;

CREATE INDEX bookings_counsellor_time ON bookings (counsellor_id, starts_at);
CREATE INDEX bookings_seeker ON bookings (seeker_id);
CREATE INDEX bookings_employer ON bookings (employer_id, starts_at);
CREATE UNIQUE INDEX bookings_one_first_meeting ON bookings (seeker_id)
    WHERE is_first = 1 AND status = 'booked';
CREATE INDEX bookings_time ON bookings (starts_at);
CREATE INDEX bookings_office_time ON bookings (office_id, starts_at);

CREATE TRIGGER bookings_clear_after_end_insert
BEFORE INSERT ON bookings
WHEN NEW.clear_until IS NULL OR NEW.clear_until < NEW.ends_at
BEGIN
    SELECT RAISE(ABORT, 'bookings_clear_after_end');
END;

CREATE TRIGGER bookings_clear_after_end_update
BEFORE UPDATE OF ends_at, clear_until ON bookings
WHEN NEW.clear_until IS NULL OR NEW.clear_until < NEW.ends_at
BEGIN
    SELECT RAISE(ABORT, 'bookings_clear_after_end');
END;

CREATE TRIGGER bookings_no_overlap_insert
BEFORE INSERT ON bookings
WHEN NEW.status <> 'cancelled' AND EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.counsellor_id = NEW.counsellor_id
      AND b.status <> 'cancelled'
      AND b.starts_at < NEW.clear_until AND NEW.starts_at < b.clear_until
)
BEGIN
    SELECT RAISE(ABORT, 'booking_overlap');
END;

CREATE TRIGGER bookings_no_overlap_update
BEFORE UPDATE OF counsellor_id, starts_at, ends_at, clear_until, status ON bookings
WHEN NEW.status <> 'cancelled' AND EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.id <> NEW.id
      AND b.counsellor_id = NEW.counsellor_id
      AND b.status <> 'cancelled'
      AND b.starts_at < NEW.clear_until AND NEW.starts_at < b.clear_until
)
BEGIN
    SELECT RAISE(ABORT, 'booking_overlap');
END;

CREATE TRIGGER bookings_video_room_insert
BEFORE INSERT ON bookings
WHEN NEW.channel = 'video' AND NEW.video_room IS NULL
BEGIN
    SELECT RAISE(ABORT, 'bookings_video_room');
END;

CREATE TRIGGER bookings_video_room_update
BEFORE UPDATE OF channel, video_room ON bookings
WHEN NEW.channel = 'video' AND NEW.video_room IS NULL
BEGIN
    SELECT RAISE(ABORT, 'bookings_video_room');
END;

CREATE TRIGGER bookings_seeker_no_overlap_insert
BEFORE INSERT ON bookings
WHEN NEW.status <> 'cancelled' AND EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.seeker_id = NEW.seeker_id
      AND b.status <> 'cancelled'
      AND b.starts_at < NEW.ends_at AND NEW.starts_at < b.ends_at
)
BEGIN
    SELECT RAISE(ABORT, 'seeker_overlap');
END;

CREATE TRIGGER bookings_seeker_no_overlap_update
BEFORE UPDATE OF seeker_id, starts_at, ends_at, status ON bookings
WHEN NEW.status <> 'cancelled' AND EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.id <> NEW.id
      AND b.seeker_id = NEW.seeker_id
      AND b.status <> 'cancelled'
      AND b.starts_at < NEW.ends_at AND NEW.starts_at < b.ends_at
)
BEGIN
    SELECT RAISE(ABORT, 'seeker_overlap');
END;

