-- Booking (Postgres): what a booked meeting needs beyond the foundation's table.

-- A meeting keeps its counsellor's buffer (time to write notes) clear as well: the rule
-- against double booking covers the meeting and its buffer, so even two bookings made at the
-- same instant cannot squeeze a meeting into a colleague's note-writing time.
ALTER TABLE bookings ADD COLUMN clear_until TIMESTAMPTZ;
UPDATE bookings SET clear_until = ends_at;
ALTER TABLE bookings ALTER COLUMN clear_until SET NOT NULL;
ALTER TABLE bookings ADD CONSTRAINT bookings_clear_after_end CHECK (clear_until >= ends_at);
ALTER TABLE bookings DROP CONSTRAINT booking_overlap;
ALTER TABLE bookings ADD CONSTRAINT booking_overlap
    EXCLUDE USING gist (counsellor_id WITH =, tstzrange(starts_at, clear_until) WITH &&)
    WHERE (status <> 'cancelled');

-- A job seeker has at most one first meeting booked (and not yet held or cancelled).
ALTER TABLE bookings ADD COLUMN is_first BOOLEAN NOT NULL DEFAULT FALSE;
CREATE UNIQUE INDEX bookings_one_first_meeting ON bookings (seeker_id)
    WHERE is_first AND status = 'booked';

-- How a video meeting is joined: a random room name, part of the link.
ALTER TABLE bookings ADD COLUMN video_room TEXT;
ALTER TABLE bookings ADD CONSTRAINT bookings_video_room
    CHECK (channel <> 'video' OR video_room IS NOT NULL);
ALTER TABLE bookings ADD CONSTRAINT bookings_video_room_length
    CHECK (video_room IS NULL OR length(video_room) BETWEEN 8 AND 64);

-- Cancelling keeps the row (the case history) with why and when.
ALTER TABLE bookings ADD COLUMN cancel_reason TEXT;
ALTER TABLE bookings ADD COLUMN cancel_note TEXT NOT NULL DEFAULT '';
ALTER TABLE bookings ADD COLUMN cancelled_at TIMESTAMPTZ;
-- When the time or counsellor last changed, and how often: shown on Mina sidor.
ALTER TABLE bookings ADD COLUMN moved_at TIMESTAMPTZ;
ALTER TABLE bookings ADD COLUMN times_moved BIGINT NOT NULL DEFAULT 0;

CREATE INDEX bookings_time ON bookings (starts_at);
