-- How to apply for a job listing: a web address (an http or https URL) and an email
-- address, each empty when not given. The newsroom's form asks for at least one; listings
-- posted before this migration have neither until they are next saved.
ALTER TABLE job_listings ADD COLUMN apply_url TEXT NOT NULL DEFAULT '';
ALTER TABLE job_listings ADD COLUMN apply_email TEXT NOT NULL DEFAULT '';
