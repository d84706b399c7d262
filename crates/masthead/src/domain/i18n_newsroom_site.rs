//! The words of the newsroom pages that arrange the reader site: menus, fronts, the
//! breaking-news bar, the contact form's desks and the edition tabs and section choices
//! they share; English and Arabic, read as `chrome.t.site.<name>`. A `{name}` in a string
//! is filled in by the template or handler.

use serde::Serialize;

/// The words of the pages that arrange the reader site.
#[derive(Debug, Serialize)]
pub struct SiteStrings {
    /// The tabs of the editions.
    pub editions: &'static str,
    /// A section select's choice for no parent.
    pub top_level: &'static str,
    /// The header menu's tab.
    pub menu_header: &'static str,
    /// The footer menu's tab.
    pub menu_footer: &'static str,
    /// The service links menu's tab.
    pub menu_service: &'static str,
    /// Label of the menus' tabs.
    pub menus_label: &'static str,
    /// Column: a menu entry.
    pub entry: &'static str,
    /// Column: where an entry leads.
    pub goes_to: &'static str,
    /// Column: the move buttons.
    pub move_column: &'static str,
    /// Column and button: remove.
    pub remove: &'static str,
    /// Button label: move `{label}` up.
    pub move_up: &'static str,
    /// Button label: move `{label}` down.
    pub move_down: &'static str,
    /// Button label: move `{label}` to the top level.
    pub move_out: &'static str,
    /// Button label: nest `{label}` under the entry above.
    pub nest_in: &'static str,
    /// The un-nest button.
    pub out: &'static str,
    /// The nest button.
    pub nest: &'static str,
    /// Button label: remove `{label}`.
    pub remove_entry: &'static str,
    /// An empty menu.
    pub menu_empty: &'static str,
    /// Heading: add a section to the menu.
    pub add_section: &'static str,
    /// Field: the section.
    pub section: &'static str,
    /// Field: the entry's label.
    pub label: &'static str,
    /// Hint: the section's label is optional.
    pub label_hint: &'static str,
    /// The add-section button.
    pub add_section_button: &'static str,
    /// Heading: add a link to the menu.
    pub add_link: &'static str,
    /// Field: a link.
    pub link: &'static str,
    /// Hint: what a menu link may be.
    pub link_hint: &'static str,
    /// The add-link button.
    pub add_link_button: &'static str,
    /// The home page's front.
    pub home_front: &'static str,
    /// Label of the fronts' tabs.
    pub fronts_label: &'static str,
    /// The lead slot of a front.
    pub lead_slot: &'static str,
    /// The top stories slot.
    pub top_slot: &'static str,
    /// A home front's block for `{section}`.
    pub section_block: &'static str,
    /// Heading: pin a story.
    pub pin_title: &'static str,
    /// What pinning does.
    pub pin_hint: &'static str,
    /// Field: the story's number.
    pub story_number: &'static str,
    /// Hint: only published stories.
    pub published_only: &'static str,
    /// Field: which slot.
    pub slot: &'static str,
    /// Field and column: the place in a slot.
    pub place: &'static str,
    /// The pin button.
    pub pin: &'static str,
    /// Column: the story.
    pub story: &'static str,
    /// Column: the change buttons.
    pub change: &'static str,
    /// A pinned story that is not published.
    pub not_published: &'static str,
    /// An empty place.
    pub latest_story: &'static str,
    /// Button label: move up from place `{place}`.
    pub move_up_from: &'static str,
    /// Button label: move down from place `{place}`.
    pub move_down_from: &'static str,
    /// The unpin button.
    pub unpin: &'static str,
    /// After the unpin button, for screen readers: place `{place}` of `{slot}`.
    pub unpin_place: &'static str,
    /// The bar is showing.
    pub showing_now: &'static str,
    /// The bar has expired.
    pub expired: &'static str,
    /// Before the bar's link.
    pub links_to: &'static str,
    /// Before the bar's end time.
    pub until: &'static str,
    /// Before the time the bar ended.
    pub ended: &'static str,
    /// The clear button.
    pub clear_bar: &'static str,
    /// The email button.
    pub email_bar: &'static str,
    /// What emailing the bar does.
    pub email_bar_hint: &'static str,
    /// No bar for the edition.
    pub no_bar: &'static str,
    /// Heading: set the bar.
    pub set_bar: &'static str,
    /// Field: the bar's text.
    pub text: &'static str,
    /// Hint: at most `{max}` characters.
    pub text_hint: &'static str,
    /// Hint: the bar's link is optional.
    pub bar_link_hint: &'static str,
    /// Field: when the bar ends.
    pub show_until: &'static str,
    /// Hint: a time in `{zone}`.
    pub zone_time: &'static str,
    /// The set button.
    pub show_bar: &'static str,
    /// The contact desks' title.
    pub desks_title: &'static str,
    /// The link to the contact messages.
    pub messages: &'static str,
    /// What contact desks are.
    pub desks_hint: &'static str,
    /// Column and field: an email address.
    pub email_address: &'static str,
    /// Column and field: a desk's position.
    pub position: &'static str,
    /// Column: what can be done.
    pub actions: &'static str,
    /// An edition with no desk.
    pub no_desks: &'static str,
    /// Heading: add a desk.
    pub add_desk: &'static str,
    /// The add-desk button.
    pub add_desk_button: &'static str,
}

