-- The schema means on PostgreSQL what it means on SQLite, so one set of queries serves
-- both:
-- * flags are real booleans (SQLite's 0/1 integers decode as booleans too);
-- * text compares and sorts by bytes, as SQLite's BINARY collation does, whatever
--   locale the database was created with;
-- * a story's secondary sections have a position; their order was the heap order (ctid),
--   which UPDATE and VACUUM do not keep. Existing rows keep the order they have now.

-- The 0/1 checks cannot compare a boolean, and the integer defaults do not cast to one.
ALTER TABLE users DROP CONSTRAINT users_must_change_password_check;
ALTER TABLE users DROP CONSTRAINT users_disabled_check;
ALTER TABLE users
    ALTER COLUMN must_change_password DROP DEFAULT,
    ALTER COLUMN must_change_password TYPE BOOLEAN USING must_change_password <> 0,
    ALTER COLUMN must_change_password SET DEFAULT false,
    ALTER COLUMN disabled DROP DEFAULT,
    ALTER COLUMN disabled TYPE BOOLEAN USING disabled <> 0,
    ALTER COLUMN disabled SET DEFAULT false;
ALTER TABLE authors
    ALTER COLUMN columnist DROP DEFAULT,
    ALTER COLUMN columnist TYPE BOOLEAN USING columnist <> 0,
    ALTER COLUMN columnist SET DEFAULT false;

DO $$
DECLARE
    col record;
BEGIN
    FOR col IN
        SELECT table_name, column_name
        FROM information_schema.columns
        WHERE table_schema = current_schema()
          AND data_type = 'text'
          AND table_name <> '_sqlx_migrations'
          AND collation_name IS DISTINCT FROM 'C'
    LOOP
        EXECUTE format('ALTER TABLE %I ALTER COLUMN %I TYPE TEXT COLLATE "C"',
                       col.table_name, col.column_name);
    END LOOP;
END
$$;

ALTER TABLE story_sections ADD COLUMN position BIGINT NOT NULL DEFAULT 0;
UPDATE story_sections
SET position = ordered.position
FROM (
    SELECT ctid, row_number() OVER (PARTITION BY story_id ORDER BY ctid) - 1 AS position
    FROM story_sections
) AS ordered
WHERE story_sections.ctid = ordered.ctid;
