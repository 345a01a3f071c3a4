-- Assisted service, part two (SQLite): staff register a person at the desk or on the phone.
-- A draft can be held by an office (begun there, or an online draft continued there after
-- the person proved who they are), and the person gets a one-time link to make their own
-- password: staff never set one.

-- Whose desk holds the draft, who opened it there and when, and how the person was known:
-- `started` (begun by staff), `id` (identity document checked at the desk) or `code` (the
-- person read out the code on their own draft page).
ALTER TABLE registration_drafts ADD COLUMN office_id INTEGER REFERENCES offices (id);
ALTER TABLE registration_drafts ADD COLUMN staff_id INTEGER REFERENCES staff (id);
ALTER TABLE registration_drafts ADD COLUMN staff_opened_at TEXT;
ALTER TABLE registration_drafts ADD COLUMN confirmed TEXT
    CHECK (confirmed IS NULL OR confirmed IN ('started', 'id', 'code'));
CREATE INDEX registration_drafts_office ON registration_drafts (office_id);

-- A one-time link for a person registered by staff to make their own password: only a hash
-- of its secret is kept. Used once, and worth nothing after `expires_at` or once a newer
-- link is made for the same person.
CREATE TABLE seeker_password_links (
    id          INTEGER PRIMARY KEY,
    seeker_id   INTEGER NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
    token_hash  TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_by  INTEGER REFERENCES staff (id),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT,
    CHECK (created_at < expires_at)
);
CREATE INDEX seeker_password_links_seeker ON seeker_password_links (seeker_id);

-- The outbox carries the email with that link (its secret waits in `secret` until the email
-- is written). SQLite cannot change a CHECK in place, so the table is rebuilt with its rows.
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
                                                     'seeker_password_link')),
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
    -- About a meeting (with its time), a seeker's account (an attempt to register with
    -- it, or the link to its password), a seeker's report (with its month), a staff
    -- account, an invitation, or an employer's user: one of them.
    CHECK ((booking_id IS NOT NULL AND meeting_starts_at IS NOT NULL AND seeker_id IS NULL
            AND staff_id IS NULL AND report_period IS NULL AND employer_user_id IS NULL
            AND invitation_id IS NULL
            AND event IN ('booked', 'moved', 'cancelled', 'reminder'))
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
                        sent_at)
    SELECT id, booking_id, seeker_id, staff_id, employer_user_id, invitation_id, secret,
           report_period, event, medium, meeting_starts_at, due_at, status, attempts,
           claimed_by, lease_until, last_error, created_at, sent_at
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
