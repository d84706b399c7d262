-- The newsroom's desks (Politics desk, Sport desk): a named group of one edition with the
-- sections it looks after and the accounts that work on it. Not the contact form's
-- desks (`contact_desks`), which are where readers' messages go. A desk's stories are
-- those whose primary section is one of its sections; an account's desks pick what its
-- review queue shows and where its new stories start.

CREATE TABLE news_desks (
    id         INTEGER PRIMARY KEY,
    edition_id INTEGER NOT NULL REFERENCES editions (id),
    name       TEXT NOT NULL
) STRICT;
-- One name per edition, whatever its (ASCII) case; an expression index so that both
-- backends report it by this name.
CREATE UNIQUE INDEX news_desk_name_key ON news_desks (edition_id, lower(name));

-- Deleting a desk, a section or an account takes its rows here with it.
CREATE TABLE news_desk_sections (
    desk_id    INTEGER NOT NULL REFERENCES news_desks (id) ON DELETE CASCADE,
    section_id INTEGER NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
    PRIMARY KEY (desk_id, section_id)
) STRICT;
CREATE INDEX news_desk_sections_section ON news_desk_sections (section_id);

CREATE TABLE news_desk_members (
    desk_id INTEGER NOT NULL REFERENCES news_desks (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (desk_id, user_id)
) STRICT;
CREATE INDEX news_desk_members_user ON news_desk_members (user_id);
