//! The words of the newsroom pages about people and stories' kin: authors, agencies, job
//! listings and the story's translations (its page and the editor's panel); English and
//! Arabic, read as `chrome.t.people.<name>`. A `{name}` in a string is filled in by the
//! template or handler.

use serde::Serialize;

/// The words of the authors, agencies, jobs and translations pages.
#[derive(Debug, Serialize)]
pub struct PeopleStrings {
    /// Column and field: the author's role line.
    pub role_line: &'static str,
    /// Column and field: the author's edition.
    pub writes_for: &'static str,
    /// Column: the author's newsroom account.
    pub account: &'static str,
    /// Column: the author's public page.
    pub page: &'static str,
    /// Writes for every edition.
    pub every_edition: &'static str,
    /// The list with no author.
    pub no_authors: &'static str,
    /// Heading: add an author.
    pub add_author: &'static str,
    /// The add-author button.
    pub add_author_button: &'static str,
    /// The link back to the authors.
    pub all_authors: &'static str,
    /// Heading: the author's profile.
    pub profile: &'static str,
    /// Field: the author's newsroom account.
    pub newsroom_account: &'static str,
    /// Hint: what linking an account does.
    pub account_hint: &'static str,
    /// The choice of no account.
    pub no_account: &'static str,
    /// What a new slug does.
    pub slug_hint: &'static str,
    /// Heading: merge into another author.
    pub merge_title: &'static str,
    /// Field: merge `{name}` into.
    pub merge_into: &'static str,
    /// The merge select's empty choice.
    pub pick_author: &'static str,
    /// What merging `{name}` does.
    pub merge_hint: &'static str,
    /// The merge button.
    pub merge: &'static str,
    /// Field: the slug.
    pub slug: &'static str,
    /// Hint: the slug is optional.
    pub slug_optional: &'static str,
    /// Field: the biography.
    pub bio: &'static str,
    /// Field: the photo.
    pub photo: &'static str,
    /// Hint, before the media library link.
    pub number_in: &'static str,
    /// The media library link.
    pub media_library: &'static str,
    /// Hint, after the media library link: leave empty for none.
    pub empty_for_none: &'static str,
    /// Field: the author's links.
    pub links: &'static str,
    /// Hint: what the links are.
    pub links_hint: &'static str,
    /// Checkbox: a columnist.
    pub columnist: &'static str,
    /// Column and field: the agency's short name.
    pub short_name: &'static str,
    /// Column and field: the agency's logo.
    pub logo: &'static str,
    /// Column and field: a web address.
    pub link: &'static str,
    /// Hidden label: the name of `{name}`.
    pub name_of: &'static str,
    /// Hidden label: the short name of `{name}`.
    pub short_name_of: &'static str,
    /// Hidden label: the logo of `{name}`.
    pub logo_of: &'static str,
    /// Hidden label: the link of `{name}`.
    pub link_of: &'static str,
    /// The list with no agency.
    pub no_agencies: &'static str,
    /// Heading: add an agency.
    pub add_agency: &'static str,
    /// The add-agency button.
    pub add_agency_button: &'static str,
    /// Hint: an optional field.
    pub optional: &'static str,
    /// Hint, after the media library link: optional.
    pub optional_after: &'static str,
    /// Column and field: a listing's title.
    pub title: &'static str,
    /// Column: where the job is.
    pub place: &'static str,
    /// Column and field: the kind of employment.
    pub employment: &'static str,
    /// Column: when it was posted.
    pub posted: &'static str,
    /// Column: the last day to apply.
    pub last_day: &'static str,
    /// Column: a listing's state.
    pub state: &'static str,
    /// Column: what can be done.
    pub actions: &'static str,
    /// An edition with no listing.
    pub no_jobs: &'static str,
    /// Heading: add a listing.
    pub add_listing: &'static str,
    /// The add-listing button.
    pub post_listing: &'static str,
    /// The link back to the listings.
    pub all_listings: &'static str,
    /// Before the day a listing was posted.
    pub posted_on: &'static str,
    /// The link to the public page.
    pub view_public: &'static str,
    /// Heading: edit the listing.
    pub edit_listing: &'static str,
    /// Field: where the job is.
    pub place_of_work: &'static str,
    /// Field: the closing day.
    pub last_day_to_apply: &'static str,
    /// Hint: the closing day in `{zone}`.
    pub closes_hint: &'static str,
    /// Legend: how to apply.
    pub how_to_apply: &'static str,
    /// Hint: one or both ways.
    pub one_or_both: &'static str,
    /// Field: the application form's address.
    pub apply_url: &'static str,
    /// Field: the address for applications.
    pub apply_email: &'static str,
    /// Field: the description.
    pub description: &'static str,
    /// Hint: paragraphs.
    pub paragraph_hint: &'static str,
    /// The reopen button.
    pub reopen: &'static str,
    /// The close button.
    pub close: &'static str,
    /// A listing open to applications.
    pub job_open: &'static str,
    /// A listing closed by hand.
    pub job_closed: &'static str,
    /// A listing past its closing day.
    pub job_past: &'static str,
    /// The translation page's title, before the headline.
    pub link_title: &'static str,
    /// Heading, before the story's headline.
    pub link_heading: &'static str,
    /// The link back to the story.
    pub back_to_story: &'static str,
    /// Field: headline words in an edition.
    pub headline_words: &'static str,
    /// The find button.
    pub find: &'static str,
    /// Heading: stories matching the words.
    pub matching: &'static str,
    /// Heading: the latest stories.
    pub latest_stories: &'static str,
    /// The link button.
    pub link_button: &'static str,
    /// Button label: link `{headline}`.
    pub link_story: &'static str,
    /// No story found.
    pub no_story: &'static str,
    /// Heading of the editor's translations panel.
    pub translations: &'static str,
    /// Before the linked translation.
    pub linked_to: &'static str,
    /// The unlink button.
    pub unlink: &'static str,
    /// Field: find the translation by headline.
    pub find_translation: &'static str,
    /// The button that starts a translation into `{language}`.
    pub translate_to: &'static str,
    /// A linked story the account cannot open.
    pub cannot_open: &'static str,
    /// The Arabic language.
    pub arabic: &'static str,
    /// The English language.
    pub english: &'static str,
    /// The Turkish language.
    pub turkish: &'static str,
    /// The French language.
    pub french: &'static str,
}

