//! The checklist the editor shows before a story is published: what a story should have
//! (a lead image with alt text, a section, a standfirst, a text, titles that search engines
//! and social cards show whole). It warns and never blocks; the editor page lists it as it
//! was saved, and `assets/writing_aids.js` re-checks it as the writer types, with the
//! limits this module gives it.

use serde::Serialize;

/// About how many characters of a title search engines show in a result.
pub const SEARCH_TITLE_CHARS: usize = 60;
/// About how many characters of a title social cards show.
pub const SOCIAL_TITLE_CHARS: usize = 70;
/// Words an adult reads a minute in English (silent reading of news text).
pub const ENGLISH_WORDS_PER_MINUTE: usize = 230;
/// Words an adult reads a minute in Arabic, whose words carry more letters and clitics.
pub const ARABIC_WORDS_PER_MINUTE: usize = 180;

/// Whether a story has a lead image, and whether that image has alt text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LeadImage {
    /// No lead image.
    Missing,
    /// A lead image whose alt text is empty.
    WithoutAlt,
    /// A lead image with alt text.
    WithAlt,
}

/// What the checklist looks at, as the form holds it.
#[derive(Clone, Copy, Debug)]
pub struct StoryDraft<'a> {
    /// Headline.
    pub headline: &'a str,
    /// SEO title; the headline stands in when it is empty.
    pub seo_title: &'a str,
    /// Standfirst.
    pub standfirst: &'a str,
    /// Whether a section is chosen.
    pub has_section: bool,
    /// Whether the story is a static page (which needs no section).
    pub is_page: bool,
    /// The lead image.
    pub lead_image: LeadImage,
    /// Words of the body.
    pub body_words: usize,
}

/// One point of the checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Check {
    /// The story has a lead image.
    LeadImage,
    /// The lead image has alt text.
    LeadImageAlt,
    /// A section is chosen (not asked of static pages).
    Section,
    /// The standfirst is written.
    Standfirst,
    /// The body has text.
    Body,
    /// The title search engines show fits in [`SEARCH_TITLE_CHARS`].
    SeoTitle,
    /// The headline fits in a social card's [`SOCIAL_TITLE_CHARS`].
    Headline,
}

/// A point of the checklist and whether the story meets it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CheckResult {
    /// The point.
    pub check: Check,
    /// Whether it is met.
    pub passed: bool,
}

/// Characters as a reader counts them (not bytes), after trimming.
pub fn title_length(text: &str) -> usize {
    text.trim().chars().count()
}

/// The title search engines show: the SEO title, or the headline when it is empty.
pub fn search_title<'a>(draft: &StoryDraft<'a>) -> &'a str {
    if draft.seo_title.trim().is_empty() {
        draft.headline
    } else {
        draft.seo_title
    }
}

/// Words of a text: runs between spaces that hold at least one letter or digit, so a
/// dash or a lone punctuation mark is not a word (the same rule as `writing_aids.js`).
pub fn count_words<'a>(texts: impl IntoIterator<Item = &'a str>) -> usize {
    texts
        .into_iter()
        .flat_map(str::split_whitespace)
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count()
}

/// Whole minutes to read `words` in a language (at least one for any text).
pub fn reading_minutes(words: usize, language: &str) -> usize {
    let per_minute = if language.starts_with("ar") {
        ARABIC_WORDS_PER_MINUTE
    } else {
        ENGLISH_WORDS_PER_MINUTE
    };
    words.div_ceil(per_minute)
}

