-- The language messages to an employer's user are written in: the one they last booked or
-- cancelled in, as for job seekers.
ALTER TABLE employer_users ADD COLUMN message_language TEXT NOT NULL DEFAULT 'sv'
    CHECK (message_language IN ('sv', 'en'));
