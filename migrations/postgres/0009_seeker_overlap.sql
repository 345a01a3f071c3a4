-- A job seeker is in one meeting at a time: the database refuses a live booking that
-- overlaps another live booking of the same seeker (staff and seeker bookings alike), as it
-- does for a counsellor. The meetings themselves count, not the counsellor's buffer after.
ALTER TABLE bookings ADD CONSTRAINT seeker_overlap
    EXCLUDE USING gist (seeker_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
    WHERE (status <> 'cancelled');
