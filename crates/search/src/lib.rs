//! The search analyzer: one way to turn text into index terms, used for stories when they
//! are indexed and for what readers type, so that both meet on the same terms.
//!
//! Each word gives two terms, and a word matches when either does:
//! - its **stem** in the text's language (Snowball English, Arabic or Turkish; in Arabic
//!   after the article and the particles written onto it, and a regular plural's ending,
//!   are taken off), so that `elections` finds `election`, `haberlerde` finds `haber` and
//!   `الانتخابات` finds `الانتخاب`;
//! - its **surface form**, so that a name the stemmer mangles, or spelt without its
//!   diacritics, still finds itself.
//!
//! Both are then folded for matching: Unicode NFKC, lower case (Turkish `I`/`ı` and `İ`/`i`
//! by the Turkish rules in Turkish text), diacritics removed (`Türkiye` and `Turkiye`,
//! `Erdoğan` and `Erdogan` are the same term), and in Arabic the short vowels (tashkeel) and
//! the tatweel removed and the letter forms readers type interchangeably made one: `أ إ آ ٱ`
//! to `ا`, `ة` to `ه`, `ى` to `ي`. Arabic-Indic digits become ASCII digits; numbers (and so
//! the parts of dates) are kept whole and never stemmed.
//!
//! Built on the analyzer: [`Analyzer::query`] reads what a reader typed as a [`Query`] of
//! words, phrases and exclusions; [`Analyzer::snippet`] cuts the passage of a story around
//! the words searched for, as written, through [`Analyzer::word_spans`]; [`closest`] and
//! [`respell`] suggest spellings from the words of the index.

mod query;
mod snippet;
mod span;
mod stop;
mod suggest;

pub use query::{
    MAX_PARTS, MAX_PHRASE_WORDS, MAX_QUERY_CHARS, MIN_PREFIX_CHARS, Part, Query, Term,
};
pub use snippet::{Piece, Snippets};
pub use span::WordSpan;
pub use stop::is_stop_word;
pub use suggest::{closest, respell};

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The language a text is written in, which picks the stemmer and the case rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    /// English.
    English,
    /// Arabic.
    Arabic,
    /// Turkish.
    Turkish,
    /// Any other: folded, not stemmed.
    Other,
}

impl Language {
    /// A guess at the language of a short text with no edition to say it: Arabic when it
    /// has an Arabic letter, English otherwise (Latin-script names fold the same in
    /// English and Turkish; only their stems differ).
    pub fn of_text(text: &str) -> Language {
        let arabic = |c: char| {
            matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
                | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
                && c.is_alphabetic()
        };
        if text.chars().any(arabic) {
            Language::Arabic
        } else {
            Language::English
        }
    }

    /// The language of a BCP 47 tag (`en`, `ar-EG`, `tr`).
    pub fn from_tag(tag: &str) -> Language {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "en" => Language::English,
            "ar" => Language::Arabic,
            "tr" => Language::Turkish,
            _ => Language::Other,
        }
    }
}

/// One word of a text, as index terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The folded stem.
    pub stem: String,
    /// The folded word as written.
    pub surface: String,
}

/// Words longer than this (in characters) are cut: nobody searches for them whole, and
/// they would only bloat the index.
const MAX_WORD: usize = 40;

/// The analyzer, holding one stemmer per language.
pub struct Analyzer {
    english: Stemmer,
    arabic: Stemmer,
    turkish: Stemmer,
}

impl Default for Analyzer {
    fn default() -> Analyzer {
        Analyzer::new()
    }
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("Analyzer")
    }
}

impl Analyzer {
    /// An analyzer with the English, Arabic and Turkish stemmers.
    pub fn new() -> Analyzer {
        Analyzer {
            english: Stemmer::create(Algorithm::English),
            arabic: Stemmer::create(Algorithm::Arabic),
            turkish: Stemmer::create(Algorithm::Turkish),
        }
    }

    /// The words of a text in `language`, in order (a word's index is its position, for
    /// phrases).
    pub fn words(&self, text: &str, language: Language) -> Vec<Word> {
        self.word_spans(text, language)
            .into_iter()
            .map(|span| span.word)
            .collect()
    }

