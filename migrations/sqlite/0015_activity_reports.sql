-- Monthly activity reports. A draft is the form as typed, kept whole (nothing typed is lost),
-- one per seeker and month. A sent report is never changed or deleted: a correction is a new
-- version that names the one it replaces, and only one version can replace another, so two
-- sends of the same draft store one report.
CREATE TABLE activity_report_drafts (
    seeker_id  INTEGER NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
    period     TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    -- The version this draft corrects; 0 for a month's first report.
    based_on   INTEGER NOT NULL DEFAULT 0 CHECK (based_on >= 0),
    form       TEXT NOT NULL CHECK (length(form) <= 200000),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (seeker_id, period)
);

CREATE TABLE activity_reports (
    id             INTEGER PRIMARY KEY,
    seeker_id      INTEGER NOT NULL REFERENCES seekers (id),
    period         TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    version        INTEGER NOT NULL CHECK (version >= 1),
    replaces_id    INTEGER REFERENCES activity_reports (id),
    sent_at        TEXT NOT NULL,
    on_time        INTEGER NOT NULL CHECK (on_time IN (0, 1)),
    -- 'web' by the seeker; 'staff' when staff filed it for them.
    channel        TEXT NOT NULL DEFAULT 'web' CHECK (channel IN ('web', 'staff')),
    activity_count INTEGER NOT NULL CHECK (activity_count >= 0),
    hours_worked   INTEGER NOT NULL DEFAULT 0 CHECK (hours_worked >= 0),
    -- The report as checked, in the domain's JSON form.
    body           TEXT NOT NULL,
    CHECK ((version = 1) = (replaces_id IS NULL))
);
CREATE UNIQUE INDEX activity_reports_version ON activity_reports (seeker_id, period, version);
CREATE UNIQUE INDEX activity_reports_replaces ON activity_reports (replaces_id);
CREATE INDEX activity_reports_period ON activity_reports (period, seeker_id);

-- A correction replaces the latest version of the same person's same month.
CREATE TRIGGER activity_reports_chain
BEFORE INSERT ON activity_reports
WHEN NEW.replaces_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM activity_reports r
    WHERE r.id = NEW.replaces_id AND r.seeker_id = NEW.seeker_id AND r.period = NEW.period
      AND r.version = NEW.version - 1)
BEGIN
    SELECT RAISE(ABORT, 'activity_report_chain');
END;
CREATE TRIGGER activity_reports_kept_update BEFORE UPDATE ON activity_reports
BEGIN
    SELECT RAISE(ABORT, 'activity_report_is_final');
END;
CREATE TRIGGER activity_reports_kept_delete BEFORE DELETE ON activity_reports
BEGIN
    SELECT RAISE(ABORT, 'activity_report_is_final');
END;

-- A month not reported by the deadline, recorded once in the case on the 15th.
CREATE TABLE activity_report_misses (
    seeker_id   INTEGER NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
    period      TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (seeker_id, period)
);

-- The outbox also carries the reminders about a month's report: to a seeker, naming the
-- month, each at most once per medium. SQLite cannot change a CHECK in place, so the table is
-- rebuilt with its rows.
CREATE TABLE outbox_new (
    id                INTEGER PRIMARY KEY,
    booking_id        INTEGER REFERENCES bookings (id) ON DELETE CASCADE,
    seeker_id         INTEGER REFERENCES seekers (id) ON DELETE CASCADE,
    staff_id          INTEGER REFERENCES staff (id),
    secret            TEXT,
    report_period     TEXT,
    event             TEXT NOT NULL CHECK (event IN ('booked', 'moved', 'cancelled', 'reminder',
                                                     'registration_attempt',
                                                     'staff_password_link', 'report_opened',
                                                     'report_nudge', 'report_missed')),
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
    -- month), or a staff account: one of them.
    CHECK ((booking_id IS NOT NULL AND meeting_starts_at IS NOT NULL AND seeker_id IS NULL
            AND staff_id IS NULL AND report_period IS NULL
            AND event IN ('booked', 'moved', 'cancelled', 'reminder'))
        OR (booking_id IS NULL AND meeting_starts_at IS NULL AND seeker_id IS NOT NULL
            AND staff_id IS NULL AND report_period IS NULL AND event = 'registration_attempt')
        OR (booking_id IS NULL AND meeting_starts_at IS NULL AND seeker_id IS NOT NULL
            AND staff_id IS NULL AND report_period IS NOT NULL
            AND event IN ('report_opened', 'report_nudge', 'report_missed'))
        OR (booking_id IS NULL AND meeting_starts_at IS NULL AND seeker_id IS NULL
            AND staff_id IS NOT NULL AND report_period IS NULL
            AND event = 'staff_password_link'))
);
INSERT INTO outbox_new (id, booking_id, seeker_id, staff_id, secret, event, medium,
                        meeting_starts_at, due_at, status, attempts, claimed_by, lease_until,
                        last_error, created_at, sent_at)
    SELECT id, booking_id, seeker_id, staff_id, secret, event, medium, meeting_starts_at,
           due_at, status, attempts, claimed_by, lease_until, last_error, created_at, sent_at
    FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (status, due_at);
CREATE INDEX outbox_booking ON outbox (booking_id);
CREATE INDEX outbox_seeker ON outbox (seeker_id, event, created_at);
CREATE INDEX outbox_staff ON outbox (staff_id);
CREATE UNIQUE INDEX outbox_report_once ON outbox (seeker_id, report_period, event, medium)
    WHERE report_period IS NOT NULL;
