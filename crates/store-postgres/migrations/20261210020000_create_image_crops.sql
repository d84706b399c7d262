-- Each image's crops for search engines and social sites: the picture cut to 16:9, 4:3 and
-- 1:1 around its focal point, one JPEG each (at most 1200 pixels wide). A table of their own
-- rather than rows of `renditions`, so that the pages' srcsets never mix ratios. Each row
-- keeps the focal point it was cut around: an image whose crops are missing (recorded
-- before crops existed) or were cut around another point gets new ones from the crop maker
-- every node runs, under new keys, so no cache keeps an old crop under a reused name.
CREATE TABLE image_crops (
    image_id BIGINT NOT NULL REFERENCES images (id) ON DELETE CASCADE DEFERRABLE,
    -- '16:9', '4:3' or '1:1'.
    ratio    TEXT COLLATE "C" NOT NULL,
    width    BIGINT NOT NULL,
    height   BIGINT NOT NULL,
    focal_x  DOUBLE PRECISION NOT NULL,
    focal_y  DOUBLE PRECISION NOT NULL,
    key      TEXT COLLATE "C" NOT NULL CONSTRAINT image_crop_key_key UNIQUE,
    PRIMARY KEY (image_id, ratio)
);
