//! The words of the newsroom pages about mail: newsletter lists, subscribers and issues,
//! and the contact form's inbox and messages; English and Arabic, read as
//! `chrome.t.mail.<name>`. A `{name}` in a string is filled in by the template.

use serde::Serialize;

/// The words of the newsletters and contact messages pages.
#[derive(Debug, Serialize)]
pub struct MailStrings {
    /// Column: a newsletter list.
    pub list: &'static str,
    /// Column: how often it is sent; sent emails.
    pub sent: &'static str,
    /// Column: confirmed subscribers.
    pub confirmed: &'static str,
    /// Column: subscribers waiting; a message waiting.
    pub waiting: &'static str,
    /// Column: subscribers who left.
    pub left: &'static str,
    /// Between the schedule and the time.
    pub at: &'static str,
    /// An edition with no list.
    pub no_lists: &'static str,
    /// The add-list disclosure.
    pub add_list: &'static str,
    /// Hint: where the description shows.
    pub description_hint: &'static str,
    /// Field: the sender's name.
    pub sender: &'static str,
    /// Field: the schedule.
    pub schedule: &'static str,
    /// The daily schedule.
    pub schedule_daily: &'static str,
    /// The weekly schedule.
    pub schedule_weekly: &'static str,
    /// The breaking-news schedule.
    pub schedule_breaking: &'static str,
    /// Field: the sending time.
    pub time: &'static str,
    /// Hint: the time's format.
    pub time_hint: &'static str,
    /// Hint: the time's zone `{zone}` and format.
    pub zone_time_hint: &'static str,
    /// The add-list button.
    pub add_list_button: &'static str,
    /// What to do after adding a list.
    pub add_list_hint: &'static str,
    /// The export link.
    pub export: &'static str,
    /// That the export is audited.
    pub export_hint: &'static str,
    /// Heading: find a subscriber.
    pub find_subscriber: &'static str,
    /// The find button.
    pub find: &'static str,
    /// An address that bounces.
    pub bounces: &'static str,
    /// Column: a state.
    pub state: &'static str,
    /// Column: when consent was given.
    pub consent_given: &'static str,
    /// Column: the address consent came from.
    pub from_address: &'static str,
    /// Column: the consent text's version.
    pub consent_version: &'static str,
    /// Field: type the address again to erase.
    pub erase_label: &'static str,
    /// The erase button.
    pub erase_button: &'static str,
    /// No subscriber has the address.
    pub no_subscriber: &'static str,
    /// A subscription that was left.
    pub sub_left: &'static str,
    /// A confirmed subscription.
    pub sub_confirmed: &'static str,
    /// A subscription waiting for confirmation.
    pub sub_waiting: &'static str,
    /// Heading: the next issue.
    pub next_issue: &'static str,
    /// A breaking-news list's issues.
    pub sent_from_bar: &'static str,
    /// A weekly list's issues, at `{time}` in `{zone}`.
    pub sent_weekly: &'static str,
    /// A daily list's issues, at `{time}` in `{zone}`.
    pub sent_daily: &'static str,
    /// The preview link.
    pub preview: &'static str,
    /// The plain-text preview link.
    pub plain_text: &'static str,
    /// Field: where the test goes.
    pub send_test_to: &'static str,
    /// The test button.
    pub send_test: &'static str,
    /// The send button.
    pub send_now: &'static str,
    /// What sending does.
    pub send_now_hint: &'static str,
    /// Heading: issues sent.
    pub issues_sent: &'static str,
    /// Column: when the issue was composed.
    pub composed: &'static str,
    /// Column: the subject.
    pub subject: &'static str,
    /// Column: how many stories.
    pub stories: &'static str,
    /// Column: how many recipients.
    pub recipients: &'static str,
    /// Column: failed sends.
    pub failed: &'static str,
    /// Column: unsubscribes.
    pub unsubscribed: &'static str,
    /// An issue with nothing new.
    pub issue_empty: &'static str,
    /// A finished issue.
    pub issue_done: &'static str,
    /// An issue being sent.
    pub issue_sending: &'static str,
    /// An issue being composed.
    pub issue_composing: &'static str,
    /// No issue yet.
    pub no_issue: &'static str,
    /// Heading: subscribers over 30 days.
    pub history: &'static str,
    /// Column: the day.
    pub day_utc: &'static str,
    /// Column: subscribers.
    pub subscribers: &'static str,
    /// Column: who joined.
    pub joined: &'static str,
    /// Heading: the list's settings.
    pub settings: &'static str,
    /// Legend: the digest's sections.
    pub digest_sections: &'static str,
    /// Hint: no section means every section.
    pub every_section: &'static str,
    /// The contact inbox's title.
    pub contact_title: &'static str,
    /// Filter link: unhandled only.
    pub unhandled_only: &'static str,
    /// The current filter: unhandled.
    pub unhandled: &'static str,
    /// Filter: all messages.
    pub all: &'static str,
    /// The link to the contact desks.
    pub desks: &'static str,
    /// Column and fact: when it came.
    pub received: &'static str,
    /// Column: the desk.
    pub desk: &'static str,
    /// Column and fact: the sender.
    pub from: &'static str,
    /// Column: the message.
    pub message: &'static str,
    /// A handled message.
    pub handled: &'static str,
    /// An edition with no message.
    pub no_messages: &'static str,
    /// No message to handle.
    pub none_waiting: &'static str,
    /// A message page's title.
    pub message_title: &'static str,
    /// Heading: the message's desk.
    pub message_to: &'static str,
    /// The link back to the inbox.
    pub all_messages: &'static str,
    /// Before the sender's IP address.
    pub from_ip: &'static str,
    /// Fact: the email to the desk.
    pub email_to_desk: &'static str,
    /// No mail server.
    pub email_none: &'static str,
    /// The email went.
    pub email_sent: &'static str,
    /// The email waits.
    pub email_waiting: &'static str,
    /// The button: not handled.
    pub mark_unhandled: &'static str,
    /// The button: handled.
    pub mark_handled: &'static str,
    /// The erase button.
    pub erase_message: &'static str,
    /// What erasing does.
    pub erase_hint: &'static str,
}