/// The words of the pages that arrange the reader site, in English.
pub const SITE_ENGLISH: SiteStrings = SiteStrings {
    editions: "Editions",
    top_level: "(top level)",
    menu_header: "Header menu",
    menu_footer: "Footer menu",
    menu_service: "Service menu",
    menus_label: "Menus",
    entry: "Entry",
    goes_to: "Goes to",
    move_column: "Move",
    remove: "Remove",
    move_up: "Move {label} up",
    move_down: "Move {label} down",
    move_out: "Move {label} out to the top level",
    nest_in: "Nest {label} under the entry above",
    out: "Out",
    nest: "In",
    remove_entry: "Remove {label}",
    menu_empty: "This menu is empty.",
    add_section: "Add a section",
    section: "Section",
    label: "Label",
    label_hint: "(optional: the section's name)",
    add_section_button: "Add section",
    add_link: "Add a link",
    link: "Link",
    link_hint: "(a path on this site, /world, or https://…)",
    add_link_button: "Add link",
    home_front: "Home",
    fronts_label: "Fronts",
    lead_slot: "Lead",
    top_slot: "Top stories",
    section_block: "{section} block",
    pin_title: "Pin a story",
    pin_hint: "Pinned stories take their place first; places left empty show the latest stories. A story shows once per front: pinning it again moves it.",
    story_number: "Story number",
    published_only: "(published stories only)",
    slot: "Where",
    place: "Place",
    pin: "Pin",
    story: "Story",
    change: "Change",
    not_published: "(not published: the latest story shows instead)",
    latest_story: "latest story",
    move_up_from: "Move up from place {place}",
    move_down_from: "Move down from place {place}",
    unpin: "Unpin",
    unpin_place: " place {place} of {slot}",
    showing_now: "Showing now",
    expired: "Expired",
    links_to: "Links to",
    until: "Until",
    ended: "Ended",
    clear_bar: "Clear the bar",
    email_bar: "Email it to the breaking-news list",
    email_bar_hint: "Every confirmed subscriber gets it once; the send is recorded in the audit log.",
    no_bar: "No breaking-news bar is set for this edition.",
    set_bar: "Set the bar",
    text: "Text",
    text_hint: "(at most {max} characters)",
    bar_link_hint: "(optional: a path on this site, /world/…, or https://…)",
    show_until: "Show until",
    zone_time: "({zone} time)",
    show_bar: "Show the bar",
    desks_title: "Contact desks",
    messages: "Messages",
    desks_hint: "Readers choose a desk in the contact form; each message is emailed to its desk's address and kept under Contact.",
    email_address: "Email address",
    position: "Position",
    actions: "Actions",
    no_desks: "This edition has no desks: its contact form is closed.",
    add_desk: "Add a desk",
    add_desk_button: "Add the desk",
};

