-- The search index (see store::SearchIndex). The app's analyzer turns each story into
-- terms (stems and surface forms, per field); the database's own full-text index holds
-- them: here an FTS5 table, on PostgreSQL a tsvector with a GIN index. Both are
-- rebuilt from the stories at any time (`masthead reindex`), so `masthead copy` leaves
-- them out and the copy builds its own.

-- How far the index has followed the change log, and whether it holds every story:
-- `complete_at` is NULL until a full build has finished (one starts in the background
-- when a node finds it NULL).
CREATE TABLE search_state (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    last_change INTEGER NOT NULL,
    complete_at INTEGER
) STRICT;
INSERT INTO search_state (id, last_change, complete_at) VALUES (1, 0, NULL);

-- Each indexed story's standfirst and body as plain text, which result snippets are cut
-- from (the FTS5 table below keeps analyzed terms, not the text as written).
CREATE TABLE search_docs (
    story_id INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    plain    TEXT NOT NULL
) STRICT;

-- One row per story (rowid = story id). Each field's stems and surface forms are apart,
-- so that a phrase's words stay next to each other in either column. The terms come
-- analyzed and space-separated, so the `ascii` tokenizer only splits on the spaces (it
-- leaves non-ASCII letters alone). The table keeps its own copy of the terms: a
-- contentless table with deletes (`contentless_delete`) leaves a tombstone per replaced
-- row that every later merge passes over, which made a full rebuild several times slower.
CREATE VIRTUAL TABLE search_fts USING fts5 (
    headline_stems, headline_words,
    standfirst_stems, standfirst_words,
    labels_stems, labels_words,
    body_stems, body_words,
    tokenize = 'ascii'
);