/// The words of the authors, agencies, jobs and translations pages, in English.
pub const PEOPLE_ENGLISH: PeopleStrings = PeopleStrings {
    role_line: "Role line",
    writes_for: "Writes for",
    account: "Account",
    page: "Page",
    every_edition: "Every edition",
    no_authors: "There are no authors yet.",
    add_author: "Add an author",
    add_author_button: "Add author",
    all_authors: "All authors",
    profile: "Profile",
    newsroom_account: "Newsroom account",
    account_hint: "(the same person: new stories carry their byline)",
    no_account: "No account",
    slug_hint: "A new slug changes the author's address; the old one keeps answering with a permanent redirect.",
    merge_title: "Merge into another author",
    merge_into: "Merge {name} into",
    pick_author: "(pick an author)",
    merge_hint: "Every byline and account of {name} moves to the author picked; this profile is deleted and its page redirects there. This cannot be undone.",
    merge: "Merge",
    slug: "Slug",
    slug_optional: "(optional: made from the name)",
    bio: "Bio",
    photo: "Photo",
    number_in: "(its number in the",
    media_library: "media library",
    empty_for_none: "; empty for none)",
    links: "Links",
    links_hint: "(web addresses, one per line: site, social profiles)",
    columnist: "Columnist",
    short_name: "Short name",
    logo: "Logo",
    link: "Link",
    name_of: "Name of {name}",
    short_name_of: "Short name of {name}",
    logo_of: "Logo of {name} (media library number)",
    link_of: "Link of {name}",
    no_agencies: "There are no agencies yet.",
    add_agency: "Add an agency",
    add_agency_button: "Add agency",
    optional: "(optional)",
    optional_after: "; optional)",
    title: "Title",
    place: "Place",
    employment: "Employment",
    posted: "Posted",
    last_day: "Last day",
    state: "State",
    actions: "Actions",
    no_jobs: "This edition has no job listings yet.",
    add_listing: "Add a listing",
    post_listing: "Post the listing",
    all_listings: "All job listings",
    posted_on: "posted",
    view_public: "view the public page",
    edit_listing: "Edit the listing",
    place_of_work: "Place of work",
    last_day_to_apply: "Last day to apply",
    closes_hint: "(optional; it closes at the end of that day, {zone} time)",
    how_to_apply: "How to apply",
    one_or_both: "(one or both)",
    apply_url: "Web address of the application form",
    apply_email: "Email address for applications",
    description: "Description",
    paragraph_hint: "(a blank line starts a new paragraph)",
    reopen: "Reopen",
    close: "Close",
    job_open: "Open",
    job_closed: "Closed",
    job_past: "Past its closing date",
    link_title: "Link a translation",
    link_heading: "Link a translation of",
    back_to_story: "Back to the story",
    headline_words: "Headline words in",
    find: "Find",
    matching: "Stories matching",
    latest_stories: "Latest stories",
    link_button: "Link",
    link_story: "Link: {headline}",
    no_story: "No story found.",
    translations: "Translations",
    linked_to: "Linked to",
    unlink: "Unlink",
    find_translation: "Find its translation by headline",
    translate_to: "Translate to {language}",
    cannot_open: "(a story you cannot open)",
    arabic: "Arabic",
    english: "English",
    turkish: "Turkish",
    french: "French",
};

