//! The story editor's words (`admin/story_edit.html`, `_story_form.html`, the editor's view
//! and `assets/editor.js`): labels, hints, legends, story kinds, credit roles, workflow
//! buttons, and the toolbar and autosave lines the script writes, which the template hands
//! it as one JSON attribute (`script`, in `i18n_newsroom_editor_script`). Story states are `states`, shared with the list.
//! `{name}`-style markers are replaced where the words are used.

use serde::Serialize;

use crate::domain::i18n_newsroom_editor_script::{
    EditorScriptStrings, SCRIPT_ARABIC, SCRIPT_ENGLISH,
};

/// The editor's words in one language.
#[derive(Debug, Serialize)]
pub struct EditorStrings {
    /// The page title and heading of a story not yet saved.
    pub new_story: &'static str,
    /// The page title of a saved story: `{headline}` is replaced.
    pub edit_title: &'static str,
    /// The heading of a saved story.
    pub edit_story: &'static str,
    /// Its revision number: `{n}`.
    pub revision: &'static str,
    /// The link to its revisions.
    pub revisions: &'static str,
    /// The link to its public page.
    pub view_on_site: &'static str,
    /// Before the time a scheduled story is due.
    pub due: &'static str,
    /// Before its short link.
    pub short_link: &'static str,
    /// Before the time of the account's unsaved work.
    pub unsaved_work: &'static str,
    /// The link that restores it.
    pub restore: &'static str,
    /// When the account's role may not change the story now.
    pub cannot_edit: &'static str,
    /// The preview's heading and the no-script preview button.
    pub preview: &'static str,
    /// The preview frame's title.
    pub preview_frame: &'static str,
    /// Before the reasons a form cannot be previewed yet.
    pub cannot_preview: &'static str,
    /// The alert above a rejected form.
    pub not_saved: &'static str,
    /// The headline field.
    pub headline: &'static str,
    /// The standfirst field.
    pub standfirst: &'static str,
    /// What the standfirst is.
    pub standfirst_hint: &'static str,
    /// The body field.
    pub text: &'static str,
    /// How to write the body without the script.
    pub body_hint: &'static str,
    /// The fieldset of kind, sections, slug and dateline.
    pub story_legend: &'static str,
    /// The kind field.
    pub kind: &'static str,
    /// The section field.
    pub section: &'static str,
    /// The section field's empty choice.
    pub no_section: &'static str,
    /// The secondary sections field.
    pub also_list_in: &'static str,
    /// The slug field.
    pub slug: &'static str,
    /// Where an empty slug comes from.
    pub slug_hint: &'static str,
    /// The dateline field.
    pub dateline: &'static str,
    /// The bylines' fieldset.
    pub byline_legend: &'static str,
    /// One byline's field: `{n}` is its number.
    pub byline: &'static str,
    /// Its role's field: `{n}`.
    pub byline_role: &'static str,
    /// An agency among the bylines: `{name}`.
    pub agency: &'static str,
    /// Credit role: written by.
    pub role_by: &'static str,
    /// Credit role: reported by.
    pub role_reported_by: &'static str,
    /// Credit role: photos by.
    pub role_photos_by: &'static str,
    /// Credit role: translated by.
    pub role_translated_by: &'static str,
    /// The media fieldset.
    pub media_legend: &'static str,
    /// The lead image field.
    pub lead_image: &'static str,
    /// The link to the media library.
    pub media_library: &'static str,
    /// The gallery field.
    pub gallery: &'static str,
    /// How to fill it.
    pub gallery_hint: &'static str,
    /// The video field.
    pub video: &'static str,
    /// The fieldset of topics, keywords and recommendations.
    pub topics_legend: &'static str,
    /// The topics field.
    pub topics: &'static str,
    /// The keywords field.
    pub keywords: &'static str,
    /// How to type keywords without the script.
    pub keywords_hint: &'static str,
    /// The recommended stories field.
    pub recommended_ids: &'static str,
    /// The related stories' heading.
    pub related: &'static str,
    /// How they are found and shown.
    pub related_hint: &'static str,
    /// The button that recommends one.
    pub recommend: &'static str,
    /// The same button once it is recommended.
    pub recommended: &'static str,
    /// The search engines' fieldset.
    pub search_legend: &'static str,
    /// The SEO title field.
    pub seo_title: &'static str,
    /// The SEO description field.
    pub seo_description: &'static str,
    /// The workflow fieldset.
    pub workflow_legend: &'static str,
    /// The schedule field: `{zone}` is the edition's timezone.
    pub publish_at: &'static str,
    /// Story kind: news.
    pub kind_news: &'static str,
    /// Story kind: opinion.
    pub kind_opinion: &'static str,
    /// Story kind: photo gallery.
    pub kind_gallery: &'static str,
    /// Story kind: video.
    pub kind_video: &'static str,
    /// Story kind: static page.
    pub kind_page: &'static str,
    /// The button that creates a new story.
    pub create_draft: &'static str,
    /// The button that saves.
    pub save: &'static str,
    /// Workflow button: to review.
    pub submit: &'static str,
    /// Workflow button: back to draft.
    pub withdraw: &'static str,
    /// Workflow button: publish.
    pub publish: &'static str,
    /// Workflow button: schedule.
    pub schedule: &'static str,
    /// Workflow button: unpublish.
    pub unpublish: &'static str,
    /// The words `assets/editor.js` writes.
    pub script: &'static EditorScriptStrings,
}

