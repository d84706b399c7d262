//! Comparing revisions: a story's content as labelled lines of text, and a side-by-side
//! diff of two of them. A diff can take quadratic time, so [`compare`] runs it on a
//! blocking thread behind a gate, with caps on size and time: the async workers that
//! serve readers are never held up by it.

use std::time::{Duration, Instant};

use serde::Serialize;
use similar::{DiffOp, TextDiff};
use store::*;

use crate::service::gate::Gate;
use crate::service::site::EditionSite;

/// Texts longer than this (either side) are not compared line by line.
pub const MAX_DIFF_BYTES: usize = 1024 * 1024;
/// Texts of more lines than this (either side) are not compared line by line.
pub const MAX_DIFF_LINES: usize = 20_000;
/// A comparison that has not finished after this gives up.
pub const MAX_DIFF_TIME: Duration = Duration::from_secs(2);
/// Comparisons run at once, each on a blocking thread.
pub const DIFF_SLOTS: usize = 2;
/// How long a comparison waits for a slot before it is refused.
pub const DIFF_WAIT: Duration = Duration::from_secs(2);

/// Why two texts were not compared; the message is for the person who asked.
#[derive(Debug, PartialEq, thiserror::Error)]
pub enum DiffRefused {
    /// Over [`MAX_DIFF_BYTES`] or [`MAX_DIFF_LINES`].
    #[error(
        "These revisions are too large to compare line by line (the limit is 1 MB or 20,000 \
         lines of text each). Open each one to read it whole."
    )]
    TooLarge,
    /// The comparison ran past [`MAX_DIFF_TIME`].
    #[error(
        "These revisions differ too much to compare in reasonable time. Open each one to \
         read it whole."
    )]
    TooSlow,
    /// Every slot was taken for longer than [`DIFF_WAIT`].
    #[error("Other comparisons are running. Try again in a moment.")]
    Busy,
}

/// Compares two texts off the async workers: refused when too large, when no slot comes
/// free soon, or when it takes longer than [`MAX_DIFF_TIME`].
pub async fn compare(
    gate: &Gate,
    left: String,
    right: String,
) -> Result<Vec<DiffRow>, DiffRefused> {
    let too_large =
        |text: &str| text.len() > MAX_DIFF_BYTES || text.lines().count() > MAX_DIFF_LINES;
    if too_large(&left) || too_large(&right) {
        return Err(DiffRefused::TooLarge);
    }
    let slot = gate.enter().await.ok_or(DiffRefused::Busy)?;
    let diffed = tokio::task::spawn_blocking(move || {
        let _slot = slot;
        side_by_side_within(&left, &right, MAX_DIFF_TIME)
    })
    .await;
    match diffed {
        Ok(rows) => rows,
        Err(error) => std::panic::resume_unwind(error.into_panic()),
    }
}

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
        Block::LinkCard { url, title } => {
            format!("[link] {url} {}", title.as_deref().unwrap_or_default())
        }
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

/// Compares two texts line by line, pairing changed lines side by side; gives up after
/// `limit`.
fn side_by_side_within(
    left: &str,
    right: &str,
    limit: Duration,
) -> Result<Vec<DiffRow>, DiffRefused> {
    let deadline = Instant::now() + limit;
    let diff = TextDiff::configure()
        .deadline(deadline)
        .diff_lines(left, right);
    // Past the deadline the algorithm stops early and approximates: say so instead.
    if Instant::now() >= deadline {
        return Err(DiffRefused::TooSlow);
    }
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
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_line_sits_beside_its_old_self() {
        let rows =
            side_by_side_within("a\nb\nc\n", "a\nB\nc\nd\n", MAX_DIFF_TIME).expect("a small diff");

        assert_eq!(rows[0].change, "same");
        assert_eq!(rows[1].left.as_deref(), Some("b"));
        assert_eq!(rows[1].right.as_deref(), Some("B"));
        assert_eq!(rows[1].change, "changed");
        assert_eq!(rows.last().map(|row| row.change), Some("added"));
    }

    #[tokio::test]
    async fn texts_over_the_size_caps_are_not_compared() {
        let gate = Gate::new(1, DIFF_WAIT);
        let long = "line\n".repeat(MAX_DIFF_LINES + 1);
        let big = "x".repeat(MAX_DIFF_BYTES + 1);

        let by_lines = compare(&gate, long, "a\n".into()).await;
        let by_bytes = compare(&gate, "a\n".into(), big).await;

        assert_eq!(by_lines, Err(DiffRefused::TooLarge));
        assert_eq!(by_bytes, Err(DiffRefused::TooLarge));
    }
}
