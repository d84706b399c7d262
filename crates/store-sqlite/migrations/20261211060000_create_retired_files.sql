-- Media files no page names any more but that caches elsewhere still may: a crop replaced
-- when its image's focal point moved is the og:image a social site or feed reader keeps
-- for a while, so its file stays until `delete_after` (epoch seconds) and the crop maker
-- then removes it. Recorded in the transaction that replaces the crops, so none is lost.
CREATE TABLE retired_files (
    key          TEXT NOT NULL CONSTRAINT retired_file_key PRIMARY KEY,
    delete_after INTEGER NOT NULL
) STRICT;

CREATE INDEX retired_files_due ON retired_files (delete_after);
