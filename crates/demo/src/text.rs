//! Deterministic demo news text: articles, photo captions and curated topics, in English
//! and Arabic.
//!
//! Text is assembled from phrase banks by expanding `{slot}` templates with a seeded
//! [`Rng`], so the same seed and arguments always give the same article. The vocabulary
//! lives in the crate's `data/` files, read by `bank`: `en.toml` and `ar.toml` hold each
//! edition's sentence templates; `en_news`, `en_life`, `en_arts` and `ar_banks` the
//! per-subject banks (topics, actors, facts, scenes, places, and the figure every article
//! of the subject names), the section groups and the curated topics. `writer` expands the
//! templates into an article. All names, quotes and events are invented.

mod bank;
#[cfg(test)]
mod tests;
mod writer;

use serde::Deserialize;

use bank::{Bank, Edition, edition};
use writer::Writer;

/// Deterministic pseudo-random numbers (splitmix64), so the demo is the same on every run.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// Starts a generator from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 pseudo-random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in 0..n (n > 0; returns 0 when n == 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next_u64() % n as u64) as usize
    }

    /// One element of a non-empty slice (the caller guarantees it is non-empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True with the given percent probability (0..=100).
    pub fn chance(&mut self, percent: u32) -> bool {
        (self.below(100) as u32) < percent
    }
}

/// The language of an edition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// The English edition.
    English,
    /// The Arabic edition.
    Arabic,
}

/// A run of text with inline formatting inside a paragraph.
#[derive(Clone, Debug)]
pub struct Span {
    /// The characters of the run, including any separating spaces.
    pub text: String,
    /// Whether the run is set in bold.
    pub bold: bool,
    /// Whether the run is set in italics.
    pub italic: bool,
}

/// One block of an article body.
#[derive(Clone, Debug)]
pub enum Piece {
    /// A paragraph made of formatted runs.
    Paragraph(Vec<Span>),
    /// A subheading inside the body.
    Heading(String),
    /// A pull quote with the name and role of the speaker.
    Quote {
        /// The quoted words, without quotation marks.
        text: String,
        /// Who said them.
        cite: String,
    },
    /// A bulleted list of short items.
    List(Vec<String>),
}

/// A generated article.
#[derive(Clone, Debug)]
pub struct Article {
    /// The headline, 6 to 14 words.
    pub headline: String,
    /// The standfirst under the headline, 15 to 35 words.
    pub standfirst: String,
    /// Dateline place in capitals for English (e.g. "ANKARA"), in Arabic script for Arabic.
    pub dateline: String,
    /// The body, in reading order.
    pub pieces: Vec<Piece>,
    /// 3 to 6 free keywords, lowercase for English (e.g. "energy prices", "istanbul").
    pub keywords: Vec<String>,
    /// A caption for the hero photo, one sentence describing a scene.
    pub caption: String,
    /// What the article is about: its bank's topic that the headline names, as the text
    /// writes it ("the ferry timetable overhaul").
    pub subject: String,
}

/// A curated topic: slug (ASCII, lowercase, hyphens), display name, one-sentence
/// description, the subjects it fits, and the story subjects it is about.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicSeed {
    /// URL slug: ASCII, lowercase, words joined by hyphens.
    pub slug: String,
    /// Display name in the edition's language.
    pub name: String,
    /// One sentence saying what the topic covers.
    pub description: String,
    /// Section slugs whose stories fit the topic.
    pub subjects: Vec<String>,
    /// Words of the story subjects the topic is about: a story in a fitting section
    /// carries the topic only if its [`Article::subject`] has one of them.
    pub about: Vec<String>,
}

impl TopicSeed {
    /// Whether the topic is about an article's subject (whatever its section).
    pub fn is_about(&self, subject: &str) -> bool {
        self.about
            .iter()
            .any(|word| TopicSeed::is_about_word(word, subject))
    }

    /// Whether a subject has one of the words of `about`, in any case.
    fn is_about_word(word: &str, subject: &str) -> bool {
        subject.to_lowercase().contains(&word.to_lowercase())
    }
}

