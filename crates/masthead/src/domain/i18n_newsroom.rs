//! The words of the newsroom's interface, in the language each account works in (English
//! or Arabic), the same way the reader site's words are kept (`i18n`): one struct of
//! `&'static str` per area, one constant per language. Templates read them as
//! `chrome.t.<area>.<name>`; the page's `lang` and `dir` come from `chrome.t` too, so an
//! Arabic interface runs right to left whatever edition a story belongs to.

use serde::Serialize;

use crate::domain::i18n_newsroom_account::{ACCOUNT_ARABIC, ACCOUNT_ENGLISH, AccountStrings};
use crate::domain::i18n_newsroom_history::{HISTORY_ARABIC, HISTORY_ENGLISH, HistoryStrings};
use crate::domain::i18n_newsroom_media::{MEDIA_ARABIC, MEDIA_ENGLISH, MediaStrings};
use crate::domain::i18n_newsroom_shared::*;
use crate::domain::i18n_newsroom_stories::{STORIES_ARABIC, STORIES_ENGLISH, StoriesStrings};
use crate::domain::i18n_newsroom_taxonomy::{TAXONOMY_ARABIC, TAXONOMY_ENGLISH, TaxonomyStrings};
use crate::domain::i18n_newsroom_typeahead::{
    TYPEAHEAD_ARABIC, TYPEAHEAD_ENGLISH, TypeaheadStrings,
};

/// The interface languages an account may choose, by tag.
pub const LANGUAGES: [&str; 2] = ["en", "ar"];
use crate::domain::i18n_newsroom_aids::{AIDS_ARABIC, AIDS_ENGLISH, AidsStrings};
use crate::domain::i18n_newsroom_desks::{DESKS_ARABIC, DESKS_ENGLISH, DesksStrings};
use crate::domain::i18n_newsroom_editor::{EDITOR_ARABIC, EDITOR_ENGLISH, EditorStrings};
use crate::domain::i18n_newsroom_mail::{MAIL_ARABIC, MAIL_ENGLISH, MailStrings};
use crate::domain::i18n_newsroom_people::{PEOPLE_ARABIC, PEOPLE_ENGLISH, PeopleStrings};
use crate::domain::i18n_newsroom_picker::{PICKER_ARABIC, PICKER_ENGLISH, PickerStrings};
use crate::domain::i18n_newsroom_site::{SITE_ARABIC, SITE_ENGLISH, SiteStrings};

/// The newsroom's words in one language.
#[derive(Debug, Serialize)]
pub struct NewsroomStrings {
    /// The BCP 47 tag of the interface language, for `<html lang>`.
    pub lang: &'static str,
    /// Its writing direction, for `<html dir>`: `ltr` or `rtl`.
    pub dir: &'static str,
    /// The frame around every newsroom page.
    pub frame: &'static FrameStrings,
    /// The editor's type-ahead fields and story pickers.
    pub typeahead: &'static TypeaheadStrings,
    /// The navigation's labels.
    pub nav: &'static NavStrings,
    /// Notices after an action.
    pub notices: &'static NoticeStrings,
    /// Role names.
    pub roles: &'static RoleStrings,
    /// Story states.
    pub states: &'static StateStrings,
    /// Words many pages share.
    pub common: &'static CommonStrings,
    /// Login, the account page and the users page.
    pub account: &'static AccountStrings,
    /// The dashboard and the story list.
    pub stories: &'static StoriesStrings,
    /// The media library.
    pub media: &'static MediaStrings,
    /// The audit log, revisions, conflicts and unsaved work.
    pub history: &'static HistoryStrings,
    /// Sections, topics and keywords.
    pub taxonomy: &'static TaxonomyStrings,
    /// The editor's writing aids (`i18n_newsroom_aids`).
    pub aids: &'static AidsStrings,
    /// The story editor's media picker.
    pub picker: &'static PickerStrings,
    /// The newsroom desks and what they drive.
    pub desks: &'static DesksStrings,
    /// The story editor (`i18n_newsroom_editor`).
    pub editor: &'static EditorStrings,
    /// Menus, fronts, breaking news and the contact form's desks.
    pub site: &'static SiteStrings,
    /// Authors, agencies, jobs and translations.
    pub people: &'static PeopleStrings,
    /// Newsletters and contact messages.
    pub mail: &'static MailStrings,
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
    typeahead: &TYPEAHEAD_ENGLISH,
    nav: &NAV_ENGLISH,
    notices: &NOTICES_ENGLISH,
    roles: &ROLES_ENGLISH,
    states: &STATES_ENGLISH,
    common: &COMMON_ENGLISH,
    account: &ACCOUNT_ENGLISH,
    stories: &STORIES_ENGLISH,
    media: &MEDIA_ENGLISH,
    history: &HISTORY_ENGLISH,
    taxonomy: &TAXONOMY_ENGLISH,
    aids: &AIDS_ENGLISH,
    picker: &PICKER_ENGLISH,
    desks: &DESKS_ENGLISH,
    editor: &EDITOR_ENGLISH,
    site: &SITE_ENGLISH,
    people: &PEOPLE_ENGLISH,
    mail: &MAIL_ENGLISH,
};

