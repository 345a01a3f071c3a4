-- Registration (PostgreSQL): the job seeker's account and the drafts of the registration form.

-- One account per job seeker: the password as an argon2id PHC string, never the password.
CREATE TABLE seeker_accounts (
    seeker_id       BIGINT PRIMARY KEY REFERENCES seekers (id) ON DELETE CASCADE,
    password_hash   TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    created_at      TIMESTAMPTZ NOT NULL,
    last_sign_in_at TIMESTAMPTZ
);

-- What someone has typed so far, found again by the hash of a random token kept in a cookie
-- of their browser. The data is the form as typed (JSON text), never a password. Drafts not
-- touched for 30 days are deleted.
CREATE TABLE registration_drafts (
    token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
    data       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX registration_drafts_updated ON registration_drafts (updated_at);
