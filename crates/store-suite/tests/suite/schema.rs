//! The two backends' migrations make the same schema: the same tables with the same
//! columns in the same order, the same nullability, types that mean the same, and the
//! same keys, unique constraints, indexes and foreign keys. The shared queries of
//! `store_sql` rely on it, and `masthead copy` moves tables between the two unchanged.

use std::collections::{BTreeMap, BTreeSet};

use sqlx::{Connection, PgConnection, SqliteConnection};
use test_support::{ScratchDatabase, test_server};

/// Columns that are flags: 0/1 integers on SQLite (which has no boolean type), booleans on
/// PostgreSQL. Any other integer must be an integer on both.
const FLAGS: &[(&str, &str)] = &[
    ("authors", "columnist"),
    ("users", "disabled"),
    ("users", "must_change_password"),
];

/// The full-text index's own tables, which differ by design: SQLite's FTS5 table (and the
/// tables FTS5 keeps it in), PostgreSQL's table of `tsvector`s. Both are rebuilt from the
/// stories, never copied.
fn is_full_text_index(table: &str) -> bool {
    table == "search_fts" || table.starts_with("search_fts_") || table == "search_terms"
}

/// A table as both backends can describe it, in words common to both.
#[derive(Debug, PartialEq)]
struct Table {
    /// Name, type and NOT NULL, in the table's order.
    columns: Vec<(String, String, bool)>,
    primary_key: Vec<String>,
    /// The columns of each UNIQUE constraint.
    uniques: BTreeSet<Vec<String>>,
    /// Indexes made by CREATE INDEX, and whether they are unique.
    indexes: BTreeSet<(String, bool)>,
    /// Column, referenced table and column, and what deleting the referenced row does.
    foreign_keys: BTreeSet<(String, String, String, String)>,
}

/// The common word for a column's type, or the backend's own when it has none (which then
/// differs from the other backend's).
fn column_type(table: &str, column: &str, sqlite: Option<&str>, postgres: Option<&str>) -> String {
    let flag = FLAGS.contains(&(table, column));
    match (sqlite, postgres) {
        (Some("INTEGER"), _) if flag => "flag".into(),
        (_, Some("boolean")) if flag => "flag".into(),
        (Some("INTEGER"), _) | (_, Some("bigint")) => "integer".into(),
        (Some("REAL"), _) | (_, Some("double precision")) => "real".into(),
        (Some("TEXT"), _) | (_, Some("text")) => "text".into(),
        (Some("BLOB"), _) | (_, Some("bytea")) => "blob".into(),
        (Some(other), _) => format!("SQLite {other}"),
        (_, Some(other)) => format!("PostgreSQL {other}"),
        (None, None) => unreachable!("a column has a type"),
    }
}

