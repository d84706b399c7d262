-- Uploads from the newsroom's media library. Each keeps its metadata-stripped original
-- beside the renditions, and who uploaded it (reporters may edit their own uploads' text).
-- Images made before uploads existed (the demo's) have neither: both columns allow NULL.
ALTER TABLE images ADD COLUMN original_key TEXT;
ALTER TABLE images ADD COLUMN uploaded_by INTEGER REFERENCES users (id);

-- The library lists newest first.
CREATE INDEX images_created ON images (created_at DESC, id DESC);

-- "Where is this image used?" looks up heroes and gallery photos by image; body blocks are
-- JSON and are scanned (story_bodies has no index into its JSON).
CREATE INDEX stories_hero_image ON stories (hero_image_id) WHERE hero_image_id IS NOT NULL;
CREATE INDEX gallery_items_image ON gallery_items (image_id);
