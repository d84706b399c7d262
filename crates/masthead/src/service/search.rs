//! Search: stories analyzed into the index's documents, full builds of the index, and
//! searches with their snippets and suggestions, for readers and for the newsroom.
//!
//! The analyzer is the search crate's, the same for stories and for what people type, so
//! both meet on the same terms in either database.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use search::{Analyzer, Language, Piece, Query};
use store::{
    FieldTerms, SearchDoc, SearchFilter, SearchOrder, SearchRequest, SearchSource, Store,
    StoreResult, Teaser,
};

/// Searches a node runs at once; more wait for a turn.
pub const SEARCH_SLOTS: usize = 8;

/// How long a search waits for a turn before it is refused (503, to try again).
pub const SEARCH_WAIT: Duration = Duration::from_secs(2);

/// Stories indexed per transaction of a full build.
const REBUILD_BATCH: u32 = 200;

/// Words a result's snippet shows at most.
const SNIPPET_WORDS: usize = 36;

/// The most of a story's text (in bytes) its snippets are cut from: the standfirst and
/// the first paragraphs. Analyzing a passage costs about a microsecond a word, for each of
/// a page's results; a match further down still finds the story, shown with its start.
const SNIPPET_SOURCE: usize = 4000;

/// How long an edition's spelling vocabulary is reused before it is read again.
const VOCABULARY_AGE: Duration = Duration::from_secs(600);

/// Latest headlines whose words join an edition's spelling vocabulary.
const VOCABULARY_HEADLINES: u32 = 3000;

/// Each edition's spelling vocabulary, with when it was read.
type Vocabularies = HashMap<i64, (Instant, Arc<Vec<String>>)>;

/// The analyzer and the spelling vocabularies, one per node.
#[derive(Debug, Default)]
pub struct SearchService {
    analyzer: Analyzer,
    vocabularies: Mutex<Vocabularies>,
    /// Whether the index held every story when the indexer last looked.
    complete: AtomicBool,
}

/// A search as someone asked for it.
#[derive(Clone, Debug)]
pub struct SearchAsk<'a> {
    /// What they typed.
    pub text: &'a str,
    /// The language of the edition searched (the analyzer's language for the words).
    pub language: Language,
    /// The edition whose vocabulary spelling suggestions come from.
    pub edition_id: i64,
    /// Which stories it may find.
    pub filter: SearchFilter,
    /// Best match or newest first.
    pub order: SearchOrder,
    /// Results per page.
    pub page_size: u32,
    /// The page, from 1.
    pub page: u32,
}

/// A story found, with the passage that matched.
#[derive(Clone, Debug)]
pub struct FoundStory {
    /// The story's teaser.
    pub teaser: Teaser,
    /// The passage around the matching words, marked.
    pub snippet: Vec<Piece>,
}

/// What a search found.
#[derive(Clone, Debug, Default)]
pub struct Found {
    /// The query as understood, in its normal form ("" when nothing searchable was typed).
    pub normalized: String,
    /// Whether anything searchable was typed.
    pub searched: bool,
    /// Stories matching, at most [`store::COUNT_LIMIT`] + 1.
    pub total: u64,
    /// This page's stories.
    pub stories: Vec<FoundStory>,
    /// With no results: the query with its unknown words respelt, if any is close to a
    /// word the edition uses.
    pub suggestion: Option<String>,
    /// False while the index is still being built (results may be missing).
    pub complete: bool,
}

impl SearchService {
    /// A service with the English, Arabic and Turkish analyzer.
    pub fn new() -> SearchService {
        SearchService::default()
    }

    /// Whether the index held every story when the indexer last looked.
    pub fn is_complete(&self) -> bool {
        self.complete.load(Ordering::Relaxed)
    }

    /// Records whether the index holds every story (the indexer's finding).
    pub fn set_complete(&self, complete: bool) {
        self.complete.store(complete, Ordering::Relaxed);
    }

    /// A story's document: each field's words as stems and surfaces, and its plain text.
    pub fn document(&self, source: &SearchSource) -> SearchDoc {
        let language = Language::from_tag(&source.language);
        let field = |texts: &[&str]| {
            let mut terms = FieldTerms::default();
            for text in texts {
                for word in self.analyzer.words(text, language) {
                    terms.stems.push(word.stem);
                    terms.surfaces.push(word.surface);
                }
            }
            terms
        };
        let paragraphs = source.body.paragraphs();
        let standfirst = source.standfirst.as_deref().unwrap_or_default();
        let labels: Vec<&str> = source.labels.iter().map(String::as_str).collect();
        let body: Vec<&str> = paragraphs
            .iter()
            .chain(&source.captions)
            .map(String::as_str)
            .collect();
        let mut plain = String::from(standfirst);
        for paragraph in &paragraphs {
            if !plain.is_empty() {
                plain.push('\n');
            }
            plain.push_str(paragraph);
        }
        plain.truncate(plain.floor_char_boundary(SNIPPET_SOURCE));
        SearchDoc {
            story_id: source.story_id,
            fields: [
                field(&[&source.headline]),
                field(&[standfirst]),
                field(&labels),
                field(&body),
            ],
            plain,
        }
    }

