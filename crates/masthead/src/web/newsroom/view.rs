//! What every newsroom page shows around its content: who is logged in, the navigation
//! their role allows, and the CSRF token for its forms.

use serde::Serialize;

use axum::http::{HeaderMap, header};
use store::Role;

use crate::domain::i18n_newsroom::{NewsroomStrings, from_accept_language, newsroom_strings};
use crate::domain::i18n_newsroom_shared::{NoticeStrings, RoleStrings};
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

/// The logged-in account's words, left on a newsroom response by the session layer so
/// that an error page made outside it speaks the account's language.
#[derive(Clone, Copy, Debug)]
pub struct InterfaceWords(pub &'static NewsroomStrings);

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

/// The areas of the newsroom: their label (from the account's language), where they
/// are, and the action each needs.
type Area = (
    fn(&NewsroomStrings) -> &'static str,
    &'static str,
    Option<Action>,
);

const AREAS: &[Area] = &[
    (|t| t.nav.dashboard, "/admin", None),
    (|t| t.nav.stories, "/admin/stories", None),
    (|t| t.nav.media, "/admin/media", Some(Action::UploadMedia)),
    (
        |t| t.nav.fronts,
        "/admin/fronts",
        Some(Action::CurateFronts),
    ),
    (
        |t| t.nav.breaking,
        "/admin/breaking",
        Some(Action::CurateFronts),
    ),
    (
        |t| t.nav.sections,
        "/admin/sections",
        Some(Action::ManageTaxonomy),
    ),
    (
        |t| t.nav.menus,
        "/admin/menus",
        Some(Action::ManageTaxonomy),
    ),
    (
        |t| t.nav.topics,
        "/admin/topics",
        Some(Action::ManageTaxonomy),
    ),
    (
        |t| t.nav.keywords,
        "/admin/keywords",
        Some(Action::ManageTaxonomy),
    ),
    (
        |t| t.nav.authors,
        "/admin/authors",
        Some(Action::ManagePeople),
    ),
    (
        |t| t.nav.agencies,
        "/admin/agencies",
        Some(Action::ManagePeople),
    ),
    (|t| t.nav.jobs, "/admin/jobs", Some(Action::ManageJobs)),
    (
        |t| t.nav.newsletters,
        "/admin/newsletters",
        Some(Action::ReadNewsletters),
    ),
    (
        |t| t.nav.contact,
        "/admin/contact",
        Some(Action::ReadMessages),
    ),
    (|t| t.nav.users, "/admin/users", Some(Action::ManageUsers)),
    (
        |t| t.desks.nav,
        "/admin/newsdesks",
        Some(Action::ManageUsers),
    ),
    (|t| t.nav.audit, "/admin/audit", Some(Action::ReadAudit)),
];

impl AdminChrome {
    /// The frame for a logged-in account, marking the area `current` (its URL).
    pub fn new(state: &AppState, user: &CurrentUser, current: &str) -> AdminChrome {
        let t = newsroom_strings(&user.user.language);
        let nav = AREAS
            .iter()
            .filter(|(_, _, action)| action.is_none_or(|action| allows(user.user.role, action)))
            .map(|(label, url, _)| NavItem {
                label: label(t),
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
            role: role_name(t.roles, user.user.role),
            csrf: user.csrf.clone(),
            nav,
            notice: None,
            new_story,
            t,
        }
    }

    /// The frame for someone not logged in (the login page, errors before a session), in
    /// the language their browser asks for (`Accept-Language`).
    pub fn anonymous(state: &AppState, headers: &HeaderMap) -> AdminChrome {
        let accepted = headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default();
        AdminChrome::unnamed(state, from_accept_language(accepted))
    }

    /// The frame for no account, in the words given: no navigation.
    pub fn unnamed(state: &AppState, t: &'static NewsroomStrings) -> AdminChrome {
        AdminChrome {
            site_name: state.site().settings.site_name.clone(),
            user_name: None,
            role: "",
            csrf: String::new(),
            nav: Vec::new(),
            notice: None,
            new_story: Vec::new(),
            t,
        }
    }

    /// Adds a notice from a `?notice=` redirect parameter, if it is one we know.
    pub fn with_notice(mut self, notice: Option<&str>) -> AdminChrome {
        self.notice = notice
            .and_then(|code| notice_text(self.t.notices, code))
            .map(str::to_string);
        self
    }
}

/// A role's name in the interface's language.
pub fn role_name(t: &RoleStrings, role: Role) -> &'static str {
    match role {
        Role::Admin => t.admin,
        Role::Editor => t.editor,
        Role::Reporter => t.reporter,
        Role::Contributor => t.contributor,
    }
}

/// The notices redirects may ask for, by code: never free text from the URL.
fn notice_text(t: &NoticeStrings, code: &str) -> Option<&'static str> {
    Some(match code {
        "saved" => t.saved,
        "created" => t.created,
        "uploaded" => t.uploaded,
        "password" => t.password,
        "language" => t.language,
        "submitted" => t.submitted,
        "published" => t.published,
        "scheduled" => t.scheduled,
        "unpublished" => t.unpublished,
        "restored" => t.restored,
        "status" => t.status,
        "deleted" => t.deleted,
        "merged" => t.merged,
        "pinned" => t.pinned,
        "unpinned" => t.unpinned,
        "cleared" => t.cleared,
        "erased" => t.erased,
        "test-sent" => t.test_sent,
        "sending" => t.sending,
        "nothing-new" => t.nothing_new,
        "emailed" => t.emailed,
        "linked" => t.linked,
        "unlinked" => t.unlinked,
        "translation" => t.translation,
        _ => return None,
    })
}
