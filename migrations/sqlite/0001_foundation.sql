-- Tidbok foundation schema (SQLite). Times are UTC, stored as RFC 3339 text by sqlx, which
-- sorts and compares correctly because every stored time is whole seconds in UTC.

CREATE TABLE occupational_fields (
    id       INTEGER PRIMARY KEY,
    code     TEXT NOT NULL UNIQUE,
    name_sv  TEXT NOT NULL,
    name_en  TEXT NOT NULL
);

CREATE TABLE occupations (
    id       INTEGER PRIMARY KEY,
    code     TEXT NOT NULL UNIQUE,
    field_id INTEGER NOT NULL REFERENCES occupational_fields (id),
    name_sv  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    -- Names and synonyms folded for search-as-you-type (lower case, å/ä/ö kept).
    search_text TEXT NOT NULL
);
CREATE INDEX occupations_field ON occupations (field_id);

CREATE TABLE occupation_synonyms (
    occupation_id INTEGER NOT NULL REFERENCES occupations (id) ON DELETE CASCADE,
    synonym       TEXT NOT NULL,
    PRIMARY KEY (occupation_id, synonym)
);

CREATE TABLE offices (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    street    TEXT NOT NULL,
    postcode  INTEGER NOT NULL CHECK (postcode BETWEEN 10000 AND 99999),
    city      TEXT NOT NULL,
    phone     TEXT NOT NULL,
    email     TEXT NOT NULL,
    latitude  REAL NOT NULL,
    longitude REAL NOT NULL
);

CREATE TABLE office_opening_hours (
    office_id INTEGER NOT NULL REFERENCES offices (id) ON DELETE CASCADE,
    weekday   INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7), -- ISO: 1 = Monday
    opens     TEXT NOT NULL,
    closes    TEXT NOT NULL,
    PRIMARY KEY (office_id, weekday),
    CHECK (opens < closes)
);

CREATE TABLE counsellors (
    id         INTEGER PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name  TEXT NOT NULL,
    title      TEXT NOT NULL,
    phone      TEXT NOT NULL,
    email      TEXT NOT NULL UNIQUE,
    office_id  INTEGER NOT NULL REFERENCES offices (id)
);
CREATE INDEX counsellors_office ON counsellors (office_id);

CREATE TABLE counsellor_fields (
    counsellor_id INTEGER NOT NULL REFERENCES counsellors (id) ON DELETE CASCADE,
    field_id      INTEGER NOT NULL REFERENCES occupational_fields (id),
    PRIMARY KEY (counsellor_id, field_id)
);

CREATE TABLE counsellor_languages (
    counsellor_id INTEGER NOT NULL REFERENCES counsellors (id) ON DELETE CASCADE,
    language      TEXT NOT NULL CHECK (length(language) BETWEEN 2 AND 3),
    PRIMARY KEY (counsellor_id, language)
);

CREATE TABLE counsellor_channels (
    counsellor_id INTEGER NOT NULL REFERENCES counsellors (id) ON DELETE CASCADE,
    channel       TEXT NOT NULL CHECK (channel IN ('office', 'phone', 'video')),
    PRIMARY KEY (counsellor_id, channel)
);

CREATE TABLE meeting_types (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE,
    name_sv        TEXT NOT NULL,
    name_en        TEXT NOT NULL,
    minutes        INTEGER NOT NULL CHECK (minutes > 0),
    buffer_minutes INTEGER NOT NULL DEFAULT 0 CHECK (buffer_minutes >= 0)
);

CREATE TABLE availability (
    id            INTEGER PRIMARY KEY,
    counsellor_id INTEGER NOT NULL REFERENCES counsellors (id) ON DELETE CASCADE,
    starts_at     TEXT NOT NULL,
    ends_at       TEXT NOT NULL,
    CHECK (starts_at < ends_at)
);
CREATE INDEX availability_counsellor_time ON availability (counsellor_id, starts_at);

-- A counsellor's open times never overlap each other.
CREATE TRIGGER availability_no_overlap
BEFORE INSERT ON availability
WHEN EXISTS (
    SELECT 1 FROM availability a
    WHERE a.counsellor_id = NEW.counsellor_id
      AND a.starts_at < NEW.ends_at AND NEW.starts_at < a.ends_at
)
BEGIN
    SELECT RAISE(ABORT, 'availability_overlap');
END;

