-- Newest-first lists of an edition put stories without a publish time last (NULLS LAST),
-- while this index kept PostgreSQL's default for DESC (NULLS FIRST): it could not read
-- the newest stories in order from it and sorted all of an edition's stories for every
-- list on the home page. (SQLite's DESC puts NULLs last already.)
DROP INDEX stories_published;
CREATE INDEX stories_published ON stories (edition_id, status, published_at DESC NULLS LAST);
