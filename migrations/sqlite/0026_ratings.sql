-- Ratings after meetings (SQLite). One row per meeting held that the person was asked
-- about: the hash of the link's secret (the secret itself only travels in the message), when
-- the question was asked and when it closes (14 days), and the answer once given. Answers
-- are kept apart from the case: no page for staff reads a row, only counts of at least five.
CREATE TABLE ratings (
    id          INTEGER PRIMARY KEY,
    booking_id  INTEGER NOT NULL UNIQUE REFERENCES bookings (id) ON DELETE CASCADE,
    token_hash  TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    asked_at    TEXT NOT NULL,
    closes_at   TEXT NOT NULL,
    answered_at TEXT,
    score       INTEGER CHECK (score BETWEEN 1 AND 5),
    helped      TEXT CHECK (helped IN ('ja', 'delvis', 'nej')),
    comment     TEXT CHECK (comment IS NULL OR length(comment) BETWEEN 1 AND 1200),
    CHECK (asked_at < closes_at),
    CHECK ((answered_at IS NULL) = (score IS NULL) AND (score IS NULL) = (helped IS NULL)),
    CHECK (comment IS NULL OR answered_at IS NOT NULL)
);
CREATE INDEX ratings_asked ON ratings (asked_at);

-- The outbox carries the question and its one reminder, about the meeting (the link's
-- secret waits in `secret` until the message is written). SQLite cannot change a CHECK in
-- place, so the table is rebuilt with its rows.
CREATE TABLE outbox_new (
    id                INTEGER PRIMARY KEY,
    booking_id        INTEGER REFERENCES bookings (id) ON DELETE CASCADE,
    seeker_id         INTEGER REFERENCES seekers (id) ON DELETE CASCADE,
    staff_id          INTEGER REFERENCES staff (id),
    employer_user_id  INTEGER REFERENCES employer_users (id) ON DELETE CASCADE,
    invitation_id     INTEGER REFERENCES employer_invitations (id) ON DELETE CASCADE,
    secret            TEXT,
    report_period     TEXT,
    event             TEXT NOT NULL CHECK (event IN ('booked', 'moved', 'cancelled', 'reminder',
                                                     'registration_attempt',
                                                     'staff_password_link', 'report_opened',
                                                     'report_nudge', 'report_missed',
                                                     'employer_invitation',
                                                     'employer_registration_attempt',
                                                     'seeker_password_link', 'rating',
                                                     'rating_reminder')),
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
    provider_id       TEXT,
    delivery_status   TEXT
                      CHECK (delivery_status IS NULL OR delivery_status IN ('delivered', 'failed')),
    delivery_reported_at TEXT,
    -- About a meeting (with its time), a seeker's account (an attempt to register with
    -- it, or the link to its password), a seeker's report (with its month), a staff
    -- account, an invitation, or an employer's user: one of them.
    CHECK ((booking_id IS NOT NULL AND meeting_starts_at IS NOT NULL AND seeker_id IS NULL
            AND staff_id IS NULL AND report_period IS NULL AND employer_user_id IS NULL
            AND invitation_id IS NULL
            AND event IN ('booked', 'moved', 'cancelled', 'reminder', 'rating',
                          'rating_reminder'))
        OR (booking_id IS NULL AND meeting_starts_at IS NULL AND seeker_id IS NOT NULL
            AND staff_id IS NULL AND report_period IS NULL AND employer_user_id IS NULL
            AND invitation_id IS NULL
            AND event IN ('registration_attempt', 'seeker_password_link'))
        OR (booking_id IS NULL AND meeting_starts_at IS NULL AND seeker_id IS NOT NULL
            AND staff_id IS NULL AND report_period IS NOT NULL AND employer_user_id IS NULL
            AND invitation_id IS NULL
            AND event IN ('report_opened', 'report_nudge', 'report_missed'))
        OR (booking_id IS NULL AND meeting_starts_at IS NULL AND seeker_id IS NULL
            AND staff_id IS NOT NULL AND report_period IS NULL AND employer_user_id IS NULL
            AND invitation_id IS NULL AND event = 'staff_password_link')
        OR (booking_id IS NULL AND meeting_starts_at IS NULL AND seeker_id IS NULL
            AND staff_id IS NULL AND report_period IS NULL AND employer_user_id IS NULL
            AND invitation_id IS NOT NULL AND event = 'employer_invitation')
        OR (booking_id IS NULL AND meeting_starts_at IS NULL AND seeker_id IS NULL
            AND staff_id IS NULL AND report_period IS NULL AND employer_user_id IS NOT NULL
            AND invitation_id IS NULL AND event = 'employer_registration_attempt'))
);
INSERT INTO outbox_new (id, booking_id, seeker_id, staff_id, employer_user_id, invitation_id,
                        secret, report_period, event, medium, meeting_starts_at, due_at,
                        status, attempts, claimed_by, lease_until, last_error, created_at,
                        sent_at, provider_id, delivery_status, delivery_reported_at)
    SELECT id, booking_id, seeker_id, staff_id, employer_user_id, invitation_id, secret,
           report_period, event, medium, meeting_starts_at, due_at, status, attempts,
           claimed_by, lease_until, last_error, created_at, sent_at, provider_id,
           delivery_status, delivery_reported_at
    FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (status, due_at);
CREATE INDEX outbox_booking ON outbox (booking_id);
CREATE INDEX outbox_seeker ON outbox (seeker_id, event, created_at);
CREATE INDEX outbox_staff ON outbox (staff_id);
CREATE INDEX outbox_employer_user ON outbox (employer_user_id, event, created_at);
CREATE INDEX outbox_invitation ON outbox (invitation_id);
CREATE UNIQUE INDEX outbox_report_once ON outbox (seeker_id, report_period, event, medium)
    WHERE report_period IS NOT NULL;
CREATE INDEX outbox_provider ON outbox (provider_id);
