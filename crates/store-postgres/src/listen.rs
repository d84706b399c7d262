//! Change notifications: every commit that appends to the change log sends a `NOTIFY` on
//! [`CHANGES_CHANNEL`]; each node's follower listens on one dedicated connection.

use async_trait::async_trait;
use sqlx::postgres::PgListener;
use store::{ChangeListener, StoreResult};

use crate::dialect::map_error;

/// The channel change-log writes notify.
pub const CHANGES_CHANNEL: &str = "masthead_changes";

/// A `LISTEN` on [`CHANGES_CHANNEL`].
struct Listener(PgListener);

#[async_trait]
impl ChangeListener for Listener {
    async fn wait(&mut self) -> StoreResult<()> {
        // `try_recv` reports a lost connection as `None` instead of reconnecting behind
        // our back: the follower must then poll, since notifications sent while we were
        // away are gone.
        match self.0.try_recv().await.map_err(map_error)? {
            Some(_) => Ok(()),
            None => Err(store::StoreError::Unavailable(
                "the change listener lost its connection".into(),
            )),
        }
    }
}

/// Opens a listening connection for the change-log follower.
pub(crate) async fn listener(pool: &sqlx::PgPool) -> StoreResult<Box<dyn ChangeListener>> {
    let mut listener = PgListener::connect_with(pool).await.map_err(map_error)?;
    listener.listen(CHANGES_CHANNEL).await.map_err(map_error)?;
    Ok(Box::new(Listener(listener)))
}
