//! Front curation in the newsroom: the fronts of an edition (home and each top section),
//! their slots and numbered places, and pinning, unpinning and moving stories in them.

use store::*;

use crate::domain::permission::Action;
use crate::domain::refusal::Refusal;
use crate::service::actor::Actor;
use crate::service::error::{ServiceError, ServiceResult, invalid};
use crate::service::front::{LEAD_SLOT, SECTION_BLOCK, TOP_SLOT, TOP_STORIES, section_slot};
use crate::service::site::EditionSite;

/// One slot of a front and how many numbered places it has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrontSlot {
    /// `lead`, `top` or `section:{id}`.
    pub key: String,
    /// The section whose block it is on the home front; none for the lead and the top
    /// stories. The newsroom names slots in each account's words.
    pub section: Option<String>,
    /// Places, numbered from 1.
    pub places: usize,
}

/// A place on a front.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PinPlace {
    /// [`HOME_FRONT`] or a top section's id.
    pub front_id: i64,
    /// The slot.
    pub slot: String,
    /// The place, from 1.
    pub position: i64,
}

/// The fronts of an edition, by id and name: the home front (called `home`, in the
/// caller's words), then each top section's.
pub fn fronts(edition: &EditionSite, home: &str) -> Vec<(i64, String)> {
    let mut fronts = vec![(HOME_FRONT, home.to_string())];
    fronts.extend(edition.top_sections().map(|s| (s.id, s.name.clone())));
    fronts
}

/// The slots of a front, or `None` if the edition has no such front. The home front has
/// the lead, the top stories and a block per top section; a section front the lead and
/// the top stories, shown at the top of the section's first page.
pub fn front_slots(edition: &EditionSite, front_id: i64) -> Option<Vec<FrontSlot>> {
    let slot = |key: &str, section: Option<String>, places: usize| FrontSlot {
        key: key.to_string(),
        section,
        places,
    };
    let mut slots = vec![slot(LEAD_SLOT, None, 1), slot(TOP_SLOT, None, TOP_STORIES)];
    if front_id == HOME_FRONT {
        for section in edition.top_sections() {
            let name = Some(section.name.clone());
            slots.push(slot(&section_slot(section.id), name, SECTION_BLOCK));
        }
        return Some(slots);
    }
    let section = edition.section(front_id)?;
    section.parent_id.is_none().then_some(slots)
}

/// Checks that a place exists on the edition's fronts.
fn check_place(edition: &EditionSite, place: &PinPlace) -> ServiceResult<usize> {
    let slots = front_slots(edition, place.front_id).ok_or(ServiceError::NotFound)?;
    let slot = slots
        .iter()
        .find(|slot| slot.key == place.slot)
        .ok_or(ServiceError::NotFound)?;
    if !(1..=slot.places as i64).contains(&place.position) {
        return invalid(Refusal::PickPlace {
            places: slot.places,
        });
    }
    Ok(slot.places)
}

/// The published story of this edition a pin form names.
async fn pinnable(store: &dyn Store, edition_id: i64, typed: &str) -> ServiceResult<Teaser> {
    let id = match typed.trim().trim_start_matches('#').parse::<i64>() {
        Ok(id) if id > 0 => id,
        _ => return invalid(Refusal::GiveStoryNumber),
    };
    let Some(teaser) = store.teasers_by_ids(&[id]).await?.pop() else {
        return invalid(Refusal::PinUnpublished { id });
    };
    if teaser.edition_id != edition_id {
        return invalid(Refusal::PinOtherEdition { id });
    }
    if teaser.kind == StoryKind::Page {
        return invalid(Refusal::PinStaticPage);
    }
    Ok(teaser)
}

fn describe(place: &PinPlace) -> String {
    let front = if place.front_id == HOME_FRONT {
        "home".to_string()
    } else {
        format!("section {}", place.front_id)
    };
    format!("{front} {} {}", place.slot, place.position)
}

/// Pins a published story to a place, replacing what was pinned there. A story already
/// pinned elsewhere on the same front moves: it shows once per front.
pub async fn pin_story(
    store: &dyn Store,
    actor: Actor,
    edition: &EditionSite,
    place: &PinPlace,
    story: &str,
) -> ServiceResult<()> {
    actor.require(Action::CurateFronts)?;
    check_place(edition, place)?;
    let edition_id = edition.edition.id;
    let teaser = pinnable(store, edition_id, story).await?;
    let mut pins = store.front_pins(edition_id, place.front_id).await?;
    pins.retain(|pin| {
        pin.story_id != teaser.id && !(pin.slot == place.slot && pin.position == place.position)
    });
    pins.push(FrontPin {
        front_id: place.front_id,
        slot: place.slot.clone(),
        position: place.position,
        story_id: teaser.id,
    });
    let audit = actor.audit("front.pin", "story", Some(teaser.id), describe(place));
    Ok(store
        .replace_front_pins(edition_id, place.front_id, &pins, &audit)
        .await?)
}

/// Unpins whatever is pinned at a place; the latest stories fill it again.
pub async fn unpin_story(
    store: &dyn Store,
    actor: Actor,
    edition: &EditionSite,
    place: &PinPlace,
) -> ServiceResult<()> {
    actor.require(Action::CurateFronts)?;
    check_place(edition, place)?;
    let edition_id = edition.edition.id;
    let mut pins = store.front_pins(edition_id, place.front_id).await?;
    let Some(index) = pins
        .iter()
        .position(|pin| pin.slot == place.slot && pin.position == place.position)
    else {
        return Ok(());
    };
    let removed = pins.remove(index);
    let audit = actor.audit(
        "front.unpin",
        "story",
        Some(removed.story_id),
        describe(place),
    );
    Ok(store
        .replace_front_pins(edition_id, place.front_id, &pins, &audit)
        .await?)
}

/// Swaps a place's pin with the place above or below it in the same slot.
pub async fn move_pin(
    store: &dyn Store,
    actor: Actor,
    edition: &EditionSite,
    place: &PinPlace,
    up: bool,
) -> ServiceResult<()> {
    actor.require(Action::CurateFronts)?;
    let places = check_place(edition, place)? as i64;
    let other = if up {
        place.position - 1
    } else {
        place.position + 1
    };
    if !(1..=places).contains(&other) {
        return Ok(());
    }
    let edition_id = edition.edition.id;
    let mut pins = store.front_pins(edition_id, place.front_id).await?;
    let mut story = None;
    for pin in pins.iter_mut().filter(|pin| pin.slot == place.slot) {
        if pin.position == place.position {
            pin.position = other;
            story = Some(pin.story_id);
        } else if pin.position == other {
            pin.position = place.position;
        }
    }
    let Some(story) = story else {
        return invalid(Refusal::NothingPinned);
    };
    let detail = format!("{} → {other}", describe(place));
    let audit = actor.audit("front.move", "story", Some(story), detail);
    Ok(store
        .replace_front_pins(edition_id, place.front_id, &pins, &audit)
        .await?)
}
