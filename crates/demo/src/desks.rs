//! The demo's contact desks: where each edition's contact form sends readers' messages.

use store::{DeskFields, Store};

use crate::EditionSeed;
use crate::text::Lang;

/// `(name, address)` of each desk, English then Arabic.
const ENGLISH: &[(&str, &str)] = &[
    ("News desk", "news@example.org"),
    ("Corrections", "corrections@example.org"),
    ("Letters to the editor", "letters@example.org"),
    ("Advertising", "advertising@example.org"),
];

const ARABIC: &[(&str, &str)] = &[
    ("قسم الأخبار", "arabic-news@example.org"),
    ("التصحيحات", "arabic-corrections@example.org"),
    ("رسائل إلى المحرر", "arabic-letters@example.org"),
    ("الإعلانات", "advertising@example.org"),
];

/// Creates an edition's desks.
pub async fn create_desks(store: &dyn Store, edition: &EditionSeed) -> anyhow::Result<()> {
    let seeds = if edition.lang == Lang::Arabic {
        ARABIC
    } else {
        ENGLISH
    };
    for (position, (name, email)) in seeds.iter().enumerate() {
        let fields = DeskFields {
            name: (*name).to_string(),
            email: (*email).to_string(),
            position: position as i64 + 1,
        };
        store.create_desk(edition.id, &fields, None).await?;
    }
    Ok(())
}
