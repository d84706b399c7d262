-- The sitemap index counts each edition's published stories by month with the newest
-- change of each: with the kind and the update time in the index (INCLUDE) that is an
-- index-only scan, not a read of every story's row (seconds at a million stories, after
-- every publish).
DROP INDEX stories_published;
CREATE INDEX stories_published ON stories (edition_id, status, published_at DESC NULLS LAST)
    INCLUDE (kind, updated_at);
