//! The `SELECT`s that read a whole record with its relations in one query, each relation
//! aggregated into a JSON array (as text) in its order. They start every story and image
//! read, so each dialect builds them once ([`Dialect::selects`]).

use crate::db::Dialect;

/// A dialect's whole-record selects, built by [`Selects::build`].
#[derive(Debug)]
pub struct Selects {
    story: String,
    image: String,
}

impl Selects {
    /// The selects in the SQL of dialect `D`.
    pub fn build<D: Dialect>() -> Selects {
        let array = D::JSON_ARRAY;
        let list = |value: &str, table: &str| {
            D::json_list(value, &format!("{table} WHERE story_id = s.id"), "position")
        };
        let story = format!(
            "SELECT s.*, b.body, {} AS secondary_ids, {} AS credits, {} AS topic_ids, \
             {} AS keyword_ids, {} AS recommended_ids, {} AS gallery \
             FROM stories s JOIN story_bodies b ON b.story_id = s.id",
            list("section_id", "story_sections"),
            list(
                &format!("{array}(author_id, agency_id, role)"),
                "story_credits"
            ),
            list("topic_id", "story_topics"),
            list("keyword_id", "story_keywords"),
            list("recommended_id", "story_recommendations"),
            list(&format!("{array}(image_id, caption)"), "gallery_items"),
        );
        let renditions = D::json_list(
            &format!("{array}(width, height, format, key)"),
            "renditions WHERE image_id = i.id",
            "width, format",
        );
        // Widest ratio first: 16:9, 4:3, 1:1.
        let crops = D::json_list(
            &format!("{array}(ratio, width, height, key)"),
            "image_crops WHERE image_id = i.id",
            "height * 100 / width",
        );
        Selects {
            story,
            image: format!(
                "SELECT i.*, {renditions} AS renditions, {crops} AS crops FROM images i"
            ),
        }
    }
}

/// A story row with its body and every relation: `{story_select} WHERE ...`.
pub fn story_select<D: Dialect>() -> &'static str {
    &D::selects().story
}

/// An image row with its renditions as `[width, height, format, key]`, narrowest first, and
/// its crops as `[ratio, width, height, key]`: `{image_select} WHERE ...` (the image is `i`).
pub fn image_select<D: Dialect>() -> &'static str {
    &D::selects().image
}
