//! What every newsroom page shows around its content: who is logged in, the navigation
//! their role allows, and the CSRF token for its forms.

use serde::Serialize;

use crate::domain::i18n_newsroom::{NewsroomStrings, newsroom_strings};
use crate::domain::i18n_newsroom_desks::DESKS_ENGLISH;
use crate::domain::permission::{Action, allows};
use crate::web::newsroom::session::CurrentUser;
use crate::web::state::AppState;

/// The newsroom's page frame.
#[derive(Debug, Serialize)]
pub struct AdminChrome {
    /// The publication's name.
    pub site_name: String,
    /// The logged-in account's name, if any.
    pub user_name: Option<String>,
    /// Their role.
    pub role: &'static str,
    /// The session's CSRF token, for every form.
    pub csrf: String,
    /// Navigation links.
    pub nav: Vec<NavItem>,
    /// A one-line message after an action ("Saved.").
    pub notice: Option<String>,
    /// "New story" links, one per edition.
    pub new_story: Vec<EditionLink>,
    /// The interface's words, in the account's language (`i18n_newsroom`).
    pub t: &'static NewsroomStrings,
}

/// A link into one edition, labelled in its own language.
#[derive(Debug, Serialize)]
pub struct EditionLink {
    /// The edition's name ("English", "عربي").
    pub name: String,
    /// Its language code, for the `lang` attribute.
    pub lang: String,
    /// Where it goes.
    pub url: String,
}

/// One newsroom navigation link.
#[derive(Debug, Serialize)]
pub struct NavItem {
    /// Link text.
    pub label: &'static str,
    /// Where it goes.
    pub url: &'static str,
    /// Whether it is the current area.
    pub current: bool,
}

/// The areas of the newsroom and the action each needs.
const AREAS: &[(&str, &str, Option<Action>)] = &[
    ("Dashboard", "/admin", None),
    ("Stories", "/admin/stories", None),
    ("Media", "/admin/media", Some(Action::UploadMedia)),
    ("Fronts", "/admin/fronts", Some(Action::CurateFronts)),
    (
        "Breaking news",
        "/admin/breaking",
        Some(Action::CurateFronts),
    ),
    ("Sections", "/admin/sections", Some(Action::ManageTaxonomy)),
    ("Menus", "/admin/menus", Some(Action::ManageTaxonomy)),
    ("Topics", "/admin/topics", Some(Action::ManageTaxonomy)),
    ("Keywords", "/admin/keywords", Some(Action::ManageTaxonomy)),
    ("Authors", "/admin/authors", Some(Action::ManagePeople)),
    ("Agencies", "/admin/agencies", Some(Action::ManagePeople)),
    ("Jobs", "/admin/jobs", Some(Action::ManageJobs)),
    (
        "Newsletters",
        "/admin/newsletters",
        Some(Action::ReadNewsletters),
    ),
    ("Contact", "/admin/contact", Some(Action::ReadMessages)),
    ("Users", "/admin/users", Some(Action::ManageUsers)),
    (
        DESKS_ENGLISH.nav,
        "/admin/newsdesks",
        Some(Action::ManageUsers),
    ),
    ("Audit log", "/admin/audit", Some(Action::ReadAudit)),
];

impl AdminChrome {
    /// The frame for a logged-in account, marking the area `current` (its URL).
    pub fn new(state: &AppState, user: &CurrentUser, current: &str) -> AdminChrome {
        let nav = AREAS
            .iter()
            .filter(|(_, _, action)| action.is_none_or(|action| allows(user.user.role, action)))
            .map(|(label, url, _)| NavItem {
                label,
                url,
                current: *url == current,
            })
            .collect();
        let site = state.site();
        let new_story = site
            .editions
            .iter()
            .map(|edition| EditionLink {
                name: edition.edition.name.clone(),
                lang: edition.edition.language.clone(),
                url: format!("/admin/stories/new?edition={}", edition.edition.id),
            })
            .collect();
        AdminChrome {
            site_name: site.settings.site_name.clone(),
            user_name: Some(user.user.name.clone()),
            role: user.user.role.as_str(),
            csrf: user.csrf.clone(),
            nav,
            notice: None,
            new_story,
            t: newsroom_strings("en"),
        }
    }

    /// The frame for the login page: no account, no navigation.
    pub fn anonymous(state: &AppState) -> AdminChrome {
        AdminChrome {
            site_name: state.site().settings.site_name.clone(),
            user_name: None,
            role: "",
            csrf: String::new(),
            nav: Vec::new(),
            notice: None,
            new_story: Vec::new(),
            t: newsroom_strings("en"),
        }
    }

    /// Adds a notice from a `?notice=` redirect parameter, if it is one we know.
    pub fn with_notice(mut self, notice: Option<&str>) -> AdminChrome {
        self.notice = notice.and_then(notice_text).map(str::to_string);
        self
    }
}

/// The notices redirects may ask for, by code: never free text from the URL.
fn notice_text(code: &str) -> Option<&'static str> {
    Some(match code {
        "saved" => "Saved.",
        "created" => "Created.",
        "uploaded" => "Uploaded.",
        "password" => "Your password was changed.",
        "submitted" => "Submitted for review.",
        "published" => "Published.",
        "scheduled" => "Scheduled.",
        "unpublished" => "Unpublished.",
        "restored" => "The revision was restored as a new revision.",
        "status" => "The story's state was changed.",
        "deleted" => "Deleted.",
        "merged" => "Merged.",
        "pinned" => "The front was changed.",
        "unpinned" => "Unpinned: the latest story fills the place.",
        "cleared" => "The breaking-news bar was cleared.",
        "erased" => "The subscriber and everything kept about them were erased.",
        "test-sent" => "The test is on its way (it goes through the outbox like any email).",
        "sending" => "The issue is being sent: its counts below grow as it goes.",
        "nothing-new" => "Nothing was sent: no story was published since the previous issue.",
        "emailed" => "The bar is being emailed to the breaking-news list.",
        "linked" => "Linked to its translation.",
        "unlinked" => "The link to the translation was removed.",
        "translation" => "The translation was started as a draft linked to its original.",
        _ => return None,
    })
}
