//! `masthead copy`: moves a whole newsroom's database between SQLite and PostgreSQL, in
//! either direction. The target must be new or empty; everything goes in one transaction
//! on it, and before that commits every table's row count and checksum are compared with
//! what was read from the source. Media files are not moved: they stay in the media store.

use std::io::{IsTerminal, Write};

use anyhow::{Context, bail, ensure};
use futures_util::StreamExt;
use store_sql::dump::{Import, Row, TABLES, TableDigest};

use crate::app::Database;

/// Rows sent to the target per statement.
const BATCH: usize = 500;

/// What a copy moved: each table's row count and checksum.
pub struct Copied {
    /// `(table, digest)` in copy order.
    pub tables: Vec<(&'static str, TableDigest)>,
}

impl Copied {
    /// Rows copied in all.
    pub fn rows(&self) -> u64 {
        self.tables.iter().map(|(_, digest)| digest.rows).sum()
    }
}

/// Copies every table of `from` into the empty database `to`, reporting rows done so far
/// and the total to `progress`.
pub async fn copy(
    from: &Database,
    to: &Database,
    progress: &mut dyn FnMut(u64, u64, &str),
) -> anyhow::Result<Copied> {
    let mut source = from.dump();
    let mut total = 0;
    for table in TABLES {
        total += source.count_rows(table).await?;
    }
    let mut import = to.dump().begin_import().await?;
    ensure!(
        import.is_empty().await?,
        "the target already holds a newsroom: copy only into a new, empty database"
    );
    let mut done = 0;
    let mut tables = Vec::with_capacity(TABLES.len());
    for table in TABLES {
        let columns = source.columns(table).await?;
        let mut rows = source.export(table, &columns);
        let mut read = TableDigest::default();
        let mut batch: Vec<Row> = Vec::with_capacity(BATCH);
        while let Some(row) = rows.next().await {
            let row = row.with_context(|| format!("reading {table}"))?;
            read.add(&columns, &row);
            batch.push(row);
            if batch.len() == BATCH {
                send(import.as_mut(), table, &columns, &mut batch).await?;
                done += BATCH as u64;
                progress(done, total, table);
            }
        }
        done += batch.len() as u64;
        send(import.as_mut(), table, &columns, &mut batch).await?;
        progress(done, total, table);
        let written = import
            .digest(table)
            .await
            .with_context(|| format!("checking {table}"))?;
        if written != read {
            bail!(
                "table {table} differs after the copy ({} rows read, {} written, checksums \
                 {:032x} and {:032x}); nothing was committed",
                read.rows,
                written.rows,
                read.sum,
                written.sum
            );
        }
        tables.push((*table, written));
    }
    import
        .commit()
        .await
        .context("committing the copy; nothing was copied")?;
    Ok(Copied { tables })
}

/// Every table's digest, read from a database: two newsrooms with equal digests hold the
/// same content.
pub async fn digests(database: &Database) -> anyhow::Result<Vec<(&'static str, TableDigest)>> {
    let mut dump = database.dump();
    let mut digests = Vec::with_capacity(TABLES.len());
    for table in TABLES {
        let columns = dump.columns(table).await?;
        let mut rows = dump.export(table, &columns);
        let mut digest = TableDigest::default();
        while let Some(row) = rows.next().await {
            digest.add(&columns, &row?);
        }
        digests.push((*table, digest));
    }
    Ok(digests)
}

async fn send(
    import: &mut dyn Import,
    table: &str,
    columns: &[String],
    batch: &mut Vec<Row>,
) -> anyhow::Result<()> {
    import
        .insert(table, columns, batch)
        .await
        .with_context(|| format!("writing {table}"))?;
    batch.clear();
    Ok(())
}

/// A progress bar on stderr: redrawn in place on a terminal, a line per table otherwise.
pub fn progress_bar() -> impl FnMut(u64, u64, &str) {
    let terminal = std::io::stderr().is_terminal();
    let mut last_table = String::new();
    move |done, total, table| {
        let share = if total == 0 {
            1.0
        } else {
            done as f64 / total as f64
        };
        let filled = (share * 30.0).round() as usize;
        let bar = format!(
            "[{}{}] {:>3.0}% {done}/{total} rows  {table}",
            "#".repeat(filled),
            " ".repeat(30 - filled.min(30)),
            share * 100.0
        );
        let mut stderr = std::io::stderr();
        if terminal {
            let _ = write!(stderr, "\r{bar:<80}");
            if done == total {
                let _ = writeln!(stderr);
            }
        } else if table != last_table || done == total {
            let _ = writeln!(stderr, "{bar}");
        }
        last_table = table.to_string();
    }
}
