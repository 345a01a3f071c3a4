-- What administrators and office managers changed or looked at: who, when, what (an action
-- and the record it concerns) and the change from → to, as text. Never updated or deleted.
CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    staff_id     INTEGER NOT NULL REFERENCES staff (id),
    at           TEXT NOT NULL,
    action       TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 100),
    subject      TEXT NOT NULL DEFAULT '',
    before_value TEXT NOT NULL DEFAULT '',
    after_value  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TRIGGER audit_log_kept_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log_is_append_only');
END;
CREATE TRIGGER audit_log_kept_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log_is_append_only');
END;

-- The access log is searched by period and by staff member.
CREATE INDEX access_log_at ON access_log (at);
CREATE INDEX access_log_staff ON access_log (staff_id, at);
