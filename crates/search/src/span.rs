//! Where the words of a text are written: the text is prepared for analysis (NFKC, Arabic
//! marks off, Arabic-Indic digits as ASCII) one written character at a time, with the
//! combining marks that belong to it, so every word found keeps the bytes of the original
//! text it was read from. [`Analyzer::words`] is built on this, so the words are the same.

use std::collections::HashMap;
use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{canonical_combining_class, is_combining_mark};

use crate::{Analyzer, Language, MAX_WORD, Word};

/// A word of a text with the bytes of the original text it was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordSpan {
    /// The word, as index terms.
    pub word: Word,
    /// Its byte range in the original text, as written: diacritics, tashkeel and tatweel
    /// inside it included. Words read from one written character (`½` is `1⁄2`) share
    /// its bytes, so two spans can overlap.
    pub bytes: Range<usize>,
}

impl Analyzer {
    /// The words of a text in `language`, in order, each with its bytes in `text`: the
    /// same words as [`Analyzer::words`] gives.
    pub fn word_spans(&self, text: &str, language: Language) -> Vec<WordSpan> {
        // A story says most of its words many times: each is analysed once.
        let mut analysed: HashMap<String, Word> = HashMap::new();
        let mut spans = Vec::new();
        each_raw_word(text, |raw, bytes| {
            let word = match analysed.get(raw) {
                Some(word) => word.clone(),
                None => {
                    let word = self.word(raw, language);
                    analysed.insert(raw.to_owned(), word.clone());
                    word
                }
            };
            spans.push(WordSpan { word, bytes });
        });
        spans
    }
}

/// The words of a text, unanalysed (the prepared letters, digits and marks, before case,
/// folding and stemming, cut at [`MAX_WORD`] characters): runs of letters, digits and
/// combining marks of the prepared text; anything else separates words. An apostrophe
/// inside a word (`don't`, `Türkiye'nin`) ends it: the part after it is a suffix.
pub(crate) fn raw_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    each_raw_word(text, |word, _| words.push(word.to_owned()));
    words
}

/// Calls `found` with each word of [`raw_words`] and where it is written, in order,
/// without keeping them: a search's snippets read every word of each result and keep
/// only a few.
pub(crate) fn each_raw_word(text: &str, found: impl FnMut(&str, Range<usize>)) {
    let mut splitter = Splitter {
        found,
        current: String::new(),
        length: 0,
        bytes: 0..0,
    };
    let mut start = 0;
    for (index, c) in text.char_indices() {
        // An ASCII character always begins a written character: most of most texts.
        if index > start && (c.is_ascii() || starts_character(c)) {
            splitter.read(&text[start..index], start..index);
            start = index;
        }
    }
    if start < text.len() {
        splitter.read(&text[start..], start..text.len());
    }
    splitter.end_word();
}

/// Whether `c` begins a new written character rather than continuing the one before it.
/// NFKC never joins across such a boundary (a test checks every code point), so each
/// written character can be prepared alone and the result is that of the whole text.
fn starts_character(c: char) -> bool {
    canonical_combining_class(c) == 0 && !is_combining_mark(c) && !joins_previous(c)
}

/// The characters that are not combining marks but that NFKC may join to the one before:
/// Hangul jamo, composed into syllables (conjoining, compatibility and halfwidth forms),
/// the halfwidth katakana sound marks and the Kirat Rai vowel sign E.
fn joins_previous(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'
        | '\u{3130}'..='\u{318F}'
        | '\u{A960}'..='\u{A97F}'
        | '\u{D7B0}'..='\u{D7FF}'
        | '\u{FFA0}'..='\u{FFDC}'
        | '\u{FF9E}'
        | '\u{FF9F}'
        | '\u{16D67}')
}

/// NFKC, Arabic-Indic digits as ASCII, and the Arabic marks removed that would otherwise
/// split a word (tashkeel, the superscript alef) or pad it (tatweel).
fn prepare(written: &str) -> impl Iterator<Item = char> + '_ {
    written
        .nfkc()
        .filter(|c| !is_arabic_mark(*c))
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => ascii_digit(c, '\u{0660}'),
            '\u{06F0}'..='\u{06F9}' => ascii_digit(c, '\u{06F0}'),
            other => other,
        })
}

fn ascii_digit(c: char, zero: char) -> char {
    char::from_digit(u32::from(c) - u32::from(zero), 10).unwrap_or(c)
}

/// Tashkeel (harakat, tanween, shadda, sukun and the rarer marks), the superscript alef
/// and the tatweel.
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// Reads prepared characters into words, remembering where each word is written, and
/// hands each word on as it ends.
struct Splitter<F> {
    found: F,
    current: String,
    length: usize,
    bytes: Range<usize>,
}

impl<F: FnMut(&str, Range<usize>)> Splitter<F> {
    /// Reads one written character (with its marks), at `bytes` in the original text.
    fn read(&mut self, written: &str, bytes: Range<usize>) {
        if let [ascii] = written.as_bytes() {
            // Its own NFKC form, and no Arabic: most of most texts.
            self.take(char::from(*ascii), &bytes);
        } else {
            for c in prepare(written) {
                self.take(c, &bytes);
            }
        }
    }

