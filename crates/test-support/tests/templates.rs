//! Scratch databases cloned from templates hold what the template holds, and each is its
//! own. Skipped (said loudly) without a server, unless `MASTHEAD_REQUIRE_POSTGRES` is set.

use sqlx::{Connection, PgConnection};
use test_support::{ScratchDatabase, TemplateError, test_server};

async fn count(url: &str, sql: &'static str) -> i64 {
    let mut connection = PgConnection::connect(url).await.expect("connect");
    let (count,): (i64,) = sqlx::query_as(sql)
        .fetch_one(&mut connection)
        .await
        .expect("count");
    connection.close().await.expect("close");
    count
}

#[tokio::test]
async fn clones_hold_the_templates_rows_and_go_their_own_ways() {
    let server = test_server();
    let fill = |url: String| async move {
        let mut connection = PgConnection::connect(&url).await?;
        sqlx::query("INSERT INTO settings (key, value) VALUES ('filled', 'yes')")
            .execute(&mut connection)
            .await?;
        connection.close().await?;
        Ok::<(), TemplateError>(())
    };
    let first = match ScratchDatabase::from_template(&server, "test_filled", fill).await {
        Ok(database) => database,
        Err(error) if std::env::var_os("MASTHEAD_REQUIRE_POSTGRES").is_none() => {
            eprintln!("SKIPPED: PostgreSQL is not reachable at {server} ({error})");
            return;
        }
        Err(error) => panic!("PostgreSQL at {server}: {error}"),
    };
    let second = ScratchDatabase::from_template(&server, "test_filled", |_| async {
        panic!("the template is made once per run")
    })
    .await
    .expect("second clone");
    let migrated = ScratchDatabase::migrated(&server).await.expect("migrated");

    let mut connection = PgConnection::connect(first.url()).await.expect("connect");
    sqlx::query("DELETE FROM settings")
        .execute(&mut connection)
        .await
        .expect("delete");
    connection.close().await.expect("close");

    assert_ne!(first.url(), second.url());
    let settings = "SELECT count(*) FROM settings";
    assert_eq!(count(first.url(), settings).await, 0);
    assert_eq!(count(second.url(), settings).await, 1);
    assert_eq!(count(migrated.url(), settings).await, 0);
    let tables = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'stories'";
    assert_eq!(count(migrated.url(), tables).await, 1);
}