/// The newsroom in Arabic.
pub const NEWSROOM_ARABIC: NewsroomStrings = NewsroomStrings {
    lang: "ar",
    dir: "rtl",
    frame: &FRAME_ARABIC,
    typeahead: &TYPEAHEAD_ARABIC,
    nav: &NAV_ARABIC,
    notices: &NOTICES_ARABIC,
    roles: &ROLES_ARABIC,
    states: &STATES_ARABIC,
    common: &COMMON_ARABIC,
    account: &ACCOUNT_ARABIC,
    stories: &STORIES_ARABIC,
    media: &MEDIA_ARABIC,
    history: &HISTORY_ARABIC,
    taxonomy: &TAXONOMY_ARABIC,
    aids: &AIDS_ARABIC,
    picker: &PICKER_ARABIC,
    desks: &DESKS_ARABIC,
    editor: &EDITOR_ARABIC,
    site: &SITE_ARABIC,
    people: &PEOPLE_ARABIC,
    mail: &MAIL_ARABIC,
};

/// The newsroom's words for an interface language tag; English when it is unknown.
pub fn newsroom_strings(language: &str) -> &'static NewsroomStrings {
    match language.split('-').next() {
        Some("ar") => &NEWSROOM_ARABIC,
        _ => &NEWSROOM_ENGLISH,
    }
}

/// The interface language an account may choose, from a form's value: `None` for
/// anything but a tag of [`LANGUAGES`].
pub fn interface_language(value: &str) -> Option<&'static str> {
    LANGUAGES.into_iter().find(|tag| *tag == value)
}

/// The newsroom's words for someone not logged in, from their browser's
/// `Accept-Language`: Arabic when it ranks Arabic above English (or names Arabic and not
/// English), English otherwise.
pub fn from_accept_language(header: &str) -> &'static NewsroomStrings {
    let mut best: Option<(f32, &'static NewsroomStrings)> = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let quality = parts
            .find_map(|part| part.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let strings = match tag.split('-').next() {
            Some("ar") => &NEWSROOM_ARABIC,
            Some("en") => &NEWSROOM_ENGLISH,
            _ => continue,
        };
        if quality > 0.0 && best.is_none_or(|(seen, _)| quality > seen) {
            best = Some((quality, strings));
        }
    }
    best.map_or(&NEWSROOM_ENGLISH, |(_, strings)| strings)
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

    fn strings_of(value: &serde_json::Value, path: &str, found: &mut Vec<(String, String)>) {
        match value {
            serde_json::Value::String(text) => found.push((path.to_string(), text.clone())),
            serde_json::Value::Object(fields) => {
                for (name, field) in fields {
                    strings_of(field, &format!("{path}.{name}"), found);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn every_arabic_string_is_there_and_not_left_in_english_by_mistake() {
        let mut arabic = Vec::new();
        strings_of(
            &serde_json::to_value(&NEWSROOM_ARABIC).expect("serializable"),
            "t",
            &mut arabic,
        );
        let mut english = Vec::new();
        strings_of(
            &serde_json::to_value(&NEWSROOM_ENGLISH).expect("serializable"),
            "t",
            &mut english,
        );
        assert_eq!(arabic.len(), english.len());
        assert!(arabic.len() > 100);
        for (path, text) in &arabic {
            assert!(!text.trim().is_empty(), "{path} is empty in Arabic");
        }
        for (path, text) in &english {
            assert!(!text.trim().is_empty(), "{path} is empty in English");
        }
        let unchanged: Vec<&String> = arabic
            .iter()
            .zip(&english)
            .filter(|((path, ar), (_, en))| ar == en && !path.ends_with(".role"))
            .map(|((path, _), _)| path)
            .collect();
        assert!(unchanged.len() <= 2, "left in English: {unchanged:?}");
    }

    #[test]
    fn the_login_page_follows_the_browsers_first_choice_between_arabic_and_english() {
        assert_eq!(from_accept_language("ar").lang, "ar");
        assert_eq!(from_accept_language("ar-SA,ar;q=0.9,en;q=0.8").lang, "ar");
        assert_eq!(from_accept_language("fr, ar;q=0.5").lang, "ar");
        assert_eq!(from_accept_language("en-GB,en;q=0.9,ar;q=0.8").lang, "en");
        assert_eq!(from_accept_language("en;q=0.5, ar;q=0.9").lang, "ar");
        assert_eq!(from_accept_language("ar;q=0").lang, "en");
        assert_eq!(from_accept_language("").lang, "en");
        assert_eq!(from_accept_language("de, fr").lang, "en");
        assert_eq!(interface_language("ar"), Some("ar"));
        assert_eq!(interface_language("AR"), None);
        assert_eq!(interface_language("<script>"), None);
    }
}
