-- The case of an employer (PostgreSQL): notes and the access log are about a job seeker or
-- an employer, one of the two.
ALTER TABLE case_notes ALTER COLUMN seeker_id DROP NOT NULL;
ALTER TABLE case_notes ADD COLUMN employer_id BIGINT REFERENCES employers (id) ON DELETE CASCADE;
ALTER TABLE case_notes ADD CONSTRAINT case_notes_about_one
    CHECK ((seeker_id IS NULL) <> (employer_id IS NULL));
CREATE INDEX case_notes_employer ON case_notes (employer_id, created_at);

ALTER TABLE access_log ALTER COLUMN seeker_id DROP NOT NULL;
ALTER TABLE access_log ADD COLUMN employer_id BIGINT REFERENCES employers (id) ON DELETE CASCADE;
ALTER TABLE access_log ADD CONSTRAINT access_log_about_one
    CHECK ((seeker_id IS NULL) <> (employer_id IS NULL));
CREATE INDEX access_log_employer ON access_log (employer_id, at);
