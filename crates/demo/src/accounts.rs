//! The demo's newsroom accounts: one per role, with random passwords printed once when
//! the demo is created. The app makes them, through [`AccountMaker`], since it owns
//! password rules and hashing.

use std::fmt;

use anyhow::Context;
use async_trait::async_trait;
use store::{Role, Store};

/// Makes newsroom accounts the way the app does (checked fields, hashed password).
#[async_trait]
pub trait AccountMaker: Send + Sync {
    /// Creates an account with a new random password, and a byline profile if `author_id`
    /// is some; returns the password.
    async fn make_account(
        &self,
        store: &dyn Store,
        account: NewDemoAccount<'_>,
    ) -> anyhow::Result<String>;
}

/// An account the demo asks for.
#[derive(Clone, Copy, Debug)]
pub struct NewDemoAccount<'a> {
    /// Role.
    pub role: Role,
    /// Login email.
    pub email: &'a str,
    /// Display name.
    pub name: &'a str,
    /// The author whose byline the account writes under, if any.
    pub author_id: Option<i64>,
}

/// A demo account and its password.
#[derive(Clone, Debug)]
pub struct DemoAccount {
    /// Role.
    pub role: Role,
    /// Login email.
    pub email: String,
    /// Password.
    pub password: String,
}

/// The demo's accounts, printable as a table.
#[derive(Clone, Debug, Default)]
pub struct DemoAccounts(pub Vec<DemoAccount>);

impl fmt::Display for DemoAccounts {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            out,
            "Newsroom accounts (log in at /admin; shown only this once):"
        )?;
        for account in &self.0 {
            writeln!(
                out,
                "  {:<12} {:<28} {}",
                account.role.as_str(),
                account.email,
                account.password
            )?;
        }
        Ok(())
    }
}

/// Creates one account per role; writers get a byline profile of the demo's staff.
pub(crate) async fn create_accounts(
    store: &dyn Store,
    maker: &dyn AccountMaker,
    staff_author: Option<i64>,
) -> anyhow::Result<DemoAccounts> {
    let people = [
        (Role::Admin, "admin@meridian.test", "Ada Admin", None),
        (Role::Editor, "editor@meridian.test", "Eda Editor", None),
        (
            Role::Reporter,
            "reporter@meridian.test",
            "Remzi Reporter",
            staff_author,
        ),
        (
            Role::Contributor,
            "contributor@meridian.test",
            "Cem Contributor",
            None,
        ),
    ];
    let mut accounts = Vec::new();
    for (role, email, name, author_id) in people {
        let account = NewDemoAccount {
            role,
            email,
            name,
            author_id,
        };
        let password = maker
            .make_account(store, account)
            .await
            .with_context(|| format!("creating the account {email}"))?;
        accounts.push(DemoAccount {
            role,
            email: email.to_string(),
            password,
        });
    }
    Ok(DemoAccounts(accounts))
}
