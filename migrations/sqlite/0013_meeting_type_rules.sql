-- Meeting types as administrators keep them (SQLite): besides length and buffer, how soon and
-- how far ahead a job seeker may book one, and the ways of meeting it is offered in. The
-- slot engine reads them from here. A version refuses a change drawn from an older state.
ALTER TABLE meeting_types ADD COLUMN notice_minutes INTEGER NOT NULL DEFAULT 120
    CHECK (notice_minutes BETWEEN 0 AND 20160);
ALTER TABLE meeting_types ADD COLUMN horizon_days INTEGER NOT NULL DEFAULT 28
    CHECK (horizon_days BETWEEN 1 AND 365);
ALTER TABLE meeting_types ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
UPDATE meeting_types SET horizon_days = 91 WHERE code = 'follow-up';
UPDATE meeting_types SET notice_minutes = 1440, horizon_days = 56 WHERE code = 'employer-meeting';

CREATE TABLE meeting_type_channels (
    meeting_type_id INTEGER NOT NULL REFERENCES meeting_types (id) ON DELETE CASCADE,
    channel         TEXT NOT NULL CHECK (channel IN ('office', 'phone', 'video')),
    PRIMARY KEY (meeting_type_id, channel)
);
INSERT INTO meeting_type_channels (meeting_type_id, channel)
    SELECT m.id, c.channel FROM meeting_types m,
        (SELECT 'office' AS channel UNION ALL SELECT 'phone' UNION ALL SELECT 'video') c;
