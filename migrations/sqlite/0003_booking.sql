-- Booking (SQLite): what a booked meeting needs beyond the foundation's table.

-- A meeting keeps its counsellor's buffer (time to write notes) clear as well: the rule
-- against double booking covers the meeting and its buffer. SQLite cannot add a NOT NULL
-- column without a default, so the triggers refuse a missing or short one instead.
ALTER TABLE bookings ADD COLUMN clear_until TEXT;
UPDATE bookings SET clear_until = ends_at;

DROP TRIGGER bookings_no_overlap_insert;
DROP TRIGGER bookings_no_overlap_update;

CREATE TRIGGER bookings_clear_after_end_insert
BEFORE INSERT ON bookings
WHEN NEW.clear_until IS NULL OR NEW.clear_until < NEW.ends_at
BEGIN
    SELECT RAISE(ABORT, 'bookings_clear_after_end');
END;

CREATE TRIGGER bookings_clear_after_end_update
BEFORE UPDATE OF ends_at, clear_until ON bookings
WHEN NEW.clear_until IS NULL OR NEW.clear_until < NEW.ends_at
BEGIN
    SELECT RAISE(ABORT, 'bookings_clear_after_end');
END;

-- No double booking: a live booking may not overlap another live booking of the same
-- counsellor, buffers included. Writers take the write lock first (BEGIN IMMEDIATE), so the
-- check and the write it guards cannot interleave with another writer's.
CREATE TRIGGER bookings_no_overlap_insert
BEFORE INSERT ON bookings
WHEN NEW.status <> 'cancelled' AND EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.counsellor_id = NEW.counsellor_id
      AND b.status <> 'cancelled'
      AND b.starts_at < NEW.clear_until AND NEW.starts_at < b.clear_until
)
BEGIN
    SELECT RAISE(ABORT, 'booking_overlap');
END;

CREATE TRIGGER bookings_no_overlap_update
BEFORE UPDATE OF counsellor_id, starts_at, ends_at, clear_until, status ON bookings
WHEN NEW.status <> 'cancelled' AND EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.id <> NEW.id
      AND b.counsellor_id = NEW.counsellor_id
      AND b.status <> 'cancelled'
      AND b.starts_at < NEW.clear_until AND NEW.starts_at < b.clear_until
)
BEGIN
    SELECT RAISE(ABORT, 'booking_overlap');
END;

-- A job seeker has at most one first meeting booked (and not yet held or cancelled).
ALTER TABLE bookings ADD COLUMN is_first INTEGER NOT NULL DEFAULT 0 CHECK (is_first IN (0, 1));
CREATE UNIQUE INDEX bookings_one_first_meeting ON bookings (seeker_id)
    WHERE is_first = 1 AND status = 'booked';

-- How a video meeting is joined: a random room name, part of the link.
ALTER TABLE bookings ADD COLUMN video_room TEXT
    CHECK (video_room IS NULL OR length(video_room) BETWEEN 8 AND 64);

CREATE TRIGGER bookings_video_room_insert
BEFORE INSERT ON bookings
WHEN NEW.channel = 'video' AND NEW.video_room IS NULL
BEGIN
    SELECT RAISE(ABORT, 'bookings_video_room');
END;

CREATE TRIGGER bookings_video_room_update
BEFORE UPDATE OF channel, video_room ON bookings
WHEN NEW.channel = 'video' AND NEW.video_room IS NULL
BEGIN
    SELECT RAISE(ABORT, 'bookings_video_room');
END;

-- Cancelling keeps the row (the case history) with why and when.
ALTER TABLE bookings ADD COLUMN cancel_reason TEXT;
ALTER TABLE bookings ADD COLUMN cancel_note TEXT NOT NULL DEFAULT '';
ALTER TABLE bookings ADD COLUMN cancelled_at TEXT;
-- When the time or counsellor last changed, and how often: shown on Mina sidor.
ALTER TABLE bookings ADD COLUMN moved_at TEXT;
ALTER TABLE bookings ADD COLUMN times_moved INTEGER NOT NULL DEFAULT 0;

CREATE INDEX bookings_time ON bookings (starts_at);
