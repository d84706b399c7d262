//! Accounts: tokens and one-time passwords, creating an account (from the command line, the
//! demo or an administrator), and an administrator's changes to roles and access.

use anyhow::Context;
use sha2::{Digest, Sha256};
use store::*;

use crate::domain::i18n_newsroom::interface_language;
use crate::domain::permission::Action;
use crate::domain::refusal::Refusal;
use crate::domain::signed::hex;
use crate::service::actor::Actor;
use crate::service::error::{ServiceError, ServiceResult, invalid};
use crate::service::hashing::hash_blocking;

/// Passwords shorter than this are refused.
pub const MIN_PASSWORD: usize = 10;
/// Longer than this is not a password, and would only make hashing slow.
pub const MAX_PASSWORD: usize = 1024;

/// A fresh random token, hex-encoded.
pub fn random_token() -> anyhow::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|error| anyhow::anyhow!("random bytes: {error}"))?;
    Ok(hex(&bytes))
}

/// What the database keeps of a session token.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// A readable one-time password: four groups of five letters and digits.
pub fn one_time_password() -> anyhow::Result<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).map_err(|error| anyhow::anyhow!("random bytes: {error}"))?;
    let chars: Vec<char> = bytes
        .iter()
        .map(|byte| char::from(ALPHABET[usize::from(*byte) % ALPHABET.len()]))
        .collect();
    Ok(chars
        .chunks(5)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-"))
}

/// Checks a new password; the error is shown next to the field.
pub fn check_new_password(password: &str) -> Result<(), Refusal> {
    let length = password.chars().count();
    if length < MIN_PASSWORD {
        return Err(Refusal::PasswordTooShort { min: MIN_PASSWORD });
    }
    if password.len() > MAX_PASSWORD {
        return Err(Refusal::PasswordTooLong { max: MAX_PASSWORD });
    }
    Ok(())
}

/// Hashes a password with argon2id off the async threads, outside the login pool: for
/// accounts made by an administrator or the command line.
pub async fn hash_password(password: &str) -> anyhow::Result<String> {
    let password = password.to_string();
    tokio::task::spawn_blocking(move || hash_blocking(&password))
        .await
        .context("joining the hashing task")?
}

/// A new account's password: the one given, or a printed one-time password.
pub struct CreatedUser {
    /// The account id.
    pub id: i64,
    /// The one-time password to hand over, when none was given.
    pub one_time_password: Option<String>,
}

/// Creates an account after checking its fields, with the audit line given. For the
/// command line and the demo, which act for nobody; the newsroom goes through
/// [`add_account`].
pub async fn create_user(
    store: &dyn Store,
    email: &str,
    name: &str,
    role: Role,
    password: Option<&str>,
    author_id: Option<i64>,
    audit: Option<&NewAuditEntry>,
) -> ServiceResult<CreatedUser> {
    let account = AccountFields {
        email,
        name,
        role,
        password,
        author_id,
        language: "en",
    };
    create_account(store, &account, audit).await
}

/// A new account's fields, as checked by [`create_account`].
pub struct AccountFields<'a> {
    /// Email, the login name.
    pub email: &'a str,
    /// The name shown in the newsroom.
    pub name: &'a str,
    /// What they may do.
    pub role: Role,
    /// Their password, or `None` for a printed one-time password.
    pub password: Option<&'a str>,
    /// The byline profile they write under.
    pub author_id: Option<i64>,
    /// Their interface language, one of `i18n_newsroom::LANGUAGES`.
    pub language: &'a str,
}

