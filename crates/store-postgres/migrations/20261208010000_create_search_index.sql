-- The search index (see store::SearchIndex). The app's analyzer turns each story into
-- terms (stems and surface forms, per field); the database's own full-text index holds
-- them: here a tsvector with a GIN index, on SQLite an FTS5 table. Both are rebuilt from
-- the stories at any time (`masthead reindex`), so `masthead copy` leaves them out and
-- the copy builds its own.

-- How far the index has followed the change log, and whether it holds every story:
-- `complete_at` is NULL until a full build has finished (one starts in the background
-- when a node finds it NULL).
CREATE TABLE search_state (
    id          BIGINT PRIMARY KEY CHECK (id = 1),
    last_change BIGINT NOT NULL,
    complete_at BIGINT
);
INSERT INTO search_state (id, last_change, complete_at) VALUES (1, 0, NULL);

-- Each indexed story's standfirst and body as plain text, which result snippets are cut
-- from. Text is compared by bytes, as on SQLite (see 20261204120000_same_meaning_as_sqlite.sql).
CREATE TABLE search_docs (
    story_id BIGINT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    plain    TEXT COLLATE "C" NOT NULL
);

-- The terms, as a tsvector built by the app (not by to_tsvector: the analyzer has done
-- the work): a word's stem and surface form share its position, so a phrase matches
-- through either; fields are weighted A (headline), B (standfirst), C (labels) and D
-- (body and captions). A table of its own, like SQLite's FTS5 table.
CREATE TABLE search_terms (
    story_id BIGINT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    terms    tsvector NOT NULL
);
CREATE INDEX search_terms_terms ON search_terms USING GIN (terms);