/// The words of the newsletters and contact messages pages, in English.
pub const MAIL_ENGLISH: MailStrings = MailStrings {
    list: "List",
    sent: "Sent",
    confirmed: "Confirmed",
    waiting: "Waiting",
    left: "Left",
    at: "at",
    no_lists: "This edition has no newsletter lists.",
    add_list: "Add a list",
    description_hint: "(shown on the sign-up form)",
    sender: "Sender's name",
    schedule: "Schedule",
    schedule_daily: "daily",
    schedule_weekly: "weekly (Mondays)",
    schedule_breaking: "breaking news (sent from the bar)",
    time: "Time",
    time_hint: "(the edition's time, HH:MM)",
    zone_time_hint: "({zone} time, HH:MM)",
    add_list_button: "Add the list",
    add_list_hint: "Then choose its sections on its page.",
    export: "Export this edition's subscribers (CSV)",
    export_hint: "The export is recorded in the audit log.",
    find_subscriber: "Find a subscriber",
    find: "Find",
    bounces: "(bounces: nothing is sent)",
    state: "State",
    consent_given: "Consent given",
    from_address: "From address",
    consent_version: "Consent text version",
    erase_label: "To erase this subscriber and everything kept about them, type the address again",
    erase_button: "Erase subscriber",
    no_subscriber: "No subscriber has that address.",
    sub_left: "left",
    sub_confirmed: "confirmed",
    sub_waiting: "waiting for confirmation",
    next_issue: "The next issue",
    sent_from_bar: "Sent from the breaking-news bar.",
    sent_weekly: "Sent every Monday at {time} ({zone} time), with the stories published since the previous issue.",
    sent_daily: "Sent every day at {time} ({zone} time), with the stories published since the previous issue.",
    preview: "Preview it as sent now",
    plain_text: "plain-text part",
    send_test_to: "Send a test to",
    send_test: "Send test",
    send_now: "Send this issue now",
    send_now_hint: "to every confirmed subscriber, once; recorded in the audit log.",
    issues_sent: "Issues sent",
    composed: "Composed",
    subject: "Subject",
    stories: "Stories",
    recipients: "Recipients",
    failed: "Failed",
    unsubscribed: "Unsubscribed",
    issue_empty: "nothing new: not sent",
    issue_done: "done",
    issue_sending: "sending",
    issue_composing: "composing",
    no_issue: "No issue yet.",
    history: "Subscribers, last 30 days",
    day_utc: "Day (UTC)",
    subscribers: "Subscribers",
    joined: "Joined",
    settings: "Settings",
    digest_sections: "Sections the digest is made from",
    every_section: "(none: every section)",
    contact_title: "Contact messages",
    unhandled_only: "Unhandled only",
    unhandled: "Unhandled",
    all: "All",
    desks: "Desks",
    received: "Received",
    desk: "Desk",
    from: "From",
    message: "Message",
    handled: "Handled",
    no_messages: "No messages in this edition.",
    none_waiting: "No message waits to be handled.",
    message_title: "Contact message",
    message_to: "Message to",
    all_messages: "All messages",
    from_ip: "from",
    email_to_desk: "Email to the desk",
    email_none: "none (no mail server configured)",
    email_sent: "sent",
    email_waiting: "waiting to be sent",
    mark_unhandled: "Mark as not handled",
    mark_handled: "Mark as handled",
    erase_message: "Erase this message",
    erase_hint: "On the sender's request: the message and its email are deleted; the audit log records only that it was erased.",
};

