//! The header and footer menus in the newsroom: add a section entry or a link, remove,
//! move up and down, and nest one level under the entry above.

use serde::Deserialize;
use store::*;

use crate::domain::link::parse_link;
use crate::domain::permission::Action;
use crate::domain::refusal::{Named, Refusal};
use crate::domain::text::one_line;
use crate::service::actor::Actor;
use crate::service::error::{ServiceError, ServiceResult, invalid};

/// The longest entry label.
pub const MAX_LABEL: usize = 60;

/// The menus the newsroom edits.
pub const EDITABLE_MENUS: [MenuKind; 2] = [MenuKind::Header, MenuKind::Footer];

/// A new menu entry as typed: a section (with an optional label of its own), or a label
/// and a link.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct MenuEntryInput {
    /// Section id, or empty for a link.
    pub section_id: String,
    /// Label; for a section entry, overrides the section's name.
    pub label: String,
    /// Site path or http(s) address, for a link.
    pub url: String,
}

/// A move of a menu entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MenuMove {
    /// One place up among its siblings.
    Up,
    /// One place down.
    Down,
    /// Nest under the top-level entry above it.
    In,
    /// Back to the top level, right after its parent.
    Out,
}

impl MenuMove {
    /// Parses a form value.
    pub fn parse(value: &str) -> Option<MenuMove> {
        Some(match value {
            "up" => MenuMove::Up,
            "down" => MenuMove::Down,
            "in" => MenuMove::In,
            "out" => MenuMove::Out,
            _ => return None,
        })
    }
}

/// The entries of one menu under one parent, in order.
fn siblings(items: &[MenuItem], parent: Option<i64>) -> Vec<i64> {
    let mut found: Vec<&MenuItem> = items.iter().filter(|i| i.parent_id == parent).collect();
    found.sort_by_key(|item| (item.position, item.id));
    found.into_iter().map(|item| item.id).collect()
}

/// The places of a list of siblings numbered in order.
fn numbered(ids: &[i64], parent: Option<i64>) -> impl Iterator<Item = MenuPlace> + '_ {
    ids.iter().enumerate().map(move |(position, id)| MenuPlace {
        id: *id,
        parent_id: parent,
        position: position as i64,
    })
}

/// Adds an entry at the end of a menu's top level.
pub async fn add_menu_entry(
    store: &dyn Store,
    actor: Actor,
    edition_id: i64,
    menu: MenuKind,
    input: &MenuEntryInput,
) -> ServiceResult<i64> {
    actor.require(Action::ManageTaxonomy)?;
    let items = store.menu_items(edition_id).await?;
    let position = items
        .iter()
        .filter(|item| item.menu == menu && item.parent_id.is_none())
        .map(|item| item.position + 1)
        .max()
        .unwrap_or(0);
    let label = one_line(
        &input.label,
        Named::Label,
        MAX_LABEL,
        !input.section_id.is_empty(),
    )
    .map_err(ServiceError::Invalid)?;
    let (section_id, url) = if input.section_id.is_empty() {
        (
            None,
            Some(parse_link(&input.url).map_err(ServiceError::Invalid)?),
        )
    } else {
        let sections = store.sections(edition_id).await?;
        match input.section_id.trim().parse::<i64>() {
            Ok(id) if sections.iter().any(|s| s.id == id) => (Some(id), None),
            _ => return invalid(Refusal::PickSectionOfEdition),
        }
    };
    let item = NewMenuItem {
        edition_id,
        menu,
        parent_id: None,
        position,
        section_id,
        label: (!label.is_empty()).then_some(label),
        url,
    };
    let detail = format!(
        "{}: {}",
        menu.as_str(),
        item.label
            .as_ref()
            .or(item.url.as_ref())
            .cloned()
            .unwrap_or_default()
    );
    let audit = actor.audit("menu.add", "menu_item", None, detail);
    Ok(store.add_menu_item(&item, &audit).await?)
}

/// An edition's menu entries and the one asked for, if it is in a menu the newsroom edits.
async fn editable_entry(
    store: &dyn Store,
    edition_id: i64,
    id: i64,
) -> ServiceResult<(Vec<MenuItem>, MenuItem)> {
    let all = store.menu_items(edition_id).await?;
    let item = all
        .iter()
        .find(|item| item.id == id && EDITABLE_MENUS.contains(&item.menu))
        .cloned()
        .ok_or(ServiceError::NotFound)?;
    Ok((all, item))
}

