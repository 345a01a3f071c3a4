-- Days an office is closed beyond the public holidays (which are computed, not stored): a
-- planning day, a move. Nothing is offered with its counsellors on such a day.
CREATE TABLE office_closures (
    office_id BIGINT NOT NULL REFERENCES offices (id) ON DELETE CASCADE,
    day       DATE NOT NULL,
    reason    TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 200),
    PRIMARY KEY (office_id, day)
);
