//! The commonest words of each language, which say nothing about what a story is about:
//! left out when a story's own words look for related stories (a reader's query keeps
//! them, where they may be part of a phrase or a title).

use crate::Language;

/// English function words and the verbs and adverbs of every news story, folded.
const ENGLISH: &[&str] = &[
    "a", "about", "after", "again", "against", "also", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does",
    "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her",
    "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just",
    "last", "more", "most", "new", "no", "nor", "not", "now", "of", "off", "on", "once", "only",
    "or", "other", "our", "out", "over", "own", "said", "same", "says", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "week",
    "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "would", "year", "years", "you", "your",
];

/// Arabic particles, pronouns and the verbs of reporting, folded as the analyzer folds
/// them (alef forms as ا, ta marbuta as ه, alef maqsura as ي).
const ARABIC: &[&str] = &[
    "في",
    "من",
    "الي",
    "علي",
    "عن",
    "مع",
    "ان",
    "او",
    "ثم",
    "لا",
    "لم",
    "لن",
    "ما",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "التي",
    "الذي",
    "الذين",
    "اللذين",
    "كان",
    "كانت",
    "يكون",
    "قد",
    "قال",
    "وقال",
    "قالت",
    "وقالت",
    "بعد",
    "قبل",
    "حتي",
    "بين",
    "كل",
    "غير",
    "عند",
    "منذ",
    "هو",
    "هي",
    "هم",
    "نحن",
    "انه",
    "انها",
    "الا",
    "اذا",
    "لكن",
    "ولكن",
    "كما",
    "وقد",
    "فقط",
    "اي",
    "اليوم",
    "امس",
    "خلال",
    "حول",
    "ضد",
    "عام",
    "العام",
];

/// Turkish conjunctions, postpositions and pronouns, folded.
const TURKISH: &[&str] = &[
    "ve", "veya", "ile", "bir", "bu", "su", "o", "da", "de", "ki", "mi", "icin", "gibi", "kadar",
    "daha", "en", "cok", "ama", "fakat", "ancak", "olarak", "olan", "oldu", "dedi", "sonra",
    "once", "her", "hem", "ya", "ne", "nasil",
];

/// Whether a folded surface form is one of the language's commonest words.
pub fn is_stop_word(surface: &str, language: Language) -> bool {
    let list = match language {
        Language::English => ENGLISH,
        Language::Arabic => ARABIC,
        Language::Turkish => TURKISH,
        Language::Other => return false,
    };
    list.contains(&surface)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analyzer;

    #[test]
    fn the_lists_are_folded_as_the_analyzer_folds() {
        let analyzer = Analyzer::new();
        for (list, language) in [
            (ENGLISH, Language::English),
            (ARABIC, Language::Arabic),
            (TURKISH, Language::Turkish),
        ] {
            for word in list {
                let analyzed = analyzer.words(word, language);
                assert_eq!(analyzed.len(), 1, "{word}");
                assert_eq!(analyzed[0].surface, *word, "{word} is folded");
            }
        }
    }

    #[test]
    fn common_words_are_stop_words_and_subjects_are_not() {
        assert!(is_stop_word("the", Language::English));
        assert!(!is_stop_word("nato", Language::English));
        assert!(is_stop_word("التي", Language::Arabic));
        assert!(is_stop_word("icin", Language::Turkish));
        assert!(!is_stop_word("the", Language::Other));
    }
}
