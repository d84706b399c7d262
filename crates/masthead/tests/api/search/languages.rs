//! Arabic and Turkish spellings find the same stories however they are typed, and a
//! misspelt word gets a suggestion from the words the edition uses.

use store::Role;

use crate::helpers::spawn_app;
use crate::search::{editions, headlines, publish, search, search_url, section_id, until_found};

#[tokio::test]
async fn arabic_words_find_the_same_story_with_or_without_tashkeel_and_whatever_the_alef() {
    let app = spawn_app().await;
    let (_, arabic) = editions(&app).await;
    let store = app.store().await;
    let section = store
        .sections(arabic.id)
        .await
        .expect("sections")
        .into_iter()
        .find(|section| section.parent_id.is_some())
        .expect("an Arabic subsection")
        .id
        .to_string();
    store.close().await;
    let editor = app.desk(Role::Editor).await;
    let headline = "أمسية شعرية في زحلاوند";
    publish(
        &editor,
        &arabic,
        &[
            ("headline", headline),
            ("section_id", &section),
            (
                "body",
                "افتتحت المَكْتَبَةُ الوطنية في زحلاوند أمسيةً شعرية كبيرة.",
            ),
        ],
    )
    .await;
    until_found(
        &app,
        &search_url("/ar/search", &[("q", "زحلاوند")]),
        headline,
        true,
    )
    .await;

    for typed in [
        "المكتبة زحلاوند",
        "المَكْتَبَة زحلاوند",
        "مكتبه زحلاوند",
        "امسية زحلاوند",
        "إمسيه زحلاوند",
        "آمسية زحلاوند",
        "زحـــلاوند أمسية",
    ] {
        let page = search(&app, "/ar/search", &[("q", typed)]).await;

        assert_eq!(headlines(&page), [headline], "{typed}");
        assert!(!page.texts(".result-snippet mark").is_empty(), "{typed}");
        assert_eq!(page.attrs("html", "dir"), ["rtl"]);
    }
    let one = search(&app, "/ar/search", &[("q", "زحلاوند")]).await;
    assert_eq!(one.texts(".search-summary strong"), ["نتيجة واحدة"]);
    assert_eq!(one.texts("h1"), ["بحث"]);
}

#[tokio::test]
async fn turkish_names_find_the_same_story_with_or_without_their_diacritics() {
    let app = spawn_app().await;
    let (english, _) = editions(&app).await;
    let section = section_id(&app, &english, "turkiye/istanbul")
        .await
        .to_string();
    let editor = app.desk(Role::Editor).await;
    let headline = "Erdoğan opens the Vantrel bridge";
    publish(
        &editor,
        &english,
        &[
            ("headline", headline),
            ("section_id", &section),
            (
                "body",
                "The new Vantrel bridge links two coasts of Turkiye.",
            ),
        ],
    )
    .await;
    until_found(&app, "/search?q=vantrel", headline, true).await;

    for typed in [
        "Erdoğan vantrel",
        "Erdogan vantrel",
        "ERDOĞAN vantrel",
        "Türkiye vantrel",
        "Turkiye vantrel",
        "TÜRKIYE Vantrel",
    ] {
        let page = search(&app, "/search", &[("q", typed)]).await;

        assert_eq!(headlines(&page), [headline], "{typed}");
    }
}

#[tokio::test]
async fn a_misspelt_word_gets_a_suggestion_and_filters_a_way_out() {
    let app = spawn_app().await;
    let (english, _) = editions(&app).await;
    let store = app.store().await;
    let topics = store.edition_topics(english.id).await.expect("topics");
    store.close().await;
    let word = topics
        .iter()
        .flat_map(|topic| topic.name.split_whitespace())
        .find(|word| word.len() >= 6 && word.bytes().all(|b| b.is_ascii_alphabetic()))
        .expect("a topic with a long word")
        .to_lowercase();
    let misspelt = format!("{}q{}", &word[..2], &word[3..]);

    let page = search(&app, "/search", &[("q", &misspelt)]).await;
    let filtered = search(&app, "/search", &[("q", &misspelt), ("kind", "video")]).await;

    assert_eq!(page.status, 200);
    assert!(headlines(&page).is_empty());
    assert_eq!(
        page.texts(".search-empty a"),
        [word.as_str()],
        "Did you mean …?"
    );
    assert_eq!(
        page.attrs(".search-empty a", "href"),
        [format!("/search?q={word}")]
    );
    assert!(page.texts(".search-empty p")[1].starts_with("Did you mean"));
    assert_eq!(
        filtered.attrs(".search-empty a", "href"),
        [
            format!("/search?q={word}&kind=video"),
            format!("/search?q={misspelt}")
        ],
        "the suggestion keeps the filters; the other link drops them"
    );
    let suggested = app.get(&page.attrs(".search-empty a", "href")[0]).await;
    assert!(
        !headlines(&suggested).is_empty(),
        "the suggestion finds stories"
    );
}
