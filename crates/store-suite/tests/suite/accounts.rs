//! Accounts' interface language and last login: a new account works in English unless
//! made in another language, the choice is kept per account, and a session marks the
//! account's last login.

use jiff::{SignedDuration, Timestamp};
use store::*;

use crate::backend::{account, audit};

async fn user(store: &dyn Store, id: i64) -> User {
    store.user(id).await.expect("read").expect("user")
}

async fn an_account_keeps_its_own_interface_language(store: &dyn Store) {
    let ana = account(store, "ana@example.org".into(), "Ana".into(), Role::Editor).await;
    let ben = account(store, "ben@example.org".into(), "Ben".into(), Role::Editor).await;
    assert_eq!(user(store, ana).await.language, "en");

    store.set_user_language(ana, "ar").await.expect("language");
    assert_eq!(user(store, ana).await.language, "ar");
    assert_eq!(user(store, ben).await.language, "en");
    assert!(store.set_user_language(ana, "xx").await.is_err());
    assert_eq!(user(store, ana).await.language, "ar");
    assert!(matches!(
        store.set_user_language(9_999, "ar").await,
        Err(StoreError::NotFound)
    ));

    let made_in_arabic = NewUser {
        email: "chadi@example.org".into(),
        name: "Chadi".into(),
        role: Role::Reporter,
        password_hash: "not-a-hash".into(),
        must_change_password: true,
        author_id: None,
        language: "ar".into(),
    };
    let chadi = store
        .create_user(&made_in_arabic, None)
        .await
        .expect("user");
    assert_eq!(user(store, chadi).await.language, "ar");
}

async fn a_new_session_marks_the_accounts_last_login(store: &dyn Store) {
    let ana = account(store, "ana@example.org".into(), "Ana".into(), Role::Editor).await;
    assert_eq!(user(store, ana).await.last_login_at, None);

    let before = Timestamp::now() - SignedDuration::from_secs(1);
    let session = NewSession {
        token_hash: "hash".into(),
        user_id: ana,
        csrf_token: "csrf".into(),
        expires_at: Timestamp::now() + SignedDuration::from_hours(1),
    };
    store
        .create_session(&session, &audit("login"))
        .await
        .expect("session");
    let last = user(store, ana).await.last_login_at.expect("last login");
    assert!(last >= before && last <= Timestamp::now() + SignedDuration::from_secs(1));
    let listed = store.users().await.expect("users");
    assert_eq!(listed[0].last_login_at, Some(last));
}

crate::on_both_backends!(
    an_account_keeps_its_own_interface_language,
    a_new_session_marks_the_accounts_last_login,
);
