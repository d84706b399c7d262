//! The demo newsroom's accounts, made as every account is (checked fields, hashed
//! password): the `demo` crate asks for them through its `AccountMaker`.

use async_trait::async_trait;
use demo::{AccountMaker, NewDemoAccount};
use store::Store;

use crate::service::account::{create_user, one_time_password};

/// Makes the demo's accounts with the app's password rules and hashing.
#[derive(Clone, Copy, Debug, Default)]
pub struct DemoAccountMaker;

#[async_trait]
impl AccountMaker for DemoAccountMaker {
    async fn make_account(
        &self,
        store: &dyn Store,
        account: NewDemoAccount<'_>,
    ) -> anyhow::Result<String> {
        // A random password of the one-time form, but set as the account's own: the demo
        // prints it once, and whoever tries the demo need not change it to log in.
        let password = one_time_password()?;
        create_user(
            store,
            account.email,
            account.name,
            account.role,
            Some(&password),
            account.author_id,
            None,
        )
        .await?;
        Ok(password)
    }
}
