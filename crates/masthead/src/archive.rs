//! Where `masthead demo --stories N` writes its generated archive: straight into the
//! database's tables through an import transaction, many rows per statement, committed
//! every so often so that neither the transaction nor SQLite's write-ahead log grows with
//! the archive.

use anyhow::Context;
use async_trait::async_trait;
use store::{NewStory, StoryId};
use store_sql::dump::{Dump, Import};

use crate::app::Database;

/// Stories written per transaction.
const PER_TRANSACTION: usize = 50_000;

/// An [`demo::ArchiveSink`] over a database.
pub struct ImportSink {
    dump: Box<dyn Dump>,
    import: Option<Box<dyn Import>>,
    /// Stories written in the open transaction.
    written: usize,
}

impl ImportSink {
    /// A sink writing into `database`.
    pub fn new(database: &Database) -> ImportSink {
        ImportSink {
            dump: database.dump(),
            import: None,
            written: 0,
        }
    }

    async fn import(&mut self) -> anyhow::Result<&mut Box<dyn Import>> {
        if self.import.is_none() {
            self.import = Some(self.dump.begin_import().await?);
            self.written = 0;
        }
        Ok(self.import.as_mut().expect("just opened"))
    }
}

#[async_trait]
impl demo::ArchiveSink for ImportSink {
    async fn first_free_id(&mut self) -> anyhow::Result<i64> {
        Ok(self.import().await?.max_id("stories").await? + 1)
    }

    async fn write(&mut self, stories: &[(StoryId, NewStory)]) -> anyhow::Result<()> {
        self.import()
            .await?
            .insert_stories(stories)
            .await
            .context("writing archive stories")?;
        self.written += stories.len();
        if self.written >= PER_TRANSACTION {
            self.finish().await?;
        }
        Ok(())
    }

    async fn finish(&mut self) -> anyhow::Result<()> {
        if let Some(import) = self.import.take() {
            import
                .commit()
                .await
                .context("committing archive stories")?;
        }
        Ok(())
    }
}
