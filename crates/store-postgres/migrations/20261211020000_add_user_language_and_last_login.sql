-- Each account chooses the language of the newsroom's interface (English or Arabic), and
-- the users page shows when each account last logged in (NULL: never since this was kept).
ALTER TABLE users ADD COLUMN language TEXT COLLATE "C" NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'ar'));
ALTER TABLE users ADD COLUMN last_login_at BIGINT;
