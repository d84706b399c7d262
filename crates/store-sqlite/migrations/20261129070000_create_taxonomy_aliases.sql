-- Slugs topics and keywords used to have, so their old pages answer 301 after a topic is
-- renamed or a keyword merged into another. Rows follow their target: deleting a topic
-- or keyword deletes its old slugs too.
CREATE TABLE topic_aliases (
    edition_id INTEGER NOT NULL REFERENCES editions (id),
    slug       TEXT NOT NULL,
    topic_id   INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    PRIMARY KEY (edition_id, slug)
) STRICT;

CREATE TABLE keyword_aliases (
    edition_id INTEGER NOT NULL REFERENCES editions (id),
    slug       TEXT NOT NULL,
    keyword_id INTEGER NOT NULL REFERENCES keywords (id) ON DELETE CASCADE,
    PRIMARY KEY (edition_id, slug)
) STRICT;

-- Pins are read per front and a story's pins are looked up when it changes (its cache
-- tags name the fronts that pin it).
CREATE INDEX front_pins_story ON front_pins (story_id);