async fn sqlite_schema(connection: &mut SqliteConnection) -> BTreeMap<String, Table> {
    let names: Vec<(String,)> = sqlx::query_as(
        "SELECT name FROM sqlite_schema WHERE type = 'table' \
         AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut *connection)
    .await
    .expect("tables");
    let mut schema = BTreeMap::new();
    for (table,) in names
        .into_iter()
        .filter(|(name,)| !is_full_text_index(name))
    {
        let columns: Vec<(String, String, bool, i64)> = sqlx::query_as(
            "SELECT name, type, \"notnull\", pk FROM pragma_table_info($1) ORDER BY cid",
        )
        .bind(&table)
        .fetch_all(&mut *connection)
        .await
        .expect("columns");
        let mut primary_key: Vec<(i64, String)> = columns
            .iter()
            .filter(|column| column.3 > 0)
            .map(|column| (column.3, column.0.clone()))
            .collect();
        primary_key.sort();
        let indexes: Vec<(String, bool, String)> =
            sqlx::query_as("SELECT name, \"unique\", origin FROM pragma_index_list($1)")
                .bind(&table)
                .fetch_all(&mut *connection)
                .await
                .expect("indexes");
        let mut uniques = BTreeSet::new();
        let mut named_indexes = BTreeSet::new();
        for (index, unique, origin) in indexes {
            match origin.as_str() {
                "u" => {
                    let columns: Vec<(Option<String>,)> =
                        sqlx::query_as("SELECT name FROM pragma_index_info($1) ORDER BY seqno")
                            .bind(&index)
                            .fetch_all(&mut *connection)
                            .await
                            .expect("index columns");
                    uniques.insert(
                        columns
                            .into_iter()
                            .map(|(name,)| name.unwrap_or_default())
                            .collect(),
                    );
                }
                "c" => {
                    named_indexes.insert((index, unique));
                }
                _ => {}
            }
        }
        let foreign_keys: Vec<(String, String, String, String)> = sqlx::query_as(
            "SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list($1)",
        )
        .bind(&table)
        .fetch_all(&mut *connection)
        .await
        .expect("foreign keys");
        let described = Table {
            columns: columns
                .iter()
                .map(|(name, ty, not_null, pk)| {
                    let ty = column_type(&table, name, Some(ty), None);
                    // STRICT tables' key columns cannot be NULL, declared or not (an
                    // INTEGER PRIMARY KEY is the rowid).
                    (name.clone(), ty, *not_null || *pk > 0)
                })
                .collect(),
            primary_key: primary_key.into_iter().map(|(_, name)| name).collect(),
            uniques,
            indexes: named_indexes,
            foreign_keys: foreign_keys.into_iter().collect(),
        };
        schema.insert(table, described);
    }
    schema
}

async fn postgres_schema(connection: &mut PgConnection) -> BTreeMap<String, Table> {
    let names: Vec<(String,)> = sqlx::query_as(
        "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
         AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut *connection)
    .await
    .expect("tables");
    let mut schema = BTreeMap::new();
    for (table,) in names
        .into_iter()
        .filter(|(name,)| !is_full_text_index(name))
    {
        let columns: Vec<(String, String, String, Option<String>)> = sqlx::query_as(
            "SELECT column_name::text, data_type::text, is_nullable::text, collation_name::text \
             FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name = $1 \
             ORDER BY ordinal_position",
        )
        .bind(&table)
        .fetch_all(&mut *connection)
        .await
        .expect("columns");
        let keys: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT c.constraint_name::text, c.constraint_type::text, k.column_name::text \
             FROM information_schema.table_constraints c \
             JOIN information_schema.key_column_usage k \
               ON k.constraint_schema = c.constraint_schema \
              AND k.constraint_name = c.constraint_name \
             WHERE c.table_schema = current_schema() AND c.table_name = $1 \
               AND c.constraint_type IN ('PRIMARY KEY', 'UNIQUE') \
             ORDER BY c.constraint_name, k.ordinal_position",
        )
        .bind(&table)
        .fetch_all(&mut *connection)
        .await
        .expect("keys");
        let mut primary_key = Vec::new();
        let mut uniques: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (constraint, kind, column) in keys {
            if kind == "PRIMARY KEY" {
                primary_key.push(column);
            } else {
                uniques.entry(constraint).or_default().push(column);
            }
        }
        // Indexes of their own, not those behind a key or a unique constraint.
        let indexes: Vec<(String, bool)> = sqlx::query_as(
            "SELECT i.relname::text, x.indisunique \
             FROM pg_index x \
             JOIN pg_class i ON i.oid = x.indexrelid \
             JOIN pg_class t ON t.oid = x.indrelid \
             WHERE t.relname = $1 AND t.relnamespace = current_schema()::regnamespace \
               AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)",
        )
        .bind(&table)
        .fetch_all(&mut *connection)
        .await
        .expect("indexes");
        let foreign_keys: Vec<(String, String, String, String)> = sqlx::query_as(
            "SELECT k.column_name::text, u.table_name::text, u.column_name::text, \
                    r.delete_rule::text \
             FROM information_schema.referential_constraints r \
             JOIN information_schema.key_column_usage k \
               ON k.constraint_schema = r.constraint_schema \
              AND k.constraint_name = r.constraint_name \
             JOIN information_schema.constraint_column_usage u \
               ON u.constraint_schema = r.constraint_schema \
              AND u.constraint_name = r.constraint_name \
             WHERE r.constraint_schema = current_schema() AND k.table_name = $1",
        )
        .bind(&table)
        .fetch_all(&mut *connection)
        .await
        .expect("foreign keys");
        let described = Table {
            columns: columns
                .iter()
                .map(|(name, ty, nullable, collation)| {
                    let mut ty = column_type(&table, name, None, Some(ty));
                    // SQLite compares text by its bytes (BINARY): so must PostgreSQL.
                    if ty == "text" && collation.as_deref() != Some("C") {
                        ty = format!("text collated {collation:?}");
                    }
                    (name.clone(), ty, nullable == "NO")
                })
                .collect(),
            primary_key,
            uniques: uniques.into_values().collect(),
            indexes: indexes.into_iter().collect(),
            foreign_keys: foreign_keys.into_iter().collect(),
        };
        schema.insert(table, described);
    }
    schema
}

#[tokio::test]
async fn both_backends_migrate_to_the_same_schema() {
    let server = test_server();
    let postgres = match ScratchDatabase::migrated(&server).await {
        Ok(database) => database,
        Err(error) if std::env::var_os("MASTHEAD_REQUIRE_POSTGRES").is_none() => {
            eprintln!("SKIPPED: PostgreSQL is not reachable at {server} ({error})");
            return;
        }
        Err(error) => panic!("PostgreSQL is required but not reachable at {server}: {error}"),
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("schema.db");
    store_sqlite::open(&file)
        .await
        .expect("migrate SQLite")
        .close()
        .await;

    let mut sqlite = SqliteConnection::connect(&format!("sqlite://{}", file.display()))
        .await
        .expect("open SQLite");
    let mut pg = PgConnection::connect(postgres.url())
        .await
        .expect("connect to PostgreSQL");
    let on_sqlite = sqlite_schema(&mut sqlite).await;
    let on_postgres = postgres_schema(&mut pg).await;
    sqlite.close().await.expect("close SQLite");
    pg.close().await.expect("close PostgreSQL");

    assert_eq!(
        on_sqlite.keys().collect::<Vec<_>>(),
        on_postgres.keys().collect::<Vec<_>>(),
        "the same tables"
    );
    assert!(on_sqlite.contains_key("story_sections"));
    for (name, table) in &on_sqlite {
        let other = &on_postgres[name];
        assert_eq!(
            table.columns, other.columns,
            "{name}: columns (SQLite, PostgreSQL)"
        );
        assert_eq!(table.primary_key, other.primary_key, "{name}: primary key");
        assert_eq!(table.uniques, other.uniques, "{name}: unique constraints");
        assert_eq!(table.indexes, other.indexes, "{name}: indexes");
        assert_eq!(
            table.foreign_keys, other.foreign_keys,
            "{name}: foreign keys"
        );
    }
}
