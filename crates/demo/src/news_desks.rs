//! The demo's newsroom desks: in each edition, desks over its first top sections, with the
//! demo editor and reporter as members, so the dashboard and the "on my desks" view show
//! something. Not the contact desks (`desks.rs`).

use store::{NewAuditEntry, Store};

use crate::EditionSeed;
use crate::text::Lang;

/// `(desk name, top section slugs)` of each edition's desks.
const ENGLISH: &[(&str, &[&str])] = &[
    ("Politics desk", &["politics", "turkiye"]),
    ("World and business desk", &["world", "business"]),
];
const ARABIC: &[(&str, &[&str])] = &[("الديسك العربي", &[])];

/// The demo accounts on every desk.
const MEMBERS: &[&str] = &["editor@meridian.test", "reporter@meridian.test"];

fn audit(action: &str, detail: &str) -> NewAuditEntry {
    NewAuditEntry {
        user_id: None,
        action: action.into(),
        entity: "news_desk".into(),
        entity_id: None,
        detail: detail.into(),
    }
}

/// Creates an edition's desks (after the accounts): each over its top sections and their
/// subsections, where stories live; a desk without slugs (the Arabic desk) over all.
pub async fn create_news_desks(store: &dyn Store, edition: &EditionSeed) -> anyhow::Result<()> {
    let seeds = if edition.lang == Lang::Arabic {
        ARABIC
    } else {
        ENGLISH
    };
    let sections = store.sections(edition.id).await?;
    let members: Vec<i64> = store
        .users()
        .await?
        .into_iter()
        .filter(|user| MEMBERS.contains(&user.email.as_str()))
        .map(|user| user.id)
        .collect();
    for (name, slugs) in seeds {
        let tops: Vec<i64> = sections
            .iter()
            .filter(|s| s.parent_id.is_none() && slugs.contains(&s.slug.as_str()))
            .map(|s| s.id)
            .collect();
        let ids: Vec<i64> = sections
            .iter()
            .filter(|s| {
                slugs.is_empty()
                    || tops.contains(&s.id)
                    || s.parent_id.is_some_and(|parent| tops.contains(&parent))
            })
            .map(|s| s.id)
            .collect();
        let id = store
            .create_news_desk(edition.id, name, &audit("news_desk.create", name))
            .await?;
        store
            .set_news_desk_sections(id, &ids, &audit("news_desk.sections", name))
            .await?;
        store
            .set_news_desk_members(id, &members, &audit("news_desk.members", name))
            .await?;
    }
    Ok(())
}
