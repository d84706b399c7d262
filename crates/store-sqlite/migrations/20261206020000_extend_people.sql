-- People managed in the newsroom: an author's edition and social links, an agency's short
-- name, logo and link, and the slugs authors used to have.

-- NULL: the author writes for every edition. Links are http(s) URLs, one per line, in the
-- order the profile shows them (a handful per author: no table of their own).
ALTER TABLE authors ADD COLUMN edition_id INTEGER REFERENCES editions (id);
ALTER TABLE authors ADD COLUMN links TEXT NOT NULL DEFAULT '';

ALTER TABLE agencies ADD COLUMN short_name TEXT NOT NULL DEFAULT '';
ALTER TABLE agencies ADD COLUMN logo_id INTEGER REFERENCES images (id);
ALTER TABLE agencies ADD COLUMN url TEXT NOT NULL DEFAULT '';

-- Slugs an author page used to have (a rename, or an author merged into another), which
-- answer 301 with the author's page now. Rows follow their author.
CREATE TABLE author_aliases (
    slug      TEXT PRIMARY KEY NOT NULL,
    author_id INTEGER NOT NULL REFERENCES authors (id) ON DELETE CASCADE
) STRICT;
CREATE INDEX author_aliases_author ON author_aliases (author_id);
