-- New entries of a GIN index wait in a pending list until it holds
-- gin_pending_list_limit of them (4 MB by default) or a vacuum merges them, and every
-- search reads the whole list. With autovacuum off or behind, searches read up to 4 MB
-- more, twice (both indexes), for as long as the list fills. Half a megabyte keeps that
-- small and still batches a full build's writes (29 s for 10,465 stories, against 35 s
-- with 4 MB and 57 s with no pending list at all).
ALTER INDEX search_terms_terms SET (gin_pending_list_limit = 512);
ALTER INDEX search_terms_about SET (gin_pending_list_limit = 512);
