//! The demo's newsroom accounts: one per role, with random passwords printed once when
//! the demo is created.

use std::fmt;

use store::{Role, Store};

use crate::service::account::{create_user, one_time_password};

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
pub async fn create_accounts(
    store: &dyn Store,
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
    for (role, email, name, author) in people {
        let password = one_time_password()?;
        create_user(store, email, name, role, Some(&password), author).await?;
        accounts.push(DemoAccount {
            role,
            email: email.to_string(),
            password,
        });
    }
    Ok(DemoAccounts(accounts))
}
