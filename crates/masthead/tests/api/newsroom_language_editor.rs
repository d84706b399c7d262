//! The story editor in the account's interface language: an Arabic account writes a new
//! story and edits a saved one right to left, with Arabic labels, legends, kinds, states,
//! credit roles and workflow buttons, and saves, submits and publishes from there; an
//! English account's editor is unchanged; both are valid HTML.

use store::Role;

use crate::desk::Desk;
use crate::helpers::{Page, TestApp, spawn_app};
use crate::validity::assert_valid;

/// The editor's own words in English: none may be left on an Arabic account's editor.
const ENGLISH: [&str; 33] = [
    "New story",
    "Edit story",
    "Edit:",
    "Revisions",
    "revision",
    "short link",
    "Headline",
    "Standfirst",
    "optional summary",
    "Text",
    "Separate paragraphs",
    "Kind",
    "Section",
    "none (static page)",
    "Also list in",
    "Slug",
    "Dateline",
    "Byline",
    "Reported by",
    "Lead image",
    "Media library",
    "Gallery photos",
    "Video address",
    "Topics",
    "Keywords",
    "comma-separated",
    "Recommended story ids",
    "Search engines",
    "SEO",
    "Workflow",
    "Save",
    "Preview",
    "Photo gallery",
];

/// Where the editor's words are: labels, legends, buttons, hints, headings, the state and
/// the kinds' and credit roles' names. The translations panel belongs to another page's
/// words (`_translations.html`) and is left out.
const WORDS: &str = "title, h1, h2, label, legend, button, .hint, .nr-meta, .nr-alert, \
     #kind option, select[name$=_role] option, #section_id option[value='']";

fn editor_words(page: &Page) -> String {
    let text = match page.text.find("<section class=\"nr-translations\"") {
        Some(start) => {
            let end = start + page.text[start..].find("</section>").expect("panel's end");
            format!("{}{}", &page.text[..start], &page.text[end..])
        }
        None => page.text.clone(),
    };
    let page = Page {
        status: page.status,
        headers: page.headers.clone(),
        text,
    };
    page.texts(WORDS).join(" | ")
}

fn assert_no_english(path: &str, page: &Page) {
    let words = editor_words(page);
    for english in ENGLISH {
        assert!(!words.contains(english), "{path}: {english:?} in {words}");
    }
}

async fn arabic_desk(app: &TestApp) -> Desk<'_> {
    let desk = app.desk(Role::Editor).await;
    let set = desk.post("/admin/language", &[("language", "ar")]).await;
    assert_eq!(set.status, 303, "{}", set.text);
    desk
}

fn language_of(page: &Page) -> (String, String) {
    (
        page.attrs("html", "lang").remove(0),
        page.attrs("html", "dir").remove(0),
    )
}

fn buttons(page: &Page) -> Vec<String> {
    page.texts("#story-form .nr-buttons button")
}

#[tokio::test]
async fn an_arabic_account_writes_and_edits_stories_in_an_arabic_editor_and_an_english_one_in_english()
 {
    let app = spawn_app().await;
    let arabic = arabic_desk(&app).await;
    let english = app.desk(Role::Editor).await;
    let story = arabic
        .create_story("Harbour reopens", app.a_section_id().await)
        .await;
    let dir = tempfile::tempdir().expect("temp dir");
    let edit = format!("/admin/stories/{story}");

    let new = arabic.get("/admin/stories/new").await;
    let saved = arabic.get(&edit).await;
    let english_new = english.get("/admin/stories/new").await;
    let english_saved = english.get(&edit).await;

    assert_eq!(new.status, 200, "{}", new.text);
    assert_eq!(language_of(&new), ("ar".into(), "rtl".into()));
    assert!(new.texts("title")[0].starts_with("قصة جديدة"));
    assert_eq!(new.texts("label[for=headline]"), ["العنوان الرئيسي"]);
    let legends = new.texts("#story-form legend");
    for legend in ["القصة", "التوقيع", "الوسائط", "محركات البحث", "سير العمل"]
    {
        assert!(legends.contains(&legend.to_string()), "{legends:?}");
    }
    let kinds = new.texts("#kind option");
    assert_eq!(kinds, ["خبر", "رأي", "معرض صور", "فيديو", "صفحة ثابتة"]);
    assert!(
        new.texts("#credit_0_role option")
            .contains(&"تصوير".to_string())
    );
    assert_eq!(
        new.texts("#section_id option[value='']"),
        ["— بلا قسم (صفحة ثابتة) —"]
    );
    assert_eq!(buttons(&new), ["إنشاء مسودة"]);
    assert_eq!(
        new.texts("label[for=keywords] .hint"),
        ["(مفصولة بفواصل)"],
        "without the script, keywords are typed comma-separated"
    );
    assert_no_english("new", &new);

    assert_eq!(saved.status, 200, "{}", saved.text);
    assert_eq!(language_of(&saved), ("ar".into(), "rtl".into()));
    assert_eq!(saved.texts("h1 small").len(), 1);
    assert!(saved.texts("h1")[0].starts_with("تحرير القصة"));
    assert_eq!(saved.texts(".nr-meta .state"), ["مسودة"]);
    assert!(saved.texts("title")[0].starts_with("تحرير: Harbour reopens"));
    let pressed = buttons(&saved);
    for button in ["حفظ", "إرسال للمراجعة", "النشر الآن", "معاينة"] {
        assert!(pressed.contains(&button.to_string()), "{pressed:?}");
    }
    assert_eq!(saved.texts("#preview-title"), ["معاينة"]);
    assert_eq!(saved.attrs("#preview-frame", "title"), ["معاينة القصة"]);
    assert_no_english("saved", &saved);

    assert_eq!(language_of(&english_new), ("en".into(), "ltr".into()));
    assert!(english_new.texts("title")[0].starts_with("New story"));
    assert_eq!(english_new.texts("label[for=headline]"), ["Headline"]);
    assert_eq!(english_new.texts("#kind option")[2], "Photo gallery");
    assert_eq!(buttons(&english_new), ["Create draft"]);
    assert_eq!(english_saved.texts(".nr-meta .state"), ["Draft"]);
    assert!(buttons(&english_saved).contains(&"Submit for review".to_string()));
    let pages = [&new, &saved, &english_new, &english_saved];
    for (index, page) in pages.iter().enumerate() {
        std::fs::write(dir.path().join(format!("editor{index}.html")), &page.text).expect("write");
    }
    assert_valid(dir.path(), &["new, saved: ar, en".to_string()]);
}

