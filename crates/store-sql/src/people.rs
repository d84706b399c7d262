//! Authors and agencies for the newsroom: creating and changing them, linking an author to
//! the account of the same person, and merging two authors. An author's old slugs keep
//! answering (301) after a rename or a merge, and no other author may take them.

use async_trait::async_trait;
use store::*;

use crate::changes::log_tags;
use crate::db::{Db, Dialect, Transaction};
use crate::lists::{Relist, relist};
use crate::workflow::audit_in;
use crate::{SqlStore, Tx, not_found_unless, sql};

/// Refuses a slug that is another author's old slug; a slug of the same author's past
/// (`author_id`) is taken back, so it stops redirecting.
async fn claim_slug<D: Dialect>(
    tx: &mut Tx<D>,
    slug: &str,
    author_id: Option<i64>,
) -> StoreResult<()> {
    let owner: Option<(i64,)> = tx
        .fetch_optional(sql!(
            "SELECT author_id FROM author_aliases WHERE slug = $1",
            slug
        ))
        .await?;
    match owner {
        None => Ok(()),
        Some((owner,)) if Some(owner) == author_id => {
            tx.execute(sql!("DELETE FROM author_aliases WHERE slug = $1", slug))
                .await?;
            Ok(())
        }
        Some(_) => Err(StoreError::Conflict(Constraint::AuthorSlug)),
    }
}

/// The stories that credit an author (`column` `author_id`) or agency (`agency_id`).
async fn credited<D: Dialect>(tx: &mut Tx<D>, column: &str, id: i64) -> StoreResult<Vec<CacheTag>> {
    let stories: Vec<(i64,)> = tx
        .fetch_all(sql!(
            format!("SELECT DISTINCT story_id FROM story_credits WHERE {column} = $1"),
            id
        ))
        .await?;
    Ok(stories
        .into_iter()
        .map(|(story,)| CacheTag::Story(story))
        .collect())
}

/// The steps of a merge of author `$1` into `$2`, in order.
const MERGE: [&str; 6] = [
    // A story that credits both in the same role keeps the one credit of `into`.
    "DELETE FROM story_credits WHERE author_id = $1 AND EXISTS (SELECT 1 FROM story_credits c \
       WHERE c.story_id = story_credits.story_id AND c.author_id = $2 \
       AND c.role = story_credits.role)",
    "UPDATE story_credits SET author_id = $2 WHERE author_id = $1",
    "UPDATE users SET author_id = $2 WHERE author_id = $1",
    "UPDATE author_aliases SET author_id = $2 WHERE author_id = $1",
    // `AND true`: SQLite wants a WHERE it cannot misread before the ON CONFLICT of an
    // INSERT ... SELECT.
    "INSERT INTO author_aliases (slug, author_id) SELECT slug, $2 FROM authors \
     WHERE id = $1 AND true ON CONFLICT (slug) DO UPDATE SET author_id = excluded.author_id",
    "DELETE FROM authors WHERE id = $1",
];