    fn word(&self, word: &str, language: Language) -> Word {
        let lower = lower_case(word, language);
        let stem = if lower.chars().all(|c| c.is_ascii_digit()) {
            lower.clone()
        } else {
            match language {
                Language::English => self.english.stem(&lower).into_owned(),
                Language::Arabic => {
                    let bare = without_plural(without_article(&lower));
                    self.arabic.stem(bare).into_owned()
                }
                Language::Turkish => self.turkish.stem(&lower).into_owned(),
                Language::Other => lower.clone(),
            }
        };
        Word {
            stem: fold(&stem),
            surface: fold(&lower),
        }
    }
}

/// The prefixes written onto an Arabic word that the Snowball stemmer leaves on some words
/// and not others: the article and the conjunctions and prepositions before it (the first
/// step of the "light" stemmers of Arabic retrieval), longest first.
const ARTICLES: [&str; 7] = ["وال", "بال", "كال", "فال", "ولل", "لل", "ال"];

/// An Arabic word without its article prefix, if what is left is still a word (at least
/// two letters).
fn without_article(word: &str) -> &str {
    ARTICLES
        .iter()
        .find_map(|prefix| word.strip_prefix(prefix))
        .filter(|rest| rest.chars().count() >= 2)
        .unwrap_or(word)
}

/// The endings of Arabic's regular plurals: feminine `ات`, masculine `ون` and `ين`, longest
/// first. The Snowball stemmer takes them off some words and not others, and then takes a
/// letter more or less than off the singular (`انتخابات` to `انتخابا` beside `انتخاب`;
/// `سوريين` to `سوري` beside `سور`), so a plural and its singular did not meet.
const PLURALS: [&str; 3] = ["ات", "ون", "ين"];

/// An Arabic word without a regular plural ending, if what is left is still a word (at
/// least three letters), as the "light" stemmers of Arabic retrieval take it off; the
/// stemmer then treats it as the singular.
fn without_plural(word: &str) -> &str {
    PLURALS
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .filter(|rest| rest.chars().count() >= 3)
        .unwrap_or(word)
}

/// The folded surface of a word as [`span::raw_words`] reads it, without its stem.
fn fold_surface(word: &str, language: Language) -> String {
    fold(&lower_case(word, language))
}

/// Lower case, by the Turkish rules in Turkish text (`I` is `ı`, `İ` is `i`).
fn lower_case(word: &str, language: Language) -> String {
    if language == Language::Turkish {
        word.chars()
            .flat_map(|c| match c {
                'I' => vec!['ı'],
                'İ' => vec!['i'],
                other => other.to_lowercase().collect(),
            })
            .collect()
    } else {
        word.to_lowercase()
    }
}

