//! The newsroom pages that arrange the site and look after people and mail, in the
//! account's language: for an Arabic account each answers right to left with Arabic
//! headings, labels and buttons and none of the English ones, while an English account
//! keeps them; every page is valid HTML, and actions taken from the Arabic pages work and
//! say so in Arabic, or say in Arabic what was wrong.

use jiff::Timestamp;
use store::{NewContactMessage, Role};

use crate::desk::Desk;
use crate::helpers::{Page, TestApp, spawn_app};
use crate::validity::assert_valid;

/// An admin working in Arabic, and one working in English.
async fn two_admins(app: &TestApp) -> (Desk<'_>, Desk<'_>) {
    let arabic = app.desk(Role::Admin).await;
    let english = app.desk(Role::Admin).await;
    let store = app.store().await;
    store
        .set_user_language(arabic.user_id, "ar")
        .await
        .expect("language");
    store.close().await;
    (arabic, english)
}

/// The ids of the default edition and of the other one.
pub async fn editions(app: &TestApp) -> (i64, i64) {
    let store = app.store().await;
    let editions = store.editions().await.expect("editions");
    store.close().await;
    (editions[0].id, editions[1].id)
}

/// A reader's message waiting in the default edition's inbox; returns its id.
pub async fn a_contact_message(app: &TestApp, edition_id: i64) -> i64 {
    let store = app.store().await;
    let desk = store.desks(edition_id).await.expect("desks").remove(0);
    let message = NewContactMessage {
        edition_id,
        desk_id: desk.id,
        desk_name: desk.name,
        name: "Ada Lovelace".into(),
        email: "ada@example.org".into(),
        message: "Your map of the coast is upside down.".into(),
        ip: "192.0.2.7".into(),
        received_at: Timestamp::now(),
    };
    let id = store
        .receive_contact_message(&message, None)
        .await
        .expect("message");
    store.close().await;
    id
}

/// The first link of a page that starts with `prefix` and goes on with a number.
fn first_numbered_link(page: &Page, prefix: &str) -> String {
    page.attrs("a", "href")
        .into_iter()
        .find(|href| {
            href.strip_prefix(prefix)
                .is_some_and(|rest| rest.chars().next().is_some_and(|c| c.is_ascii_digit()))
        })
        .unwrap_or_else(|| panic!("no {prefix}… link"))
}

/// Each page, the Arabic words an Arabic account reads there and the English ones it
/// must not, which an English account reads instead.
struct Expected {
    path: String,
    arabic: &'static [&'static str],
    english: &'static [&'static str],
}

async fn the_pages(app: &TestApp, english: &Desk<'_>) -> Vec<Expected> {
    let (first, second) = editions(app).await;
    let author = first_numbered_link(&english.get("/admin/authors").await, "/admin/authors/");
    let list = first_numbered_link(
        &english
            .get(&format!("/admin/newsletters?edition={first}"))
            .await,
        "/admin/newsletters/",
    );
    let message = a_contact_message(app, first).await;
    let story = english
        .create_story("Harbour cranes", app.a_section_id().await)
        .await;
    let section = app.a_section_id().await;
    let page = |path: String, arabic, english| Expected {
        path,
        arabic,
        english,
    };
    vec![
        page(
            format!("/admin/menus?edition={first}"),
            &["القائمة العلوية", "يؤدي إلى", "إضافة رابط", "أضف القسم"],
            &["Header menu", "Goes to", "Add a link", "Add section"],
        ),
        page(
            format!("/admin/fronts?edition={first}"),
            &["الصفحة الرئيسية", "تثبيت قصة", "أبرز الأخبار", "أحدث قصة"],
            &["Pin a story", "Top stories", "latest story", "Story number"],
        ),
        page(
            format!("/admin/breaking?edition={first}"),
            &["ضبط الشريط", "اعرض الشريط", "يُعرض حتى"],
            &["Set the bar", "Show the bar", "Show until"],
        ),
        page(
            "/admin/authors".into(),
            &["إضافة كاتب", "الصفة", "كاتب عمود", "مكتبة الوسائط"],
            &[
                "Add an author",
                "Role line",
                "web addresses, one per line",
                "media library",
            ],
        ),
        page(
            author,
            &["الملف الشخصي", "حساب غرفة الأخبار", "كل الكتّاب"],
            &["Profile", "Newsroom account", "All authors"],
        ),
        page(
            "/admin/agencies".into(),
            &["إضافة وكالة", "الاسم المختصر", "الشعار"],
            &["Add an agency", "Short name", "Logo"],
        ),
        page(
            format!("/admin/jobs?edition={first}"),
            &["إضافة إعلان", "طريقة التقديم", "انشر الإعلان", "دوام كامل"],
            &[
                "Add a listing",
                "How to apply",
                "Post the listing",
                "Full-time",
            ],
        ),
        page(
            format!("/admin/jobs/1?edition={first}"),
            &["تحرير الإعلان", "كل إعلانات الوظائف", "مكان العمل"],
            &["Edit the listing", "All job listings", "Place of work"],
        ),
        page(
            format!("/admin/newsletters?edition={first}"),
            &["البحث عن مشترك", "المؤكَّدون", "إضافة قائمة"],
            &["Find a subscriber", "Confirmed", "Add a list"],
        ),
        page(
            list,
            &["العدد القادم", "الأعداد المرسلة", "الإعدادات", "أرسل التجربة"],
            &["The next issue", "Issues sent", "Settings", "Send test"],
        ),
        page(
            format!("/admin/contact?edition={first}"),
            &["رسائل الاتصال", "غير المعالجة", "المرسِل", "بالانتظار"],
            &["Contact messages", "Unhandled", "Received"],
        ),
        page(
            format!("/admin/contact/{message}"),
            &["رسالة إلى", "كل الرسائل", "علّمها معالجة"],
            &["Message to", "All messages", "Mark as handled"],
        ),
        page(
            format!("/admin/contact/desks?edition={first}"),
            &["مكاتب الاتصال", "إضافة مكتب", "الترتيب"],
            &["Contact desks", "Add a desk", "Position"],
        ),
        page(
            format!("/admin/stories/{story}/translation?edition={second}"),
            &["ربط ترجمة", "العودة إلى القصة", "أحدث القصص"],
            &["Link a translation", "Back to the story", "Latest stories"],
        ),
        page(
            format!("/admin/stories/{story}"),
            &["الترجمات", "ابحث عن ترجمتها بالعنوان", "ترجم إلى العربية"],
            &["Find its translation by headline", "Translate to Arabic"],
        ),
        page(
            format!("/admin/sections/{section}?edition={first}"),
            &["(المستوى الأعلى)"],
            &["(top level)"],
        ),
    ]
}