/// The editor in English.
pub const EDITOR_ENGLISH: EditorStrings = EditorStrings {
    new_story: "New story",
    edit_title: "Edit: {headline}",
    edit_story: "Edit story",
    revision: "revision {n}",
    revisions: "Revisions",
    view_on_site: "View on site",
    due: "due",
    short_link: "short link",
    unsaved_work: "You have unsaved work from",
    restore: "Restore it",
    cannot_edit: "Your role cannot change this story in its current state.",
    preview: "Preview",
    preview_frame: "Preview of the story",
    cannot_preview: "Cannot preview yet:",
    not_saved: "The story was not saved: fix the fields marked below. Your text is kept.",
    headline: "Headline",
    standfirst: "Standfirst",
    standfirst_hint: "(optional summary under the headline)",
    text: "Text",
    body_hint: "Separate paragraphs with a blank line. Simple HTML works too: <h2>, <blockquote>, <ul>, <strong>, <em>, <a href>.",
    story_legend: "Story",
    kind: "Kind",
    section: "Section",
    no_section: "— none (static page) —",
    also_list_in: "Also list in",
    slug: "Slug",
    slug_hint: "(made from the headline when empty)",
    dateline: "Dateline place",
    byline_legend: "Byline",
    byline: "Byline {n}",
    byline_role: "Role of byline {n}",
    agency: "{name} (agency)",
    role_by: "By",
    role_reported_by: "Reported by",
    role_photos_by: "Photos by",
    role_translated_by: "Translated by",
    media_legend: "Media",
    lead_image: "Lead image id",
    media_library: "Media library",
    gallery: "Gallery photos",
    gallery_hint: "(one per line: image id | caption)",
    video: "Video address",
    topics_legend: "Topics and links",
    topics: "Topics",
    keywords: "Keywords",
    keywords_hint: "(comma-separated)",
    recommended_ids: "Recommended story ids",
    related: "Related stories",
    related_hint: "(the most words in common; on the page after your picks and shared topics)",
    recommend: "Recommend",
    recommended: "Recommended",
    search_legend: "Search engines",
    seo_title: "SEO title",
    seo_description: "SEO description",
    workflow_legend: "Workflow",
    publish_at: "Publish at ({zone})",
    kind_news: "News",
    kind_opinion: "Opinion",
    kind_gallery: "Photo gallery",
    kind_video: "Video",
    kind_page: "Static page",
    create_draft: "Create draft",
    save: "Save",
    submit: "Submit for review",
    withdraw: "Back to draft",
    publish: "Publish now",
    schedule: "Schedule",
    unpublish: "Unpublish",
    script: &SCRIPT_ENGLISH,
};

