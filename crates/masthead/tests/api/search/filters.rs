//! Filters, order and pages of results: section (with its subsections), kind, author and
//! dates narrow a search, newest first orders it, and every page's links keep them all.

use store::Role;

use crate::helpers::spawn_app_with;
use crate::search::{editions, headlines, publish, search, section_id, until_found};

/// A filter case: the query fields, the headlines expected, and why.
type FilterCase<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str], &'a str);

#[tokio::test]
async fn filters_order_and_pages_narrow_a_search_and_every_link_keeps_them() {
    let app = spawn_app_with(|config| config.page_size = 2).await;
    let (english, _) = editions(&app).await;
    let europe = section_id(&app, &english, "world/europe").await.to_string();
    let diplomacy = section_id(&app, &english, "politics/diplomacy")
        .await
        .to_string();
    let author = {
        let store = app.store().await;
        let author = store.author_by_slug("selin-aydemir").await.expect("read");
        store.close().await;
        format!("a:{}", author.expect("the demo's columnist").id)
    };
    let editor = app.desk(Role::Editor).await;
    let stories: [(&str, &str, &str); 4] = [
        ("Zorblat talks open", "news", &europe),
        ("Zorblat talks stall", "news", &europe),
        ("Zorblat talks resume", "news", &diplomacy),
        ("Why Zorblat matters", "opinion", &diplomacy),
    ];
    for (index, (headline, kind, section)) in stories.into_iter().enumerate() {
        let mut fields = vec![
            ("headline", headline),
            ("kind", kind),
            ("section_id", section),
            ("body", "A story about Zorblat."),
        ];
        if index == 2 {
            fields.extend([("credit_0_who", author.as_str()), ("credit_0_role", "by")]);
        }
        publish(&editor, &english, &fields).await;
    }
    until_found(
        &app,
        "/search?q=zorblat&sort=newest",
        "Why Zorblat matters",
        true,
    )
    .await;
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::get(&english.timezone).expect("zone"))
        .date();
    let yesterday = today.yesterday().expect("date").to_string();
    let today = today.to_string();

    let cases: [FilterCase; 6] = [
        (
            &[("section", "world")],
            &["Zorblat talks stall", "Zorblat talks open"],
            "a section takes in its subsections",
        ),
        (
            &[("section", "diplomacy")],
            &["Why Zorblat matters", "Zorblat talks resume"],
            "a subsection by its slug",
        ),
        (&[("kind", "opinion")], &["Why Zorblat matters"], "a kind"),
        (
            &[("author", "selin-aydemir")],
            &["Zorblat talks resume"],
            "an author",
        ),
        (
            &[("from", &today), ("to", &today)],
            &["Why Zorblat matters", "Zorblat talks resume"],
            "today, first page",
        ),
        (
            &[("to", &yesterday)],
            &[],
            "nothing was published before today",
        ),
    ];
    for (filters, expected, reason) in cases {
        let mut fields = vec![("q", "zorblat"), ("sort", "newest")];
        fields.extend_from_slice(filters);
        let page = search(&app, "/search", &fields).await;
        assert_eq!(page.status, 200, "{reason}");
        assert_eq!(headlines(&page), expected, "{reason}");
        assert!(
            page.texts(".search-note").is_empty(),
            "{reason}: {:?}",
            page.texts(".search-note")
        );
    }

    let first = search(
        &app,
        "/search",
        &[
            ("q", "zorblat"),
            ("section", "world/europe"),
            ("sort", "newest"),
        ],
    )
    .await;
    assert_eq!(first.texts(".search-summary strong"), ["2 results"]);
    assert!(
        first.attrs("a[rel=next]", "href").is_empty(),
        "two results fill one page"
    );
    let all = search(
        &app,
        "/search",
        &[("q", "zorblat"), ("sort", "newest"), ("from", &today)],
    )
    .await;
    assert_eq!(all.texts(".search-summary strong"), ["4 results"]);
    let next = all.attrs("a[rel=next]", "href").remove(0);
    assert_eq!(
        next,
        format!("/search?q=zorblat&from={today}&sort=newest&page=2")
    );
    let second = app.get(&next).await;
    assert_eq!(
        headlines(&second),
        ["Zorblat talks stall", "Zorblat talks open"]
    );
    assert_eq!(second.attrs("ol.search-results", "start"), ["3"]);
    assert_eq!(
        second.attrs("a[rel=prev]", "href"),
        [format!("/search?q=zorblat&from={today}&sort=newest")]
    );
    assert!(second.attrs("a[rel=next]", "href").is_empty());
    assert_eq!(second.attrs("#search-from", "value"), [today.as_str()]);
    assert_eq!(
        second.attrs("#search-sort option[selected]", "value"),
        ["newest"]
    );
    assert_eq!(
        app.get(&next).await.text,
        second.text,
        "the same address, the same page"
    );
}
