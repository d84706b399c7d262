//! SQLite's own query text; the row types are shared in `store_sql::rows`.

pub(crate) use store_sql::rows::*;

/// A story row with its body and every relation, each aggregated into a JSON array in
/// order, so a story is one query: `{STORY_SELECT} WHERE ...`.
pub(crate) const STORY_SELECT: &str = "SELECT s.*, b.body, \
     (SELECT json_group_array(section_id) FROM story_sections WHERE story_id = s.id) \
       AS secondary_ids, \
     (SELECT json_group_array(json_array(author_id, agency_id, role)) FROM \
       (SELECT * FROM story_credits WHERE story_id = s.id ORDER BY position)) AS credits, \
     (SELECT json_group_array(topic_id) FROM \
       (SELECT topic_id FROM story_topics WHERE story_id = s.id ORDER BY position)) AS topic_ids, \
     (SELECT json_group_array(keyword_id) FROM \
       (SELECT keyword_id FROM story_keywords WHERE story_id = s.id ORDER BY position)) \
       AS keyword_ids, \
     (SELECT json_group_array(recommended_id) FROM \
       (SELECT recommended_id FROM story_recommendations WHERE story_id = s.id \
        ORDER BY position)) AS recommended_ids, \
     (SELECT json_group_array(json_array(image_id, caption)) FROM \
       (SELECT image_id, caption FROM gallery_items WHERE story_id = s.id ORDER BY position)) \
       AS gallery \
     FROM stories s JOIN story_bodies b ON b.story_id = s.id";
