//! Newsroom accounts, sessions and failed logins.

use async_trait::async_trait;
use jiff::Timestamp;
use store::*;

use crate::db::{Db, Dialect, Transaction};
use crate::login::{claim_attempt, record_success};
use crate::newsroom::{CredentialsRow, SessionRow, USER_COLUMNS};
use crate::workflow::audit_in;
use crate::{SqlStore, not_found_unless, sql};

#[async_trait]
impl<D: Dialect> Accounts for SqlStore<D> {
    async fn create_user(&self, user: &NewUser, audit: Option<&NewAuditEntry>) -> StoreResult<i64> {
        let mut tx = self.write().await?;
        let id = tx
            .scalar(sql!(
                "INSERT INTO users (email, name, role, password_hash, must_change_password, \
                   author_id, created_at, language) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                   RETURNING id",
                &user.email,
                &user.name,
                user.role.as_str(),
                &user.password_hash,
                user.must_change_password,
                user.author_id,
                Timestamp::now(),
                &user.language
            ))
            .await?;
        if let Some(audit) = audit {
            audit_in::<D>(&mut tx, audit, id).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    async fn users(&self) -> StoreResult<Vec<User>> {
        self.db()
            .fetch_all(sql!(format!(
                "SELECT {USER_COLUMNS} FROM users u ORDER BY u.name, u.id"
            )))
            .await
    }

    async fn user(&self, id: i64) -> StoreResult<Option<User>> {
        self.db()
            .fetch_optional(sql!(
                format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1"),
                id
            ))
            .await
    }

    async fn user_credentials(&self, email: &str) -> StoreResult<Option<(User, String)>> {
        let row: Option<CredentialsRow> = self
            .db()
            .fetch_optional(sql!(
                format!("SELECT {USER_COLUMNS}, u.password_hash FROM users u WHERE u.email = $1"),
                email
            ))
            .await?;
        Ok(row.map(|row| (row.user, row.password_hash)))
    }

    async fn set_user_role(&self, id: i64, role: Role, audit: &NewAuditEntry) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let done = tx
            .execute(sql!(
                "UPDATE users SET role = $1 WHERE id = $2",
                role.as_str(),
                id
            ))
            .await?;
        not_found_unless(done)?;
        audit_in::<D>(&mut tx, audit, id).await?;
        tx.commit().await
    }

    async fn set_user_disabled(
        &self,
        id: i64,
        disabled: bool,
        audit: &NewAuditEntry,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let done = tx
            .execute(sql!(
                "UPDATE users SET disabled = $1 WHERE id = $2",
                disabled,
                id
            ))
            .await?;
        not_found_unless(done)?;
        if disabled {
            tx.execute(sql!("DELETE FROM sessions WHERE user_id = $1", id))
                .await?;
        }
        audit_in::<D>(&mut tx, audit, id).await?;
        tx.commit().await
    }

    async fn set_user_language(&self, id: i64, language: &str) -> StoreResult<()> {
        let done = self
            .db()
            .execute(sql!(
                "UPDATE users SET language = $1 WHERE id = $2",
                language,
                id
            ))
            .await?;
        not_found_unless(done)
    }

    async fn set_password(
        &self,
        id: i64,
        password_hash: &str,
        must_change: bool,
        keep_session: Option<&str>,
        audit: &NewAuditEntry,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let done = tx
            .execute(sql!(
                "UPDATE users SET password_hash = $1, must_change_password = $2 WHERE id = $3",
                password_hash,
                must_change,
                id
            ))
            .await?;
        not_found_unless(done)?;
        tx.execute(sql!(
            "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2",
            id,
            keep_session.unwrap_or("")
        ))
        .await?;
        audit_in::<D>(&mut tx, audit, id).await?;
        tx.commit().await
    }

    async fn create_session(&self, session: &NewSession, audit: &NewAuditEntry) -> StoreResult<()> {
        let mut tx = self.write().await?;
        // Expired sessions are of no use: clear them out as new ones start.
        tx.execute(sql!(
            "DELETE FROM sessions WHERE expires_at < $1",
            Timestamp::now()
        ))
        .await?;
        tx.execute(sql!(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            &session.token_hash,
            session.user_id,
            &session.csrf_token,
            Timestamp::now(),
            session.expires_at
        ))
        .await?;
        tx.execute(sql!(
            "UPDATE users SET last_login_at = $1 WHERE id = $2",
            Timestamp::now(),
            session.user_id
        ))
        .await?;
        audit_in::<D>(&mut tx, audit, session.user_id).await?;
        tx.commit().await
    }

    async fn session_user(
        &self,
        token_hash: &str,
        now: Timestamp,
    ) -> StoreResult<Option<SessionUser>> {
        let row: Option<SessionRow> = self
            .db()
            .fetch_optional(sql!(
                format!(
                    "SELECT {USER_COLUMNS}, s.csrf_token FROM sessions s \
                     JOIN users u ON u.id = s.user_id \
                     WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled"
                ),
                token_hash,
                now
            ))
            .await?;
        Ok(row.map(|row| SessionUser {
            user: row.user,
            csrf_token: row.csrf_token,
        }))
    }

    async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
        self.db()
            .execute(sql!(
                "DELETE FROM sessions WHERE token_hash = $1",
                token_hash
            ))
            .await?;
        Ok(())
    }

    async fn claim_login_attempt(
        &self,
        attempt: &LoginAttempt<'_>,
        limits: &LoginLimits,
    ) -> StoreResult<LoginClaim> {
        let mut tx = self.write().await?;
        let claim = claim_attempt::<D>(&mut tx, attempt, limits).await?;
        tx.commit().await?;
        Ok(claim)
    }

    async fn login_succeeded(
        &self,
        attempt: &LoginAttempt<'_>,
        limits: &LoginLimits,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        record_success::<D>(&mut tx, attempt, limits).await?;
        tx.commit().await
    }
}
