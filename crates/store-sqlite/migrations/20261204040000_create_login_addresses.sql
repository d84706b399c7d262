-- The addresses each account logged in from, and when last: the per-account login limit
-- spares them, so that someone who knows an editor's email cannot lock the editor out
-- from the editor's own address. Keyed by the email typed (lower-case), like
-- login_failures, so that a renamed or deleted account leaves nothing dangling.
CREATE TABLE login_addresses (
    email   TEXT NOT NULL,
    ip      TEXT NOT NULL,
    last_at INTEGER NOT NULL,
    PRIMARY KEY (email, ip)
) STRICT;
CREATE INDEX login_addresses_last_at ON login_addresses (last_at);