CREATE TABLE seekers (
    id                   INTEGER PRIMARY KEY,
    personal_number      TEXT NOT NULL UNIQUE CHECK (length(personal_number) = 12),
    first_name           TEXT NOT NULL,
    last_name            TEXT NOT NULL,
    email                TEXT NOT NULL UNIQUE,
    phone                TEXT NOT NULL,
    postcode             INTEGER NOT NULL,
    preferred_language   TEXT NOT NULL,
    interpreter_language TEXT,
    accessibility_needs  TEXT NOT NULL DEFAULT '',
    home_office_id       INTEGER REFERENCES offices (id),
    registered_online    INTEGER NOT NULL DEFAULT 1,
    created_at           TEXT NOT NULL
);

-- The parts of a profile that are searched or matched on are columns and rows; the rest
-- (descriptions, school names) is plain text beside them.
CREATE TABLE seeker_profiles (
    seeker_id     INTEGER PRIMARY KEY REFERENCES seekers (id) ON DELETE CASCADE,
    extent        TEXT NOT NULL CHECK (extent IN ('full', 'part', 'either')),
    earliest_start TEXT,
    situation     TEXT NOT NULL,
    regions       TEXT NOT NULL DEFAULT '',
    driving_licences TEXT NOT NULL DEFAULT '',
    other_skills  TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL
);

CREATE TABLE seeker_experiences (
    id            INTEGER PRIMARY KEY,
    seeker_id     INTEGER NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
    employer      TEXT NOT NULL,
    occupation_id INTEGER REFERENCES occupations (id),
    occupation_text TEXT NOT NULL,
    from_month    TEXT NOT NULL,
    to_month      TEXT,
    description   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE seeker_educations (
    id        INTEGER PRIMARY KEY,
    seeker_id INTEGER NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
    level     TEXT NOT NULL,
    field     TEXT NOT NULL,
    school    TEXT NOT NULL,
    year      INTEGER
);

CREATE TABLE seeker_languages (
    seeker_id INTEGER NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
    language  TEXT NOT NULL,
    level     TEXT NOT NULL,
    PRIMARY KEY (seeker_id, language)
);

CREATE TABLE seeker_desired_occupations (
    seeker_id     INTEGER NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
    occupation_id INTEGER NOT NULL REFERENCES occupations (id),
    PRIMARY KEY (seeker_id, occupation_id)
);

CREATE TABLE bookings (
    id              INTEGER PRIMARY KEY,
    seeker_id       INTEGER NOT NULL REFERENCES seekers (id),
    counsellor_id   INTEGER NOT NULL REFERENCES counsellors (id),
    meeting_type_id INTEGER NOT NULL REFERENCES meeting_types (id),
    channel         TEXT NOT NULL CHECK (channel IN ('office', 'phone', 'video')),
    office_id       INTEGER REFERENCES offices (id),
    starts_at       TEXT NOT NULL,
    ends_at         TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'booked'
                    CHECK (status IN ('booked', 'held', 'no_show', 'cancelled')),
    created_at      TEXT NOT NULL,
    CHECK (starts_at < ends_at),
    CHECK (channel <> 'office' OR office_id IS NOT NULL)
);
CREATE INDEX bookings_counsellor_time ON bookings (counsellor_id, starts_at);
CREATE INDEX bookings_seeker ON bookings (seeker_id);

-- No double booking: the database refuses a second live booking that overlaps another of
-- the same counsellor. Writers take the write lock first (BEGIN IMMEDIATE), so this check
-- and the insert it guards cannot interleave with another writer's.
CREATE TRIGGER bookings_no_overlap_insert
BEFORE INSERT ON bookings
WHEN NEW.status <> 'cancelled' AND EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.counsellor_id = NEW.counsellor_id
      AND b.status <> 'cancelled'
      AND b.starts_at < NEW.ends_at AND NEW.starts_at < b.ends_at
)
BEGIN
    SELECT RAISE(ABORT, 'booking_overlap');
END;

CREATE TRIGGER bookings_no_overlap_update
BEFORE UPDATE OF counsellor_id, starts_at, ends_at, status ON bookings
WHEN NEW.status <> 'cancelled' AND EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.id <> NEW.id
      AND b.counsellor_id = NEW.counsellor_id
      AND b.status <> 'cancelled'
      AND b.starts_at < NEW.ends_at AND NEW.starts_at < b.ends_at
)
BEGIN
    SELECT RAISE(ABORT, 'booking_overlap');
END;

-- Small facts about the database itself, e.g. which version of the reference data it holds.
CREATE TABLE app_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
