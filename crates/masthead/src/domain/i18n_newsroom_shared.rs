//! The newsroom's shared words: navigation, notices after an action, role and story-state
//! names, and the error page. Part of [`crate::domain::i18n_newsroom`].

use serde::Serialize;

/// The navigation's labels, one per area.
#[derive(Debug, Serialize)]
pub struct NavStrings {
    /// `/admin`.
    pub dashboard: &'static str,
    /// `/admin/stories`.
    pub stories: &'static str,
    /// `/admin/media`.
    pub media: &'static str,
    /// `/admin/fronts`.
    pub fronts: &'static str,
    /// `/admin/breaking`.
    pub breaking: &'static str,
    /// `/admin/sections`.
    pub sections: &'static str,
    /// `/admin/menus`.
    pub menus: &'static str,
    /// `/admin/topics`.
    pub topics: &'static str,
    /// `/admin/keywords`.
    pub keywords: &'static str,
    /// `/admin/authors`.
    pub authors: &'static str,
    /// `/admin/agencies`.
    pub agencies: &'static str,
    /// `/admin/jobs`.
    pub jobs: &'static str,
    /// `/admin/newsletters`.
    pub newsletters: &'static str,
    /// `/admin/contact`.
    pub contact: &'static str,
    /// `/admin/users`.
    pub users: &'static str,
    /// `/admin/audit`.
    pub audit: &'static str,
}

/// The one-line notices redirects ask for by code (`?notice=saved`).
#[derive(Debug, Serialize)]
pub struct NoticeStrings {
    pub saved: &'static str,
    pub created: &'static str,
    pub uploaded: &'static str,
    pub password: &'static str,
    pub language: &'static str,
    pub submitted: &'static str,
    pub published: &'static str,
    pub scheduled: &'static str,
    pub unpublished: &'static str,
    pub restored: &'static str,
    pub status: &'static str,
    pub deleted: &'static str,
    pub merged: &'static str,
    pub pinned: &'static str,
    pub unpinned: &'static str,
    pub cleared: &'static str,
    pub erased: &'static str,
    pub test_sent: &'static str,
    pub sending: &'static str,
    pub nothing_new: &'static str,
    pub emailed: &'static str,
    pub linked: &'static str,
    pub unlinked: &'static str,
    pub translation: &'static str,
}

/// Role names, by their stored form.
#[derive(Debug, Serialize)]
pub struct RoleStrings {
    pub admin: &'static str,
    pub editor: &'static str,
    pub reporter: &'static str,
    pub contributor: &'static str,
}

/// Story states, by their stored form (`chrome.t.states[story.status]`).
#[derive(Debug, Serialize)]
pub struct StateStrings {
    pub draft: &'static str,
    pub in_review: &'static str,
    pub scheduled: &'static str,
    pub published: &'static str,
    pub unpublished: &'static str,
}

impl StateStrings {
    /// The name of a story's state.
    pub fn of(&self, status: store::StoryStatus) -> &'static str {
        use store::StoryStatus::*;
        match status {
            Draft => self.draft,
            InReview => self.in_review,
            Scheduled => self.scheduled,
            Published => self.published,
            Unpublished => self.unpublished,
        }
    }
}

/// Words many pages share: the error page, pagination, filters, times.
#[derive(Debug, Serialize)]
pub struct CommonStrings {
    pub not_found: &'static str,
    pub not_allowed: &'static str,
    pub changed_meanwhile: &'static str,
    pub slow_down: &'static str,
    pub went_wrong: &'static str,
    pub back_to_dashboard: &'static str,
    pub pages: &'static str,
    pub newer: &'static str,
    pub older: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub any: &'static str,
    pub anyone: &'static str,
    pub save: &'static str,
    pub delete: &'static str,
    pub edit: &'static str,
    pub view: &'static str,
    pub name: &'static str,
    pub email: &'static str,
    pub role: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub utc: &'static str,
    pub never: &'static str,
}

pub const NAV_ENGLISH: NavStrings = NavStrings {
    dashboard: "Dashboard",
    stories: "Stories",
    media: "Media",
    fronts: "Fronts",
    breaking: "Breaking news",
    sections: "Sections",
    menus: "Menus",
    topics: "Topics",
    keywords: "Keywords",
    authors: "Authors",
    agencies: "Agencies",
    jobs: "Jobs",
    newsletters: "Newsletters",
    contact: "Contact",
    users: "Users",
    audit: "Audit log",
};

pub const NAV_ARABIC: NavStrings = NavStrings {
    dashboard: "لوحة التحكم",
    stories: "القصص",
    media: "الوسائط",
    fronts: "الواجهات",
    breaking: "الأخبار العاجلة",
    sections: "الأقسام",
    menus: "القوائم",
    topics: "الملفات",
    keywords: "الكلمات المفتاحية",
    authors: "الكتّاب",
    agencies: "الوكالات",
    jobs: "الوظائف",
    newsletters: "النشرات البريدية",
    contact: "الاتصال",
    users: "المستخدمون",
    audit: "سجل التدقيق",
};

