-- Which stories use which image, and how: as hero, in a gallery, or in the body. Every
-- write of a story rewrites its rows, so "where used" in the media library is an index
-- lookup instead of a scan of every story body. No foreign key to images: a body may name
-- an image that is gone, and the list should say so rather than refuse the save.
CREATE TABLE story_images (
    story_id BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE DEFERRABLE,
    image_id BIGINT NOT NULL,
    role     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (story_id, image_id, role)
);
CREATE INDEX story_images_image ON story_images (image_id);

INSERT INTO story_images (story_id, image_id, role)
SELECT id, hero_image_id, 'hero' FROM stories WHERE hero_image_id IS NOT NULL
UNION SELECT story_id, image_id, 'gallery' FROM gallery_items
UNION SELECT b.story_id, CAST(block.value ->> 'image_id' AS BIGINT), 'body'
  FROM story_bodies b, jsonb_array_elements(b.body::jsonb) AS block (value)
  WHERE block.value ->> 'type' = 'image';
