//! The words of the editor's type-ahead fields and story pickers (`typeahead.js`), in
//! English and Arabic. The script reads them from a `data-labels` JSON attribute; `{n}`
//! and `{label}` are filled in by the script.

use serde::Serialize;

/// The type-ahead fields' words.
#[derive(Debug, Serialize)]
pub struct TypeaheadStrings {
    /// How to use a type-ahead field, read by screen readers.
    pub hint: &'static str,
    /// Label of the list of chosen items.
    pub chosen: &'static str,
    /// A chip's remove button, `{label}` its name.
    pub remove_named: &'static str,
    /// The count announced when exactly one suggestion is shown.
    pub one_result: &'static str,
    /// The count announced for several suggestions, `{n}` their number.
    pub results: &'static str,
    /// Announced when nothing matches.
    pub no_results: &'static str,
    /// The option that adds a keyword nobody used yet, `{label}` the keyword.
    pub new_keyword: &'static str,
    /// What a staff author is called in the byline suggestions.
    pub staff: &'static str,
    /// What an agency is called in the byline suggestions.
    pub agency: &'static str,
    /// Label of one byline row, `{n}` its number.
    pub byline: &'static str,
    /// Label of a byline row's role, `{n}` its number.
    pub role: &'static str,
    /// The button adding a byline row.
    pub add_byline: &'static str,
    /// A byline row's remove button, `{n}` its number.
    pub remove_byline: &'static str,
    /// Label of the story type-ahead.
    pub find_story: &'static str,
    /// Title of the related-story dialog.
    pub related_title: &'static str,
    /// The dialog's button that inserts the chosen story.
    pub insert: &'static str,
    /// The dialog's cancel button.
    pub cancel: &'static str,
    /// The name of a related-story block in the editor.
    pub related_block: &'static str,
    /// The label of the recommended stories' field once it picks by headline.
    pub recommended_label: &'static str,
    /// The button beside a related story that adds it to the recommended stories.
    pub recommend: &'static str,
    /// That button once its story is recommended.
    pub recommended: &'static str,
}

/// The type-ahead fields in English.
pub const TYPEAHEAD_ENGLISH: TypeaheadStrings = TypeaheadStrings {
    hint: "Type to see suggestions; arrow keys move through them, Enter picks one.",
    chosen: "Chosen",
    remove_named: "Remove {label}",
    one_result: "1 suggestion",
    results: "{n} suggestions",
    no_results: "No suggestions",
    new_keyword: "Add “{label}” as a new keyword",
    staff: "staff",
    agency: "agency",
    byline: "Byline {n}",
    role: "Role of byline {n}",
    add_byline: "Add a byline",
    remove_byline: "Remove byline {n}",
    find_story: "Find a story by its headline",
    related_title: "Insert a related story",
    insert: "Insert",
    cancel: "Cancel",
    related_block: "Related story",
    recommended_label: "Recommended stories",
    recommend: "Recommend",
    recommended: "Recommended",
};

/// The type-ahead fields in Arabic.
pub const TYPEAHEAD_ARABIC: TypeaheadStrings = TypeaheadStrings {
    hint: "اكتب لتظهر الاقتراحات؛ تنقّل بينها بمفاتيح الأسهم واضغط Enter لاختيار أحدها.",
    chosen: "المختار",
    remove_named: "إزالة {label}",
    one_result: "اقتراح واحد",
    results: "عدد الاقتراحات: {n}",
    no_results: "لا توجد اقتراحات",
    new_keyword: "إضافة «{label}» كلمةً مفتاحية جديدة",
    staff: "من المحررين",
    agency: "وكالة",
    byline: "التوقيع {n}",
    role: "صفة صاحب التوقيع {n}",
    add_byline: "إضافة توقيع",
    remove_byline: "حذف التوقيع {n}",
    find_story: "ابحث عن خبر بعنوانه",
    related_title: "إدراج خبر ذي صلة",
    insert: "إدراج",
    cancel: "إلغاء",
    related_block: "خبر ذو صلة",
    recommended_label: "أخبار مقترحة للقراءة",
    recommend: "اقترِح للقراءة",
    recommended: "مقترَح للقراءة",
};
