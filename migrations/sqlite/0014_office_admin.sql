-- Offices as administrators keep them (SQLite): whether the office takes visits, a version
-- that refuses a change drawn from an older state, the postcode areas it serves for the
-- nearest-office suggestion, and opening hours with several spans a day.
ALTER TABLE offices ADD COLUMN takes_visits INTEGER NOT NULL DEFAULT 1
    CHECK (takes_visits IN (0, 1));
ALTER TABLE offices ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);

-- A postcode area is the first two or three digits of a postcode; each is served by at most
-- one office, and the longest area that matches wins over the distance.
CREATE TABLE office_postcode_areas (
    office_id INTEGER NOT NULL REFERENCES offices (id) ON DELETE CASCADE,
    area      TEXT NOT NULL CHECK (area GLOB '[1-9][0-9]' OR area GLOB '[1-9][0-9][0-9]'),
    PRIMARY KEY (office_id, area)
);
CREATE UNIQUE INDEX office_postcode_areas_area ON office_postcode_areas (area);

CREATE TABLE office_hours (
    id        INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES offices (id) ON DELETE CASCADE,
    weekday   INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7), -- ISO: 1 = Monday
    opens     TEXT NOT NULL CHECK (opens GLOB '[0-2][0-9]:[0-5][0-9]'),
    closes    TEXT NOT NULL CHECK (closes GLOB '[0-2][0-9]:[0-5][0-9]'),
    UNIQUE (office_id, weekday, opens),
    CHECK (opens < closes)
);
INSERT INTO office_hours (office_id, weekday, opens, closes)
    SELECT office_id, weekday, opens, closes FROM office_opening_hours;
DROP TABLE office_opening_hours;
ALTER TABLE office_hours RENAME TO office_opening_hours;

-- Two spans of one day never overlap (touching is fine: 12:00–12:00 is no overlap).
CREATE TRIGGER opening_overlap_insert BEFORE INSERT ON office_opening_hours
WHEN EXISTS (SELECT 1 FROM office_opening_hours h
             WHERE h.office_id = NEW.office_id AND h.weekday = NEW.weekday
               AND h.opens < NEW.closes AND NEW.opens < h.closes)
BEGIN
    SELECT RAISE(ABORT, 'opening_overlap');
END;
CREATE TRIGGER opening_overlap_update BEFORE UPDATE ON office_opening_hours
WHEN EXISTS (SELECT 1 FROM office_opening_hours h
             WHERE h.id <> OLD.id AND h.office_id = NEW.office_id AND h.weekday = NEW.weekday
               AND h.opens < NEW.closes AND NEW.opens < h.closes)
BEGIN
    SELECT RAISE(ABORT, 'opening_overlap');
END;
