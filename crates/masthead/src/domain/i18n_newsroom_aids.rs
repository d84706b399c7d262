//! The words of the editor's writing aids (counts, previews, the checklist before
//! publishing, the keyboard shortcuts), in English and Arabic. Templates read them as
//! `chrome.t.aids.<name>`; `writing_aids.js` gets them as JSON. `{n}` stands for a number.

use serde::Serialize;

/// The writing aids' words in one language.
#[derive(Debug, Serialize)]
pub struct AidsStrings {
    /// Heading of the side panel.
    pub panel: &'static str,
    /// Word count.
    pub words: &'static str,
    /// Reading time.
    pub reading: &'static str,
    /// Length of the title a search result shows.
    pub search_length: &'static str,
    /// Length of the headline a social card shows.
    pub social_length: &'static str,
    /// Added when a title is longer than it is shown.
    pub too_long: &'static str,
    /// Heading of the search-result preview.
    pub search_preview: &'static str,
    /// Heading of the social-card preview.
    pub social_preview: &'static str,
    /// Shown in a preview when there is no description.
    pub no_description: &'static str,
    /// Shown in a preview when there is no headline.
    pub no_title: &'static str,
    /// Heading of the checklist.
    pub checklist: &'static str,
    /// Under the checklist heading.
    pub checklist_hint: &'static str,
    /// Hidden prefix of a point that is met.
    pub passed: &'static str,
    /// Hidden prefix of a point that is not.
    pub warning: &'static str,
    /// The story has no lead image.
    pub check_lead_image: &'static str,
    /// The lead image has no alt text.
    pub check_lead_image_alt: &'static str,
    /// No section is chosen.
    pub check_section: &'static str,
    /// No standfirst.
    pub check_standfirst: &'static str,
    /// The body is empty.
    pub check_body: &'static str,
    /// The search title is too long.
    pub check_seo_title: &'static str,
    /// The headline is too long for a social card.
    pub check_headline: &'static str,
    /// Title of the dialog before publishing with warnings.
    pub dialog_title: &'static str,
    /// Its first line.
    pub dialog_intro: &'static str,
    /// Goes on despite the warnings.
    pub publish_anyway: &'static str,
    /// Closes the dialog and returns to the form.
    pub go_back: &'static str,
    /// The shortcut help button and panel title.
    pub shortcuts: &'static str,
    /// Closes a panel.
    pub close: &'static str,
    /// Shortcut: bold.
    pub key_bold: &'static str,
    /// Shortcut: italic.
    pub key_italic: &'static str,
    /// Shortcut: link.
    pub key_link: &'static str,
    /// Shortcut: heading 2.
    pub key_h2: &'static str,
    /// Shortcut: heading 3.
    pub key_h3: &'static str,
    /// Shortcut: save.
    pub key_save: &'static str,
    /// Shortcut: preview.
    pub key_preview: &'static str,
    /// Shortcut: this help.
    pub key_help: &'static str,
    /// Title of the Embed dialog.
    pub embed_title: &'static str,
    /// Label of its address field.
    pub embed_url: &'static str,
    /// Heading of the preview of the block.
    pub embed_preview: &'static str,
    /// Preview of a video.
    pub embed_video: &'static str,
    /// Preview of a post.
    pub embed_card: &'static str,
    /// An address that cannot be embedded.
    pub embed_bad: &'static str,
    /// Label of a link card's title field.
    pub card_title: &'static str,
    /// Preview of a link card.
    pub card_preview: &'static str,
    /// Inserts the block.
    pub insert: &'static str,
    /// Closes a dialog without change.
    pub cancel: &'static str,
    /// Title of the Link dialog.
    pub link_title: &'static str,
    /// Label of its address field.
    pub link_url: &'static str,
    /// An address that cannot be a link.
    pub link_bad: &'static str,
    /// Applies the link.
    pub link_apply: &'static str,
    /// Removes the link.
    pub link_remove: &'static str,
}

