-- Each story's filter columns (edition, status, publication time, kind, section, owner,
-- last change), kept beside its terms, so that a search reads its matches and their
-- filters from one table. Joined to the stories, a search looked up every match in the
-- stories' `stories_search_filters` index: at 10,465 stories most of the time of counting
-- a common word's thousand matches, and half that of ranking its pool. The index chose
-- no copy (see 20261212010000_index_story_search_filters.sql) so that a filter follows a
-- story at once, not when the index follows the change log (which does not log every
-- change of status); the triggers below keep that promise: the copy changes in the
-- statement that changes the story.
ALTER TABLE search_terms
    ADD COLUMN edition_id   BIGINT,
    ADD COLUMN status       TEXT,
    ADD COLUMN published_at BIGINT,
    ADD COLUMN kind         TEXT,
    ADD COLUMN section_id   BIGINT,
    ADD COLUMN owner_id     BIGINT,
    ADD COLUMN updated_at   BIGINT;

-- Each row is written anew, and a GIN index takes every term of a row written anew
-- again: the indexes are built afresh after the copy instead (a database of 10,465
-- indexed stories upgraded in 2.0 s that way, in 8.1 s with the indexes kept, and
-- they came out smaller).
DROP INDEX search_terms_terms;
DROP INDEX search_terms_about;
UPDATE search_terms t
   SET edition_id = s.edition_id, status = s.status, published_at = s.published_at,
       kind = s.kind, section_id = s.section_id, owner_id = s.owner_id,
       updated_at = s.updated_at
  FROM stories s
 WHERE s.id = t.story_id;
-- As 20261208010000_create_search_index, 20261213010000_search_about_terms and
-- 20261214010000_search_pending_lists made them.
CREATE INDEX search_terms_terms ON search_terms USING GIN (terms)
    WITH (gin_pending_list_limit = 512);
CREATE INDEX search_terms_about ON search_terms USING GIN (about)
    WITH (gin_pending_list_limit = 512);

-- A story's terms are written with its filters as they are. `FOR SHARE` waits for a change
-- of the story still being made (whose trigger found no terms to change) and reads it.
CREATE FUNCTION search_terms_copy_filters() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT s.edition_id, s.status, s.published_at, s.kind, s.section_id, s.owner_id,
           s.updated_at
      INTO NEW.edition_id, NEW.status, NEW.published_at, NEW.kind, NEW.section_id,
           NEW.owner_id, NEW.updated_at
      FROM stories s
     WHERE s.id = NEW.story_id
       FOR SHARE;
    RETURN NEW;
END
$$;
CREATE TRIGGER search_terms_copy_filters BEFORE INSERT ON search_terms
    FOR EACH ROW EXECUTE FUNCTION search_terms_copy_filters();

-- A story's change of any filter is copied to its terms in the same statement.
CREATE FUNCTION stories_copy_search_filters() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE search_terms
       SET edition_id = NEW.edition_id, status = NEW.status,
           published_at = NEW.published_at, kind = NEW.kind, section_id = NEW.section_id,
           owner_id = NEW.owner_id, updated_at = NEW.updated_at
     WHERE story_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER stories_copy_search_filters AFTER UPDATE ON stories
    FOR EACH ROW
    WHEN ((OLD.edition_id, OLD.status, OLD.published_at, OLD.kind, OLD.section_id,
           OLD.owner_id, OLD.updated_at)
          IS DISTINCT FROM
          (NEW.edition_id, NEW.status, NEW.published_at, NEW.kind, NEW.section_id,
           NEW.owner_id, NEW.updated_at))
    EXECUTE FUNCTION stories_copy_search_filters();

ANALYZE search_terms;
