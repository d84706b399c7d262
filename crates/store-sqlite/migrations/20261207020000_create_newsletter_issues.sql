-- Issues of a newsletter and their sends. An issue is planned for a list's scheduled time
-- (one per list and time, whichever node plans it first), composed once (subject and both
-- bodies, with marks where each subscriber's own links go), then sent to the subscribers
-- on the list when it was composed: one row each, so a send that stops resumes where it
-- stopped and nobody is sent it twice.

CREATE TABLE newsletter_issues (
    id            INTEGER PRIMARY KEY,
    newsletter_id INTEGER NOT NULL REFERENCES newsletters (id) ON DELETE CASCADE,
    -- The scheduled time it is for; NULL for an issue sent by hand (breaking news).
    slot          INTEGER,
    subject       TEXT NOT NULL DEFAULT '',
    text_body     TEXT NOT NULL DEFAULT '',
    html_body     TEXT NOT NULL DEFAULT '',
    story_count   INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    composed_at   INTEGER,
    finished_at   INTEGER,
    -- The counts once it is finished (the rows below go after 30 days; see retention).
    recipient_count INTEGER NOT NULL DEFAULT 0,
    sent_count      INTEGER NOT NULL DEFAULT 0,
    failed_count    INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT newsletter_issue_slot_key UNIQUE (newsletter_id, slot)
) STRICT;
CREATE INDEX newsletter_issues_list ON newsletter_issues (newsletter_id, composed_at);

-- One row per recipient of an issue. `claimed_until` reserves it for the worker sending it;
-- `sent_at` is set when the mail server accepted it, `failed_at` when it refused it for good,
-- `skipped_at` when the subscriber left or bounced before their turn.
CREATE TABLE issue_sends (
    issue_id      INTEGER NOT NULL REFERENCES newsletter_issues (id) ON DELETE CASCADE,
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    claimed_until INTEGER,
    sent_at       INTEGER,
    failed_at     INTEGER,
    skipped_at    INTEGER,
    error         TEXT,
    PRIMARY KEY (issue_id, subscriber_id)
) STRICT;
-- The recipients still to send to, so that each batch finds them without passing over the
-- ones done (an issue may have hundreds of thousands).
CREATE INDEX issue_sends_waiting ON issue_sends (issue_id, subscriber_id)
    WHERE sent_at IS NULL AND failed_at IS NULL AND skipped_at IS NULL;
-- Erasing a subscriber deletes their rows.
CREATE INDEX issue_sends_subscriber ON issue_sends (subscriber_id);
