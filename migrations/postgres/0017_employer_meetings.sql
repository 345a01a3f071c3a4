-- Employer meetings (PostgreSQL): a booking is with a job seeker or with an employer (one of
-- them, never both), made by one of the employer's users, perhaps about one of its needs.
-- The user and the need are the meeting's employer's: composite keys say so.
CREATE UNIQUE INDEX employer_users_of_employer ON employer_users (id, employer_id);
CREATE UNIQUE INDEX employer_needs_of_employer ON employer_needs (id, employer_id);

ALTER TABLE bookings ALTER COLUMN seeker_id DROP NOT NULL;
ALTER TABLE bookings ADD COLUMN employer_id BIGINT REFERENCES employers (id);
ALTER TABLE bookings ADD COLUMN employer_user_id BIGINT;
ALTER TABLE bookings ADD COLUMN need_id BIGINT;
ALTER TABLE bookings ADD CONSTRAINT bookings_employer_user
    FOREIGN KEY (employer_user_id, employer_id) REFERENCES employer_users (id, employer_id);
ALTER TABLE bookings ADD CONSTRAINT bookings_employer_need
    FOREIGN KEY (need_id, employer_id) REFERENCES employer_needs (id, employer_id);
ALTER TABLE bookings ADD CONSTRAINT bookings_with_one CHECK (
    (seeker_id IS NOT NULL AND employer_id IS NULL AND employer_user_id IS NULL
     AND need_id IS NULL)
    OR (seeker_id IS NULL AND employer_id IS NOT NULL AND employer_user_id IS NOT NULL
        AND NOT is_first));
CREATE INDEX bookings_employer ON bookings (employer_id, starts_at);