/// Removes an entry and the entries nested under it.
pub async fn remove_menu_entry(
    store: &dyn Store,
    actor: Actor,
    edition_id: i64,
    id: i64,
) -> ServiceResult<()> {
    actor.require(Action::ManageTaxonomy)?;
    editable_entry(store, edition_id, id).await?;
    let audit = actor.audit("menu.remove", "menu_item", Some(id), String::new());
    Ok(store.remove_menu_item(edition_id, id, &audit).await?)
}

/// The new places a move gives to the entries it touches.
fn arrange(
    items: &[MenuItem],
    item: &MenuItem,
    direction: MenuMove,
) -> Result<Vec<MenuPlace>, Refusal> {
    let mut own = siblings(items, item.parent_id);
    let index = own.iter().position(|id| *id == item.id).unwrap_or_default();
    match direction {
        MenuMove::Up | MenuMove::Down => {
            let other = match direction {
                MenuMove::Up => index.checked_sub(1),
                _ => Some(index + 1).filter(|other| *other < own.len()),
            };
            if let Some(other) = other {
                own.swap(index, other);
            }
            Ok(numbered(&own, item.parent_id).collect())
        }
        MenuMove::In => {
            if item.parent_id.is_some() {
                return Err(Refusal::MenuNestOneLevel);
            }
            if !siblings(items, Some(item.id)).is_empty() {
                return Err(Refusal::MenuHasEntries);
            }
            let Some(parent) = index.checked_sub(1).map(|above| own[above]) else {
                return Err(Refusal::MenuFirstEntry);
            };
            own.remove(index);
            let mut under = siblings(items, Some(parent));
            under.push(item.id);
            Ok(numbered(&own, None)
                .chain(numbered(&under, Some(parent)))
                .collect())
        }
        MenuMove::Out => {
            let Some(parent) = item.parent_id else {
                return Err(Refusal::MenuAtTop);
            };
            own.remove(index);
            let mut top = siblings(items, None);
            let after = top
                .iter()
                .position(|id| *id == parent)
                .map_or(top.len(), |p| p + 1);
            top.insert(after, item.id);
            Ok(numbered(&own, Some(parent))
                .chain(numbered(&top, None))
                .collect())
        }
    }
}

/// Moves an entry up, down, in under the entry above, or out to the top level.
pub async fn move_menu_entry(
    store: &dyn Store,
    actor: Actor,
    edition_id: i64,
    id: i64,
    direction: &str,
) -> ServiceResult<()> {
    actor.require(Action::ManageTaxonomy)?;
    let direction =
        MenuMove::parse(direction).ok_or(ServiceError::Invalid(Refusal::UnknownMove))?;
    let (all, item) = editable_entry(store, edition_id, id).await?;
    let menu = item.menu;
    let items: Vec<MenuItem> = all.iter().filter(|i| i.menu == menu).cloned().collect();
    let places = arrange(&items, &item, direction).map_err(ServiceError::Invalid)?;
    let arrangement = MenuArrangement {
        edition_id,
        menu,
        places,
    };
    let detail = format!("{direction:?}").to_lowercase();
    let audit = actor.audit("menu.move", "menu_item", Some(id), detail);
    Ok(store.arrange_menu(&arrangement, &audit).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: i64, parent_id: Option<i64>, position: i64) -> MenuItem {
        MenuItem {
            id,
            edition_id: 1,
            menu: MenuKind::Header,
            parent_id,
            position,
            section_id: Some(id),
            label: None,
            url: None,
        }
    }

    fn order(places: &[MenuPlace], parent: Option<i64>) -> Vec<i64> {
        let mut mine: Vec<&MenuPlace> = places.iter().filter(|p| p.parent_id == parent).collect();
        mine.sort_by_key(|p| p.position);
        mine.iter().map(|p| p.id).collect()
    }

    #[test]
    fn entries_nest_one_level_under_the_entry_above() {
        let items = [
            item(1, None, 0),
            item(2, None, 1),
            item(3, None, 2),
            item(4, Some(1), 0),
        ];

        let nested = arrange(&items, &items[2], MenuMove::In).expect("accepted");
        let out = arrange(&items, &items[3], MenuMove::Out).expect("accepted");

        assert_eq!(order(&nested, Some(2)), [3]);
        assert_eq!(order(&nested, None), [1, 2]);
        assert_eq!(order(&out, None), [1, 4, 2, 3]);
        assert!(
            arrange(&items, &items[0], MenuMove::In).is_err(),
            "first entry"
        );
        assert!(
            arrange(&items, &items[3], MenuMove::In).is_err(),
            "two levels"
        );
        let up = arrange(&items, &items[1], MenuMove::Up).expect("accepted");
        assert_eq!(order(&up, None), [2, 1, 3]);
    }
}
