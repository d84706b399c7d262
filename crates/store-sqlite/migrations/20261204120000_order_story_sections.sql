-- A story's secondary sections keep the order the newsroom gave them. Until now that
-- order was only the order the rows were inserted in (rowid), which PostgreSQL does not
-- keep at all; a column says it on both. Existing rows keep their insertion order.
ALTER TABLE story_sections ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
UPDATE story_sections
SET position = (
    SELECT count(*) FROM story_sections AS earlier
    WHERE earlier.story_id = story_sections.story_id AND earlier.rowid < story_sections.rowid
);
