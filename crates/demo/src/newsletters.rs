//! The demo's newsletter lists: a daily briefing, a weekly opinion digest and breaking
//! news in each edition.

use store::{NewAuditEntry, NewNewsletter, Schedule, Store};

use crate::EditionSeed;
use crate::text::Lang;

/// `(slug, name, description, schedule, time)` of each list, English then Arabic.
type ListSeed = (
    &'static str,
    &'static str,
    &'static str,
    Schedule,
    &'static str,
);

const ENGLISH: &[ListSeed] = &[
    (
        "daily",
        "The Daily Briefing",
        "The day's most important stories, every morning at 7.",
        Schedule::Daily,
        "07:00",
    ),
    (
        "opinion",
        "Opinion Weekly",
        "The week's columns and editorials, every Monday.",
        Schedule::Weekly,
        "08:00",
    ),
    (
        "breaking",
        "Breaking News",
        "A short alert when major news breaks.",
        Schedule::Breaking,
        "00:00",
    ),
];

const ARABIC: &[ListSeed] = &[
    (
        "daily",
        "الموجز اليومي",
        "أهم أخبار اليوم، كل صباح في السابعة.",
        Schedule::Daily,
        "07:00",
    ),
    (
        "opinion",
        "الرأي الأسبوعي",
        "مقالات الأسبوع وافتتاحياته، كل يوم اثنين.",
        Schedule::Weekly,
        "08:00",
    ),
    (
        "breaking",
        "الأخبار العاجلة",
        "تنبيه قصير عند وقوع حدث كبير.",
        Schedule::Breaking,
        "00:00",
    ),
];

/// Creates an edition's lists.
pub async fn create_newsletters(store: &dyn Store, edition: &EditionSeed) -> anyhow::Result<()> {
    let (seeds, sender) = if edition.lang == Lang::Arabic {
        (ARABIC, "الصحيفة")
    } else {
        (ENGLISH, "The Daily")
    };
    // The weekly digest is the opinion section's; the daily one takes every section.
    let opinion: Vec<i64> = store
        .sections(edition.id)
        .await?
        .iter()
        .filter(|section| section.parent_id.is_none() && section.slug == "opinion")
        .map(|section| section.id)
        .collect();
    for (slug, name, description, schedule, time) in seeds {
        let list = NewNewsletter {
            edition_id: edition.id,
            slug: (*slug).to_string(),
            name: (*name).to_string(),
            description: (*description).to_string(),
            sender_name: sender.to_string(),
            schedule: *schedule,
            send_time: (*time).to_string(),
        };
        let id = store.create_newsletter(&list, None).await?;
        if *slug == "opinion" {
            let audit = NewAuditEntry {
                user_id: None,
                action: "newsletter.update".into(),
                entity: "newsletter".into(),
                entity_id: Some(id),
                detail: "the demo's weekly opinion digest".into(),
            };
            store.update_newsletter(id, &list, &opinion, &audit).await?;
        }
    }
    Ok(())
}
