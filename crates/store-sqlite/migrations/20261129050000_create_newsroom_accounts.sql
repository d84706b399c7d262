-- The newsroom: accounts and sessions, story ownership and revisions, the job queue,
-- the audit log and front curation. Times are INTEGER seconds since the epoch, UTC.

CREATE TABLE users (
    id                   INTEGER PRIMARY KEY,
    -- Stored lower-case: the unique key then ignores case as readers expect of emails.
    email                TEXT NOT NULL CONSTRAINT user_email_key UNIQUE,
    name                 TEXT NOT NULL,
    role                 TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'reporter', 'contributor')),
    -- argon2id PHC string.
    password_hash        TEXT NOT NULL,
    -- Set for one-time passwords: the first login must choose a new one.
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    disabled             INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    -- The byline profile a user writes under, if any.
    author_id            INTEGER REFERENCES authors (id),
    created_at           INTEGER NOT NULL
) STRICT;

-- Sessions live in the database so that several app nodes share them. The cookie holds a
-- random token; only its SHA-256 is stored, so a leaked table opens no sessions.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed logins, for the rate limit (per address) and the lockout (per account).
CREATE TABLE login_failures (
    email TEXT NOT NULL,
    ip    TEXT NOT NULL,
    at    INTEGER NOT NULL
) STRICT;
CREATE INDEX login_failures_email ON login_failures (email, at);
CREATE INDEX login_failures_ip ON login_failures (ip, at);

-- Who owns a story (contributors and reporters see only their own), which revision is
-- current (a save on top of an older one is a conflict) and when it is due.
ALTER TABLE stories ADD COLUMN owner_id INTEGER REFERENCES users (id);
ALTER TABLE stories ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE stories ADD COLUMN scheduled_at INTEGER;
CREATE INDEX stories_owner ON stories (owner_id, updated_at DESC);
CREATE INDEX stories_status ON stories (status, updated_at DESC);

-- Every save of a story: the full editable content as JSON (see store::StoryFields).
CREATE TABLE story_revisions (
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    number     INTEGER NOT NULL,
    user_id    INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL,
    status     TEXT NOT NULL,
    fields     TEXT NOT NULL,
    PRIMARY KEY (story_id, number)
) STRICT;

-- Unsaved work kept by autosave, one per story and person; also tells who has it open.
CREATE TABLE story_autosaves (
    story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    base_revision INTEGER NOT NULL,
    fields   TEXT,
    seen_at  INTEGER NOT NULL,
    PRIMARY KEY (story_id, user_id)
) STRICT;

-- Durable background work. A worker claims a due job by setting locked_until (a lease);
-- a job whose worker died is claimed again once the lease has run out. The job's effect
-- and its done_at are written in one transaction, so it happens exactly once.
CREATE TABLE jobs (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    subject_id   INTEGER NOT NULL,
    run_at       INTEGER NOT NULL,
    locked_until INTEGER,
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT,
    done_at      INTEGER,
    created_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX jobs_due ON jobs (done_at, run_at);

-- Who did what and when, for the newsroom's audit log.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    user_id   INTEGER REFERENCES users (id),
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    detail    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX audit_log_at ON audit_log (at DESC);

-- Editors' picks on a front: the home front (section_id NULL) or a section front.
-- front_id is 0 for the home front, else the section's id; slot is 'lead', 'top', or
-- 'section:{id}' for a section's block on the home front. Unpinned places fill with the
-- latest stories.
CREATE TABLE front_pins (
    edition_id INTEGER NOT NULL REFERENCES editions (id),
    front_id   INTEGER NOT NULL,
    slot       TEXT NOT NULL CHECK (slot IN ('lead', 'top') OR slot LIKE 'section:%'),
    position   INTEGER NOT NULL,
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    PRIMARY KEY (edition_id, front_id, slot, position)
) STRICT;

-- The breaking-news bar of an edition.
CREATE TABLE breaking_news (
    edition_id INTEGER PRIMARY KEY REFERENCES editions (id),
    text       TEXT NOT NULL,
    url        TEXT NOT NULL DEFAULT '',
    expires_at INTEGER NOT NULL
) STRICT;

-- Paths a section used to have, so stories under a moved or renamed section keep
-- answering (301) at their old URLs without a redirect row per story.
CREATE TABLE section_aliases (
    edition_id INTEGER NOT NULL REFERENCES editions (id),
    path       TEXT NOT NULL,
    section_id INTEGER NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
    PRIMARY KEY (edition_id, path)
) STRICT;
