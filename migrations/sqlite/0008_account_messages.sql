-- The outbox also carries messages about an account rather than a meeting: the email to a
-- job seeker that someone tried to register with their details. Such a row names the seeker
-- and no booking (and no meeting time). SQLite cannot relax NOT NULL in place, so the table
-- is rebuilt with its rows.
CREATE TABLE outbox_new (
    id                INTEGER PRIMARY KEY,
    booking_id        INTEGER REFERENCES bookings (id) ON DELETE CASCADE,
    seeker_id         INTEGER REFERENCES seekers (id) ON DELETE CASCADE,
    event             TEXT NOT NULL CHECK (event IN ('booked', 'moved', 'cancelled', 'reminder',
                                                     'registration_attempt')),
    medium            TEXT NOT NULL CHECK (medium IN ('email', 'sms')),
    meeting_starts_at TEXT,
    due_at            TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'dropped')),
    attempts          INTEGER NOT NULL DEFAULT 0,
    claimed_by        TEXT,
    lease_until       TEXT,
    last_error        TEXT,
    created_at        TEXT NOT NULL,
    sent_at           TEXT,
    -- About a meeting (with its time) or about an account, never both or neither.
    CHECK ((booking_id IS NOT NULL AND meeting_starts_at IS NOT NULL AND seeker_id IS NULL
            AND event <> 'registration_attempt')
        OR (booking_id IS NULL AND meeting_starts_at IS NULL AND seeker_id IS NOT NULL
            AND event = 'registration_attempt'))
);
INSERT INTO outbox_new (id, booking_id, event, medium, meeting_starts_at, due_at, status,
                        attempts, claimed_by, lease_until, last_error, created_at, sent_at)
    SELECT id, booking_id, event, medium, meeting_starts_at, due_at, status, attempts,
           claimed_by, lease_until, last_error, created_at, sent_at
    FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (status, due_at);
CREATE INDEX outbox_booking ON outbox (booking_id);
CREATE INDEX outbox_seeker ON outbox (seeker_id, event, created_at);
