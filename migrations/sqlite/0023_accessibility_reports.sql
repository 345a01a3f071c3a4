-- Reports of shortcomings in the service's accessibility, sent by anyone from the
-- accessibility statement; administrators read them and mark them handled. No seeker id:
-- the sender need not be signed in, and an address to answer at is optional.
CREATE TABLE accessibility_reports (
    id          INTEGER PRIMARY KEY,
    place       TEXT CHECK (place IS NULL OR length(place) BETWEEN 1 AND 300),
    description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
    email       TEXT CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
    language    TEXT NOT NULL CHECK (language IN ('sv', 'en')),
    created_at  TEXT NOT NULL,
    handled_at  TEXT,
    handled_by  INTEGER REFERENCES staff (id),
    CHECK ((handled_at IS NULL) = (handled_by IS NULL))
);
CREATE INDEX accessibility_reports_open ON accessibility_reports (handled_at, created_at);
