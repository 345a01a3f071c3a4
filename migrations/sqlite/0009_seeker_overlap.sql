-- A job seeker is in one meeting at a time: the database refuses a live booking that
-- overlaps another live booking of the same seeker (staff and seeker bookings alike), as it
-- does for a counsellor. The meetings themselves count, not the counsellor's buffer after.
CREATE TRIGGER bookings_seeker_no_overlap_insert
BEFORE INSERT ON bookings
WHEN NEW.status <> 'cancelled' AND EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.seeker_id = NEW.seeker_id
      AND b.status <> 'cancelled'
      AND b.starts_at < NEW.ends_at AND NEW.starts_at < b.ends_at
)
BEGIN
    SELECT RAISE(ABORT, 'seeker_overlap');
END;

CREATE TRIGGER bookings_seeker_no_overlap_update
BEFORE UPDATE OF seeker_id, starts_at, ends_at, status ON bookings
WHEN NEW.status <> 'cancelled' AND EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.id <> NEW.id
      AND b.seeker_id = NEW.seeker_id
      AND b.status <> 'cancelled'
      AND b.starts_at < NEW.ends_at AND NEW.starts_at < b.ends_at
)
BEGIN
    SELECT RAISE(ABORT, 'seeker_overlap');
END;
