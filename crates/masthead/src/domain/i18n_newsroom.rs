//! The words of the newsroom's interface, in the language each account works in (English
//! or Arabic), the same way the reader site's words are kept (`i18n`): one struct of
//! `&'static str` per area, one constant per language. Templates read them as
//! `chrome.t.<area>.<name>`; the page's `lang` and `dir` come from `chrome.t` too, so an
//! Arabic interface runs right to left whatever edition a story belongs to.

use serde::Serialize;

use crate::domain::i18n_newsroom_desks::{DESKS_ARABIC, DESKS_ENGLISH, DesksStrings};

/// The newsroom's words in one language.
#[derive(Debug, Serialize)]
pub struct NewsroomStrings {
    /// The BCP 47 tag of the interface language, for `<html lang>`.
    pub lang: &'static str,
    /// Its writing direction, for `<html dir>`: `ltr` or `rtl`.
    pub dir: &'static str,
    /// The frame around every newsroom page.
    pub frame: &'static FrameStrings,
    /// The newsroom desks and what they drive.
    pub desks: &'static DesksStrings,
}

/// The words of the frame every newsroom page shares.
#[derive(Debug, Serialize)]
pub struct FrameStrings {
    /// Skip link text.
    pub skip_to_content: &'static str,
    /// The newsroom's name, after the publication's, and the default page title.
    pub newsroom: &'static str,
    /// Label of the navigation landmark.
    pub navigation: &'static str,
    /// The log-out button.
    pub log_out: &'static str,
    /// The link to the reader site.
    pub view_site: &'static str,
}

const FRAME_ENGLISH: FrameStrings = FrameStrings {
    skip_to_content: "Skip to content",
    newsroom: "Newsroom",
    navigation: "Newsroom",
    log_out: "Log out",
    view_site: "View site",
};

const FRAME_ARABIC: FrameStrings = FrameStrings {
    skip_to_content: "انتقل إلى المحتوى",
    newsroom: "غرفة الأخبار",
    navigation: "غرفة الأخبار",
    log_out: "تسجيل الخروج",
    view_site: "عرض الموقع",
};

/// The newsroom in English.
pub const NEWSROOM_ENGLISH: NewsroomStrings = NewsroomStrings {
    lang: "en",
    dir: "ltr",
    frame: &FRAME_ENGLISH,
    desks: &DESKS_ENGLISH,
};

/// The newsroom in Arabic.
pub const NEWSROOM_ARABIC: NewsroomStrings = NewsroomStrings {
    lang: "ar",
    dir: "rtl",
    frame: &FRAME_ARABIC,
    desks: &DESKS_ARABIC,
};

/// The newsroom's words for an interface language tag; English when it is unknown.
pub fn newsroom_strings(language: &str) -> &'static NewsroomStrings {
    match language.split('-').next() {
        Some("ar") => &NEWSROOM_ARABIC,
        _ => &NEWSROOM_ENGLISH,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_runs_right_to_left_and_anything_unknown_is_english() {
        assert_eq!(newsroom_strings("ar").dir, "rtl");
        assert_eq!(newsroom_strings("ar-EG").lang, "ar");
        assert_eq!(newsroom_strings("en").dir, "ltr");
        assert_eq!(newsroom_strings("").lang, "en");
        assert_eq!(newsroom_strings("tr").lang, "en");
    }
}
