-- The newsroom's core schema: editions, sections, menus, people, media, stories.
-- Times are INTEGER seconds since the Unix epoch, UTC; an edition's timezone is only for display.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE editions (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL CONSTRAINT edition_code_key UNIQUE,
    name        TEXT NOT NULL,
    language    TEXT NOT NULL,
    direction   TEXT NOT NULL CHECK (direction IN ('ltr', 'rtl')),
    timezone    TEXT NOT NULL,
    -- '' for the default edition; '/ar' serves the Arabic edition under /ar/.
    path_prefix TEXT NOT NULL CONSTRAINT edition_prefix_key UNIQUE
) STRICT;

-- A tree: each section has one canonical parent, which forms its URL. Menus may show a
-- section under other parents too (see menu_items).
CREATE TABLE sections (
    id          INTEGER PRIMARY KEY,
    edition_id  INTEGER NOT NULL REFERENCES editions (id),
    parent_id   INTEGER REFERENCES sections (id),
    slug        TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0
) STRICT;
-- COALESCE so that two top sections (NULL parent) cannot share a slug either.
CREATE UNIQUE INDEX section_slug_key ON sections (edition_id, COALESCE(parent_id, 0), slug);

CREATE TABLE menu_items (
    id         INTEGER PRIMARY KEY,
    edition_id INTEGER NOT NULL REFERENCES editions (id),
    menu       TEXT NOT NULL CHECK (menu IN ('header', 'footer', 'service')),
    parent_id  INTEGER REFERENCES menu_items (id),
    position   INTEGER NOT NULL DEFAULT 0,
    section_id INTEGER REFERENCES sections (id),
    label      TEXT,
    url        TEXT,
    CHECK (section_id IS NOT NULL OR (label IS NOT NULL AND url IS NOT NULL))
) STRICT;
CREATE INDEX menu_items_edition ON menu_items (edition_id, menu, position);

