//! Renaming and moving a section inside its transaction: the edition's paths before and
//! after, and the old paths kept as aliases so old URLs answer 301.

use std::collections::HashMap;

use sqlx::{Postgres, Transaction};
use store::*;

use crate::map_error;
use store_sql::tree::{section_paths, subtree};

use crate::rows::SectionRow;

type Result<T> = std::result::Result<T, StoreError>;

async fn edition_sections(
    tx: &mut Transaction<'_, Postgres>,
    edition_id: i64,
) -> Result<Vec<Section>> {
    let rows = sqlx::query_as::<_, SectionRow>(
        "SELECT * FROM sections WHERE edition_id = $1 ORDER BY position, id",
    )
    .bind(edition_id)
    .fetch_all(&mut **tx)
    .await
    .map_err(map_error)?;
    Ok(rows.into_iter().map(Section::from).collect())
}

/// Keeps the old paths of sections whose path changed as aliases, and forgets aliases
/// that are live paths again.
async fn record_aliases(
    tx: &mut Transaction<'_, Postgres>,
    edition_id: i64,
    moved: &[i64],
    before: &HashMap<i64, String>,
    after: &HashMap<i64, String>,
) -> Result<()> {
    for id in moved {
        let (Some(old), Some(new)) = (before.get(id), after.get(id)) else {
            continue;
        };
        if old == new {
            continue;
        }
        sqlx::query(
            "INSERT INTO section_aliases (edition_id, path, section_id) VALUES ($1, $2, $3) \
             ON CONFLICT (edition_id, path) DO UPDATE SET section_id = excluded.section_id",
        )
        .bind(edition_id)
        .bind(old)
        .bind(id)
        .execute(&mut **tx)
        .await
        .map_err(map_error)?;
        sqlx::query("DELETE FROM section_aliases WHERE edition_id = $1 AND path = $2")
            .bind(edition_id)
            .bind(new)
            .execute(&mut **tx)
            .await
            .map_err(map_error)?;
    }
    Ok(())
}

fn cycle() -> StoreError {
    StoreError::Conflict {
        constraint: "section_parent_cycle".into(),
    }
}

/// Renames or moves a section and keeps the old paths that changed; returns the section
/// and its descendants, whose pages all moved with it.
pub(crate) async fn update_section_in(
    tx: &mut Transaction<'_, Postgres>,
    changes: &SectionChanges,
) -> Result<Vec<i64>> {
    let mut sections = edition_sections(tx, changes.edition_id).await?;
    let current = sections
        .iter()
        .position(|s| s.id == changes.id)
        .ok_or(StoreError::NotFound)?;
    let before = section_paths(&sections);
    let moved = subtree(&sections, changes.id);
    if changes
        .parent_id
        .is_some_and(|parent| moved.contains(&parent))
    {
        return Err(cycle());
    }
    if let Some(parent) = changes.parent_id
        && !sections.iter().any(|s| s.id == parent)
    {
        return Err(StoreError::NotFound);
    }
    let reparented = sections[current].parent_id != changes.parent_id;
    let position = if reparented {
        sections
            .iter()
            .filter(|s| s.parent_id == changes.parent_id)
            .map(|s| s.position + 1)
            .max()
            .unwrap_or(0)
    } else {
        sections[current].position
    };
    sqlx::query(
        "UPDATE sections SET parent_id = $1, slug = $2, name = $3, description = $4, position = $5 \
         WHERE id = $6 AND edition_id = $7",
    )
    .bind(changes.parent_id)
    .bind(&changes.slug)
    .bind(&changes.name)
    .bind(&changes.description)
    .bind(position)
    .bind(changes.id)
    .bind(changes.edition_id)
    .execute(&mut **tx)
    .await
    .map_err(map_error)?;
    sections[current].parent_id = changes.parent_id;
    sections[current].slug = changes.slug.clone();
    let after = section_paths(&sections);
    record_aliases(tx, changes.edition_id, &moved, &before, &after).await?;
    Ok(moved)
}
