-- Sessions end when a password changes: a staff session remembers the generation of the
-- password it was opened with, and every password change counts one up.
ALTER TABLE staff ADD COLUMN password_generation BIGINT NOT NULL DEFAULT 0;
