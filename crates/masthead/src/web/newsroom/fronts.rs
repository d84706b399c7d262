//! Fronts, for editors: the home front and each top section's front of an edition, with
//! their slots and numbered places, a form to pin a story and buttons to unpin and move.

use std::sync::Arc;

use crate::web::newsroom::form::Form;
use axum::extract::{Query, State};
use axum::response::{Html, Response};
use serde::{Deserialize, Serialize};
use store::{FrontPin, HOME_FRONT, Teaser};

use crate::domain::i18n_newsroom_site::SiteStrings;
use crate::domain::permission::Action;
use crate::service::front::LEAD_SLOT;
use crate::service::front_edit::{
    FrontSlot, PinPlace, front_slots, fronts, move_pin, pin_story, unpin_story,
};
use crate::web::error::AppError;
use crate::web::newsroom::curation::{EditionTab, answer, edition_tabs, picked_edition};
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

/// `?edition=&front=` of the fronts page and its forms.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct FrontQuery {
    edition: Option<i64>,
    front: Option<i64>,
    notice: Option<String>,
}

#[derive(Serialize)]
struct FrontTab {
    name: String,
    url: String,
    current: bool,
}

#[derive(Serialize)]
struct PlaceView {
    position: i64,
    story_id: Option<i64>,
    headline: Option<String>,
    url: Option<String>,
    last: bool,
}

#[derive(Serialize)]
struct SlotView {
    key: String,
    label: String,
    places: Vec<PlaceView>,
}

#[derive(Serialize)]
struct FrontsPage {
    chrome: AdminChrome,
    editions: Vec<EditionTab>,
    fronts: Vec<FrontTab>,
    front_name: String,
    action: String,
    slots: Vec<SlotView>,
    max_places: usize,
    error: Option<String>,
}

/// What the newsroom calls a slot, in the account's `words`.
fn slot_label(slot: &FrontSlot, words: &SiteStrings) -> String {
    match &slot.section {
        Some(section) => words.section_block.replace("{section}", section),
        None if slot.key == LEAD_SLOT => words.lead_slot.to_string(),
        None => words.top_slot.to_string(),
    }
}

/// Every place of every slot, with the story pinned there if any, named in `words`.
fn slot_views(
    slots: Vec<FrontSlot>,
    words: &SiteStrings,
    pins: &[FrontPin],
    teasers: &[Teaser],
    story_path: impl Fn(&Teaser) -> String,
) -> Vec<SlotView> {
    let place = |slot: &str, position: i64, count: usize| {
        let pin = pins
            .iter()
            .find(|pin| pin.slot == slot && pin.position == position);
        let teaser = pin.and_then(|pin| teasers.iter().find(|t| t.id == pin.story_id));
        PlaceView {
            position,
            story_id: pin.map(|pin| pin.story_id),
            headline: teaser.map(|teaser| teaser.headline.clone()),
            url: teaser.map(&story_path),
            last: position as usize == count,
        }
    };
    slots
        .into_iter()
        .map(|slot| SlotView {
            places: (1..=slot.places as i64)
                .map(|position| place(&slot.key, position, slot.places))
                .collect(),
            label: slot_label(&slot, words),
            key: slot.key,
        })
        .collect()
}

async fn fronts_page(
    state: &AppState,
    user: &CurrentUser,
    query: &FrontQuery,
    error: Option<String>,
) -> Result<Html<String>, AppError> {
    let site = state.site();
    let edition = picked_edition(&site, query.edition)?;
    let edition_id = edition.edition.id;
    let front_id = query.front.unwrap_or(HOME_FRONT);
    let slots = front_slots(edition, front_id).ok_or(AppError::NotFound)?;
    let pins = state.store.front_pins(edition_id, front_id).await?;
    let ids: Vec<i64> = pins.iter().map(|pin| pin.story_id).collect();
    let teasers = state.store.teasers_by_ids(&ids).await?;
    let max_places = slots.iter().map(|slot| slot.places).max().unwrap_or(1);
    let chrome =
        AdminChrome::new(state, user, "/admin/fronts").with_notice(query.notice.as_deref());
    let words = chrome.t.site;
    let slots = slot_views(slots, words, &pins, &teasers, |teaser| {
        site.story_path(teaser)
    });
    let all_fronts = fronts(edition, words.home_front);
    let view = FrontsPage {
        chrome,
        editions: edition_tabs(&site, edition_id, "/admin/fronts"),
        front_name: all_fronts
            .iter()
            .find(|(id, _)| *id == front_id)
            .map(|(_, name)| name.clone())
            .unwrap_or_default(),
        fronts: all_fronts
            .into_iter()
            .map(|(id, name)| FrontTab {
                name,
                url: format!("/admin/fronts?edition={edition_id}&front={id}"),
                current: id == front_id,
            })
            .collect(),
        action: format!("?edition={edition_id}&front={front_id}"),
        max_places,
        slots,
        error,
    };
    Ok(Html(state.theme.render("admin/fronts.html", &view)?))
}

/// `GET /admin/fronts?edition=&front=`.
pub async fn show_fronts(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<FrontQuery>,
) -> Result<Html<String>, AppError> {
    user.require(Action::CurateFronts)?;
    fronts_page(&state, &user, &query, None).await
}

/// A pin, unpin or move form: the place, and the story or direction.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct PinForm {
    slot: String,
    position: String,
    story: String,
    direction: String,
}

/// What a pin form asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PinAction {
    Pin,
    Unpin,
    Move,
}

async fn change_pins(
    state: Arc<AppState>,
    user: CurrentUser,
    query: FrontQuery,
    form: PinForm,
    action: PinAction,
) -> Result<Response, AppError> {
    let site = state.site();
    let edition = picked_edition(&site, query.edition)?;
    let front_id = query.front.unwrap_or(HOME_FRONT);
    let position = form.position.trim().parse().unwrap_or(0);
    let place = PinPlace {
        front_id,
        slot: form.slot,
        position,
    };
    let (store, actor) = (state.store.as_ref(), user.actor);
    let result = match action {
        PinAction::Pin => pin_story(store, actor, edition, &place, &form.story).await,
        PinAction::Unpin => unpin_story(store, actor, edition, &place).await,
        PinAction::Move => move_pin(store, actor, edition, &place, form.direction == "up").await,
    };
    let notice = if action == PinAction::Unpin {
        "unpinned"
    } else {
        "pinned"
    };
    let edition_id = edition.edition.id;
    let done = format!("/admin/fronts?edition={edition_id}&front={front_id}&notice={notice}");
    answer(&state, &user, result, &done, |message| {
        fronts_page(&state, &user, &query, Some(message))
    })
    .await
}

/// `POST /admin/fronts/pin?edition=&front=`: pins a published story to a place.
pub async fn pin(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<FrontQuery>,
    Form(form): Form<PinForm>,
) -> Result<Response, AppError> {
    change_pins(state, user, query, form, PinAction::Pin).await
}

/// `POST /admin/fronts/unpin?edition=&front=`: empties a place.
pub async fn unpin(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<FrontQuery>,
    Form(form): Form<PinForm>,
) -> Result<Response, AppError> {
    change_pins(state, user, query, form, PinAction::Unpin).await
}

/// `POST /admin/fronts/move?edition=&front=`: swaps a pin with the place above or below.
pub async fn move_pinned(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<FrontQuery>,
    Form(form): Form<PinForm>,
) -> Result<Response, AppError> {
    change_pins(state, user, query, form, PinAction::Move).await
}