/// The writing aids in English.
pub const AIDS_ENGLISH: AidsStrings = AidsStrings {
    panel: "Writing aids",
    words: "{n} words",
    reading: "about {n} min to read",
    search_length: "Title in search results: {n} of about 60 characters",
    social_length: "Headline on social cards: {n} of about 70 characters",
    too_long: "too long, it will be cut",
    search_preview: "Search result",
    social_preview: "Social card",
    no_description: "No description: search engines pick a passage of the story.",
    no_title: "(no headline yet)",
    checklist: "Before publishing",
    checklist_hint: "Warnings do not stop publishing.",
    passed: "Done:",
    warning: "Warning:",
    check_lead_image: "Add a lead image.",
    check_lead_image_alt: "Give the lead image alt text (in the media library).",
    check_section: "Choose a section.",
    check_standfirst: "Write a standfirst.",
    check_body: "Write the story's text.",
    check_seo_title: "Keep the title search engines show within 60 characters (set an SEO title).",
    check_headline: "Keep the headline within 70 characters, what social cards show.",
    dialog_title: "Publish with warnings?",
    dialog_intro: "These points of the checklist are still open:",
    publish_anyway: "Publish anyway",
    go_back: "Go back",
    shortcuts: "Keyboard shortcuts",
    close: "Close",
    key_bold: "Bold",
    key_italic: "Italic",
    key_link: "Link",
    key_h2: "Heading 2",
    key_h3: "Heading 3",
    key_save: "Save",
    key_preview: "Preview",
    key_help: "Show this list",
    embed_title: "Embed a post or video",
    embed_url: "Address of a post (YouTube, X, Instagram, Facebook) or of any https page",
    embed_preview: "Readers will see",
    embed_video: "A {provider} video player, then a link to the video",
    embed_card: "A link to the post on {provider}",
    embed_bad: "Only https addresses can be embedded or shown as a card.",
    card_title: "Title on the card (optional; the address otherwise)",
    card_preview: "A card linking to the page, with its site",
    insert: "Insert",
    cancel: "Cancel",
    link_title: "Link",
    link_url: "Link address (https://…, mailto:… or /path)",
    link_bad: "Links must start with https://, http://, mailto: or /.",
    link_apply: "Apply",
    link_remove: "Remove link",
};

/// The writing aids in Arabic.
pub const AIDS_ARABIC: AidsStrings = AidsStrings {
    panel: "أدوات الكتابة",
    words: "{n} كلمة",
    reading: "نحو {n} دقيقة للقراءة",
    search_length: "العنوان في نتائج البحث: {n} من نحو 60 حرفًا",
    social_length: "العنوان في بطاقات التواصل الاجتماعي: {n} من نحو 70 حرفًا",
    too_long: "طويل، وسيُقتطع",
    search_preview: "نتيجة البحث",
    social_preview: "بطاقة التواصل الاجتماعي",
    no_description: "لا وصف: ستختار محركات البحث مقطعًا من الخبر.",
    no_title: "(لا عنوان بعد)",
    checklist: "قبل النشر",
    checklist_hint: "التنبيهات لا تمنع النشر.",
    passed: "مكتمل:",
    warning: "تنبيه:",
    check_lead_image: "أضف صورة رئيسية.",
    check_lead_image_alt: "أضف نصًّا بديلًا للصورة الرئيسية (في مكتبة الوسائط).",
    check_section: "اختر قسمًا.",
    check_standfirst: "اكتب مقدمة موجزة.",
    check_body: "اكتب نص الخبر.",
    check_seo_title: "اجعل العنوان الظاهر في محركات البحث في حدود 60 حرفًا (أضف عنوانًا لمحركات البحث).",
    check_headline: "اجعل العنوان في حدود 70 حرفًا، وهو ما تعرضه بطاقات التواصل الاجتماعي.",
    dialog_title: "هل تنشر رغم التنبيهات؟",
    dialog_intro: "هذه النقاط من قائمة التحقق لم تُستكمل بعد:",
    publish_anyway: "انشر على أي حال",
    go_back: "عودة",
    shortcuts: "اختصارات لوحة المفاتيح",
    close: "إغلاق",
    key_bold: "غامق",
    key_italic: "مائل",
    key_link: "رابط",
    key_h2: "عنوان فرعي من المستوى 2",
    key_h3: "عنوان فرعي من المستوى 3",
    key_save: "حفظ",
    key_preview: "معاينة",
    key_help: "عرض هذه القائمة",
    embed_title: "تضمين منشور أو فيديو",
    embed_url: "عنوان منشور (يوتيوب أو إكس أو إنستغرام أو فيسبوك) أو أي صفحة https",
    embed_preview: "سيرى القراء",
    embed_video: "مشغّل فيديو من {provider}، ثم رابط إلى الفيديو",
    embed_card: "رابط إلى المنشور على {provider}",
    embed_bad: "لا يمكن تضمين أو عرض بطاقة إلا لعناوين https.",
    card_title: "العنوان على البطاقة (اختياري، وإلا يظهر العنوان الإلكتروني)",
    card_preview: "بطاقة فيها رابط إلى الصفحة واسم موقعها",
    insert: "إدراج",
    cancel: "إلغاء",
    link_title: "رابط",
    link_url: "عنوان الرابط (‎https://…‎ أو ‎mailto:…‎ أو ‎/path‎)",
    link_bad: "يجب أن يبدأ الرابط بـ https://‎ أو http://‎ أو mailto:‎ أو /.",
    link_apply: "تطبيق",
    link_remove: "إزالة الرابط",
};
