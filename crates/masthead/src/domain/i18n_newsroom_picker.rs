//! The media picker's words in the story editor (`assets/media_picker.js`): the buttons
//! beside the lead image and gallery fields, and the dialog's search, upload, details and
//! insert controls. The template hands them to the script as one JSON attribute.

use serde::Serialize;

/// The picker's words in one language. `{count}` in `found` is replaced by a number.
#[derive(Debug, Serialize)]
pub struct PickerStrings {
    /// The button beside the lead image field.
    pub choose_lead: &'static str,
    /// The button beside the gallery field.
    pub add_gallery: &'static str,
    /// The dialog's title.
    pub title: &'static str,
    /// Closes the dialog.
    pub close: &'static str,
    /// The search box's label.
    pub search: &'static str,
    /// The search button.
    pub search_button: &'static str,
    /// The results list's label.
    pub results: &'static str,
    /// Announced while searching.
    pub searching: &'static str,
    /// Announced after a search: `{count}` images.
    pub found: &'static str,
    /// Nothing matched.
    pub none_found: &'static str,
    /// Loads the next page of results.
    pub more: &'static str,
    /// The drop zone's text.
    pub drop: &'static str,
    /// The file button.
    pub choose_file: &'static str,
    /// Announced while a file is sent.
    pub uploading: &'static str,
    /// Announced after an upload.
    pub uploaded: &'static str,
    /// Before the server's reason for a refused upload or save.
    pub failed: &'static str,
    /// A file that is not an image.
    pub not_image: &'static str,
    /// The chosen image's details.
    pub details: &'static str,
    /// Caption field.
    pub caption: &'static str,
    /// Credit field.
    pub credit: &'static str,
    /// Alt text field.
    pub alt: &'static str,
    /// The focal point's label.
    pub focal: &'static str,
    /// The slider for its left offset.
    pub focal_x: &'static str,
    /// The slider for its top offset.
    pub focal_y: &'static str,
    /// How to set it.
    pub focal_hint: &'static str,
    /// Saves the details.
    pub save: &'static str,
    /// Announced after saving.
    pub saved: &'static str,
    /// Someone else's image: its details are read-only here.
    pub read_only: &'static str,
    /// The group of insert buttons.
    pub insert_as: &'static str,
    /// Insert as the lead image.
    pub as_lead: &'static str,
    /// Insert in the text.
    pub as_inline: &'static str,
    /// Insert as a gallery item.
    pub as_gallery: &'static str,
    /// Announced after inserting.
    pub inserted: &'static str,
    /// Beside the lead image thumbnail, before its alt text.
    pub alt_is: &'static str,
    /// The lead image has no alt text.
    pub no_alt: &'static str,
    /// Back from the details to the results.
    pub back: &'static str,
}

/// English.
pub const PICKER_ENGLISH: PickerStrings = PickerStrings {
    choose_lead: "Choose or upload…",
    add_gallery: "Add photos…",
    title: "Images",
    close: "Close",
    search: "Search the library (caption, credit, words)",
    search_button: "Search",
    results: "Library images",
    searching: "Searching…",
    found: "{count} images found.",
    none_found: "No images match. Try other words or upload one.",
    more: "More images",
    drop: "Drop an image here or paste one, or",
    choose_file: "choose a file",
    uploading: "Uploading…",
    uploaded: "Uploaded. Add its caption, credit and alt text.",
    failed: "Not done:",
    not_image: "That file is not an image.",
    details: "Image details",
    caption: "Caption",
    credit: "Credit",
    alt: "Alt text (what the picture shows, for screen readers)",
    focal: "Focal point",
    focal_x: "From the left",
    focal_y: "From the top",
    focal_hint: "Click or tap the subject of the picture, or set it with the two sliders.",
    save: "Save details",
    saved: "Details saved.",
    read_only: "Only its uploader or an editor can change this image's details.",
    insert_as: "Insert as",
    as_lead: "Lead image",
    as_inline: "Image in the text",
    as_gallery: "Gallery photo",
    inserted: "Inserted.",
    alt_is: "Alt text:",
    no_alt: "This image has no alt text yet.",
    back: "Back to the results",
};

/// Arabic.
pub const PICKER_ARABIC: PickerStrings = PickerStrings {
    choose_lead: "اختر صورة أو ارفعها…",
    add_gallery: "أضف صورًا…",
    title: "الصور",
    close: "إغلاق",
    search: "ابحث في المكتبة (التعليق، المصدر، الكلمات)",
    search_button: "بحث",
    results: "صور المكتبة",
    searching: "جارٍ البحث…",
    found: "عدد الصور: {count}.",
    none_found: "لا توجد صور مطابقة. جرّب كلمات أخرى أو ارفع صورة.",
    more: "مزيد من الصور",
    drop: "أفلت صورة هنا أو الصقها، أو",
    choose_file: "اختر ملفًا",
    uploading: "جارٍ الرفع…",
    uploaded: "رُفعت الصورة. أضف تعليقها ومصدرها ونصها البديل.",
    failed: "لم يتم ذلك:",
    not_image: "هذا الملف ليس صورة.",
    details: "بيانات الصورة",
    caption: "التعليق",
    credit: "المصدر",
    alt: "النص البديل (ما تُظهره الصورة، لقارئات الشاشة)",
    focal: "نقطة التركيز",
    focal_x: "من اليسار",
    focal_y: "من الأعلى",
    focal_hint: "انقر على موضوع الصورة أو المسه، أو حدّد النقطة بالمنزلقين.",
    save: "احفظ البيانات",
    saved: "حُفظت البيانات.",
    read_only: "لا يغيّر بيانات هذه الصورة إلا من رفعها أو أحد المحررين.",
    insert_as: "أدرجها بوصفها",
    as_lead: "الصورة الرئيسية",
    as_inline: "صورة داخل النص",
    as_gallery: "صورة في المعرض",
    inserted: "أُدرجت.",
    alt_is: "النص البديل:",
    no_alt: "لا نص بديلًا لهذه الصورة بعد.",
    back: "العودة إلى النتائج",
};