/// The words of the pages that arrange the reader site, in Arabic.
pub const SITE_ARABIC: SiteStrings = SiteStrings {
    editions: "الطبعات",
    top_level: "(المستوى الأعلى)",
    menu_header: "القائمة العلوية",
    menu_footer: "قائمة التذييل",
    menu_service: "قائمة الخدمات",
    menus_label: "القوائم",
    entry: "البند",
    goes_to: "يؤدي إلى",
    move_column: "نقل",
    remove: "إزالة",
    move_up: "انقل «{label}» إلى الأعلى",
    move_down: "انقل «{label}» إلى الأسفل",
    move_out: "أخرج «{label}» إلى المستوى الأعلى",
    nest_in: "ضع «{label}» تحت البند الذي فوقه",
    out: "إخراج",
    nest: "تفريع",
    remove_entry: "أزل «{label}»",
    menu_empty: "هذه القائمة فارغة.",
    add_section: "إضافة قسم",
    section: "القسم",
    label: "التسمية",
    label_hint: "(اختياري: اسم القسم)",
    add_section_button: "أضف القسم",
    add_link: "إضافة رابط",
    link: "الرابط",
    link_hint: "(مسار في هذا الموقع مثل ‎/world، أو ‎https://…)",
    add_link_button: "أضف الرابط",
    home_front: "الصفحة الرئيسية",
    fronts_label: "الواجهات",
    lead_slot: "الخبر الرئيسي",
    top_slot: "أبرز الأخبار",
    section_block: "مجموعة {section}",
    pin_title: "تثبيت قصة",
    pin_hint: "تأخذ القصص المثبتة أماكنها أولًا، وتعرض الأماكن الفارغة أحدث القصص. تظهر القصة مرة واحدة في كل واجهة: تثبيتها مرة أخرى ينقلها.",
    story_number: "رقم القصة",
    published_only: "(القصص المنشورة فقط)",
    slot: "الموضع",
    place: "المكان",
    pin: "ثبّت",
    story: "القصة",
    change: "تغيير",
    not_published: "(غير منشورة: تظهر أحدث قصة بدلًا منها)",
    latest_story: "أحدث قصة",
    move_up_from: "انقل من المكان {place} إلى الأعلى",
    move_down_from: "انقل من المكان {place} إلى الأسفل",
    unpin: "ألغِ التثبيت",
    unpin_place: " للمكان {place} في {slot}",
    showing_now: "معروض الآن",
    expired: "انتهى",
    links_to: "يؤدي إلى",
    until: "حتى",
    ended: "انتهى في",
    clear_bar: "أفرغ الشريط",
    email_bar: "أرسله بالبريد إلى قائمة الأخبار العاجلة",
    email_bar_hint: "يتلقاه كل مشترك مؤكَّد مرة واحدة، ويُسجَّل الإرسال في سجل التدقيق.",
    no_bar: "لا يوجد شريط أخبار عاجلة لهذه الطبعة.",
    set_bar: "ضبط الشريط",
    text: "النص",
    text_hint: "(بحد أقصى {max} حرفًا)",
    bar_link_hint: "(اختياري: مسار في هذا الموقع مثل ‎/world/…، أو ‎https://…)",
    show_until: "يُعرض حتى",
    zone_time: "(بتوقيت {zone})",
    show_bar: "اعرض الشريط",
    desks_title: "مكاتب الاتصال",
    messages: "الرسائل",
    desks_hint: "يختار القراء مكتبًا في نموذج الاتصال، وتُرسل كل رسالة بالبريد إلى عنوان مكتبها وتُحفظ في صفحة الاتصال.",
    email_address: "عنوان البريد الإلكتروني",
    position: "الترتيب",
    actions: "الإجراءات",
    no_desks: "لا توجد مكاتب لهذه الطبعة: نموذج الاتصال فيها مغلق.",
    add_desk: "إضافة مكتب",
    add_desk_button: "أضف المكتب",
};