/// Writes an article on `subject` of about `words` words (±15%); opinion pieces are argued in the first person.
pub fn write_article(
    lang: Lang,
    subject: &str,
    opinion: bool,
    words: usize,
    rng: &mut Rng,
) -> Article {
    let ed = edition(lang);
    let opinion = opinion || is_opinion_subject(subject);
    let style = match (opinion, subject) {
        (true, "editorial") => "ed_",
        (true, _) => "op_",
        _ => "",
    };
    let bank = choose_bank(ed, subject, opinion, rng);
    let mut w = Writer::new(ed, bank, style, rng);
    let headline = w.headline();
    let standfirst = capitalize(&w.bounded("standfirst", 15, 35));
    let caption = w.slot("caption", 0);
    let pieces = w.body(words);
    let mut keywords: Vec<String> = Vec::new();
    let extra = if opinion {
        ed.opinion_keyword.as_str()
    } else {
        ""
    };
    let place = match lang {
        Lang::English => w.place.to_lowercase(),
        Lang::Arabic => w.place.to_string(),
    };
    for k in &bank.keywords {
        push_unique(&mut keywords, k.clone());
    }
    push_unique(&mut keywords, place);
    if !extra.is_empty() {
        push_unique(&mut keywords, extra.to_string());
    }
    keywords.truncate(6);
    let dateline = match lang {
        Lang::English => w.place.to_uppercase(),
        Lang::Arabic => w.place.to_string(),
    };
    Article {
        headline,
        standfirst,
        dateline,
        pieces,
        keywords,
        caption,
        subject: w.subject().to_string(),
    }
}

/// One photo caption for a gallery on `subject`.
pub fn photo_caption(lang: Lang, subject: &str, rng: &mut Rng) -> String {
    let ed = edition(lang);
    let bank = choose_bank(ed, subject, false, rng);
    let mut w = Writer::new(ed, bank, "", rng);
    w.slot("caption", 0)
}

/// The demo's curated topics for one edition (at least 12 for English, at least 8 for Arabic).
pub fn topics(lang: Lang) -> &'static [TopicSeed] {
    &edition(lang).topics
}

fn is_opinion_subject(subject: &str) -> bool {
    matches!(
        subject,
        "opinion" | "columns" | "op-ed" | "readers-corner" | "editorial"
    )
}

fn has(alts: &[String], item: &str) -> bool {
    alts.iter().any(|a| a == item)
}

fn pick_alt(rng: &mut Rng, alts: &'static [String]) -> &'static str {
    if alts.is_empty() {
        return "";
    }
    &alts[rng.below(alts.len())]
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !item.is_empty() && !list.contains(&item) {
        list.push(item);
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A noun phrase as headlines write it: without a leading article.
fn headline_form(phrase: &str) -> String {
    ["the ", "a ", "an "]
        .iter()
        .find_map(|p| phrase.strip_prefix(p))
        .unwrap_or(phrase)
        .to_string()
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Whitespace-separated words in every piece, as `write_article` counts them.
#[cfg(test)]
fn count_words(pieces: &[Piece]) -> usize {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Paragraph(spans) => {
                word_count(&spans.iter().map(|s| s.text.as_str()).collect::<String>())
            }
            Piece::Heading(text) => word_count(text),
            Piece::Quote { text, cite } => word_count(text) + word_count(cite),
            Piece::List(items) => items.iter().map(|i| word_count(i)).sum(),
        })
        .sum()
}

fn choose_bank(ed: &'static Edition, subject: &str, opinion: bool, rng: &mut Rng) -> &'static Bank {
    if !has(&ed.subjects, subject) {
        return &ed.general;
    }
    let direct: Vec<&Bank> = ed
        .banks
        .iter()
        .filter(|b| has(&b.subjects, subject))
        .collect();
    if !direct.is_empty() {
        return direct[rng.below(direct.len())];
    }
    if let Some(children) = ed.groups.get(subject) {
        let grouped: Vec<&Bank> = ed
            .banks
            .iter()
            .filter(|b| b.subjects.iter().any(|s| has(children, s)))
            .collect();
        if !grouped.is_empty() {
            return grouped[rng.below(grouped.len())];
        }
    }
    if opinion || matches!(subject, "gallery" | "tv") {
        let all: Vec<&Bank> = ed.banks.iter().collect();
        if !all.is_empty() && (opinion || !rng.chance(25)) {
            return all[rng.below(all.len())];
        }
    }
    &ed.general
}
