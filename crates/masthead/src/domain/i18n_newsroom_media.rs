//! The words of the media library. Part of [`crate::domain::i18n_newsroom`].

use serde::Serialize;

/// The media library: upload form, search and grid.
#[derive(Debug, Serialize)]
pub struct MediaStrings {
    pub upload_heading: &'static str,
    pub file_types: &'static str,
    pub caption: &'static str,
    pub credit: &'static str,
    pub alt: &'static str,
    pub upload: &'static str,
    pub library: &'static str,
    pub search_label: &'static str,
    pub search: &'static str,
    pub images: &'static str,
    pub matching: &'static str,
    pub no_preview: &'static str,
    pub no_caption: &'static str,
    pub none_match: &'static str,
    pub none_yet: &'static str,
}

pub const MEDIA_ENGLISH: MediaStrings = MediaStrings {
    upload_heading: "Upload an image",
    file_types: "JPEG, PNG, WebP or GIF, up to",
    caption: "Caption",
    credit: "Credit",
    alt: "Alt text",
    upload: "Upload",
    library: "Library",
    search_label: "Caption, credit or alt text contains",
    search: "Search",
    images: "Images:",
    matching: "Matching images:",
    no_preview: "No preview",
    no_caption: "(no caption)",
    none_match: "No images match.",
    none_yet: "No images yet.",
};

pub const MEDIA_ARABIC: MediaStrings = MediaStrings {
    upload_heading: "رفع صورة",
    file_types: "JPEG أو PNG أو WebP أو GIF، بحجم أقصاه",
    caption: "التعليق",
    credit: "المصدر",
    alt: "النص البديل",
    upload: "رفع",
    library: "المكتبة",
    search_label: "يحتوي التعليق أو المصدر أو النص البديل على",
    search: "بحث",
    images: "عدد الصور:",
    matching: "الصور المطابقة:",
    no_preview: "لا معاينة",
    no_caption: "(بلا تعليق)",
    none_match: "لا صور مطابقة.",
    none_yet: "لا صور بعد.",
};
