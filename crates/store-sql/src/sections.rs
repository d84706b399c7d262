//! Renaming and moving a section inside its transaction: the edition's paths before and
//! after, and the old paths kept as aliases so old URLs answer 301.

use std::collections::HashMap;

use store::*;

use crate::db::{Db, Dialect};
use crate::lists::{Relist, relist};
use crate::tree::{section_paths, subtree};
use crate::{Tx, sql};

async fn edition_sections<D: Dialect>(
    tx: &mut Tx<D>,
    edition_id: i64,
) -> StoreResult<Vec<Section>> {
    tx.fetch_all(sql!(
        "SELECT * FROM sections WHERE edition_id = $1 ORDER BY position, id",
        edition_id
    ))
    .await
}

/// Keeps the old paths of sections whose path changed as aliases, and forgets aliases
/// that are live paths again.
async fn record_aliases<D: Dialect>(
    tx: &mut Tx<D>,
    edition_id: i64,
    moved: &[i64],
    before: &HashMap<i64, String>,
    after: &HashMap<i64, String>,
) -> StoreResult<()> {
    for id in moved {
        let (Some(old), Some(new)) = (before.get(id), after.get(id)) else {
            continue;
        };
        if old == new {
            continue;
        }
        tx.execute(sql!(
            "INSERT INTO section_aliases (edition_id, path, section_id) VALUES ($1, $2, $3) \
             ON CONFLICT (edition_id, path) DO UPDATE SET section_id = excluded.section_id",
            edition_id,
            old,
            id
        ))
        .await?;
        tx.execute(sql!(
            "DELETE FROM section_aliases WHERE edition_id = $1 AND path = $2",
            edition_id,
            new
        ))
        .await?;
    }
    Ok(())
}

/// Renames or moves a section and keeps the old paths that changed; returns the section
/// and its descendants, whose pages all moved with it.
pub async fn update_section_in<D: Dialect>(
    tx: &mut Tx<D>,
    changes: &SectionChanges,
) -> StoreResult<Vec<i64>> {
    let mut sections = edition_sections::<D>(tx, changes.edition_id).await?;
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
        return Err(StoreError::Conflict(Constraint::SectionParentCycle));
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
    tx.execute(sql!(
        "UPDATE sections SET parent_id = $1, slug = $2, name = $3, description = $4, \
           position = $5 WHERE id = $6 AND edition_id = $7",
        changes.parent_id,
        &changes.slug,
        &changes.name,
        &changes.description,
        position,
        changes.id,
        changes.edition_id
    ))
    .await?;
    if reparented {
        // Its stories are now listed under the new parent, no longer under the old.
        relist::<D>(tx, Relist::InSection(changes.id)).await?;
    }
    sections[current].parent_id = changes.parent_id;
    sections[current].slug = changes.slug.clone();
    let after = section_paths(&sections);
    record_aliases::<D>(tx, changes.edition_id, &moved, &before, &after).await?;
    Ok(moved)
}