/// A lower-case term folded for matching: diacritics off, dotless `ı` as `i`, the dot
/// that lower-casing `İ` leaves removed, and the Arabic letter forms made one.
fn fold(term: &str) -> String {
    if term.is_ascii() {
        return term.to_string();
    }
    term.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'ı' => 'i',
            'ß' => 's',
            'ø' => 'o',
            'ł' => 'l',
            'đ' => 'd',
            'æ' => 'a',
            '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => '\u{0627}',
            '\u{0629}' => '\u{0647}',
            '\u{0649}' => '\u{064A}',
            other => other,
        })
        .nfc()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn surfaces(text: &str, language: Language) -> Vec<String> {
        Analyzer::new()
            .words(text, language)
            .into_iter()
            .map(|word| word.surface)
            .collect()
    }

    fn stems(text: &str, language: Language) -> Vec<String> {
        Analyzer::new()
            .words(text, language)
            .into_iter()
            .map(|word| word.stem)
            .collect()
    }

    #[test]
    fn a_text_with_arabic_letters_is_arabic() {
        assert_eq!(Language::of_text("الانتخابات"), Language::Arabic);
        assert_eq!(Language::of_text("NATO قمة"), Language::Arabic);
        assert_eq!(Language::of_text("Erdoğan"), Language::English);
        assert_eq!(Language::of_text("، ٢٠٢٦"), Language::English, "no letter");
    }

    #[test]
    fn languages_come_from_their_tags() {
        assert_eq!(Language::from_tag("en"), Language::English);
        assert_eq!(Language::from_tag("ar-EG"), Language::Arabic);
        assert_eq!(Language::from_tag("TR"), Language::Turkish);
        assert_eq!(Language::from_tag("fr"), Language::Other);
        assert_eq!(Language::from_tag(""), Language::Other);
    }

    #[test]
    fn diacritics_fold_so_names_match_however_they_are_typed() {
        for language in [Language::English, Language::Turkish] {
            assert_eq!(
                surfaces("Türkiye Erdoğan İstanbul Çağlayan Şişli", language),
                surfaces("Turkiye Erdogan Istanbul Caglayan Sisli", language),
                "{language:?}"
            );
        }
        assert_eq!(
            surfaces("Café Zürich naïve", Language::English),
            ["cafe", "zurich", "naive"]
        );
    }

    #[test]
    fn turkish_case_rules_apply_in_turkish_text() {
        assert_eq!(lower_case("IŞIK", Language::Turkish), "ışık");
        assert_eq!(lower_case("İZMİR", Language::Turkish), "izmir");
        assert_eq!(lower_case("ISTANBUL", Language::English), "istanbul");
        // And both meet once folded.
        assert_eq!(
            surfaces("IŞIK", Language::Turkish),
            surfaces("ışık", Language::Turkish)
        );
        assert_eq!(surfaces("İzmir", Language::English), ["izmir"]);
    }

    #[test]
    fn stems_join_the_forms_of_a_word() {
        assert_eq!(
            stems("elections election elected", Language::English),
            ["elect", "elect", "elect"]
        );
        assert_eq!(
            stems("haberler haberlerde haber kitapları", Language::Turkish),
            ["haber", "haber", "haber", "kitap"]
        );
        // The article and the conjunctions and prepositions written onto it do not matter.
        let arabic = stems("الانتخابات والانتخابات بالانتخابات انتخابات", Language::Arabic);
        assert!(arabic.iter().all(|stem| *stem == arabic[0]), "{arabic:?}");
        let singular = stems("الانتخاب وللانتخاب انتخاب", Language::Arabic);
        assert!(
            singular.iter().all(|stem| *stem == singular[0]),
            "{singular:?}"
        );
    }

    #[test]
    fn an_arabic_regular_plural_meets_its_singular() {
        for (singular, plural) in [
            ("الانتخاب", "الانتخابات"),
            ("مهرجان", "مهرجانات"),
            ("جامعة", "الجامعات"),
            ("سوري", "السوريين"),
            ("لاجئ", "اللاجئون"),
            ("مستثمر", "المستثمرون"),
        ] {
            assert_eq!(
                stems(singular, Language::Arabic),
                stems(plural, Language::Arabic),
                "{singular} and {plural}"
            );
        }
        // Too short to be a plural ending on a stem: left to the stemmer.
        assert_eq!(without_plural("ذات"), "ذات");
        assert_eq!(without_plural("دين"), "دين");
    }

    #[test]
    fn arabic_is_normalised_as_readers_type_it() {
        // With and without tashkeel and tatweel, and the alef, ta marbuta and alef
        // maqsura forms.
        assert_eq!(
            surfaces("مُحَمَّد", Language::Arabic),
            surfaces("محمد", Language::Arabic)
        );
        assert_eq!(
            surfaces("كـــتاب", Language::Arabic),
            surfaces("كتاب", Language::Arabic)
        );
        assert_eq!(
            surfaces("أحمد إسطنبول آمن مدرسة مستشفى", Language::Arabic),
            surfaces("احمد اسطنبول امن مدرسه مستشفي", Language::Arabic)
        );
        assert_eq!(
            surfaces("سُوريا", Language::Arabic).len(),
            1,
            "marks do not split a word"
        );
    }

    #[test]
    fn numbers_and_dates_stay_searchable() {
        assert_eq!(
            surfaces("On 5 December 2026, 1,200 people", Language::English),
            ["on", "5", "december", "2026", "1", "200", "people"]
        );
        assert_eq!(stems("2026-12-05", Language::English), ["2026", "12", "05"]);
        assert_eq!(surfaces("عام ٢٠٢٦", Language::Arabic)[1], "2026");
        assert_eq!(
            surfaces("Ⅻ ｆｕｌｌ", Language::English),
            ["xii", "full"],
            "NFKC"
        );
    }

    #[test]
    fn anything_typed_is_only_words() {
        assert_eq!(
            surfaces(
                "\"grain deal\" -Russia OR 1=1; DROP TABLE stories--",
                Language::English
            ),
            [
                "grain", "deal", "russia", "or", "1", "1", "drop", "table", "stories"
            ]
        );
        assert!(surfaces("", Language::English).is_empty());
        assert!(surfaces("  ... --- !!! ", Language::Arabic).is_empty());
        let long = "a".repeat(500);
        assert_eq!(surfaces(&long, Language::English)[0].len(), MAX_WORD);
        assert_eq!(
            surfaces("don't Türkiye'nin", Language::Turkish),
            ["don", "t", "turkiye", "nin"]
        );
    }
}
