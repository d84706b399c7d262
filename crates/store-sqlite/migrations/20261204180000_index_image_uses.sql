-- Which stories use which image, and how: as hero, in a gallery, or in the body. Every
-- write of a story rewrites its rows, so "where used" in the media library is an index
-- lookup instead of a scan of every story body. No foreign key to images: a body may name
-- an image that is gone, and the list should say so rather than refuse the save.
CREATE TABLE story_images (
    story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    image_id INTEGER NOT NULL,
    role     TEXT NOT NULL,
    PRIMARY KEY (story_id, image_id, role)
) STRICT;
CREATE INDEX story_images_image ON story_images (image_id);

INSERT INTO story_images (story_id, image_id, role)
SELECT id, hero_image_id, 'hero' FROM stories WHERE hero_image_id IS NOT NULL
UNION SELECT story_id, image_id, 'gallery' FROM gallery_items
UNION SELECT b.story_id, CAST(block.value ->> 'image_id' AS INTEGER), 'body'
  FROM story_bodies b, json_each(b.body) block
  WHERE block.value ->> 'type' = 'image';
