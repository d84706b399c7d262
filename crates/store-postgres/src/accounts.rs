//! Newsroom accounts, sessions and failed logins.

use async_trait::async_trait;
use jiff::Timestamp;
use store::*;

use store_sql::login;
use store_sql::newsroom::{CredentialsRow, SessionRow, USER_COLUMNS, UserRow};

use crate::rows::from_time;
use crate::{PgStore, map_error};

type Result<T> = std::result::Result<T, StoreError>;

pub(crate) use store_sql::not_found_unless;

#[async_trait]
impl Accounts for PgStore {
    async fn create_user(&self, user: &NewUser) -> Result<i64> {
        sqlx::query_scalar(
            "INSERT INTO users (email, name, role, password_hash, must_change_password, \
               author_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(&user.email)
        .bind(&user.name)
        .bind(user.role.as_str())
        .bind(&user.password_hash)
        // Flags are 0/1 integers, as in SQLite.
        .bind(i64::from(user.must_change_password))
        .bind(user.author_id)
        .bind(from_time(Timestamp::now()))
        .fetch_one(&self.pool)
        .await
        .map_err(map_error)
    }

    async fn users(&self) -> Result<Vec<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users u ORDER BY u.name COLLATE \"C\", u.id");
        let rows = sqlx::query_as::<_, UserRow>(sqlx::AssertSqlSafe(sql))
            .fetch_all(&self.pool)
            .await
            .map_err(map_error)?;
        rows.into_iter().map(User::try_from).collect()
    }

    async fn user(&self, id: i64) -> Result<Option<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1");
        let row = sqlx::query_as::<_, UserRow>(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .map_err(map_error)?;
        row.map(User::try_from).transpose()
    }

    async fn user_credentials(&self, email: &str) -> Result<Option<(User, String)>> {
        let sql = format!("SELECT {USER_COLUMNS}, u.password_hash FROM users u WHERE u.email = $1");
        let row = sqlx::query_as::<_, CredentialsRow>(sqlx::AssertSqlSafe(sql))
            .bind(email)
            .fetch_optional(&self.pool)
            .await
            .map_err(map_error)?;
        row.map(|row| Ok((User::try_from(row.user)?, row.password_hash)))
            .transpose()
    }

    async fn set_user_role(&self, id: i64, role: Role) -> Result<()> {
        let done = sqlx::query("UPDATE users SET role = $1 WHERE id = $2")
            .bind(role.as_str())
            .bind(id)
            .execute(&self.pool)
            .await
            .map_err(map_error)?;
        not_found_unless(done.rows_affected())
    }

    async fn set_user_disabled(&self, id: i64, disabled: bool) -> Result<()> {
        let mut tx = self.write().await?;
        let done = sqlx::query("UPDATE users SET disabled = $1 WHERE id = $2")
            .bind(i64::from(disabled))
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(map_error)?;
        not_found_unless(done.rows_affected())?;
        if disabled {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(map_error)?;
        }
        tx.commit().await.map_err(map_error)
    }

    async fn set_password(
        &self,
        id: i64,
        password_hash: &str,
        must_change: bool,
        keep_session: Option<&str>,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "UPDATE users SET password_hash = $1, must_change_password = $2 WHERE id = $3",
        )
        .bind(password_hash)
        .bind(i64::from(must_change))
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(map_error)?;
        not_found_unless(done.rows_affected())?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
            .bind(id)
            .bind(keep_session.unwrap_or(""))
            .execute(&mut *tx)
            .await
            .map_err(map_error)?;
        tx.commit().await.map_err(map_error)
    }

    async fn create_session(&self, session: &NewSession) -> Result<()> {
        // Expired sessions are of no use: clear them out as new ones start.
        sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
            .bind(from_time(Timestamp::now()))
            .execute(&self.pool)
            .await
            .map_err(map_error)?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&session.token_hash)
        .bind(session.user_id)
        .bind(&session.csrf_token)
        .bind(from_time(Timestamp::now()))
        .bind(from_time(session.expires_at))
        .execute(&self.pool)
        .await
        .map_err(map_error)?;
        Ok(())
    }

    async fn session_user(&self, token_hash: &str, now: Timestamp) -> Result<Option<SessionUser>> {
        let sql = format!(
            "SELECT {USER_COLUMNS}, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled = 0"
        );
        let row = sqlx::query_as::<_, SessionRow>(sqlx::AssertSqlSafe(sql))
            .bind(token_hash)
            .bind(from_time(now))
            .fetch_optional(&self.pool)
            .await
            .map_err(map_error)?;
        row.map(|row| {
            Ok(SessionUser {
                user: User::try_from(row.user)?,
                csrf_token: row.csrf_token,
            })
        })
        .transpose()
    }

    async fn delete_session(&self, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await
            .map_err(map_error)?;
        Ok(())
    }

    async fn claim_login_attempt(
        &self,
        attempt: &LoginAttempt<'_>,
        limits: &LoginLimits,
    ) -> Result<LoginClaim> {
        let mut tx = self.write().await?;
        // Attempts on one account, then on one address, take their turn: the counts
        // below cannot change before this transaction records its attempt. Always the
        // account first, so two attempts never wait on each other in a circle.
        for (space, key) in [(1, attempt.account), (2, attempt.address)] {
            sqlx::query("SELECT pg_advisory_xact_lock($1, hashtext($2))")
                .bind(space)
                .bind(key)
                .execute(&mut *tx)
                .await
                .map_err(map_error)?;
        }
        let counts = login_counts(&mut tx, attempt, limits).await?;
        let claim = limits.decide(&counts, attempt.at);
        if claim == LoginClaim::Allowed {
            sqlx::query(login::TRIM_FAILURES)
                .bind(from_time(limits.horizon(attempt.at)))
                .execute(&mut *tx)
                .await
                .map_err(map_error)?;
            sqlx::query(login::RECORD_FAILURE)
                .bind(attempt.account)
                .bind(attempt.address)
                .bind(from_time(attempt.at))
                .execute(&mut *tx)
                .await
                .map_err(map_error)?;
        }
        tx.commit().await.map_err(map_error)?;
        Ok(claim)
    }

    async fn login_succeeded(
        &self,
        attempt: &LoginAttempt<'_>,
        limits: &LoginLimits,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query(login::CLEAR_PAIR)
            .bind(attempt.account)
            .bind(attempt.address)
            .execute(&mut *tx)
            .await
            .map_err(map_error)?;
        sqlx::query(login::FORGET_ADDRESSES)
            .bind(from_time(attempt.at - limits.known_address))
            .execute(&mut *tx)
            .await
            .map_err(map_error)?;
        sqlx::query(login::REMEMBER_ADDRESS)
            .bind(attempt.account)
            .bind(attempt.address)
            .bind(from_time(attempt.at))
            .execute(&mut *tx)
            .await
            .map_err(map_error)?;
        tx.commit().await.map_err(map_error)
    }
}

