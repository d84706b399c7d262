-- The dashboard's "most changed today" counts each story's saves since the start of the
-- newsroom's day: this index finds those saves without reading every story's history.
CREATE INDEX story_revisions_created_at ON story_revisions (created_at);
