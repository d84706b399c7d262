//! The words of the reader interface in each edition's language.

use serde::Serialize;
use store::EmploymentType;

use crate::domain::i18n_contact::{CONTACT_ARABIC, CONTACT_ENGLISH, ContactStrings};
use crate::domain::i18n_search::{SEARCH_ARABIC, SEARCH_ENGLISH, SearchStrings};

/// Interface strings for one language; templates read them as `t.<name>`.
#[derive(Debug, Serialize)]
pub struct Strings {
    /// The link to a page's counterpart in this language, from the other edition's page
    /// ("Read in English"): written in this language.
    pub read_in: &'static str,
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
    /// What the newsletter form says when email is not set up (no `[email] smtp_url`).
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
    /// Label of a feed's full-text variant on the RSS page.
    pub full_text: &'static str,
    /// Photo count in a gallery, as in "12 photos".
    pub photos: &'static str,
    /// The jobs page when no position is open.
    pub no_open_positions: &'static str,
    /// Label of a listing's posting date.
    pub posted: &'static str,
    /// Label of a listing's last day to apply.
    pub apply_by: &'static str,
    /// What a closed listing's page says.
    pub position_closed: &'static str,
    /// Link from a listing to the jobs page.
    pub all_positions: &'static str,
    /// Link from an open listing to where one applies online.
    pub apply: &'static str,
    /// Label of the address one applies to by email.
    pub apply_by_email: &'static str,
    /// Employment types.
    pub full_time: &'static str,
    /// Employment type.
    pub part_time: &'static str,
    /// Employment type.
    pub contract: &'static str,
    /// Employment type.
    pub temporary: &'static str,
    /// Employment type.
    pub internship: &'static str,
    /// The newsletter's pages and emails.
    pub nl: &'static NewsletterStrings,
    /// The contact form's pages and its email to a desk.
    pub contact: &'static ContactStrings,
    /// The header's search box and the search page.
    pub search: &'static SearchStrings,
}

impl Strings {
    /// The words for a kind of employment.
    pub fn employment(&self, kind: EmploymentType) -> &'static str {
        match kind {
            EmploymentType::FullTime => self.full_time,
            EmploymentType::PartTime => self.part_time,
            EmploymentType::Contract => self.contract,
            EmploymentType::Temporary => self.temporary,
            EmploymentType::Internship => self.internship,
        }
    }
}

/// The words of the newsletter's pages and emails; templates read them as `t.nl.<name>`.
#[derive(Debug, Serialize)]
pub struct NewsletterStrings {
    /// Legend of the list checkboxes.
    pub choose: &'static str,
    /// Label of the field people do not see (bots fill it).
    pub leave_empty: &'static str,
    /// What the form's script says while it works.
    pub working: &'static str,
    /// Heading after a sign-up.
    pub check_title: &'static str,
    /// Text after a sign-up, the same whether or not the address was known.
    pub check_text: &'static str,
    /// The challenge did not pass: press again.
    pub try_again: &'static str,
    /// The address is not one.
    pub bad_email: &'static str,
    /// The consent box was not ticked.
    pub need_consent: &'static str,
    /// No list was chosen.
    pub need_list: &'static str,
    /// Too many sign-ups from the network.
    pub limited: &'static str,
    /// Heading of the confirmation page.
    pub confirm_title: &'static str,
    /// Text above the confirm button.
    pub confirm_text: &'static str,
    /// The confirm button.
    pub confirm_button: &'static str,
    /// After confirming.
    pub confirmed: &'static str,
    /// A link that is expired or not ours.
    pub bad_link: &'static str,
    /// Heading and button of the unsubscribe page.
    pub unsubscribe: &'static str,
    /// Text above the unsubscribe button.
    pub unsubscribe_text: &'static str,
    /// After unsubscribing.
    pub unsubscribed: &'static str,
    /// Heading of the preferences page, and its link in emails.
    pub preferences: &'static str,
    /// Text above the preferences.
    pub preferences_text: &'static str,
    /// Save button.
    pub save: &'static str,
    /// After saving.
    pub saved: &'static str,
    /// Subject of the confirmation email.
    pub confirm_subject: &'static str,
    /// First line of the confirmation email, before the lists.
    pub confirm_intro: &'static str,
    /// The confirmation email's closing advice.
    pub confirm_ignore: &'static str,
    /// A digest's footer, before the list's name.
    pub sent_because: &'static str,
    /// Heading of a digest's stories when the list takes every section.
    pub latest: &'static str,
    /// The sign-up box's line in an edition other than the main one (the main one's is a
    /// site setting).
    pub pitch: &'static str,
}

/// English.
pub const ENGLISH: Strings = Strings {
    read_in: "Read in English",
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
    newsletter_closed: "Newsletter sign-ups are closed at the moment. We have not stored your address or subscribed it to anything.",
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
    full_text: "Full text",
    photos: "photos",
    no_open_positions: "There are no open positions just now.",
    posted: "Posted",
    apply_by: "Apply by",
    position_closed: "This position is closed: we are no longer taking applications.",
    all_positions: "All open positions",
    apply: "Apply",
    apply_by_email: "Apply by email",
    full_time: "Full-time",
    part_time: "Part-time",
    contract: "Contract",
    temporary: "Temporary",
    internship: "Internship",
    nl: &NEWSLETTER_ENGLISH,
    contact: &CONTACT_ENGLISH,
    search: &SEARCH_ENGLISH,
};

