-- Employers (SQLite): the organisations the agency serves, the people who act for them,
-- colleagues invited by a one-time link, and their recruitment needs with drafts.

-- An organisation, known by its organisation number: ten digits for a legal entity, a sole
-- trader's twelve-digit personal identity number. The office is the one serving its postcode.
CREATE TABLE employers (
    id            INTEGER PRIMARY KEY,
    org_number    TEXT NOT NULL UNIQUE
                  CHECK (length(org_number) IN (10, 12) AND org_number NOT GLOB '*[^0-9]*'),
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    street        TEXT NOT NULL,
    postcode      INTEGER NOT NULL CHECK (postcode BETWEEN 10000 AND 99999),
    city          TEXT NOT NULL,
    municipality  TEXT NOT NULL,
    office_id     INTEGER REFERENCES offices (id),
    registered_at TEXT NOT NULL
);
CREATE INDEX employers_office ON employers (office_id);

-- The people who act for an organisation, each with their own sign-in (the password as an
-- argon2id PHC string). One email, one account.
CREATE TABLE employer_users (
    id              INTEGER PRIMARY KEY,
    employer_id     INTEGER NOT NULL REFERENCES employers (id) ON DELETE CASCADE,
    first_name      TEXT NOT NULL,
    last_name       TEXT NOT NULL,
    email           TEXT NOT NULL UNIQUE,
    phone           TEXT NOT NULL,
    password_hash   TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    invited_by      INTEGER REFERENCES employer_users (id),
    created_at      TEXT NOT NULL,
    last_sign_in_at TEXT
);
CREATE INDEX employer_users_employer ON employer_users (employer_id);

-- A colleague invited by email: only a hash of the link's secret is kept. Used once, and
-- worth nothing after `expires_at`.
CREATE TABLE employer_invitations (
    id          INTEGER PRIMARY KEY,
    employer_id INTEGER NOT NULL REFERENCES employers (id) ON DELETE CASCADE,
    email       TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    invited_by  INTEGER NOT NULL REFERENCES employer_users (id),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT,
    CHECK (created_at < expires_at)
);
CREATE INDEX employer_invitations_employer ON employer_invitations (employer_id);

-- A recruitment need as published. Closing keeps it, with why (filled or withdrawn) and when.
CREATE TABLE employer_needs (
    id             INTEGER PRIMARY KEY,
    employer_id    INTEGER NOT NULL REFERENCES employers (id) ON DELETE CASCADE,
    headline       TEXT NOT NULL CHECK (length(headline) BETWEEN 1 AND 120),
    occupation_id  INTEGER NOT NULL REFERENCES occupations (id),
    positions      INTEGER NOT NULL CHECK (positions BETWEEN 1 AND 999),
    employment     TEXT NOT NULL CHECK (employment IN ('tillsvidare', 'visstid', 'sasong')),
    extent         TEXT NOT NULL CHECK (extent IN ('full', 'part', 'either')),
    municipality   TEXT NOT NULL,
    earliest_start TEXT,
    apply_by       TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT 'open'
                   CHECK (status IN ('open', 'filled', 'withdrawn')),
    created_by     INTEGER REFERENCES employer_users (id),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    closed_at      TEXT,
    CHECK ((status = 'open') = (closed_at IS NULL)),
    CHECK (earliest_start IS NULL OR apply_by <= earliest_start)
);
CREATE INDEX employer_needs_employer ON employer_needs (employer_id, status);
CREATE INDEX employer_needs_open_occupation ON employer_needs (occupation_id)
    WHERE status = 'open';

-- A need as typed, however incomplete (the form as JSON), so nothing typed is lost: a new
-- need not yet published, or changes to a published one not yet saved (one per need).
CREATE TABLE employer_need_drafts (
    id          INTEGER PRIMARY KEY,
    employer_id INTEGER NOT NULL REFERENCES employers (id) ON DELETE CASCADE,
    need_id     INTEGER REFERENCES employer_needs (id) ON DELETE CASCADE,
    data        TEXT NOT NULL,
    updated_by  INTEGER REFERENCES employer_users (id),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX employer_need_drafts_employer ON employer_need_drafts (employer_id);
CREATE UNIQUE INDEX employer_need_drafts_need ON employer_need_drafts (need_id)
    WHERE need_id IS NOT NULL;

-- The outbox also carries the invitation to a colleague (the link's secret waits in `secret`
-- until the email is written) and the note to an employer's user that someone tried to
-- register with their organisation or address. SQLite cannot change a CHECK in place, so
-- the table is rebuilt with its rows.
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
                                                     'employer_registration_attempt')),
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
    -- About a meeting (with its time), a seeker's account, a seeker's report (with its
    -- month), a staff account, an invitation, or an employer's user: one of them.
    CHECK ((booking_id IS NOT NULL AND meeting_starts_at IS NOT NULL AND seeker_id IS NULL
            AND staff_id IS NULL AND report_period IS NULL AND employer_user_id IS NULL
            AND invitation_id IS NULL
            AND event IN ('booked', 'moved', 'cancelled', 'reminder'))
        OR (booking_id IS NULL AND meeting_starts_at IS NULL AND seeker_id IS NOT NULL
            AND staff_id IS NULL AND report_period IS NULL AND employer_user_id IS NULL
            AND invitation_id IS NULL AND event = 'registration_attempt')
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
INSERT INTO outbox_new (id, booking_id, seeker_id, staff_id, secret, report_period, event,
                        medium, meeting_starts_at, due_at, status, attempts, claimed_by,
                        lease_until, last_error, created_at, sent_at)
    SELECT id, booking_id, seeker_id, staff_id, secret, report_period, event, medium,
           meeting_starts_at, due_at, status, attempts, claimed_by, lease_until, last_error,
           created_at, sent_at
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