/// Every point of the checklist, in the order the editor lists them.
pub fn check_story(draft: &StoryDraft<'_>) -> Vec<CheckResult> {
    let results = [
        (Check::LeadImage, draft.lead_image != LeadImage::Missing),
        (Check::LeadImageAlt, draft.lead_image == LeadImage::WithAlt),
        (Check::Section, draft.has_section || draft.is_page),
        (Check::Standfirst, !draft.standfirst.trim().is_empty()),
        (Check::Body, draft.body_words > 0),
        (
            Check::SeoTitle,
            title_length(search_title(draft)) <= SEARCH_TITLE_CHARS,
        ),
        (
            Check::Headline,
            title_length(draft.headline) <= SOCIAL_TITLE_CHARS,
        ),
    ];
    results
        .into_iter()
        // Alt text is asked only of an image that is there: one warning at a time.
        .filter(|(check, _)| {
            *check != Check::LeadImageAlt || draft.lead_image != LeadImage::Missing
        })
        .map(|(check, passed)| CheckResult { check, passed })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> StoryDraft<'static> {
        StoryDraft {
            headline: "Parliament passes the budget",
            seo_title: "",
            standfirst: "After a night of debate.",
            has_section: true,
            is_page: false,
            lead_image: LeadImage::WithAlt,
            body_words: 400,
        }
    }

    fn warnings(draft: &StoryDraft<'_>) -> Vec<Check> {
        check_story(draft)
            .into_iter()
            .filter(|result| !result.passed)
            .map(|result| result.check)
            .collect()
    }

    #[test]
    fn a_complete_story_has_no_warnings() {
        assert_eq!(warnings(&complete()), vec![]);
    }

    #[test]
    fn each_missing_part_gives_its_own_warning() {
        let cases = [
            (
                StoryDraft {
                    lead_image: LeadImage::Missing,
                    ..complete()
                },
                Check::LeadImage,
                "no lead image",
            ),
            (
                StoryDraft {
                    lead_image: LeadImage::WithoutAlt,
                    ..complete()
                },
                Check::LeadImageAlt,
                "image without alt text",
            ),
            (
                StoryDraft {
                    has_section: false,
                    ..complete()
                },
                Check::Section,
                "no section",
            ),
            (
                StoryDraft {
                    standfirst: "  ",
                    ..complete()
                },
                Check::Standfirst,
                "blank standfirst",
            ),
            (
                StoryDraft {
                    body_words: 0,
                    ..complete()
                },
                Check::Body,
                "empty body",
            ),
        ];

        for (draft, expected, reason) in cases {
            assert_eq!(warnings(&draft), vec![expected], "{reason}");
        }
    }

    #[test]
    fn a_static_page_needs_no_section() {
        let page = StoryDraft {
            has_section: false,
            is_page: true,
            ..complete()
        };

        assert_eq!(warnings(&page), vec![]);
    }

    #[test]
    fn the_seo_title_takes_precedence_over_the_headline_for_search_length() {
        let long = "A headline that runs on well past what a search result shows whole";
        assert!(
            title_length(long) > SEARCH_TITLE_CHARS && title_length(long) <= SOCIAL_TITLE_CHARS
        );

        let without = StoryDraft {
            headline: long,
            ..complete()
        };
        let with = StoryDraft {
            headline: long,
            seo_title: "Budget passes",
            ..complete()
        };
        let long_seo = StoryDraft {
            seo_title: long,
            ..complete()
        };

        assert_eq!(warnings(&without), vec![Check::SeoTitle]);
        assert_eq!(warnings(&with), vec![]);
        assert_eq!(warnings(&long_seo), vec![Check::SeoTitle]);
    }

    #[test]
    fn lengths_count_arabic_letters_not_bytes() {
        let arabic = "البرلمان يقر الميزانية بعد ليلة طويلة من النقاش حول الضرائب";
        assert!(arabic.len() > SEARCH_TITLE_CHARS);

        assert_eq!(title_length(arabic), arabic.chars().count());
        assert_eq!(
            warnings(&StoryDraft {
                headline: arabic,
                ..complete()
            }),
            vec![]
        );
    }

    #[test]
    fn a_headline_longer_than_a_social_card_is_flagged() {
        let headline = "word ".repeat(20);

        let found = warnings(&StoryDraft {
            headline: &headline,
            seo_title: "Short",
            ..complete()
        });

        assert_eq!(found, vec![Check::Headline]);
    }

    #[test]
    fn words_are_counted_in_arabic_and_english_without_punctuation() {
        assert_eq!(count_words(["The budget — at last."]), 4);
        assert_eq!(count_words(["أقر البرلمان الميزانية", " - "]), 3);
        assert_eq!(count_words(["", "   "]), 0);
    }

    #[test]
    fn reading_time_rounds_up_by_language() {
        assert_eq!(reading_minutes(0, "en"), 0);
        assert_eq!(reading_minutes(1, "en"), 1);
        assert_eq!(reading_minutes(230, "en"), 1);
        assert_eq!(reading_minutes(231, "en"), 2);
        assert_eq!(reading_minutes(360, "ar"), 2);
    }
}