const NEWSLETTER_ENGLISH: NewsletterStrings = NewsletterStrings {
    choose: "Choose your newsletters",
    leave_empty: "Leave this field empty",
    working: "Checking…",
    check_title: "Check your inbox",
    check_text: "If this address can receive our newsletters, we have sent it an email with a link to confirm. Nothing more is sent until you use it. The link works for 48 hours.",
    try_again: "Please check your details and press the button again.",
    bad_email: "Enter an email address such as name@example.com.",
    need_consent: "Tick the box to agree before signing up.",
    need_list: "Choose at least one newsletter.",
    limited: "Too many sign-ups came from your network in the last hour. Please try again later.",
    confirm_title: "Confirm your subscription",
    confirm_text: "Press the button to start receiving the newsletters you chose.",
    confirm_button: "Confirm",
    confirmed: "You are subscribed. Thank you for reading.",
    bad_link: "This link has expired or is not valid. You can sign up again below.",
    unsubscribe: "Unsubscribe",
    unsubscribe_text: "Press the button to stop receiving this newsletter.",
    unsubscribed: "You are unsubscribed and will not receive it any more.",
    preferences: "Your newsletters",
    preferences_text: "Choose which newsletters you receive. Untick all to receive none.",
    save: "Save",
    saved: "Your choices are saved.",
    confirm_subject: "Confirm your newsletter subscription",
    confirm_intro: "Someone, we hope you, asked to receive these newsletters at this address:",
    confirm_ignore: "If it was not you, ignore this email: nothing more is sent unless the link is used. The link works for 48 hours.",
    sent_because: "You get this email because you signed up for",
    latest: "Latest stories",
    pitch: "The day's essential stories, in your inbox every morning.",
};

/// Arabic.
pub const ARABIC: Strings = Strings {
    read_in: "اقرأ بالعربية",
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
    newsletter_closed: "التسجيل في النشرة البريدية مغلق حاليًا. لم نحفظ عنوان بريدك ولم نشترك به في أي شيء.",
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
    full_text: "النص الكامل",
    photos: "صور",
    no_open_positions: "لا توجد وظائف شاغرة في الوقت الحالي.",
    posted: "تاريخ النشر",
    apply_by: "آخر موعد للتقديم",
    position_closed: "أُغلق باب التقديم لهذه الوظيفة ولم نعد نستقبل الطلبات.",
    all_positions: "كل الوظائف الشاغرة",
    apply: "قدّم طلبك",
    apply_by_email: "قدّم طلبك بالبريد الإلكتروني",
    full_time: "دوام كامل",
    part_time: "دوام جزئي",
    contract: "عقد",
    temporary: "مؤقت",
    internship: "تدريب",
    nl: &NEWSLETTER_ARABIC,
    contact: &CONTACT_ARABIC,
    search: &SEARCH_ARABIC,
};

const NEWSLETTER_ARABIC: NewsletterStrings = NewsletterStrings {
    choose: "اختر نشراتك",
    leave_empty: "اترك هذا الحقل فارغًا",
    working: "جارٍ التحقق…",
    check_title: "تفقّد بريدك",
    check_text: "إذا كان هذا العنوان يستقبل نشراتنا، فقد أرسلنا إليه رسالة فيها رابط للتأكيد. لن نرسل شيئًا آخر قبل أن تستخدمه. يعمل الرابط مدة 48 ساعة.",
    try_again: "يرجى التحقق من بياناتك والضغط على الزر مرة أخرى.",
    bad_email: "أدخل عنوان بريد إلكتروني مثل name@example.com.",
    need_consent: "ضع علامة في المربع للموافقة قبل الاشتراك.",
    need_list: "اختر نشرة واحدة على الأقل.",
    limited: "وصلنا عدد كبير من طلبات الاشتراك من شبكتك خلال الساعة الماضية. يرجى المحاولة لاحقًا.",
    confirm_title: "أكّد اشتراكك",
    confirm_text: "اضغط على الزر لتبدأ في تلقي النشرات التي اخترتها.",
    confirm_button: "تأكيد",
    confirmed: "تم اشتراكك. شكرًا لقراءتك.",
    bad_link: "انتهت صلاحية هذا الرابط أو أنه غير صالح. يمكنك الاشتراك من جديد أدناه.",
    unsubscribe: "إلغاء الاشتراك",
    unsubscribe_text: "اضغط على الزر لتتوقف عن تلقي هذه النشرة.",
    unsubscribed: "تم إلغاء اشتراكك ولن تصلك بعد الآن.",
    preferences: "نشراتك",
    preferences_text: "اختر النشرات التي تصلك. أزل كل العلامات حتى لا يصلك شيء.",
    save: "حفظ",
    saved: "تم حفظ اختياراتك.",
    confirm_subject: "أكّد اشتراكك في النشرة البريدية",
    confirm_intro: "طلب أحدهم، ونرجو أن تكون أنت، تلقي هذه النشرات على هذا العنوان:",
    confirm_ignore: "إن لم تكن أنت، فتجاهل هذه الرسالة: لن نرسل شيئًا آخر ما لم يُستخدم الرابط. يعمل الرابط مدة 48 ساعة.",
    sent_because: "تصلك هذه الرسالة لأنك اشتركت في",
    latest: "آخر الأخبار",
    pitch: "أهم أخبار اليوم في بريدك كل صباح.",
};

/// The strings for a BCP 47 language tag; English when the language is unknown.
pub fn strings_for(language: &str) -> &'static Strings {
    match language.split('-').next() {
        Some("ar") => &ARABIC,
        _ => &ENGLISH,
    }
}