fn language_of(page: &Page) -> (String, String) {
    (
        page.attrs("html", "lang").remove(0),
        page.attrs("html", "dir").remove(0),
    )
}

#[tokio::test]
async fn every_remaining_newsroom_page_speaks_arabic_to_an_arabic_account_and_english_to_others() {
    let app = spawn_app().await;
    let (arabic, english) = two_admins(&app).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let pages = the_pages(&app, &english).await;

    let mut paths = Vec::new();
    for (index, expected) in pages.iter().enumerate() {
        let path = &expected.path;
        let page = arabic.get(path).await;
        assert_eq!(page.status, 200, "{path}: {}", page.text);
        assert_eq!(language_of(&page), ("ar".into(), "rtl".into()), "{path}");
        for word in expected.arabic {
            assert!(page.text.contains(word), "{path} lacks {word}");
        }
        for word in expected.english {
            assert!(!page.text.contains(word), "{path} still says {word}");
        }
        std::fs::write(dir.path().join(format!("ar{index}.html")), &page.text).expect("write");

        let page = english.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        assert_eq!(language_of(&page), ("en".into(), "ltr".into()), "{path}");
        for word in expected.english {
            assert!(page.text.contains(word), "{path} in English lacks {word}");
        }
        std::fs::write(dir.path().join(format!("en{index}.html")), &page.text).expect("write");
        paths.push(format!("{path} (ar)"));
        paths.push(format!("{path} (en)"));
    }
    assert_valid(dir.path(), &paths);
}

/// Posts a form from an Arabic page and reads the page it leads back to.
async fn act(desk: &Desk<'_>, path: &str, form: &[(&str, &str)]) -> Page {
    let answer = desk.post(path, form).await;
    assert_eq!(answer.status, 303, "{path}: {}", answer.text);
    let page = desk.get(&answer.location()).await;
    assert_eq!(page.status, 200, "{}", answer.location());
    assert_eq!(language_of(&page).1, "rtl");
    page
}

#[tokio::test]
async fn actions_taken_from_the_arabic_pages_work_and_their_notices_are_arabic() {
    let app = spawn_app().await;
    let (arabic, _) = two_admins(&app).await;
    let (first, _) = editions(&app).await;

    let menu = act(
        &arabic,
        &format!("/admin/menus?edition={first}&menu=header"),
        &[("label", "الأرشيف"), ("url", "/archive")],
    )
    .await;
    let breaking = act(
        &arabic,
        &format!("/admin/breaking?edition={first}"),
        &[
            ("text", "زلزال قوي يضرب الساحل"),
            ("url", ""),
            ("expires", "2099-01-01T10:00"),
        ],
    )
    .await;
    let job = act(
        &arabic,
        &format!("/admin/jobs?edition={first}"),
        &[
            ("title", "محرر خرائط"),
            ("location", "إسطنبول"),
            ("employment_type", "part_time"),
            ("closes_on", "2099-01-31"),
            ("description", "رسم الخرائط."),
            ("apply_url", ""),
            ("apply_email", "jobs@example.org"),
        ],
    )
    .await;
    let desk = act(
        &arabic,
        &format!("/admin/contact/desks?edition={first}"),
        &[
            ("name", "مكتب الرياضة"),
            ("email", "sport@example.org"),
            ("position", "5"),
        ],
    )
    .await;

    let refused = arabic
        .post(
            &format!("/admin/newsletters?edition={first}"),
            &[
                ("name", "نشرة المساء"),
                ("sender_name", "التحرير"),
                ("schedule", "daily"),
                ("send_time", "7pm"),
            ],
        )
        .await;

    assert_eq!(menu.texts("p.notice"), ["تم الإنشاء."]);
    assert!(menu.texts("td").contains(&"الأرشيف".to_string()));
    assert_eq!(breaking.texts("p.notice"), ["تم الحفظ."]);
    assert_eq!(breaking.texts("#current-title"), ["معروض الآن"]);
    assert_eq!(job.texts("p.notice"), ["تم الإنشاء."]);
    let row = job
        .texts("tbody tr")
        .into_iter()
        .find(|row| row.contains("محرر خرائط"))
        .expect("the new listing");
    assert!(row.contains("دوام جزئي") && row.contains("مفتوح"), "{row}");
    assert_eq!(desk.texts("p.notice"), ["تم الحفظ."]);
    assert!(
        desk.attrs("input[name=name]", "value")
            .contains(&"مكتب الرياضة".to_string())
    );
    assert_eq!(refused.status, 400);
    assert_eq!(language_of(&refused), ("ar".into(), "rtl".into()));
    assert!(
        refused
            .text
            .contains("يُكتب الوقت بالصيغة HH:MM، مثل 07:00.")
    );
}
