-- A search checks each match of the full-text index against the reader's filters, which
-- are columns of stories (edition, status, publication time, kind, section, owner; the
-- last change orders drafts). Reading them from each matching story's row visited a page
-- of the stories table per match; this index holds them beside the id, so the check reads
-- small index entries instead, and the filters stay right as stories change, with no
-- copy of them in the search index to keep up to date (see store-sql/src/search_query.rs).
CREATE INDEX stories_search_filters
    ON stories (id, edition_id, status, published_at, kind, section_id, owner_id, updated_at);
