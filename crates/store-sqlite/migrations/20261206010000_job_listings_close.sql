-- Job listings carry what a schema.org JobPosting needs and the newsroom can fill: the
-- kind of employment and when applications close (the end of the closing day, UTC).
-- A listing can also be closed by hand (closed_at) and reopened; readers' lists show only
-- listings neither closed nor past their closing time.
ALTER TABLE job_listings ADD COLUMN employment_type TEXT NOT NULL DEFAULT 'full_time';
ALTER TABLE job_listings ADD COLUMN closes_at INTEGER;
ALTER TABLE job_listings ADD COLUMN closed_at INTEGER;
ALTER TABLE job_listings ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
CREATE INDEX job_listings_closing ON job_listings (closes_at);