/// What the limits need to know about an attempt, read inside its transaction.
async fn login_counts(
    tx: &mut sqlx::Transaction<'static, sqlx::Postgres>,
    attempt: &LoginAttempt<'_>,
    limits: &LoginLimits,
) -> Result<LoginCounts> {
    let since = |window| from_time(attempt.at - window);
    let pair = sqlx::query_as(login::PAIR_FAILURES)
        .bind(attempt.account)
        .bind(attempt.address)
        .bind(since(limits.pair.window))
        .fetch_one(&mut **tx)
        .await
        .map_err(map_error)?;
    let address = sqlx::query_as(login::ADDRESS_FAILURES)
        .bind(attempt.address)
        .bind(since(limits.address.window))
        .fetch_one(&mut **tx)
        .await
        .map_err(map_error)?;
    let account = sqlx::query_as(login::ACCOUNT_FAILURES)
        .bind(attempt.account)
        .bind(since(limits.account.window))
        .fetch_one(&mut **tx)
        .await
        .map_err(map_error)?;
    let known: i64 = sqlx::query_scalar(login::KNOWN_ADDRESS)
        .bind(attempt.account)
        .bind(attempt.address)
        .bind(since(limits.known_address))
        .fetch_one(&mut **tx)
        .await
        .map_err(map_error)?;
    Ok(LoginCounts {
        pair: login::failure_count(pair),
        address: login::failure_count(address),
        account: login::failure_count(account),
        known_address: known > 0,
    })
}