/// The words of the newsletters and contact messages pages, in Arabic.
pub const MAIL_ARABIC: MailStrings = MailStrings {
    list: "القائمة",
    sent: "الإرسال",
    confirmed: "المؤكَّدون",
    waiting: "بالانتظار",
    left: "المغادرون",
    at: "الساعة",
    no_lists: "لا توجد قوائم نشرات بريدية لهذه الطبعة.",
    add_list: "إضافة قائمة",
    description_hint: "(يظهر في نموذج الاشتراك)",
    sender: "اسم المرسِل",
    schedule: "الجدول",
    schedule_daily: "يومية",
    schedule_weekly: "أسبوعية (أيام الاثنين)",
    schedule_breaking: "أخبار عاجلة (تُرسل من الشريط)",
    time: "الوقت",
    time_hint: "(بتوقيت الطبعة، بصيغة HH:MM)",
    zone_time_hint: "(بتوقيت {zone}، بصيغة HH:MM)",
    add_list_button: "أضف القائمة",
    add_list_hint: "ثم اختر أقسامها من صفحتها.",
    export: "صدّر مشتركي هذه الطبعة (CSV)",
    export_hint: "يُسجَّل التصدير في سجل التدقيق.",
    find_subscriber: "البحث عن مشترك",
    find: "ابحث",
    bounces: "(البريد مرتد: لا يُرسل إليه شيء)",
    state: "الحالة",
    consent_given: "تاريخ الموافقة",
    from_address: "من العنوان",
    consent_version: "إصدار نص الموافقة",
    erase_label: "لمحو هذا المشترك وكل ما حُفظ عنه، اكتب العنوان مرة أخرى",
    erase_button: "امحُ المشترك",
    no_subscriber: "لا يوجد مشترك بهذا العنوان.",
    sub_left: "غادر",
    sub_confirmed: "مؤكَّد",
    sub_waiting: "بانتظار التأكيد",
    next_issue: "العدد القادم",
    sent_from_bar: "يُرسل من شريط الأخبار العاجلة.",
    sent_weekly: "يُرسل كل اثنين الساعة {time} (بتوقيت {zone})، مع القصص المنشورة منذ العدد السابق.",
    sent_daily: "يُرسل كل يوم الساعة {time} (بتوقيت {zone})، مع القصص المنشورة منذ العدد السابق.",
    preview: "عاينه كما لو أُرسل الآن",
    plain_text: "الجزء النصي",
    send_test_to: "أرسل نسخة تجريبية إلى",
    send_test: "أرسل التجربة",
    send_now: "أرسل هذا العدد الآن",
    send_now_hint: "إلى كل مشترك مؤكَّد مرة واحدة، ويُسجَّل ذلك في سجل التدقيق.",
    issues_sent: "الأعداد المرسلة",
    composed: "تاريخ الإعداد",
    subject: "الموضوع",
    stories: "القصص",
    recipients: "المستلمون",
    failed: "الفاشلة",
    unsubscribed: "ألغوا الاشتراك",
    issue_empty: "لا جديد: لم يُرسل",
    issue_done: "اكتمل",
    issue_sending: "قيد الإرسال",
    issue_composing: "قيد الإعداد",
    no_issue: "لا توجد أعداد بعد.",
    history: "المشتركون في آخر 30 يومًا",
    day_utc: "اليوم (بالتوقيت العالمي)",
    subscribers: "المشتركون",
    joined: "المنضمون",
    settings: "الإعدادات",
    digest_sections: "الأقسام التي يُعدّ منها الملخص",
    every_section: "(لا شيء: كل الأقسام)",
    contact_title: "رسائل الاتصال",
    unhandled_only: "غير المعالجة فقط",
    unhandled: "غير المعالجة",
    all: "الكل",
    desks: "المكاتب",
    received: "تاريخ الاستلام",
    desk: "المكتب",
    from: "المرسِل",
    message: "الرسالة",
    handled: "عولجت",
    no_messages: "لا توجد رسائل في هذه الطبعة.",
    none_waiting: "لا توجد رسالة بانتظار المعالجة.",
    message_title: "رسالة اتصال",
    message_to: "رسالة إلى",
    all_messages: "كل الرسائل",
    from_ip: "من",
    email_to_desk: "البريد إلى المكتب",
    email_none: "لا شيء (لم يُضبط خادم بريد)",
    email_sent: "أُرسل",
    email_waiting: "بانتظار الإرسال",
    mark_unhandled: "علّمها غير معالجة",
    mark_handled: "علّمها معالجة",
    erase_message: "امحُ هذه الرسالة",
    erase_hint: "بطلب من المرسِل: تُحذف الرسالة وبريدها، ولا يسجل سجل التدقيق إلا أنها مُحيت.",
};
