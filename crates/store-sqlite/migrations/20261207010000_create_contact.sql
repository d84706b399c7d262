-- The contact form: each edition's desks (where readers' messages go) and the messages
-- readers sent, kept in the newsroom until an editor has handled them or an admin erases
-- them. A message is stored before its email to the desk is queued (same transaction), so
-- nothing a reader wrote is lost when the mail server is away or not configured.

CREATE TABLE contact_desks (
    id         INTEGER PRIMARY KEY,
    edition_id INTEGER NOT NULL REFERENCES editions (id),
    name       TEXT NOT NULL,
    -- Where the desk's messages are emailed.
    email      TEXT NOT NULL,
    position   INTEGER NOT NULL
) STRICT;
CREATE INDEX contact_desks_edition ON contact_desks (edition_id, position);

CREATE TABLE contact_messages (
    id          INTEGER PRIMARY KEY,
    edition_id  INTEGER NOT NULL REFERENCES editions (id),
    -- The desk chosen; NULL once the desk is removed. Its name as it was is kept below,
    -- so a removed desk's messages still say where they went.
    desk_id     INTEGER REFERENCES contact_desks (id) ON DELETE SET NULL,
    desk_name   TEXT NOT NULL,
    name        TEXT NOT NULL,
    email       TEXT NOT NULL,
    message     TEXT NOT NULL,
    -- The sender's address, for abuse reports; erased with the message.
    ip          TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    handled_at  INTEGER,
    handled_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    -- The email to the desk (none without [email] smtp_url); erased with the message.
    outbox_id   INTEGER REFERENCES outbox (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX contact_messages_edition ON contact_messages (edition_id, received_at);
-- The unhandled ones, for the inbox's default view and its count.
CREATE INDEX contact_messages_unhandled ON contact_messages (edition_id, received_at)
    WHERE handled_at IS NULL;
