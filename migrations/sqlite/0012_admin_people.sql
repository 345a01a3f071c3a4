-- Administration of people (SQLite): counsellors and staff accounts are deactivated, never
-- deleted (the case history keeps them); each carries a version, so two administrators
-- editing the same record cannot silently overwrite each other; and a new or reset account
-- gets a one-time link to set its password, sent through the outbox.

ALTER TABLE counsellors ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
ALTER TABLE counsellors ADD COLUMN serves_employers INTEGER NOT NULL DEFAULT 0
    CHECK (serves_employers IN (0, 1));
ALTER TABLE counsellors ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
UPDATE counsellors SET serves_employers = 1 WHERE title LIKE '%arbetsgivar%';

ALTER TABLE staff ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
ALTER TABLE staff ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);

-- The service always keeps an active administrator: the last one is neither demoted nor
-- deactivated. (Writers hold SQLite's one write lock, so two such changes cannot interleave.)
CREATE TRIGGER staff_keeps_an_admin
BEFORE UPDATE OF role, active ON staff
WHEN OLD.role = 'admin' AND OLD.active = 1 AND (NEW.role <> 'admin' OR NEW.active = 0)
     AND NOT EXISTS (SELECT 1 FROM staff s
                     WHERE s.id <> OLD.id AND s.role = 'admin' AND s.active = 1)
BEGIN
    SELECT RAISE(ABORT, 'last_admin');
END;

-- A one-time link to set a password: only a hash of its secret is kept. Used once, and
-- worth nothing after `expires_at` or once a newer link is made for the same account.
CREATE TABLE staff_password_links (
    id          INTEGER PRIMARY KEY,
    staff_id    INTEGER NOT NULL REFERENCES staff (id),
    token_hash  TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_by  INTEGER REFERENCES staff (id),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT,
    CHECK (created_at < expires_at)
);
CREATE INDEX staff_password_links_staff ON staff_password_links (staff_id);

-- The outbox also carries the email with such a link to a member of staff. The link's secret
-- waits in `secret` until the email is written and is cleared then. SQLite cannot change a
-- CHECK in place, so the table is rebuilt with its rows.
CREATE TABLE outbox_new (
    id                INTEGER PRIMARY KEY,
    booking_id        INTEGER REFERENCES bookings (id) ON DELETE CASCADE,
    seeker_id         INTEGER REFERENCES seekers (id) ON DELETE CASCADE,
    staff_id          INTEGER REFERENCES staff (id),
    secret            TEXT,
    event             TEXT NOT NULL CHECK (event IN ('booked', 'moved', 'cancelled', 'reminder',
                                                     'registration_attempt',
                                                     'staff_password_link')),
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
    -- About a meeting (with its time), a seeker's account, or a staff account: one of them.
    CHECK ((booking_id IS NOT NULL AND meeting_starts_at IS NOT NULL AND seeker_id IS NULL
            AND staff_id IS NULL AND event NOT IN ('registration_attempt', 'staff_password_link'))
        OR (booking_id IS NULL AND meeting_starts_at IS NULL AND seeker_id IS NOT NULL
            AND staff_id IS NULL AND event = 'registration_attempt')
        OR (booking_id IS NULL AND meeting_starts_at IS NULL AND seeker_id IS NULL
            AND staff_id IS NOT NULL AND event = 'staff_password_link'))
);
INSERT INTO outbox_new (id, booking_id, seeker_id, event, medium, meeting_starts_at, due_at,
                        status, attempts, claimed_by, lease_until, last_error, created_at,
                        sent_at)
    SELECT id, booking_id, seeker_id, event, medium, meeting_starts_at, due_at, status,
           attempts, claimed_by, lease_until, last_error, created_at, sent_at
    FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (status, due_at);
CREATE INDEX outbox_booking ON outbox (booking_id);
CREATE INDEX outbox_seeker ON outbox (seeker_id, event, created_at);
CREATE INDEX outbox_staff ON outbox (staff_id);
