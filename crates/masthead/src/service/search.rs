//! Search: stories analyzed into the index's documents, full builds of the index, and
//! searches with their snippets and suggestions, for readers and for the newsroom.
//!
//! The analyzer is the search crate's, the same for stories and for what people type, so
//! both meet on the same terms in either database.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
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

/// Stories indexed per transaction of a full build: each transaction analyses its stories
/// while it holds SQLite's write lock, which other writers wait for (up to 5 s), so it is
/// kept to tens of milliseconds.
const REBUILD_BATCH: u32 = 50;

/// Words a result's snippet shows at most.
const SNIPPET_WORDS: usize = 36;

/// The most of a story's text (in bytes) its snippets are cut from: the standfirst and
/// the first paragraphs. Analyzing a passage costs about a microsecond a word, for each of
/// a page's results; a match further down still finds the story, shown with its start.
const SNIPPET_SOURCE: usize = 1500;

/// How long an edition's spelling vocabulary is reused before it is read again.
const VOCABULARY_AGE: Duration = Duration::from_secs(600);

/// Latest headlines whose words join an edition's spelling vocabulary.
const VOCABULARY_HEADLINES: u32 = 3000;

/// Most words of a story a related-stories search looks for.
const RELATED_WORDS: usize = 16;

/// The latest stories with any of those words that are ranked for related stories.
const RELATED_CANDIDATES: u32 = 100;

/// Each edition's spelling vocabulary, with when it was read.
type Vocabularies = HashMap<i64, (Instant, Arc<Vec<String>>)>;

/// The analyzer and the spelling vocabularies, one per node.
#[derive(Debug, Default)]
pub struct SearchService {
    analyzer: Analyzer,
    vocabularies: Mutex<Vocabularies>,
    /// Whether the index held every story when the indexer last looked.
    complete: AtomicBool,
    /// The last change-log entry the index had followed when the indexer last looked.
    followed: AtomicI64,
    /// Counts the index's changes as the indexer sees them: each entry followed, and
    /// each time it became complete or incomplete.
    generation: AtomicU64,
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

/// A story whose related stories are looked for, by its own words.
#[derive(Clone, Debug)]
pub struct RelatedTo<'a> {
    /// The story (never its own relative).
    pub story_id: i64,
    /// Its edition, where its relatives are.
    pub edition_id: i64,
    /// The edition's language.
    pub language: Language,
    /// Its headline, standfirst, topics and keywords, weightiest first: the first
    /// [`RELATED_WORDS`] distinct words that are not the language's commonest are looked
    /// for.
    pub texts: Vec<&'a str>,
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
        if self.complete.swap(complete, Ordering::Relaxed) != complete {
            self.generation.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Records the last change-log entry the index has followed (the indexer's finding).
    pub fn set_followed(&self, last_change: i64) {
        if self.followed.swap(last_change, Ordering::Relaxed) != last_change {
            self.generation.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// What the index holds, as a number that changes whenever that may have changed
    /// (on this node or another); `None` while it is incomplete. A search's results are
    /// the same for as long as this is: what caches them keys them by it.
    pub fn index_version(&self) -> Option<u64> {
        self.is_complete()
            .then(|| self.generation.load(Ordering::Relaxed))
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

    /// What was typed, as a search in `language`; `typing` (a type-ahead field), with its
    /// last word still being typed, so that it also finds the words it begins.
    pub fn query(&self, text: &str, language: Language, typing: bool) -> Query {
        if typing {
            self.analyzer.typed_query(text, language)
        } else {
            self.analyzer.query(text, language)
        }
    }

    /// The ids of the stories a search finds, best first: the newsroom's list, which shows
    /// them its own way. A query with nothing to look for finds nothing.
    pub async fn story_ids(
        &self,
        store: &dyn Store,
        query: &Query,
        filter: SearchFilter,
        limit: u32,
        offset: u32,
    ) -> StoreResult<Vec<i64>> {
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let page = store
            .search(&SearchRequest {
                query,
                any: false,
                filter,
                order: SearchOrder::Relevance,
                limit,
                offset,
            })
            .await?;
        Ok(page.hits.into_iter().map(|hit| hit.story_id).collect())
    }

    /// The published stories that share the most weighted words with a story, best
    /// first: the latest [`RELATED_CANDIDATES`] with any of its telling words, ranked by
    /// those words in their headlines (three each) and standfirsts (one each), newest
    /// first among equals. Ranked here rather than by the database's relevance, so that
    /// SQLite and PostgreSQL recommend the same stories.
    pub async fn related(
        &self,
        store: &dyn Store,
        to: &RelatedTo<'_>,
        limit: usize,
    ) -> StoreResult<Vec<Teaser>> {
        let mut stems = HashSet::new();
        let mut include = Vec::new();
        let words = to
            .texts
            .iter()
            .flat_map(|text| self.analyzer.words(text, to.language));
        for word in words {
            let telling = word.surface.chars().count() >= 3
                && !word.surface.chars().all(|c| c.is_ascii_digit())
                && !search::is_stop_word(&word.surface, to.language);
            if telling && stems.insert(word.stem.clone()) {
                include.push(search::Part::Word(word));
            }
            if include.len() == RELATED_WORDS {
                break;
            }
        }
        if include.is_empty() {
            return Ok(Vec::new());
        }
        let query = Query {
            include,
            exclude: Vec::new(),
        };
        let page = store
            .search(&SearchRequest {
                query: &query,
                any: true,
                filter: SearchFilter {
                    edition_id: Some(to.edition_id),
                    published_by: Some(jiff::Timestamp::now()),
                    stories_only: true,
                    except: Some(to.story_id),
                    ..SearchFilter::default()
                },
                order: SearchOrder::Newest,
                limit: RELATED_CANDIDATES,
                offset: 0,
            })
            .await?;
        let ids: Vec<i64> = page.hits.iter().map(|hit| hit.story_id).collect();
        let shared = |text: &str| {
            let own: HashSet<String> = self
                .analyzer
                .words(text, to.language)
                .into_iter()
                .map(|word| word.stem)
                .collect();
            own.intersection(&stems).count()
        };
        let mut scored: Vec<(usize, Teaser)> = store
            .teasers_by_ids(&ids)
            .await?
            .into_iter()
            .map(|teaser| {
                let score = 3 * shared(&teaser.headline)
                    + shared(teaser.standfirst.as_deref().unwrap_or_default());
                (score, teaser)
            })
            .collect();
        // Candidates come newest first: a stable sort keeps that order among equals.
        scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
        Ok(scored
            .into_iter()
            .take(limit)
            .map(|(_, teaser)| teaser)
            .collect())
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
                any: false,
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
        let mut snippets = self.analyzer.snippets(ask.language, &highlights);
        let stories = page
            .hits
            .iter()
            .filter_map(|hit| {
                let teaser = teasers.remove(&hit.story_id)?;
                let snippet = snippets.of(&hit.plain, SNIPPET_WORDS);
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
                    any: false,
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
