-- Every published story's place in each list a reader pages through: the sections it is
-- in (its own, that section's parent, and the sections it is also listed in), its topics,
-- its keywords and its authors. list_kind: 1 section, 2 topic, 3 keyword, 4 author. A
-- list is read in key order and stops after one page, however large the archive; the
-- store rewrites a story's rows whenever its content, status or sections change.
CREATE TABLE story_lists (
    list_kind    INTEGER NOT NULL,
    list_id      INTEGER NOT NULL,
    edition_id   INTEGER NOT NULL,
    published_at INTEGER NOT NULL,
    story_id     INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    PRIMARY KEY (list_kind, list_id, edition_id, published_at, story_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX story_lists_story ON story_lists (story_id);
-- A story's own rows are read and rewritten by story; this table's key starts with the
-- section.
CREATE INDEX story_sections_story ON story_sections (story_id);

INSERT INTO story_lists (list_kind, list_id, edition_id, published_at, story_id)
SELECT 1, s.section_id, s.edition_id, s.published_at, s.id FROM stories s
  WHERE s.section_id IS NOT NULL
    AND s.status = 'published' AND s.kind <> 'page' AND s.published_at IS NOT NULL
UNION SELECT 1, c.parent_id, s.edition_id, s.published_at, s.id
  FROM stories s JOIN sections c ON c.id = s.section_id
  WHERE c.parent_id IS NOT NULL
    AND s.status = 'published' AND s.kind <> 'page' AND s.published_at IS NOT NULL
UNION SELECT 1, x.section_id, s.edition_id, s.published_at, s.id
  FROM stories s JOIN story_sections x ON x.story_id = s.id
  WHERE s.status = 'published' AND s.kind <> 'page' AND s.published_at IS NOT NULL
UNION SELECT 2, x.topic_id, s.edition_id, s.published_at, s.id
  FROM stories s JOIN story_topics x ON x.story_id = s.id
  WHERE s.status = 'published' AND s.kind <> 'page' AND s.published_at IS NOT NULL
UNION SELECT 3, x.keyword_id, s.edition_id, s.published_at, s.id
  FROM stories s JOIN story_keywords x ON x.story_id = s.id
  WHERE s.status = 'published' AND s.kind <> 'page' AND s.published_at IS NOT NULL
UNION SELECT 4, x.author_id, s.edition_id, s.published_at, s.id
  FROM stories s JOIN story_credits x ON x.story_id = s.id
  WHERE x.author_id IS NOT NULL
    AND s.status = 'published' AND s.kind <> 'page' AND s.published_at IS NOT NULL;
