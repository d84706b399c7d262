//! The words of the newsroom desks (`/admin/newsdesks`) and of what desks drive: the story
//! list's desk filter and saved view, the dashboard's review block and the new-story
//! form's starting section; English and Arabic, read as `chrome.t.desks.<name>`.

use serde::Serialize;

/// The newsroom desks' words in one language.
#[derive(Debug, Serialize)]
pub struct DesksStrings {
    /// The navigation link and the list's heading.
    pub nav: &'static str,
    /// What a desk is, above the list.
    pub intro: &'static str,
    /// That these are not the contact form's desks.
    pub not_contact: &'static str,
    /// Column and field: the desk's name.
    pub name: &'static str,
    /// Column and field: its edition.
    pub edition: &'static str,
    /// Column and fieldset: its sections.
    pub sections: &'static str,
    /// Column and fieldset: its members.
    pub members: &'static str,
    /// An empty list of sections or members.
    pub none: &'static str,
    /// The list with no desk.
    pub empty: &'static str,
    /// The new desk form's heading.
    pub create_title: &'static str,
    /// Its button.
    pub create: &'static str,
    /// The heading of a desk's page, before its name.
    pub desk_title: &'static str,
    /// The rename button.
    pub save_name: &'static str,
    /// What the sections' checkboxes do.
    pub sections_hint: &'static str,
    /// The sections' button.
    pub save_sections: &'static str,
    /// The members' button.
    pub save_members: &'static str,
    /// The link to the delete step.
    pub delete: &'static str,
    /// The delete step's heading.
    pub delete_title: &'static str,
    /// What deleting does and does not do.
    pub delete_explain: &'static str,
    /// The delete step's button.
    pub confirm_delete: &'static str,
    /// The way back from the delete step.
    pub keep: &'static str,
    /// The link back to the list.
    pub all_desks: &'static str,
    /// Refusal: no name.
    pub name_required: &'static str,
    /// Refusal: a name too long.
    pub name_too_long: &'static str,
    /// Refusal: the edition has that name.
    pub name_taken: &'static str,
    /// Refusal: a section or account that cannot be on the desk.
    pub bad_choice: &'static str,
    /// The story list's desk filter.
    pub filter: &'static str,
    /// Its choice for no desk filter.
    pub any_desk: &'static str,
    /// Its choice for the account's own desks.
    pub my_desks: &'static str,
    /// The saved view of stories in review on the account's desks.
    pub review_view: &'static str,
    /// An account on no desk, where its desks would narrow the list.
    pub on_no_desk: &'static str,
    /// Before the names of the account's desks.
    pub on_desks: &'static str,
    /// The new-story form's starting section, from the account's desk (`{section}`).
    pub starts_on_desk: &'static str,
    /// The new-story form's starting section, the edition's first (`{section}`).
    pub starts_in_first: &'static str,
}

/// The newsroom desks in English.
pub const DESKS_ENGLISH: DesksStrings = DesksStrings {
    nav: "Desks",
    intro: "A desk groups sections of one edition and the people who work on them. Its \
            members see its stories first when they review, and their new stories start in \
            its first section.",
    not_contact: "The contact form's desks, where readers' messages go, are under Contact.",
    name: "Name",
    edition: "Edition",
    sections: "Sections",
    members: "Members",
    none: "none",
    empty: "There are no desks yet.",
    create_title: "Create a desk",
    create: "Create the desk",
    desk_title: "Desk",
    save_name: "Save the name",
    sections_hint: "The desk's stories are those whose main section is ticked here.",
    save_sections: "Save the sections",
    save_members: "Save the members",
    delete: "Delete this desk",
    delete_title: "Delete this desk?",
    delete_explain: "Its stories, sections and accounts stay as they are; only the desk and \
                     its lists go.",
    confirm_delete: "Delete the desk",
    keep: "Keep it",
    all_desks: "All desks",
    name_required: "Give the desk a name.",
    name_too_long: "A desk's name has at most 80 characters.",
    name_taken: "This edition already has a desk of that name.",
    bad_choice: "A section or account sent cannot be on this desk.",
    filter: "Desk",
    any_desk: "Any desk",
    my_desks: "My desks",
    review_view: "Waiting for review on my desks",
    on_no_desk: "You are on no desk, so this shows every story you may review.",
    on_desks: "On your desks:",
    starts_on_desk: "This story starts in {section}, your desk's first section in this edition.",
    starts_in_first: "This story starts in {section}, the edition's first section.",
};

/// The newsroom desks in Arabic.
pub const DESKS_ARABIC: DesksStrings = DesksStrings {
    nav: "مكاتب التحرير",
    intro: "يجمع مكتب التحرير أقسامًا من طبعة واحدة والعاملين عليها. يرى أعضاؤه قصصه أولًا \
            عند المراجعة، وتبدأ قصصهم الجديدة في أول أقسامه.",
    not_contact: "مكاتب نموذج الاتصال، التي تصل إليها رسائل القراء، موجودة تحت «اتصل بنا».",
    name: "الاسم",
    edition: "الطبعة",
    sections: "الأقسام",
    members: "الأعضاء",
    none: "لا شيء",
    empty: "لا توجد مكاتب تحرير بعد.",
    create_title: "إنشاء مكتب تحرير",
    create: "أنشئ المكتب",
    desk_title: "مكتب التحرير",
    save_name: "احفظ الاسم",
    sections_hint: "قصص المكتب هي التي يكون قسمها الرئيسي محددًا هنا.",
    save_sections: "احفظ الأقسام",
    save_members: "احفظ الأعضاء",
    delete: "احذف هذا المكتب",
    delete_title: "هل تريد حذف مكتب التحرير هذا؟",
    delete_explain: "تبقى قصصه وأقسامه وحساباته كما هي؛ لا يُحذف إلا المكتب وقوائمه.",
    confirm_delete: "احذف المكتب",
    keep: "أبقِه",
    all_desks: "كل مكاتب التحرير",
    name_required: "أعطِ المكتب اسمًا.",
    name_too_long: "لا يتجاوز اسم المكتب ثمانين حرفًا.",
    name_taken: "في هذه الطبعة مكتب بهذا الاسم.",
    bad_choice: "أحد الأقسام أو الحسابات المرسلة لا يمكن أن يكون في هذا المكتب.",
    filter: "مكتب التحرير",
    any_desk: "أي مكتب",
    my_desks: "مكاتبي",
    review_view: "بانتظار المراجعة في مكاتبي",
    on_no_desk: "لست عضوًا في أي مكتب تحرير، لذا تظهر هنا كل القصص التي يحق لك مراجعتها.",
    on_desks: "مكاتبك:",
    starts_on_desk: "تبدأ هذه القصة في {section}، أول أقسام مكتبك في هذه الطبعة.",
    starts_in_first: "تبدأ هذه القصة في {section}، أول أقسام الطبعة.",
};