    /// Rebuilds the whole index while the site serves: marks it incomplete, indexes every
    /// story in batches (reporting `progress(done, total)`), then marks it complete.
    /// Returns the stories indexed.
    pub async fn rebuild(
        &self,
        store: &dyn Store,
        progress: &mut (dyn FnMut(u64, u64) + Send),
    ) -> StoreResult<u64> {
        store.begin_rebuild().await?;
        let total = store.index_counts().await?.stories;
        let analyze = |source: &SearchSource| self.document(source);
        let mut after = 0;
        let mut done = 0;
        progress(done, total);
        while let Some(last) = store.rebuild_batch(after, REBUILD_BATCH, &analyze).await? {
            after = last;
            done = (done + u64::from(REBUILD_BATCH)).min(total);
            progress(done, total);
        }
        store.finish_rebuild().await?;
        progress(total, total);
        Ok(total)
    }

    /// Runs a search: the page of stories asked for, each with its snippet, and with no
    /// results a respelt query to try.
    pub async fn find(&self, store: &dyn Store, ask: &SearchAsk<'_>) -> StoreResult<Found> {
        let query = self.analyzer.query(ask.text, ask.language);
        let complete = self.is_complete();
        if query.is_empty() {
            return Ok(Found {
                complete,
                ..Found::default()
            });
        }
        let page = store
            .search(&SearchRequest {
                query: &query,
                filter: ask.filter.clone(),
                order: ask.order,
                limit: ask.page_size,
                offset: ask.page.saturating_sub(1).saturating_mul(ask.page_size),
            })
            .await?;
        let ids: Vec<i64> = page.hits.iter().map(|hit| hit.story_id).collect();
        let mut teasers: HashMap<i64, Teaser> = store
            .teasers_by_ids(&ids)
            .await?
            .into_iter()
            .map(|teaser| (teaser.id, teaser))
            .collect();
        let highlights = query.highlights();
        let stories = page
            .hits
            .iter()
            .filter_map(|hit| {
                let teaser = teasers.remove(&hit.story_id)?;
                let snippet =
                    self.analyzer
                        .snippet(&hit.plain, ask.language, &highlights, SNIPPET_WORDS);
                Some(FoundStory { teaser, snippet })
            })
            .collect();
        let suggestion = if page.total == 0 {
            self.suggest(store, &query, ask).await?
        } else {
            None
        };
        Ok(Found {
            normalized: query.normalized(),
            searched: true,
            total: page.total,
            stories,
            suggestion,
            complete,
        })
    }

    /// The query with each included word that finds nothing on its own respelt as the
    /// closest word the edition uses, if any.
    async fn suggest(
        &self,
        store: &dyn Store,
        query: &Query,
        ask: &SearchAsk<'_>,
    ) -> StoreResult<Option<String>> {
        let mut unknown = Vec::new();
        for part in &query.include {
            let search::Part::Word(word) = part else {
                continue;
            };
            let alone = Query {
                include: vec![part.clone()],
                exclude: Vec::new(),
            };
            let found = store
                .search(&SearchRequest {
                    query: &alone,
                    filter: ask.filter.clone(),
                    order: SearchOrder::Newest,
                    limit: 0,
                    offset: 0,
                })
                .await?;
            if found.total == 0 {
                unknown.push(word.clone());
            }
        }
        if unknown.is_empty() {
            return Ok(None);
        }
        let vocabulary = self.vocabulary(store, ask.edition_id).await?;
        Ok(search::respell(
            &self.analyzer,
            query,
            ask.language,
            |word| !unknown.contains(word),
            &vocabulary,
        ))
    }

    /// The words of an edition's topics, keywords, authors and latest headlines, read
    /// again every [`VOCABULARY_AGE`].
    async fn vocabulary(
        &self,
        store: &dyn Store,
        edition_id: i64,
    ) -> StoreResult<Arc<Vec<String>>> {
        if let Some((read_at, words)) = self.lock().get(&edition_id)
            && read_at.elapsed() < VOCABULARY_AGE
        {
            return Ok(words.clone());
        }
        let names = store
            .search_vocabulary(edition_id, VOCABULARY_HEADLINES)
            .await?;
        let mut words: Vec<String> = names
            .iter()
            .flat_map(|name| name.split(|c: char| !c.is_alphanumeric()))
            .filter(|word| word.chars().count() >= 3)
            .map(str::to_string)
            .collect();
        words.sort();
        words.dedup();
        let words = Arc::new(words);
        self.lock()
            .insert(edition_id, (Instant::now(), words.clone()));
        Ok(words)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vocabularies> {
        self.vocabularies
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use store::{Block, Body, Inline};

    use super::*;

    #[test]
    fn a_document_weighs_its_fields_and_keeps_the_body_as_plain_text() {
        let service = SearchService::new();
        let source = SearchSource {
            story_id: 4,
            language: "en".into(),
            headline: "Elections loom".into(),
            standfirst: Some("Voters decide.".into()),
            labels: vec!["Politics".into(), "Jane Doe".into()],
            body: Body(vec![
                Block::Paragraph {
                    inlines: vec![Inline::plain("The polls "), Inline::plain("open early.")],
                },
                Block::Embed {
                    url: "https://example.com/".into(),
                },
            ]),
            captions: vec!["A queue of voters".into()],
        };

        let doc = service.document(&source);

        assert_eq!(doc.story_id, 4);
        assert_eq!(doc.fields[0].surfaces, ["elections", "loom"]);
        assert_eq!(doc.fields[0].stems, ["elect", "loom"]);
        assert_eq!(doc.fields[1].surfaces, ["voters", "decide"]);
        assert_eq!(doc.fields[2].surfaces, ["politics", "jane", "doe"]);
        assert_eq!(
            doc.fields[3].surfaces,
            [
                "the", "polls", "open", "early", "a", "queue", "of", "voters"
            ]
        );
        assert_eq!(doc.plain, "Voters decide.\nThe polls open early.");
    }
}