pub const NOTICES_ENGLISH: NoticeStrings = NoticeStrings {
    saved: "Saved.",
    created: "Created.",
    uploaded: "Uploaded.",
    password: "Your password was changed.",
    language: "Your interface language was changed.",
    submitted: "Submitted for review.",
    published: "Published.",
    scheduled: "Scheduled.",
    unpublished: "Unpublished.",
    restored: "The revision was restored as a new revision.",
    status: "The story's state was changed.",
    deleted: "Deleted.",
    merged: "Merged.",
    pinned: "The front was changed.",
    unpinned: "Unpinned: the latest story fills the place.",
    cleared: "The breaking-news bar was cleared.",
    erased: "The subscriber and everything kept about them were erased.",
    test_sent: "The test is on its way (it goes through the outbox like any email).",
    sending: "The issue is being sent: its counts below grow as it goes.",
    nothing_new: "Nothing was sent: no story was published since the previous issue.",
    emailed: "The bar is being emailed to the breaking-news list.",
    linked: "Linked to its translation.",
    unlinked: "The link to the translation was removed.",
    translation: "The translation was started as a draft linked to its original.",
};

pub const NOTICES_ARABIC: NoticeStrings = NoticeStrings {
    saved: "تم الحفظ.",
    created: "تم الإنشاء.",
    uploaded: "تم الرفع.",
    password: "تم تغيير كلمة المرور.",
    language: "تم تغيير لغة الواجهة.",
    submitted: "أُرسلت القصة للمراجعة.",
    published: "تم النشر.",
    scheduled: "تمت الجدولة.",
    unpublished: "أُلغي النشر.",
    restored: "استُعيدت النسخة بوصفها نسخة جديدة.",
    status: "تغيّرت حالة القصة.",
    deleted: "تم الحذف.",
    merged: "تم الدمج.",
    pinned: "تغيّرت الواجهة.",
    unpinned: "أُلغي التثبيت: أحدث قصة تشغل المكان.",
    cleared: "أُفرغ شريط الأخبار العاجلة.",
    erased: "مُحي المشترك وكل ما حُفظ عنه.",
    test_sent: "رسالة الاختبار في طريقها (تمر عبر صندوق الصادر كأي رسالة).",
    sending: "يجري إرسال العدد: تزداد أرقامه أدناه مع تقدم الإرسال.",
    nothing_new: "لم يُرسل شيء: لم تُنشر أي قصة منذ العدد السابق.",
    emailed: "يجري إرسال الشريط بالبريد إلى قائمة الأخبار العاجلة.",
    linked: "رُبطت القصة بترجمتها.",
    unlinked: "أُزيل الربط بالترجمة.",
    translation: "بدأت الترجمة مسودةً مرتبطة بالأصل.",
};

pub const ROLES_ENGLISH: RoleStrings = RoleStrings {
    admin: "admin",
    editor: "editor",
    reporter: "reporter",
    contributor: "contributor",
};

pub const ROLES_ARABIC: RoleStrings = RoleStrings {
    admin: "مدير",
    editor: "محرر",
    reporter: "مراسل",
    contributor: "مساهم",
};

pub const STATES_ENGLISH: StateStrings = StateStrings {
    draft: "Draft",
    in_review: "In review",
    scheduled: "Scheduled",
    published: "Published",
    unpublished: "Unpublished",
};

pub const STATES_ARABIC: StateStrings = StateStrings {
    draft: "مسودة",
    in_review: "قيد المراجعة",
    scheduled: "مجدولة",
    published: "منشورة",
    unpublished: "أُلغي نشرها",
};

pub const COMMON_ENGLISH: CommonStrings = CommonStrings {
    not_found: "Not found",
    not_allowed: "Not allowed",
    changed_meanwhile: "Changed meanwhile",
    slow_down: "Slow down",
    went_wrong: "Something went wrong",
    back_to_dashboard: "Back to the dashboard",
    pages: "Pages",
    newer: "Newer",
    older: "Older",
    previous: "Previous",
    next: "Next",
    any: "Any",
    anyone: "Anyone",
    save: "Save",
    delete: "Delete",
    edit: "Edit",
    view: "view",
    name: "Name",
    email: "Email",
    role: "Role",
    yes: "yes",
    no: "no",
    utc: "UTC",
    never: "never",
};

pub const COMMON_ARABIC: CommonStrings = CommonStrings {
    not_found: "غير موجود",
    not_allowed: "غير مسموح",
    changed_meanwhile: "تغيّر في الأثناء",
    slow_down: "تمهّل",
    went_wrong: "حدث خطأ",
    back_to_dashboard: "العودة إلى لوحة التحكم",
    pages: "الصفحات",
    newer: "الأحدث",
    older: "الأقدم",
    previous: "السابق",
    next: "التالي",
    any: "الكل",
    anyone: "أي شخص",
    save: "حفظ",
    delete: "حذف",
    edit: "تحرير",
    view: "عرض",
    name: "الاسم",
    email: "البريد الإلكتروني",
    role: "الدور",
    yes: "نعم",
    no: "لا",
    utc: "بالتوقيت العالمي",
    never: "أبدًا",
};
