//! The words the story editor's script (`assets/editor.js`) writes, kept apart from the
//! page's (`i18n_newsroom_editor`): the template hands them to the script as one JSON
//! attribute, `data-labels='{{ chrome.t.editor.script|tojson }}'` on the body field.

use serde::Serialize;

/// The words the editor's script writes: toolbar buttons (a name for `aria-label` and
/// `title`, a face shown on the button), block labels, the autosave and presence lines.
#[derive(Debug, Serialize)]
pub struct EditorScriptStrings {
    /// The toolbar's label.
    pub toolbar: &'static str,
    /// Bold: the button's name.
    pub bold: &'static str,
    /// Its face.
    pub bold_mark: &'static str,
    /// Italic: the button's name.
    pub italic: &'static str,
    /// Its face.
    pub italic_mark: &'static str,
    /// Link: the button's name and face.
    pub link: &'static str,
    /// Heading 2: the button's name.
    pub h2: &'static str,
    /// Its face.
    pub h2_mark: &'static str,
    /// Heading 3: the button's name.
    pub h3: &'static str,
    /// Its face.
    pub h3_mark: &'static str,
    /// Quote: the button's name.
    pub quote: &'static str,
    /// Its face: quotation marks.
    pub quote_mark: &'static str,
    /// Bulleted list: the button's name.
    pub ul: &'static str,
    /// Numbered list: the button's name.
    pub ol: &'static str,
    /// Its face.
    pub ol_mark: &'static str,
    /// An embedded post: the block's label.
    pub embed: &'static str,
    /// The button that embeds one.
    pub embed_mark: &'static str,
    /// A related story: the block's label.
    pub related: &'static str,
    /// The button that inserts one.
    pub related_mark: &'static str,
    /// An image: the block's label.
    pub image: &'static str,
    /// The button that inserts one.
    pub image_mark: &'static str,
    /// A link card: the block's label.
    pub link_card: &'static str,
    /// The autosave status: `{time}` it was kept.
    pub saved: &'static str,
    /// The autosave status when it failed: `{reason}`.
    pub not_saved: &'static str,
    /// The reason when the browser is offline.
    pub offline: &'static str,
    /// Before the others who have the story open.
    pub also_editing: &'static str,
}

/// The script's words in English.
pub const SCRIPT_ENGLISH: EditorScriptStrings = EditorScriptStrings {
    toolbar: "Formatting",
    bold: "Bold",
    bold_mark: "B",
    italic: "Italic",
    italic_mark: "I",
    link: "Link",
    h2: "Heading 2",
    h2_mark: "H2",
    h3: "Heading 3",
    h3_mark: "H3",
    quote: "Quote",
    quote_mark: "“ ”",
    ul: "Bulleted list",
    ol: "Numbered list",
    ol_mark: "1.",
    embed: "Embed URL",
    embed_mark: "Embed",
    related: "Related story id",
    related_mark: "Related",
    image: "Image id",
    image_mark: "Image",
    link_card: "Link card",
    saved: "Saved {time}",
    not_saved: "Not saved: {reason}",
    offline: "offline",
    also_editing: "Also editing",
};

/// The script's words in Arabic.
pub const SCRIPT_ARABIC: EditorScriptStrings = EditorScriptStrings {
    toolbar: "التنسيق",
    bold: "غامق",
    bold_mark: "غ",
    italic: "مائل",
    italic_mark: "م",
    link: "رابط",
    h2: "عنوان من المستوى الثاني",
    h2_mark: "ع٢",
    h3: "عنوان من المستوى الثالث",
    h3_mark: "ع٣",
    quote: "اقتباس",
    quote_mark: "« »",
    ul: "قائمة نقطية",
    ol: "قائمة مرقّمة",
    ol_mark: "١.",
    embed: "رابط مُضمَّن",
    embed_mark: "تضمين",
    related: "رقم القصة ذات الصلة",
    related_mark: "قصة ذات صلة",
    image: "رقم الصورة",
    image_mark: "صورة",
    link_card: "بطاقة رابط",
    saved: "حُفظ في {time}",
    not_saved: "لم يُحفظ: {reason}",
    offline: "لا اتصال بالشبكة",
    also_editing: "يحرّرها أيضًا",
};
