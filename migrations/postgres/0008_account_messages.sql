-- The outbox also carries messages about an account rather than a meeting: the email to a
-- job seeker that someone tried to register with their details. Such a row names the seeker
-- and no booking (and no meeting time).
ALTER TABLE outbox ALTER COLUMN booking_id DROP NOT NULL;
ALTER TABLE outbox ALTER COLUMN meeting_starts_at DROP NOT NULL;
ALTER TABLE outbox ADD COLUMN seeker_id BIGINT REFERENCES seekers (id) ON DELETE CASCADE;
ALTER TABLE outbox DROP CONSTRAINT outbox_event_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_event_check
    CHECK (event IN ('booked', 'moved', 'cancelled', 'reminder', 'registration_attempt'));
-- About a meeting (with its time) or about an account, never both or neither.
ALTER TABLE outbox ADD CONSTRAINT outbox_about_one CHECK (
    (booking_id IS NOT NULL AND meeting_starts_at IS NOT NULL AND seeker_id IS NULL
     AND event <> 'registration_attempt')
    OR (booking_id IS NULL AND meeting_starts_at IS NULL AND seeker_id IS NOT NULL
        AND event = 'registration_attempt'));
CREATE INDEX outbox_seeker ON outbox (seeker_id, event, created_at);