#[async_trait]
impl<D: Dialect> People for SqlStore<D> {
    async fn add_author(&self, author: &NewAuthor, audit: &NewAuditEntry) -> StoreResult<i64> {
        let mut tx = self.write().await?;
        claim_slug::<D>(&mut tx, &author.slug, None).await?;
        let id: i64 = tx
            .scalar(sql!(
                "INSERT INTO authors (slug, name, title, bio, columnist, image_id, edition_id, \
                   links) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                &author.slug,
                &author.name,
                &author.title,
                &author.bio,
                author.columnist,
                author.image_id,
                author.edition_id,
                &author.links
            ))
            .await?;
        audit_in::<D>(&mut tx, audit, id).await?;
        log_tags::<D>(&mut tx, "author", id, "create", vec![CacheTag::Author(id)]).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn update_author(
        &self,
        changes: &AuthorChanges,
        audit: &NewAuditEntry,
    ) -> StoreResult<()> {
        let author = &changes.author;
        let mut tx = self.write().await?;
        // Locked until commit: a concurrent rename waits and then reads this one's slug.
        let (old_slug,): (String,) = tx
            .fetch_optional(sql!(
                format!("SELECT slug FROM authors WHERE id = $1{}", D::FOR_UPDATE),
                author.id
            ))
            .await?
            .ok_or(StoreError::NotFound)?;
        if old_slug != author.slug {
            claim_slug::<D>(&mut tx, &author.slug, Some(author.id)).await?;
        }
        tx.execute(sql!(
            "UPDATE authors SET slug = $1, name = $2, title = $3, bio = $4, columnist = $5, \
               image_id = $6, edition_id = $7, links = $8 WHERE id = $9",
            &author.slug,
            &author.name,
            &author.title,
            &author.bio,
            author.columnist,
            author.image_id,
            author.edition_id,
            &author.links,
            author.id
        ))
        .await?;
        if old_slug != author.slug {
            tx.execute(sql!(
                "INSERT INTO author_aliases (slug, author_id) VALUES ($1, $2)",
                &old_slug,
                author.id
            ))
            .await?;
        }
        tx.execute(sql!(
            "UPDATE users SET author_id = NULL WHERE author_id = $1",
            author.id
        ))
        .await?;
        if let Some(account) = changes.account_id {
            let linked = tx
                .execute(sql!(
                    "UPDATE users SET author_id = $1 WHERE id = $2",
                    author.id,
                    account
                ))
                .await?;
            not_found_unless(linked)?;
        }
        let mut tags = credited::<D>(&mut tx, "author_id", author.id).await?;
        tags.push(CacheTag::Author(author.id));
        audit_in::<D>(&mut tx, audit, author.id).await?;
        log_tags::<D>(&mut tx, "author", author.id, "update", tags).await?;
        tx.commit().await
    }

    async fn author_alias(&self, slug: &str) -> StoreResult<Option<Author>> {
        self.db()
            .fetch_optional(sql!(
                "SELECT t.* FROM author_aliases a JOIN authors t ON t.id = a.author_id \
                 WHERE a.slug = $1",
                slug
            ))
            .await
    }

    async fn merge_authors(&self, from: i64, into: i64, audit: &NewAuditEntry) -> StoreResult<()> {
        let mut tx = self.write().await?;
        // Lock the stories that credit `from` before the authors: a save locks its story
        // and then links its credits, so taking them in that order too means a merge and a
        // save wait for each other instead of deadlocking.
        tx.execute(sql!(
            format!(
                "SELECT id FROM stories \
                 WHERE id IN (SELECT story_id FROM story_credits WHERE author_id = $1) \
                 ORDER BY id{}",
                D::FOR_NO_KEY_UPDATE
            ),
            from
        ))
        .await?;
        // Both authors stay locked until commit, in id order, so that merges of a into b
        // and of b into a cannot deadlock: the second waits and then finds one gone.
        let found: Vec<(i64,)> = tx
            .fetch_all(sql!(
                format!(
                    "SELECT id FROM authors WHERE id IN ($1, $2) AND $1 <> $2 ORDER BY id{}",
                    D::FOR_UPDATE
                ),
                from,
                into
            ))
            .await?;
        if found.len() != 2 {
            return Err(StoreError::NotFound);
        }
        // Read again under the author locks: no story can credit `from` anew now.
        let mut tags = credited::<D>(&mut tx, "author_id", from).await?;
        for statement in MERGE {
            tx.execute(sql!(statement, from, into)).await?;
        }
        relist::<D>(&mut tx, Relist::WithAuthor(into)).await?;
        tags.extend([CacheTag::Author(from), CacheTag::Author(into)]);
        audit_in::<D>(&mut tx, audit, into).await?;
        log_tags::<D>(&mut tx, "author", into, "merge", tags).await?;
        tx.commit().await
    }

    async fn add_agency(&self, agency: &NewAgency, audit: &NewAuditEntry) -> StoreResult<i64> {
        let mut tx = self.write().await?;
        let id: i64 = tx
            .scalar(sql!(
                "INSERT INTO agencies (name, short_name, logo_id, url) VALUES ($1, $2, $3, $4) \
                 RETURNING id",
                &agency.name,
                &agency.short_name,
                agency.logo_id,
                &agency.url
            ))
            .await?;
        audit_in::<D>(&mut tx, audit, id).await?;
        log_tags::<D>(&mut tx, "agency", id, "create", Vec::new()).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn update_agency(&self, agency: &Agency, audit: &NewAuditEntry) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let updated = tx
            .execute(sql!(
                "UPDATE agencies SET name = $1, short_name = $2, logo_id = $3, url = $4 \
                 WHERE id = $5",
                &agency.name,
                &agency.short_name,
                agency.logo_id,
                &agency.url,
                agency.id
            ))
            .await?;
        not_found_unless(updated)?;
        let tags = credited::<D>(&mut tx, "agency_id", agency.id).await?;
        audit_in::<D>(&mut tx, audit, agency.id).await?;
        log_tags::<D>(&mut tx, "agency", agency.id, "update", tags).await?;
        tx.commit().await
    }
}
