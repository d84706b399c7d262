//! PostgreSQL's own query text; the row types are shared in `store_sql::rows`.

pub(crate) use store_sql::rows::*;

/// A story row with its body and every relation, each aggregated into a JSON array in
/// order, so a story is one query: `{STORY_SELECT} WHERE ...`. The arrays are sent as
/// text, the shape SQLite's `json_group_array` gives and the shared rows parse.
///
/// `story_sections` keeps no position: SQLite lists a story's secondary sections in the
/// order they were inserted (its table scan follows rowids), and `ctid`, the physical
/// order of the rows written together in one save, is PostgreSQL's nearest equivalent.
pub(crate) const STORY_SELECT: &str = "SELECT s.*, b.body, \
     (SELECT COALESCE(json_agg(section_id ORDER BY ctid), '[]')::text \
       FROM story_sections WHERE story_id = s.id) AS secondary_ids, \
     (SELECT COALESCE(json_agg(json_build_array(author_id, agency_id, role) \
         ORDER BY position), '[]')::text \
       FROM story_credits WHERE story_id = s.id) AS credits, \
     (SELECT COALESCE(json_agg(topic_id ORDER BY position), '[]')::text \
       FROM story_topics WHERE story_id = s.id) AS topic_ids, \
     (SELECT COALESCE(json_agg(keyword_id ORDER BY position), '[]')::text \
       FROM story_keywords WHERE story_id = s.id) AS keyword_ids, \
     (SELECT COALESCE(json_agg(recommended_id ORDER BY position), '[]')::text \
       FROM story_recommendations WHERE story_id = s.id) AS recommended_ids, \
     (SELECT COALESCE(json_agg(json_build_array(image_id, caption) ORDER BY position), \
         '[]')::text \
       FROM gallery_items WHERE story_id = s.id) AS gallery \
     FROM stories s JOIN story_bodies b ON b.story_id = s.id";

/// An image's renditions as a JSON array of `[width, height, format, key]`, narrowest
/// first, for `concat!("SELECT i.*, ", renditions!(), " AS renditions FROM images i")`.
/// SQLite reads them through the primary key (image_id, width, format), so equal widths
/// come in byte order of their format. A macro, so `concat!` makes static queries of it.
macro_rules! renditions {
    () => {
        "(SELECT COALESCE(json_agg(json_build_array(r.width, r.height, r.format, r.key) \
           ORDER BY r.width, r.format COLLATE \"C\"), '[]')::text \
         FROM renditions r WHERE r.image_id = i.id)"
    };
}
pub(crate) use renditions;

/// SQLite's `LIKE`, which ignores the case of ASCII letters only, as a condition:
/// `ascii_like!("subject", "pattern", "escape")`. `ILIKE` would also fold other letters
/// (and how depends on the database's locale), so both sides fold A-Z alone instead.
macro_rules! ascii_like {
    ($subject:literal, $pattern:literal, $escape:literal) => {
        concat!(
            "translate(",
            $subject,
            ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') LIKE translate(",
            $pattern,
            ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') ESCAPE '",
            $escape,
            "'"
        )
    };
}
pub(crate) use ascii_like;
