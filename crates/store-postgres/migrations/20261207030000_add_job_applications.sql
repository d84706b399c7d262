-- How to apply for a job listing: a web address (an http or https URL) and an email
-- address, each empty when not given. The newsroom's form asks for at least one; listings
-- posted before this migration have neither until they are next saved.
-- Text is compared by bytes, as on SQLite (see 20261204120000_same_meaning_as_sqlite.sql).
ALTER TABLE job_listings ADD COLUMN apply_url TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE job_listings ADD COLUMN apply_email TEXT COLLATE "C" NOT NULL DEFAULT '';