/// Creates an account after checking its fields, with the audit line given.
pub async fn create_account(
    store: &dyn Store,
    account: &AccountFields<'_>,
    audit: Option<&NewAuditEntry>,
) -> ServiceResult<CreatedUser> {
    let AccountFields {
        email,
        name,
        role,
        password,
        author_id,
        language,
    } = *account;
    let email = email.trim().to_lowercase();
    let valid_email = email.len() <= 254
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty() && domain.contains('.') && !email.contains(char::is_whitespace)
        });
    if !valid_email {
        return invalid(Refusal::NotAnEmail { typed: email });
    }
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return invalid(Refusal::AccountNameLength);
    }
    let one_time = match password {
        Some(password) => {
            check_new_password(password).map_err(ServiceError::Invalid)?;
            None
        }
        None => Some(one_time_password()?),
    };
    let secret = password.or(one_time.as_deref()).unwrap_or_default();
    let id = store
        .create_user(
            &NewUser {
                email: email.clone(),
                name: name.to_string(),
                role,
                password_hash: hash_password(secret).await?,
                must_change_password: one_time.is_some(),
                author_id,
                language: language.to_string(),
            },
            audit,
        )
        .await
        .map_err(|error| match error.constraint() {
            Some(Constraint::UserEmail) => ServiceError::Conflict(Refusal::EmailTaken { email }),
            _ => error.into(),
        })?;
    Ok(CreatedUser {
        id,
        one_time_password: one_time,
    })
}

/// An administrator's new account: the form as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct AccountInput {
    /// Email, the login name.
    pub email: String,
    /// The name shown in the newsroom.
    pub name: String,
    /// Role name (`contributor` … `admin`).
    pub role: String,
    /// Interface language (`en`, `ar`); English when left out.
    pub language: String,
}

/// Creates an account with a one-time password, for an administrator.
pub async fn add_account(
    store: &dyn Store,
    actor: Actor,
    input: &AccountInput,
) -> ServiceResult<CreatedUser> {
    actor.require(Action::ManageUsers)?;
    let Some(role) = Role::parse(&input.role) else {
        return invalid(Refusal::PickRole);
    };
    let language = match input.language.as_str() {
        "" => "en",
        value => interface_language(value).ok_or_else(unknown_language)?,
    };
    let audit = actor.audit("user.create", "user", None, role.as_str().into());
    let account = AccountFields {
        email: &input.email,
        name: &input.name,
        role,
        password: None,
        author_id: None,
        language,
    };
    create_account(store, &account, Some(&audit)).await
}

fn unknown_language() -> ServiceError {
    ServiceError::Invalid(Refusal::PickLanguage)
}

/// Changes the language of one's own newsroom interface: an account changes only its own.
pub async fn set_own_language(
    store: &dyn Store,
    actor: Actor,
    language: &str,
) -> ServiceResult<()> {
    let language = interface_language(language).ok_or_else(unknown_language)?;
    store.set_user_language(actor.id, language).await?;
    Ok(())
}

/// A change to one account as the form sends it: a new role, or access taken away (`1`)
/// or given back.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct AccountChange {
    /// The new role's name.
    pub role: Option<String>,
    /// `1` to disable, anything else to enable.
    pub disabled: Option<String>,
}

/// Changes another account's role or access, for an administrator. Administrators cannot
/// demote or disable themselves: the newsroom would lose its last admin.
pub async fn change_account(
    store: &dyn Store,
    actor: Actor,
    id: i64,
    change: &AccountChange,
) -> ServiceResult<()> {
    actor.require(Action::ManageUsers)?;
    if id == actor.id {
        return invalid(Refusal::NotYourself);
    }
    if let Some(role) = change.role.as_deref() {
        let Some(role) = Role::parse(role) else {
            return invalid(Refusal::UnknownRole);
        };
        let audit = actor.audit("user.role", "user", Some(id), role.as_str().into());
        store.set_user_role(id, role, &audit).await?;
    }
    if let Some(disabled) = change.disabled.as_deref() {
        let disabled = disabled == "1";
        let action = if disabled {
            "user.disable"
        } else {
            "user.enable"
        };
        let audit = actor.audit(action, "user", Some(id), String::new());
        store.set_user_disabled(id, disabled, &audit).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::hashing::verify_blocking;
    use crate::service::login::DECOY_HASH;

    #[tokio::test]
    async fn a_hash_verifies_its_password_and_no_other() {
        let hash = hash_password("correct horse battery")
            .await
            .expect("test value");

        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_blocking("correct horse battery", &hash));
        assert!(!verify_blocking("wrong horse battery", &hash));
        assert!(!verify_blocking("anything", DECOY_HASH));
    }

    #[test]
    fn one_time_passwords_are_long_and_differ() {
        let first = one_time_password().expect("test value");

        assert_eq!(first.len(), 23);
        assert_ne!(first, one_time_password().expect("test value"));
        assert!(check_new_password(&first).is_ok());
    }
}