#[tokio::test]
async fn saving_submitting_and_publishing_from_the_arabic_editor_work_and_answer_in_arabic() {
    let app = spawn_app().await;
    let desk = arabic_desk(&app).await;
    let story = desk
        .create_story("Ferries resume", app.a_section_id().await)
        .await;
    let edit = format!("/admin/stories/{story}");

    let saved = desk
        .save(story, &[("headline", "Ferries resume at dawn")], "save")
        .await;
    let after_save = desk.get(&saved.location()).await;
    let submitted = desk.save(story, &[], "submit").await;
    let after_submit = desk.get(&submitted.location()).await;
    let published = desk.save(story, &[], "publish").await;
    let after_publish = desk.get(&published.location()).await;

    assert_eq!(saved.location(), format!("{edit}?notice=saved"));
    assert_eq!(after_save.texts("p.notice"), ["تم الحفظ."]);
    assert_eq!(
        after_save.attrs("#headline", "value"),
        ["Ferries resume at dawn"]
    );
    assert_eq!(after_submit.texts("p.notice"), ["أُرسلت القصة للمراجعة."]);
    assert_eq!(after_submit.texts(".nr-meta .state"), ["قيد المراجعة"]);
    assert_eq!(after_publish.texts("p.notice"), ["تم النشر."]);
    assert_eq!(after_publish.texts(".nr-meta .state"), ["منشورة"]);
    assert!(
        after_publish
            .texts(".nr-meta a")
            .contains(&"عرض على الموقع".to_string())
    );
    assert_no_english("published", &after_publish);
}

#[tokio::test]
async fn a_rejected_save_in_the_arabic_editor_says_so_in_arabic_and_stays_valid() {
    let app = spawn_app().await;
    let desk = arabic_desk(&app).await;
    let story = desk
        .create_story("Bridge closed", app.a_section_id().await)
        .await;
    let dir = tempfile::tempdir().expect("temp dir");

    let rejected = desk.save(story, &[("headline", "")], "save").await;
    let mut fields = desk.editor_fields(story).await;
    fields.retain(|(name, _)| name != "headline");
    fields.push(("headline".into(), String::new()));
    let form: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let preview = desk
        .post(&format!("/admin/stories/{story}/preview"), &form)
        .await;

    assert_eq!(rejected.status, 422, "{}", rejected.text);
    assert_eq!(language_of(&rejected), ("ar".into(), "rtl".into()));
    assert_eq!(
        rejected.texts(".nr-alert"),
        ["لم تُحفظ القصة: صحّح الحقول المشار إليها أدناه. نصّك باقٍ كما هو."]
    );
    assert_no_english("rejected", &rejected);
    assert_eq!(preview.status, 422);
    assert!(
        preview.text.starts_with("تتعذر المعاينة حاليًا:"),
        "{}",
        preview.text
    );
    std::fs::write(dir.path().join("rejected.html"), &rejected.text).expect("write");
    assert_valid(dir.path(), &["rejected save, ar".to_string()]);
}

#[tokio::test]
async fn a_save_on_an_old_revision_from_the_arabic_editor_gets_the_conflict_page_in_arabic() {
    let app = spawn_app().await;
    let desk = arabic_desk(&app).await;
    let story = desk
        .create_story("Budget talks", app.a_section_id().await)
        .await;
    let stale = desk
        .save(story, &[("headline", "Budget talks resume")], "save")
        .await;
    assert_eq!(stale.status, 303, "{}", stale.text);

    let conflict = desk
        .save(
            story,
            &[("headline", "Budget talks end"), ("base_revision", "1")],
            "save",
        )
        .await;

    assert_eq!(conflict.status, 409, "{}", conflict.text);
    assert_eq!(language_of(&conflict), ("ar".into(), "rtl".into()));
    let alert = conflict.texts(".nr-alert").join(" ");
    assert!(alert.contains("(مسودة)"), "{alert}");
    assert_eq!(conflict.texts("label[for=headline]"), ["العنوان الرئيسي"]);
    assert_no_english("conflict", &conflict);
}
