//! The words of the reader interface in each edition's language.

use serde::Serialize;

/// Interface strings for one language; templates read them as `t.<name>`.
#[derive(Debug, Serialize)]
pub struct Strings {
    /// Skip link text.
    pub skip_to_content: &'static str,
    /// Label of the breaking-news bar.
    pub breaking_news: &'static str,
    /// Label of the mobile menu button.
    pub menu: &'static str,
    /// Label of the main navigation landmark.
    pub main_navigation: &'static str,
    /// Label of the footer navigation landmark.
    pub footer_navigation: &'static str,
    /// Link to the home page.
    pub home: &'static str,
    /// Byline roles.
    pub by: &'static str,
    /// Byline role for reporting.
    pub reported_by: &'static str,
    /// Byline role for photos.
    pub photos_by: &'static str,
    /// Byline role for translation.
    pub translated_by: &'static str,
    /// Updated-time label.
    pub updated: &'static str,
    /// Recommended block heading.
    pub recommended: &'static str,
    /// Related topics heading.
    pub related_topics: &'static str,
    /// Keywords heading.
    pub keywords: &'static str,
    /// More-stories heading.
    pub more_stories: &'static str,
    /// Short-link label.
    pub shortlink: &'static str,
    /// Copy button.
    pub copy: &'static str,
    /// Message after copying.
    pub shortlink_copied: &'static str,
    /// Newsletter box heading suffix.
    pub newsletter: &'static str,
    /// Email field label.
    pub email: &'static str,
    /// Consent checkbox label.
    pub newsletter_consent: &'static str,
    /// Subscribe button.
    pub subscribe: &'static str,
    /// Unsubscribe note.
    pub unsubscribe_note: &'static str,
    /// What the newsletter endpoint says until sign-ups open.
    pub newsletter_closed: &'static str,
    /// Placeholder for a teaser without an image.
    pub no_image: &'static str,
    /// Kind labels.
    pub opinion: &'static str,
    /// Gallery label.
    pub photo_gallery: &'static str,
    /// Video label.
    pub video: &'static str,
    /// Home-front block headings.
    pub top_stories: &'static str,
    /// Latest heading.
    pub latest: &'static str,
    /// Pagination.
    pub previous: &'static str,
    /// Pagination.
    pub next: &'static str,
    /// Pagination, as in "Page 2".
    pub page: &'static str,
    /// Heading of the topic page kind.
    pub topic: &'static str,
    /// Heading of the keyword page kind.
    pub keyword: &'static str,
    /// Label of an author's profile links.
    pub profile_links: &'static str,
    /// Empty list.
    pub no_stories: &'static str,
    /// 404 heading.
    pub not_found_title: &'static str,
    /// 404 text.
    pub not_found_text: &'static str,
    /// 500 heading.
    pub error_title: &'static str,
    /// 500 text.
    pub error_text: &'static str,
    /// Open positions heading on the jobs page.
    pub open_positions: &'static str,
    /// Watch the video on its site.
    pub watch_video: &'static str,
    /// Link to embedded content that is not shown inline.
    pub view_embed: &'static str,
    /// Heading of the list of feeds on the RSS page.
    pub feeds: &'static str,
    /// Photo count in a gallery, as in "12 photos".
    pub photos: &'static str,
}

/// English.
pub const ENGLISH: Strings = Strings {
    skip_to_content: "Skip to content",
    breaking_news: "Breaking news",
    menu: "Menu",
    main_navigation: "Sections",
    footer_navigation: "Site map",
    home: "Home",
    by: "by",
    reported_by: "reported by",
    photos_by: "photos by",
    translated_by: "translated by",
    updated: "Updated",
    recommended: "Recommended",
    related_topics: "Related topics",
    keywords: "Keywords",
    more_stories: "More stories",
    shortlink: "Short link",
    copy: "Copy",
    shortlink_copied: "Short link copied",
    newsletter: "Newsletter",
    email: "Email address",
    newsletter_consent: "I agree to the Terms of Use and the Privacy Policy.",
    subscribe: "Sign up",
    unsubscribe_note: "You can unsubscribe at any time with one click.",
    newsletter_closed: "Newsletter sign-up is not open yet. We have not stored your address or subscribed it to anything.",
    no_image: "No Image",
    opinion: "Opinion",
    photo_gallery: "Photo gallery",
    video: "Video",
    top_stories: "Top stories",
    latest: "Latest",
    previous: "Newer",
    next: "Older",
    page: "Page",
    topic: "Topic",
    keyword: "Keyword",
    profile_links: "Elsewhere",
    no_stories: "No stories here yet.",
    not_found_title: "Page not found",
    not_found_text: "We could not find that page. It may have moved, or the address may be mistyped.",
    error_title: "Something went wrong",
    error_text: "We could not show this page just now. Please try again in a moment.",
    open_positions: "Open positions",
    watch_video: "Watch the video",
    view_embed: "View the post",
    feeds: "Feeds",
    photos: "photos",
};

/// Arabic.
pub const ARABIC: Strings = Strings {
    skip_to_content: "انتقل إلى المحتوى",
    breaking_news: "عاجل",
    menu: "القائمة",
    main_navigation: "الأقسام",
    footer_navigation: "خريطة الموقع",
    home: "الرئيسية",
    by: "بقلم",
    reported_by: "تقرير",
    photos_by: "تصوير",
    translated_by: "ترجمة",
    updated: "آخر تحديث",
    recommended: "مقترحات",
    related_topics: "مواضيع ذات صلة",
    keywords: "كلمات مفتاحية",
    more_stories: "المزيد من الأخبار",
    shortlink: "رابط مختصر",
    copy: "نسخ",
    shortlink_copied: "تم نسخ الرابط المختصر",
    newsletter: "النشرة البريدية",
    email: "البريد الإلكتروني",
    newsletter_consent: "أوافق على شروط الاستخدام وسياسة الخصوصية.",
    subscribe: "اشترك",
    unsubscribe_note: "يمكنك إلغاء الاشتراك في أي وقت بنقرة واحدة.",
    newsletter_closed: "التسجيل في النشرة البريدية لم يُفتح بعد. لم نحفظ عنوان بريدك ولم نشترك به في أي شيء.",
    no_image: "لا توجد صورة",
    opinion: "رأي",
    photo_gallery: "معرض الصور",
    video: "فيديو",
    top_stories: "أبرز الأخبار",
    latest: "آخر الأخبار",
    previous: "الأحدث",
    next: "الأقدم",
    page: "صفحة",
    topic: "موضوع",
    keyword: "كلمة مفتاحية",
    profile_links: "روابط",
    no_stories: "لا توجد أخبار هنا بعد.",
    not_found_title: "الصفحة غير موجودة",
    not_found_text: "لم نعثر على هذه الصفحة. ربما نُقلت أو أن العنوان غير صحيح.",
    error_title: "حدث خطأ",
    error_text: "تعذر عرض هذه الصفحة الآن. يرجى المحاولة بعد قليل.",
    open_positions: "الوظائف الشاغرة",
    watch_video: "شاهد الفيديو",
    view_embed: "عرض المنشور",
    feeds: "الخلاصات",
    photos: "صور",
};

/// The strings for a BCP 47 language tag; English when the language is unknown.
pub fn strings_for(language: &str) -> &'static Strings {
    match language.split('-').next() {
        Some("ar") => &ARABIC,
        _ => &ENGLISH,
    }
}