/// The editor in Arabic.
pub const EDITOR_ARABIC: EditorStrings = EditorStrings {
    new_story: "قصة جديدة",
    edit_title: "تحرير: {headline}",
    edit_story: "تحرير القصة",
    revision: "النسخة {n}",
    revisions: "النسخ السابقة",
    view_on_site: "عرض على الموقع",
    due: "موعد النشر",
    short_link: "الرابط المختصر",
    unsaved_work: "لديك عمل غير محفوظ منذ",
    restore: "استعادته",
    cannot_edit: "لا يسمح دورك بتغيير هذه القصة في حالتها الحالية.",
    preview: "معاينة",
    preview_frame: "معاينة القصة",
    cannot_preview: "تتعذر المعاينة حاليًا:",
    not_saved: "لم تُحفظ القصة: صحّح الحقول المشار إليها أدناه. نصّك باقٍ كما هو.",
    headline: "العنوان الرئيسي",
    standfirst: "المقدمة",
    standfirst_hint: "(ملخص اختياري يظهر تحت العنوان)",
    text: "النص",
    body_hint: "افصل بين الفقرات بسطر فارغ. ويمكن أيضًا استخدام HTML بسيط: <h2>، <blockquote>، <ul>، <strong>، <em>، <a href>.",
    story_legend: "القصة",
    kind: "النوع",
    section: "القسم",
    no_section: "— بلا قسم (صفحة ثابتة) —",
    also_list_in: "إدراجها أيضًا في",
    slug: "المعرّف في الرابط",
    slug_hint: "(يُشتق من العنوان إذا تُرك فارغًا)",
    dateline: "مكان الخبر",
    byline_legend: "التوقيع",
    byline: "التوقيع {n}",
    byline_role: "صفة التوقيع {n}",
    agency: "{name} (وكالة)",
    role_by: "بقلم",
    role_reported_by: "إعداد",
    role_photos_by: "تصوير",
    role_translated_by: "ترجمة",
    media_legend: "الوسائط",
    lead_image: "رقم الصورة الرئيسية",
    media_library: "مكتبة الوسائط",
    gallery: "صور المعرض",
    gallery_hint: "(صورة في كل سطر: رقم الصورة | التعليق)",
    video: "رابط الفيديو",
    topics_legend: "الموضوعات والروابط",
    topics: "الموضوعات",
    keywords: "الكلمات المفتاحية",
    keywords_hint: "(مفصولة بفواصل)",
    recommended_ids: "أرقام القصص الموصى بها",
    related: "قصص ذات صلة",
    related_hint: "(الأكثر اشتراكًا في الكلمات؛ تظهر في الصفحة بعد اختياراتك والموضوعات المشتركة)",
    recommend: "أوصِ بها",
    recommended: "موصى بها",
    search_legend: "محركات البحث",
    seo_title: "العنوان لمحركات البحث",
    seo_description: "الوصف لمحركات البحث",
    workflow_legend: "سير العمل",
    publish_at: "موعد النشر ({zone})",
    kind_news: "خبر",
    kind_opinion: "رأي",
    kind_gallery: "معرض صور",
    kind_video: "فيديو",
    kind_page: "صفحة ثابتة",
    create_draft: "إنشاء مسودة",
    save: "حفظ",
    submit: "إرسال للمراجعة",
    withdraw: "إعادة إلى المسودة",
    publish: "النشر الآن",
    schedule: "جدولة",
    unpublish: "إلغاء النشر",
    script: &SCRIPT_ARABIC,
};
