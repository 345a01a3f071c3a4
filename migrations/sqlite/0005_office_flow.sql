-- Office flow and notifications (SQLite): reception capacity, arrival check-in, the seeker's
-- message language and the outbox of messages to send.

-- How many visitors an office's reception takes per hour, per weekday (ISO: 1 = Monday).
-- A weekday without a row is not limited.
CREATE TABLE office_capacity (
    office_id         INTEGER NOT NULL REFERENCES offices (id) ON DELETE CASCADE,
    weekday           INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    visitors_per_hour INTEGER NOT NULL CHECK (visitors_per_hour BETWEEN 0 AND 200),
    PRIMARY KEY (office_id, weekday)
);

-- The share of a day's capacity the office aims to fill; days below it are offered first.
ALTER TABLE offices ADD COLUMN target_percent INTEGER NOT NULL DEFAULT 70
    CHECK (target_percent BETWEEN 10 AND 100);

-- Arrival at the office ("Jag är här", or marked by reception) and when the counsellor
-- fetched the visitor: together the waiting time at the office.
ALTER TABLE bookings ADD COLUMN arrived_at TEXT;
ALTER TABLE bookings ADD COLUMN arrival_by_staff_id INTEGER REFERENCES staff (id);
ALTER TABLE bookings ADD COLUMN received_at TEXT;
CREATE INDEX bookings_office_time ON bookings (office_id, starts_at);

-- Which language messages to the seeker are written in.
ALTER TABLE seekers ADD COLUMN message_language TEXT NOT NULL DEFAULT 'sv'
    CHECK (message_language IN ('sv', 'en'));

-- Messages to send, written in the same transaction as the booking change they tell about.
-- A worker claims due rows for a while (`lease_until`); one that stops mid-send leaves its
-- rows to be claimed again once the lease runs out, so nothing is lost across a restart.
CREATE TABLE outbox (
    id                INTEGER PRIMARY KEY,
    booking_id        INTEGER NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    event             TEXT NOT NULL CHECK (event IN ('booked', 'moved', 'cancelled', 'reminder')),
    medium            TEXT NOT NULL CHECK (medium IN ('email', 'sms')),
    -- The meeting's start when the message was written: a reminder for a time the meeting
    -- no longer has is dropped.
    meeting_starts_at TEXT NOT NULL,
    due_at            TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'dropped')),
    attempts          INTEGER NOT NULL DEFAULT 0,
    claimed_by        TEXT,
    lease_until       TEXT,
    last_error        TEXT,
    created_at        TEXT NOT NULL,
    sent_at           TEXT
);
CREATE INDEX outbox_due ON outbox (status, due_at);
CREATE INDEX outbox_booking ON outbox (booking_id);
