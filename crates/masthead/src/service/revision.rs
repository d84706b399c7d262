//! Comparing revisions: a story's content as labelled lines of text, and a side-by-side
//! diff of two of them.

use serde::Serialize;
use similar::{DiffOp, TextDiff};
use store::*;

use crate::service::site::EditionSite;

/// One row of a side-by-side diff.
#[derive(Debug, PartialEq, Serialize)]
pub struct DiffRow {
    /// The left (older) line, if this row has one.
    pub left: Option<String>,
    /// The right (newer) line, if this row has one.
    pub right: Option<String>,
    /// "same", "removed", "added" or "changed".
    pub change: &'static str,
}

fn runs(inlines: &[Inline]) -> String {
    inlines.iter().map(|run| run.text.as_str()).collect()
}

fn block_text(block: &Block) -> String {
    match block {
        Block::Paragraph { inlines } => runs(inlines),
        Block::Heading { text, .. } => format!("## {text}"),
        Block::Quote { text, cite } => match cite {
            Some(cite) => format!("> {text} — {cite}"),
            None => format!("> {text}"),
        },
        Block::List { items, .. } => items
            .iter()
            .map(|item| format!("• {}", runs(item)))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Image { image_id, caption } => {
            format!(
                "[image {image_id}] {}",
                caption.as_deref().unwrap_or_default()
            )
        }
        Block::Embed { url } => format!("[embed] {url}"),
        Block::Related { story_id } => format!("[related story {story_id}]"),
    }
}

/// A story's content as lines of text, labelled by field, for comparing.
pub fn story_text(fields: &StoryFields, edition: &EditionSite) -> String {
    let section = |id: &i64| {
        edition
            .section(*id)
            .map_or_else(|| id.to_string(), |section| section.name.clone())
    };
    let optional = |value: &Option<String>| value.clone().unwrap_or_default();
    let ids = |ids: &[i64]| {
        ids.iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut lines = vec![
        format!("Kind: {}", fields.kind.as_str()),
        format!("Headline: {}", fields.headline),
        format!("Standfirst: {}", optional(&fields.standfirst)),
        format!("Slug: {}", fields.slug),
        format!(
            "Section: {}",
            fields.section_id.as_ref().map(section).unwrap_or_default()
        ),
        format!(
            "Also in: {}",
            fields
                .secondary_section_ids
                .iter()
                .map(section)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        format!("Dateline: {}", optional(&fields.dateline)),
        format!(
            "Hero image: {}",
            fields
                .hero_image_id
                .map(|id| id.to_string())
                .unwrap_or_default()
        ),
        format!("Topics: {}", ids(&fields.topic_ids)),
        format!("Keywords: {}", ids(&fields.keyword_ids)),
        format!("Recommended: {}", ids(&fields.recommended_ids)),
        format!("Video: {}", optional(&fields.video_url)),
        format!("SEO title: {}", optional(&fields.seo_title)),
        format!("SEO description: {}", optional(&fields.seo_description)),
    ];
    for item in &fields.gallery {
        lines.push(format!("Gallery: {} {}", item.image_id, item.caption));
    }
    lines.push(String::new());
    lines.extend(fields.body.0.iter().map(block_text));
    lines.join("\n")
}

/// Compares two texts line by line, pairing changed lines side by side.
pub fn side_by_side(left: &str, right: &str) -> Vec<DiffRow> {
    let diff = TextDiff::from_lines(left, right);
    let old: Vec<&str> = left.lines().collect();
    let new: Vec<&str> = right.lines().collect();
    let line = |lines: &[&str], index: usize| lines.get(index).map(|text| (*text).to_string());
    let mut rows = Vec::new();
    for op in diff.ops() {
        match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                rows.extend((0..len).map(|i| DiffRow {
                    left: line(&old, old_index + i),
                    right: line(&new, new_index + i),
                    change: "same",
                }));
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                rows.extend((0..old_len).map(|i| DiffRow {
                    left: line(&old, old_index + i),
                    right: None,
                    change: "removed",
                }));
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                rows.extend((0..new_len).map(|i| DiffRow {
                    left: None,
                    right: line(&new, new_index + i),
                    change: "added",
                }));
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                rows.extend((0..old_len.max(new_len)).map(|i| DiffRow {
                    left: (i < old_len).then(|| line(&old, old_index + i)).flatten(),
                    right: (i < new_len).then(|| line(&new, new_index + i)).flatten(),
                    change: "changed",
                }));
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_line_sits_beside_its_old_self() {
        let rows = side_by_side("a\nb\nc\n", "a\nB\nc\nd\n");

        assert_eq!(rows[0].change, "same");
        assert_eq!(rows[1].left.as_deref(), Some("b"));
        assert_eq!(rows[1].right.as_deref(), Some("B"));
        assert_eq!(rows[1].change, "changed");
        assert_eq!(rows.last().map(|row| row.change), Some("added"));
    }
}