CREATE TABLE images (
    id         INTEGER PRIMARY KEY,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    caption    TEXT NOT NULL DEFAULT '',
    credit     TEXT NOT NULL DEFAULT '',
    alt        TEXT NOT NULL DEFAULT '',
    focal_x    REAL NOT NULL DEFAULT 0.5,
    focal_y    REAL NOT NULL DEFAULT 0.5,
    created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE renditions (
    image_id INTEGER NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    width    INTEGER NOT NULL,
    height   INTEGER NOT NULL,
    format   TEXT NOT NULL,
    -- Key in the media store, e.g. '12/640.jpg'.
    key      TEXT NOT NULL CONSTRAINT rendition_key_key UNIQUE,
    PRIMARY KEY (image_id, width, format)
) STRICT;

CREATE TABLE authors (
    id        INTEGER PRIMARY KEY,
    slug      TEXT NOT NULL CONSTRAINT author_slug_key UNIQUE,
    name      TEXT NOT NULL,
    title     TEXT NOT NULL DEFAULT '',
    bio       TEXT NOT NULL DEFAULT '',
    columnist INTEGER NOT NULL DEFAULT 0,
    image_id  INTEGER REFERENCES images (id)
) STRICT;

CREATE TABLE agencies (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL CONSTRAINT agency_name_key UNIQUE
) STRICT;

CREATE TABLE topics (
    id          INTEGER PRIMARY KEY,
    edition_id  INTEGER NOT NULL REFERENCES editions (id),
    slug        TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    CONSTRAINT topic_slug_key UNIQUE (edition_id, slug)
) STRICT;

CREATE TABLE keywords (
    id         INTEGER PRIMARY KEY,
    edition_id INTEGER NOT NULL REFERENCES editions (id),
    slug       TEXT NOT NULL,
    name       TEXT NOT NULL,
    CONSTRAINT keyword_slug_key UNIQUE (edition_id, slug)
) STRICT;

CREATE TABLE stories (
    id              INTEGER PRIMARY KEY,
    edition_id      INTEGER NOT NULL REFERENCES editions (id),
    kind            TEXT NOT NULL CHECK (kind IN ('news', 'opinion', 'gallery', 'video', 'page')),
    status          TEXT NOT NULL
        CHECK (status IN ('draft', 'in_review', 'scheduled', 'published', 'unpublished')),
    headline        TEXT NOT NULL,
    standfirst      TEXT,
    slug            TEXT NOT NULL,
    -- NULL for static pages, which live at /{slug}.
    section_id      INTEGER REFERENCES sections (id),
    dateline        TEXT,
    published_at    INTEGER,
    updated_at      INTEGER NOT NULL,
    hero_image_id   INTEGER REFERENCES images (id),
    video_url       TEXT,
    short_code      TEXT NOT NULL CONSTRAINT story_short_code_key UNIQUE,
    seo_title       TEXT,
    seo_description TEXT
) STRICT;
-- Bodies live apart from the story rows: lists scan and sort story rows, and a large
-- body in the row would make SQLite walk its overflow pages for every listed story.
CREATE TABLE story_bodies (
    story_id INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    -- Structured blocks as JSON (see store::Body).
    body     TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX story_slug_key ON stories (edition_id, COALESCE(section_id, 0), slug);
-- Lists are "published, newest first" within an edition or a section.
CREATE INDEX stories_published ON stories (edition_id, status, published_at DESC);
CREATE INDEX stories_section ON stories (section_id, status, published_at DESC);

CREATE TABLE story_sections (
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    section_id INTEGER NOT NULL REFERENCES sections (id),
    PRIMARY KEY (section_id, story_id)
) STRICT;

CREATE TABLE story_credits (
    story_id  INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    author_id INTEGER REFERENCES authors (id),
    agency_id INTEGER REFERENCES agencies (id),
    role      TEXT NOT NULL CHECK (role IN ('by', 'reported_by', 'photos_by', 'translated_by')),
    PRIMARY KEY (story_id, position),
    CHECK ((author_id IS NULL) <> (agency_id IS NULL))
) STRICT;
CREATE INDEX story_credits_author ON story_credits (author_id);

CREATE TABLE story_topics (
    story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    topic_id INTEGER NOT NULL REFERENCES topics (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (topic_id, story_id)
) STRICT;
CREATE INDEX story_topics_story ON story_topics (story_id);

CREATE TABLE story_keywords (
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    keyword_id INTEGER NOT NULL REFERENCES keywords (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (keyword_id, story_id)
) STRICT;
CREATE INDEX story_keywords_story ON story_keywords (story_id);

CREATE TABLE story_recommendations (
    story_id       INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    recommended_id INTEGER NOT NULL REFERENCES stories (id),
    PRIMARY KEY (story_id, position)
) STRICT;

CREATE TABLE gallery_items (
    story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    image_id INTEGER NOT NULL REFERENCES images (id),
    caption  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (story_id, position)
) STRICT;

-- Paths that once showed a story (old slug or section) and now answer 301 to it.
CREATE TABLE redirects (
    edition_id INTEGER NOT NULL REFERENCES editions (id),
    path       TEXT NOT NULL,
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    PRIMARY KEY (edition_id, path)
) STRICT;

CREATE TABLE job_listings (
    id          INTEGER PRIMARY KEY,
    edition_id  INTEGER NOT NULL REFERENCES editions (id),
    title       TEXT NOT NULL,
    location    TEXT NOT NULL,
    description TEXT NOT NULL,
    posted_at   INTEGER NOT NULL
) STRICT;

-- Every publish, edit, unpublish and taxonomy change appends one row. Derived state
-- (page cache, search index, feeds, webhooks) follows this log by id.
CREATE TABLE changes (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    action    TEXT NOT NULL,
    -- Space-separated cache tags the change touches, e.g. 'story:12 section:3 home:1'.
    tags      TEXT NOT NULL
) STRICT;
