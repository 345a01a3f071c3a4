-- Assisted service, part one (SQLite): staff find a person to help at the desk or on the
-- phone, and every search is kept in the access log with why it was made, whether it found
-- anyone or not; and a person registered by staff says who did it.

ALTER TABLE seekers ADD COLUMN registered_by_staff_id INTEGER REFERENCES staff (id);

-- A search is about the person it found, or about nobody (found nothing); `search` is what
-- was searched for, a number masked. Rebuilt: SQLite cannot change a CHECK in place.
CREATE TABLE access_log_new (
    id          INTEGER PRIMARY KEY,
    staff_id    INTEGER NOT NULL REFERENCES staff (id),
    seeker_id   INTEGER REFERENCES seekers (id) ON DELETE CASCADE,
    employer_id INTEGER REFERENCES employers (id) ON DELETE CASCADE,
    booking_id  INTEGER REFERENCES bookings (id),
    reason      TEXT NOT NULL,
    at          TEXT NOT NULL,
    search      TEXT CHECK (search IS NULL OR length(search) BETWEEN 1 AND 200),
    note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
    CHECK (seeker_id IS NULL OR employer_id IS NULL),
    CHECK (seeker_id IS NOT NULL OR employer_id IS NOT NULL OR search IS NOT NULL)
);
INSERT INTO access_log_new (id, staff_id, seeker_id, employer_id, booking_id, reason, at)
    SELECT id, staff_id, seeker_id, employer_id, booking_id, reason, at FROM access_log;
DROP TABLE access_log;
ALTER TABLE access_log_new RENAME TO access_log;
CREATE INDEX access_log_seeker ON access_log (seeker_id, at);
CREATE INDEX access_log_employer ON access_log (employer_id, at);
CREATE INDEX access_log_at ON access_log (at);
CREATE INDEX access_log_staff ON access_log (staff_id, at);

-- Finding a person by name and date of birth: the date of birth is the personal number's
-- first eight digits.
CREATE INDEX seekers_born ON seekers (substr(personal_number, 1, 8));
