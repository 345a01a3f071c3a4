-- Assisted service, part one (PostgreSQL): staff find a person to help at the desk or on
-- the phone, and every search is kept in the access log with why it was made, whether it
-- found anyone or not; and a person registered by staff says who did it.

ALTER TABLE seekers ADD COLUMN registered_by_staff_id BIGINT REFERENCES staff (id);

-- A search is about the person it found, or about nobody (found nothing); `search` is what
-- was searched for, a number masked.
ALTER TABLE access_log ADD COLUMN search TEXT
    CHECK (search IS NULL OR length(search) BETWEEN 1 AND 200);
ALTER TABLE access_log ADD COLUMN note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200);
ALTER TABLE access_log DROP CONSTRAINT access_log_about_one;
ALTER TABLE access_log ADD CONSTRAINT access_log_about_one
    CHECK (seeker_id IS NULL OR employer_id IS NULL);
ALTER TABLE access_log ADD CONSTRAINT access_log_about_someone_or_a_search
    CHECK (seeker_id IS NOT NULL OR employer_id IS NOT NULL OR search IS NOT NULL);

-- Finding a person by name and date of birth: the date of birth is the personal number's
-- first eight digits.
CREATE INDEX seekers_born ON seekers (substr(personal_number, 1, 8));
