-- A story's translations in the other editions. A link is kept as two rows, one from each
-- side, so that either story finds its counterpart through the primary key, and the pair
-- is written (and replaced) in one transaction by the store's link method. `edition_id`
-- is the counterpart's edition: a story has at most one counterpart per other edition.
CREATE TABLE story_translations (
    story_id       BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE DEFERRABLE,
    edition_id     BIGINT NOT NULL REFERENCES editions (id) DEFERRABLE,
    translation_id BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE DEFERRABLE,
    PRIMARY KEY (story_id, edition_id)
);
CREATE INDEX story_translations_translation ON story_translations (translation_id);
