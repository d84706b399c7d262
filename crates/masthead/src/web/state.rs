//! What every request handler can reach: the handles it shares with the background jobs
//! (store, site tree, page cache, change signal, the follower's beat) and the web layer's
//! own settings and limits. `app.rs` builds it.

use std::sync::Arc;

use store::Store;

use crate::config::Secret;
use crate::domain::signed::Signer;
use crate::jobs::changes::{ChangeSignal, FollowerBeat};
use crate::jobs::crops::CropSignal;
use crate::mail::Mailer;
use crate::media::MediaStore;
use crate::service::address_lock::AddressLocks;
use crate::service::gate::Gate;
use crate::service::hashing::PasswordHashing;
use crate::service::login::LoginChecks;
use crate::service::search::SearchService;
use crate::service::site::Site;
use crate::service::site_tree::SiteTree;
use crate::web::cache::PageCache;
use crate::web::ops::metrics::Metrics;
use crate::web::site::search_cache::SearchPages;
use crate::web::theme::Theme;

/// What every request handler can reach.
pub struct AppState {
    /// The database.
    pub store: Arc<dyn Store>,
    /// Where media files live.
    pub media: Arc<dyn MediaStore>,
    /// Templates and assets.
    pub theme: Theme,
    /// Rendered pages.
    pub cache: Arc<PageCache>,
    /// Public base URL without a trailing slash.
    pub base_url: String,
    /// Stories per list page.
    pub page_size: u32,
    /// Stories per part of a month's sitemap.
    pub sitemap_urls: u32,
    /// Largest accepted media upload in bytes.
    pub max_upload_bytes: usize,
    /// Wakes the change-log follower after this node wrote something.
    pub change_signal: Arc<ChangeSignal>,
    /// The editions, menus and settings pages are rendered from.
    pub site_tree: Arc<SiteTree>,
    /// Request, login and scrape-time figures for `/metrics`, and who may read them.
    pub metrics: Metrics,
    /// What the change-log follower last did, for `/readyz` and `/metrics`.
    pub follower: Arc<FollowerBeat>,
    /// The bounded pool that hashes and checks passwords.
    pub password_hashing: PasswordHashing,
    /// Addresses the store has locked out of logging in, remembered by this node.
    pub address_locks: AddressLocks,
    /// Slots for image uploads (`max_parallel_uploads`).
    pub uploads: Gate,
    /// Wakes the crop maker when an image's focal point moves.
    pub crop_signal: Arc<CropSignal>,
    /// Slots for revision diffs, which run on blocking threads.
    pub diffs: Gate,
    /// Slots for readers' searches, so that a burst of them cannot take every database
    /// connection from the pages.
    pub searches: Gate,
    /// Email over SMTP, when `[email] smtp_url` is set: newsletter sign-ups are open.
    pub mail: Option<Arc<Mailer>>,
    /// Signs links in emails and the public forms' challenges (a key every node shares).
    pub signer: Signer,
    /// The secret bounce and complaint reports are signed with (`[email] webhook_secret`).
    pub webhook_secret: Option<Secret>,
    /// The search analyzer, spelling vocabularies and the index's completeness.
    pub search: Arc<SearchService>,
    /// Popular searches' pages, until the index changes.
    pub search_pages: SearchPages,
}

impl AppState {
    /// The current editions, menus and settings.
    pub fn site(&self) -> Arc<Site> {
        self.site_tree.current()
    }

    /// What a login attempt is checked with.
    pub fn login_checks(&self) -> LoginChecks<'_> {
        LoginChecks {
            hashing: &self.password_hashing,
            locks: &self.address_locks,
        }
    }

    /// Tells the change-log follower to look now: this node just wrote a change.
    pub fn changed(&self) {
        self.change_signal.notify();
    }
}
