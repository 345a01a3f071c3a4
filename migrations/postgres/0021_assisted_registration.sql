-- Assisted service, part two (PostgreSQL): staff register a person at the desk or on the
-- phone. A draft can be held by an office (begun there, or an online draft continued there
-- after the person proved who they are), and the person gets a one-time link to make their
-- own password: staff never set one.

-- Whose desk holds the draft, who opened it there and when, and how the person was known:
-- `started` (begun by staff), `id` (identity document checked at the desk) or `code` (the
-- person read out the code on their own draft page).
ALTER TABLE registration_drafts ADD COLUMN office_id BIGINT REFERENCES offices (id);
ALTER TABLE registration_drafts ADD COLUMN staff_id BIGINT REFERENCES staff (id);
ALTER TABLE registration_drafts ADD COLUMN staff_opened_at TIMESTAMPTZ;
ALTER TABLE registration_drafts ADD COLUMN confirmed TEXT
    CHECK (confirmed IS NULL OR confirmed IN ('started', 'id', 'code'));
ALTER TABLE registration_drafts ADD CONSTRAINT registration_drafts_held_whole
    CHECK ((office_id IS NULL) = (staff_id IS NULL) AND (staff_id IS NULL) = (confirmed IS NULL)
           AND (staff_id IS NULL) = (staff_opened_at IS NULL));
CREATE INDEX registration_drafts_office ON registration_drafts (office_id);

-- A one-time link for a person registered by staff to make their own password: only a hash
-- of its secret is kept. Used once, and worth nothing after `expires_at` or once a newer
-- link is made for the same person.
CREATE TABLE seeker_password_links (
    id          BIGSERIAL PRIMARY KEY,
    seeker_id   BIGINT NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
    token_hash  TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_by  BIGINT REFERENCES staff (id),
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    CHECK (created_at < expires_at)
);
CREATE INDEX seeker_password_links_seeker ON seeker_password_links (seeker_id);

-- The outbox carries the email with that link (its secret waits in `secret` until the email
-- is written).
ALTER TABLE outbox DROP CONSTRAINT outbox_event_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_event_check
    CHECK (event IN ('booked', 'moved', 'cancelled', 'reminder', 'registration_attempt',
                     'staff_password_link', 'report_opened', 'report_nudge', 'report_missed',
                     'employer_invitation', 'employer_registration_attempt',
                     'seeker_password_link'));
ALTER TABLE outbox DROP CONSTRAINT outbox_about_one;
-- About a meeting (with its time), a seeker's account (an attempt to register with it, or
-- the link to its password), a seeker's report (with its month), a staff account, an
-- invitation, or an employer's user: one of them.
ALTER TABLE outbox ADD CONSTRAINT outbox_about_one CHECK (
    (booking_id IS NOT NULL AND meeting_starts_at IS NOT NULL AND seeker_id IS NULL
     AND staff_id IS NULL AND report_period IS NULL AND employer_user_id IS NULL
     AND invitation_id IS NULL
     AND event IN ('booked', 'moved', 'cancelled', 'reminder'))
    OR (booking_id IS NULL AND meeting_starts_at IS NULL AND seeker_id IS NOT NULL
        AND staff_id IS NULL AND report_period IS NULL AND employer_user_id IS NULL
        AND invitation_id IS NULL AND event IN ('registration_attempt', 'seeker_password_link'))
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
        AND invitation_id IS NULL AND event = 'employer_registration_attempt'));
