//! Agencies in the newsroom: create and change them (name, short name, logo from the media
//! library, link). Bylines show the name, so a rename touches the pages that credit it.

use serde::{Deserialize, Serialize};
use store::*;

use crate::domain::link::parse_web_address;
use crate::domain::permission::Action;
use crate::domain::refusal::{Named, Refusal};
use crate::domain::text::one_line;
use crate::service::actor::Actor;
use crate::service::author_edit::{check_image, optional_id};
use crate::service::error::{ServiceError, ServiceResult};

const MAX_NAME: usize = 100;
const MAX_SHORT_NAME: usize = 20;

/// An agency form as typed; also what the form shows again after a refusal.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct AgencyInput {
    /// Name as bylines show it.
    pub name: String,
    /// Short form ("AFP").
    pub short_name: String,
    /// Media-library number of the logo, or empty.
    pub logo_id: String,
    /// The agency's site, or empty.
    pub url: String,
}

/// An agency from a form, under `id`, with its logo checked.
async fn check_agency(store: &dyn Store, id: i64, input: &AgencyInput) -> ServiceResult<Agency> {
    let fields = || -> Result<Agency, Refusal> {
        let url = one_line(&input.url, Named::Link, 500, true)?;
        Ok(Agency {
            id,
            name: one_line(&input.name, Named::Name, MAX_NAME, false)?,
            short_name: one_line(&input.short_name, Named::ShortName, MAX_SHORT_NAME, true)?,
            logo_id: optional_id(&input.logo_id, Named::Logo)?,
            url: if url.is_empty() {
                url
            } else {
                parse_web_address(&url)?
            },
        })
    };
    let agency = fields().map_err(ServiceError::Invalid)?;
    check_image(store, agency.logo_id, Named::Logo).await?;
    Ok(agency)
}

fn taken(error: StoreError, name: &str) -> ServiceError {
    match error.constraint() {
        Some(Constraint::AgencyName) => {
            ServiceError::Conflict(Refusal::AgencyNameTaken { name: name.into() })
        }
        _ => error.into(),
    }
}

/// Creates an agency.
pub async fn create_agency(
    store: &dyn Store,
    actor: Actor,
    input: &AgencyInput,
) -> ServiceResult<i64> {
    actor.require(Action::ManagePeople)?;
    let agency = check_agency(store, 0, input).await?;
    let audit = actor.audit("agency.create", "agency", None, agency.name.clone());
    let new = NewAgency {
        name: agency.name,
        short_name: agency.short_name,
        logo_id: agency.logo_id,
        url: agency.url,
    };
    store
        .add_agency(&new, &audit)
        .await
        .map_err(|error| taken(error, &new.name))
}

/// Changes an agency.
pub async fn update_agency(
    store: &dyn Store,
    actor: Actor,
    id: i64,
    input: &AgencyInput,
) -> ServiceResult<()> {
    actor.require(Action::ManagePeople)?;
    let old = store
        .agencies(&[id])
        .await?
        .pop()
        .ok_or(ServiceError::NotFound)?;
    let agency = check_agency(store, id, input).await?;
    let detail = format!("{} → {}", old.name, agency.name);
    let audit = actor.audit("agency.update", "agency", Some(id), detail);
    store
        .update_agency(&agency, &audit)
        .await
        .map_err(|error| taken(error, &agency.name))
}