/// The words of the authors, agencies, jobs and translations pages, in Arabic.
pub const PEOPLE_ARABIC: PeopleStrings = PeopleStrings {
    role_line: "الصفة",
    writes_for: "يكتب لـ",
    account: "الحساب",
    page: "الصفحة",
    every_edition: "كل الطبعات",
    no_authors: "لا يوجد كتّاب بعد.",
    add_author: "إضافة كاتب",
    add_author_button: "أضف الكاتب",
    all_authors: "كل الكتّاب",
    profile: "الملف الشخصي",
    newsroom_account: "حساب غرفة الأخبار",
    account_hint: "(الشخص نفسه: تحمل القصص الجديدة توقيعه)",
    no_account: "بلا حساب",
    slug_hint: "يغيّر المعرّف الجديد عنوان صفحة الكاتب، ويظل العنوان القديم يعمل بتحويل دائم.",
    merge_title: "الدمج في كاتب آخر",
    merge_into: "ادمج {name} في",
    pick_author: "(اختر كاتبًا)",
    merge_hint: "ينتقل كل توقيع وحساب لـ{name} إلى الكاتب المختار، ويُحذف هذا الملف وتُحوَّل صفحته إليه. لا يمكن التراجع عن ذلك.",
    merge: "ادمج",
    slug: "المعرّف في العنوان",
    slug_optional: "(اختياري: يُصنع من الاسم)",
    bio: "نبذة",
    photo: "الصورة",
    number_in: "(رقمها في",
    media_library: "مكتبة الوسائط",
    empty_for_none: "، أو اتركه فارغًا)",
    links: "الروابط",
    links_hint: "(عناوين ويب، واحد في كل سطر: الموقع وحسابات التواصل)",
    columnist: "كاتب عمود",
    short_name: "الاسم المختصر",
    logo: "الشعار",
    link: "الرابط",
    name_of: "اسم {name}",
    short_name_of: "الاسم المختصر لـ{name}",
    logo_of: "شعار {name} (رقمه في مكتبة الوسائط)",
    link_of: "رابط {name}",
    no_agencies: "لا توجد وكالات بعد.",
    add_agency: "إضافة وكالة",
    add_agency_button: "أضف الوكالة",
    optional: "(اختياري)",
    optional_after: "، اختياري)",
    title: "المسمى الوظيفي",
    place: "المكان",
    employment: "نوع التوظيف",
    posted: "تاريخ النشر",
    last_day: "آخر يوم",
    state: "الحالة",
    actions: "الإجراءات",
    no_jobs: "لا توجد إعلانات وظائف في هذه الطبعة بعد.",
    add_listing: "إضافة إعلان",
    post_listing: "انشر الإعلان",
    all_listings: "كل إعلانات الوظائف",
    posted_on: "نُشر في",
    view_public: "اعرض الصفحة العامة",
    edit_listing: "تحرير الإعلان",
    place_of_work: "مكان العمل",
    last_day_to_apply: "آخر يوم للتقديم",
    closes_hint: "(اختياري، يُغلق في نهاية ذلك اليوم بتوقيت {zone})",
    how_to_apply: "طريقة التقديم",
    one_or_both: "(إحداهما أو كلتاهما)",
    apply_url: "عنوان نموذج التقديم على الويب",
    apply_email: "البريد الإلكتروني لاستقبال الطلبات",
    description: "الوصف",
    paragraph_hint: "(يبدأ السطر الفارغ فقرة جديدة)",
    reopen: "أعد الفتح",
    close: "أغلق",
    job_open: "مفتوح",
    job_closed: "مغلق",
    job_past: "تجاوز موعد الإغلاق",
    link_title: "ربط ترجمة",
    link_heading: "ربط ترجمة للقصة",
    back_to_story: "العودة إلى القصة",
    headline_words: "كلمات من العنوان في",
    find: "ابحث",
    matching: "القصص المطابقة لـ",
    latest_stories: "أحدث القصص",
    link_button: "اربط",
    link_story: "اربط: {headline}",
    no_story: "لم يُعثر على أي قصة.",
    translations: "الترجمات",
    linked_to: "مرتبطة بـ",
    unlink: "ألغِ الربط",
    find_translation: "ابحث عن ترجمتها بالعنوان",
    translate_to: "ترجم إلى {language}",
    cannot_open: "(قصة لا يمكنك فتحها)",
    arabic: "العربية",
    english: "الإنجليزية",
    turkish: "التركية",
    french: "الفرنسية",
};
