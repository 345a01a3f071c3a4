-- Staff cancel meetings with a reason of their own (the seeker is told who and why), and
-- correct an outcome for a while after it was set; every correction is kept (who, when,
-- from → to). A staff cancellation names one of staff's reasons.
ALTER TABLE bookings ADD COLUMN cancelled_by_staff_id INTEGER REFERENCES staff (id)
    CHECK (cancelled_by_staff_id IS NULL OR (status = 'cancelled' AND cancel_reason IN
        ('sokande-sjuk', 'kontoret-stangt', 'handlaggare-franvarande', 'annat')));

CREATE TABLE outcome_corrections (
    id           INTEGER PRIMARY KEY,
    booking_id   INTEGER NOT NULL REFERENCES bookings (id),
    staff_id     INTEGER NOT NULL REFERENCES staff (id),
    from_status  TEXT NOT NULL CHECK (from_status IN ('held', 'no_show')),
    to_status    TEXT NOT NULL CHECK (to_status IN ('held', 'no_show')),
    corrected_at TEXT NOT NULL,
    CHECK (from_status <> to_status)
);
CREATE INDEX outcome_corrections_booking ON outcome_corrections (booking_id);
