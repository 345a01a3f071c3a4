-- Days an office is closed beyond the public holidays (which are computed, not stored): a
-- planning day, a move. Nothing is offered with its counsellors on such a day.
CREATE TABLE office_closures (
    office_id INTEGER NOT NULL REFERENCES offices (id) ON DELETE CASCADE,
    day       TEXT NOT NULL
              CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(day) = day),
    reason    TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 200),
    PRIMARY KEY (office_id, day)
);