    /// Takes one prepared character, read from `bytes` in the original text.
    fn take(&mut self, c: char, bytes: &Range<usize>) {
        if c.is_alphanumeric() || (is_combining_mark(c) && !self.current.is_empty()) {
            if self.current.is_empty() {
                self.bytes.start = bytes.start;
            }
            if self.length < MAX_WORD {
                self.current.push(c);
                self.length += 1;
            }
            self.bytes.end = bytes.end;
        } else {
            self.end_word();
        }
    }

    fn end_word(&mut self) {
        if !self.current.is_empty() {
            (self.found)(&self.current, self.bytes.clone());
            self.current.clear();
            self.length = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use unicode_normalization::char::decompose_canonical;

    use super::*;

    /// The words as the analyzer first read them: the whole text prepared at once, then
    /// split.
    fn words_of_the_whole_text(text: &str) -> Vec<String> {
        let prepared: String = prepare(text).collect();
        let mut words = Vec::new();
        let mut current = String::new();
        for c in prepared.chars() {
            if c.is_alphanumeric() || (is_combining_mark(c) && !current.is_empty()) {
                if current.chars().count() < MAX_WORD {
                    current.push(c);
                }
            } else if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
        }
        if !current.is_empty() {
            words.push(current);
        }
        words
    }

    fn written(text: &str) -> Vec<&str> {
        let mut written = Vec::new();
        each_raw_word(text, |_, bytes| written.push(&text[bytes]));
        written
    }

    const SAMPLES: [&str; 16] = [
        "The grain deal, signed in Istanbul on 22 July 2022, lapsed; don't expect it back.",
        "İSTANBUL'da IŞIK yandı: Türkiye'nin ılık iklimi, Erdoğan ve Çağlayan.",
        "İıIi ışık İzmir'e",
        "مُحَمَّدٌ ذَهَبَ إِلَى المَدْرَسَةِ، والانتخابات في كـــتاب الطُّلّاب",
        "عام ٢٠٢٦ و۱۴۰۳ ـبداية",
        "ﬁnance ﬂow ｆｕｌｌ ＷＩＤＴＨ Ⅻ ① ½ ㈱ ㍱ ﬀ",
        "cafe\u{301} nai\u{308}ve e\u{301}\u{323} \u{301}alone -\u{301}",
        "Ǆemal ǅ ǆ ﬅ ſt Å Ω K",
        "ｶﾞｷﾞ ﾊﾟ 한국어 가\u{11A8} \u{1100}\u{1161}\u{11A8} ᄀ ㄱㅏ ﾡﾢ",
        "क़ ড় ଓ\u{B3E} ொ ை ̈̈ x",
        "\u{202E}override\u{202C} \u{2066}isolate\u{2069} zero\u{200B}width soft\u{AD}hyphen",
        "a'b\"c-d_e*f(g)h:i^j NEAR(a b) 1=1; DROP TABLE stories--",
        "",
        "   ... --- !!! ",
        "ﷺ ﷽ لا ﻻ ﻷ",
        "ḍ̇ q̣̇ ẛ̣ Ṩ ᾷ ῼ",
    ];

    #[test]
    fn words_are_the_same_as_when_the_whole_text_is_prepared_at_once() {
        let long = "a".repeat(100) + " ﬁ" + &"ﬁ".repeat(50) + " " + &"ب\u{650}".repeat(60);
        for text in SAMPLES.iter().copied().chain([long.as_str()]) {
            let words = raw_words(text);

            assert_eq!(words, words_of_the_whole_text(text), "{text:?}");
        }
    }

    #[test]
    fn every_character_that_starts_a_new_one_is_prepared_the_same_alone() {
        // NFKC joins two characters only by reordering marks (combining class not 0) or
        // by composing the second into the first; so a character starting a new one must
        // normalise to something that starts with a starter no composition has second.
        let mut seconds = HashSet::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut position = 0;
            decompose_canonical(c, |part| {
                if position > 0 {
                    seconds.insert(part);
                }
                position += 1;
            });
        }

        let joining: Vec<char> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| starts_character(*c))
            .filter(|c| {
                let first = c.to_string().nfkc().next().unwrap_or(*c);
                canonical_combining_class(first) != 0 || seconds.contains(&first)
            })
            .collect();

        assert!(joining.is_empty(), "{joining:?}");
    }

    #[test]
    fn each_word_keeps_the_bytes_it_is_written_in() {
        assert_eq!(
            written("Türkiye'nin, “İzmir” 2026-12-05"),
            ["Türkiye", "nin", "İzmir", "2026", "12", "05"]
        );
        assert_eq!(written("مُحَمَّدٌ، كـــتاب ٢٠٢٦"), ["مُحَمَّدٌ", "كـــتاب", "٢٠٢٦"]);
        assert_eq!(
            written("ﬁnance ｆｕｌｌ cafe\u{301}!"),
            ["ﬁnance", "ｆｕｌｌ", "cafe\u{301}"]
        );
        assert_eq!(written(&"x".repeat(50))[0].len(), 50, "cut only as a term");
    }

    #[test]
    fn words_read_from_one_character_share_its_bytes() {
        let spans = Analyzer::new().word_spans("3½ ㈱", Language::English);

        let words: Vec<(&str, Range<usize>)> = spans
            .iter()
            .map(|span| (span.word.surface.as_str(), span.bytes.clone()))
            .collect();
        assert_eq!(words, [("31", 0..3), ("2", 1..3), ("株", 4..7)]);
    }
}
