//! The words of the contact form's pages and of its email to a desk, in each edition's
//! language; templates read them as `t.contact.<name>` (see `i18n`).

use serde::Serialize;

/// The contact form's words.
#[derive(Debug, Serialize)]
pub struct ContactStrings {
    /// Heading of the form page, and the footer's link.
    pub title: &'static str,
    /// Text above the form.
    pub intro: &'static str,
    /// Label of the sender's name.
    pub name: &'static str,
    /// Label of the desk list.
    pub desk: &'static str,
    /// The desk list's first, empty choice.
    pub choose_desk: &'static str,
    /// Label of the message.
    pub message: &'static str,
    /// The send button.
    pub send: &'static str,
    /// What the form's script says while it works.
    pub working: &'static str,
    /// The name is missing or too long.
    pub bad_name: &'static str,
    /// The address is not one.
    pub bad_email: &'static str,
    /// No desk (or one that is not there) was chosen.
    pub bad_desk: &'static str,
    /// The message is empty or too long.
    pub bad_message: &'static str,
    /// The challenge did not pass: press again.
    pub try_again: &'static str,
    /// Too many messages from the network.
    pub limited: &'static str,
    /// Heading after sending.
    pub sent_title: &'static str,
    /// Text after sending.
    pub sent_text: &'static str,
    /// The edition has no desks.
    pub closed: &'static str,
    /// What is kept, under the form.
    pub privacy: &'static str,
    /// Subject of the desk's email, before the desk's name.
    pub email_subject: &'static str,
    /// The desk's email: label of the sender.
    pub email_from: &'static str,
    /// The desk's email: how to answer.
    pub email_reply: &'static str,
}

/// English.
pub const CONTACT_ENGLISH: ContactStrings = ContactStrings {
    title: "Contact us",
    intro: "Write to one of our desks: news tips, corrections, letters to the editor or advertising. A person reads every message.",
    name: "Your name",
    desk: "Subject",
    choose_desk: "Choose a desk",
    message: "Your message",
    send: "Send",
    working: "Sending…",
    bad_name: "Give your name (at most 200 characters).",
    bad_email: "Enter an email address such as name@example.com, so that we can answer.",
    bad_desk: "Choose the desk your message is for.",
    bad_message: "Write your message (at most 10,000 characters).",
    try_again: "Please press Send again.",
    limited: "Too many messages came from your network in the last hour. Please try again later.",
    sent_title: "Thank you for your message",
    sent_text: "It has reached our newsroom. If it needs an answer, the desk will write to the address you gave.",
    closed: "The contact form is not open at the moment.",
    privacy: "We keep your name, address and message, and the network address you wrote from, until the desk has dealt with it; ask us and we erase them.",
    email_subject: "Contact form",
    email_from: "From",
    email_reply: "Answer this email to write back to the reader.",
};

/// Arabic.
pub const CONTACT_ARABIC: ContactStrings = ContactStrings {
    title: "اتصل بنا",
    intro: "راسل أحد أقسامنا: معلومات عن خبر، أو تصحيح، أو رسالة إلى المحرر، أو إعلان. يقرأ كل رسالة شخص من فريقنا.",
    name: "اسمك",
    desk: "الموضوع",
    choose_desk: "اختر القسم",
    message: "رسالتك",
    send: "أرسل",
    working: "جارٍ الإرسال…",
    bad_name: "اكتب اسمك (200 حرف على الأكثر).",
    bad_email: "أدخل عنوان بريد إلكتروني مثل name@example.com لنتمكن من الرد.",
    bad_desk: "اختر القسم الذي توجّه إليه رسالتك.",
    bad_message: "اكتب رسالتك (10000 حرف على الأكثر).",
    try_again: "يرجى الضغط على «أرسل» مرة أخرى.",
    limited: "وصلت رسائل كثيرة من شبكتك خلال الساعة الماضية. يرجى المحاولة لاحقًا.",
    sent_title: "شكرًا على رسالتك",
    sent_text: "وصلت رسالتك إلى غرفة الأخبار. إذا احتاجت إلى رد فسيكتب إليك القسم على العنوان الذي أعطيته.",
    closed: "نموذج الاتصال غير متاح حاليًا.",
    privacy: "نحتفظ باسمك وعنوان بريدك ورسالتك وعنوان الشبكة التي كتبت منها حتى يعالجها القسم؛ اطلب منا ونمحوها.",
    email_subject: "نموذج الاتصال",
    email_from: "من",
    email_reply: "رُدّ على هذه الرسالة للكتابة إلى القارئ.",
};
