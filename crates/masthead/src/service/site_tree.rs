//! The site tree pages are rendered from: the current [`Site`] (editions, section trees,
//! menus, settings), shared by the web layer, which reads it on every request, and the
//! change follower, which reloads it when a change touches it.

use std::sync::{Arc, RwLock};

use store::Store;

use crate::service::site::Site;

/// The current site tree, swapped whole on reload so a reader keeps one consistent copy.
#[derive(Debug)]
pub struct SiteTree {
    current: RwLock<Arc<Site>>,
}

impl SiteTree {
    /// Loads the tree from the store.
    pub async fn load(store: &dyn Store) -> anyhow::Result<SiteTree> {
        Ok(SiteTree {
            current: RwLock::new(Arc::new(Site::load(store).await?)),
        })
    }

    /// The current editions, menus and settings.
    pub fn current(&self) -> Arc<Site> {
        self.current
            .read()
            .unwrap_or_else(|poison| poison.into_inner())
            .clone()
    }

    /// Loads the tree again from the store and replaces the current one; on failure the
    /// current tree stays.
    pub async fn reload(&self, store: &dyn Store) -> anyhow::Result<()> {
        let site = Arc::new(Site::load(store).await?);
        *self
            .current
            .write()
            .unwrap_or_else(|poison| poison.into_inner()) = site;
        Ok(())
    }
}
