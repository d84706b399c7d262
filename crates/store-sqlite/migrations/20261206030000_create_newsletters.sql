-- The newsletter: lists per edition, their subscribers with the consent each gave, and
-- an outbox of email that the job queue sends (stored first, so nothing is lost when the
-- mail server is away). Also the per-network count of public form posts (sign-up and
-- contact), and the keys that sign links in emails, shared by every node.

CREATE TABLE newsletters (
    id          INTEGER PRIMARY KEY,
    edition_id  INTEGER NOT NULL REFERENCES editions (id),
    slug        TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    -- The display name of the sender ("The Daily Briefing"); the address is [email] from.
    sender_name TEXT NOT NULL,
    -- 'daily', 'weekly' or 'breaking' (sent from the breaking-news bar).
    schedule    TEXT NOT NULL CHECK (schedule IN ('daily', 'weekly', 'breaking')),
    -- Local time of day ('07:00') in the edition's time zone; weekly lists send on Mondays.
    send_time   TEXT NOT NULL,
    position    INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    CONSTRAINT newsletter_slug_key UNIQUE (edition_id, slug)
) STRICT;

-- The sections a digest is made from (none: every section of the edition).
CREATE TABLE newsletter_sections (
    newsletter_id INTEGER NOT NULL REFERENCES newsletters (id) ON DELETE CASCADE,
    section_id    INTEGER NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
    PRIMARY KEY (newsletter_id, section_id)
) STRICT;

-- Every consent text readers agreed to, word for word: its id is its version.
CREATE TABLE consent_texts (
    id            INTEGER PRIMARY KEY,
    text          TEXT NOT NULL CONSTRAINT consent_text_key UNIQUE,
    first_used_at INTEGER NOT NULL
) STRICT;

-- One row per address (lower-case). `link_key` is random and goes into every signed link of
-- the subscriber's emails: a new key (or erasure) voids them all.
CREATE TABLE subscribers (
    id                   INTEGER PRIMARY KEY,
    email                TEXT NOT NULL CONSTRAINT subscriber_email_key UNIQUE,
    edition_id           INTEGER NOT NULL REFERENCES editions (id),
    link_key             TEXT NOT NULL,
    created_at           INTEGER NOT NULL,
    -- When the last confirmation email was queued: at most one an hour.
    confirmation_sent_at INTEGER,
    -- A hard bounce or complaint: nothing more is sent to the address.
    bounced_at           INTEGER
) STRICT;

-- A subscriber's lists: pending until confirmed from the email, with the consent given.
CREATE TABLE subscriptions (
    subscriber_id   INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    newsletter_id   INTEGER NOT NULL REFERENCES newsletters (id) ON DELETE CASCADE,
    consent_text_id INTEGER NOT NULL REFERENCES consent_texts (id),
    consented_at    INTEGER NOT NULL,
    consent_ip      TEXT NOT NULL,
    confirmed_at    INTEGER,
    unsubscribed_at INTEGER,
    PRIMARY KEY (subscriber_id, newsletter_id)
) STRICT;
CREATE INDEX subscriptions_newsletter ON subscriptions (newsletter_id, subscriber_id);

-- Email waiting to be sent, and sent. The job queue sends each (job kind 'send_email').
CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL,
    recipient     TEXT NOT NULL,
    -- The sender's display name; the address is [email] from.
    sender_name   TEXT NOT NULL,
    subject       TEXT NOT NULL,
    text_body     TEXT NOT NULL,
    html_body     TEXT NOT NULL,
    -- Extra headers as a JSON array of [name, value] pairs (List-Unsubscribe, ...).
    headers       TEXT NOT NULL,
    subscriber_id INTEGER REFERENCES subscribers (id) ON DELETE CASCADE,
    created_at    INTEGER NOT NULL,
    sent_at       INTEGER
) STRICT;

-- Posts of the public forms, by network (an IPv4 /24 or an IPv6 /48), for their limits.
CREATE TABLE form_posts (
    form    TEXT NOT NULL,
    network TEXT NOT NULL,
    at      INTEGER NOT NULL
) STRICT;
CREATE INDEX form_posts_network ON form_posts (form, network, at);
CREATE INDEX form_posts_at ON form_posts (at);

-- Secrets every node shares (the key that signs links in emails), made on first start.
CREATE TABLE site_keys (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
