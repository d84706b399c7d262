//! Why the newsroom refused something, as a code with its parameters: services return a
//! [`Refusal`], never a sentence, and the web layer puts it into the words of the account
//! reading it ([`Refusal::words`]; the English in `refusal_english`, the Arabic in
//! `refusal_arabic`, each an exhaustive match so no code is left without words).
//! Parameters (slugs, names, numbers) are inserted as typed, never translated. `Display`
//! is the English, for the CLI and the logs.

use std::collections::HashMap;
use std::fmt;

use jiff::civil::DateTime;
use store::{Role, StoryStatus};

use crate::domain::news_desk::DeskProblem;
use crate::domain::refusal_arabic::arabic;
use crate::domain::refusal_english::english;

/// A refusal's code and what its message names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A message that has no code yet: shown in English in both languages.
    English(String),
    /// Several refusals at once (a form's field errors on a page without the form).
    All(Vec<Refusal>),

    // The error page's messages.
    /// Nothing at this address.
    NothingHere,
    /// The role does not allow it.
    RoleForbids,
    /// The CSRF token is missing or old.
    FormExpired,
    /// Someone else changed it meanwhile.
    ChangedMeanwhile,
    /// Too many requests from one client.
    TooManyRequests,
    /// The database does not answer.
    DatabaseDown,
    /// Every slot for this work is taken.
    TooBusy,
    /// A bug or an I/O failure.
    OurFault,

    // Accounts and logins.
    /// A new password under the minimum length.
    PasswordTooShort { min: usize },
    /// A new password over the maximum length in bytes.
    PasswordTooLong { max: usize },
    /// The new password is the current one.
    PasswordUnchanged,
    /// Not an email address.
    NotAnEmail { typed: String },
    /// An account's name of the wrong length.
    AccountNameLength,
    /// The email has an account already.
    EmailTaken { email: String },
    /// No role picked.
    PickRole,
    /// No interface language picked.
    PickLanguage,
    /// An administrator changing their own role or disabling themselves.
    NotYourself,
    /// A role that does not exist.
    UnknownRole,
    /// Wrong email or password.
    BadLogin,
    /// Locked after too many failed logins, for this many minutes.
    Locked { minutes: i64 },

    // Sections, menus, topics, keywords, authors, agencies.
    /// A slug made of nothing but punctuation.
    SlugNeedsLetters,
    /// A parent from another edition.
    PickParentSection,
    /// A section moved under itself.
    SectionUnderItself,
    /// Sections nested too deep.
    SectionTooDeep { max: usize },
    /// A top section's slug the site keeps for itself.
    SectionSlugReserved { slug: String },
    /// A sibling section has the slug: `path` is where it lives.
    SectionSlugExists { slug: String, path: String },
    /// The store found the slug taken.
    SectionSlugTaken { slug: String },
    /// A static page lives at the slug.
    PageHoldsSlug { headline: String, slug: String },
    /// A section of another edition.
    PickSectionOfEdition,
    /// A menu entry nested twice.
    MenuNestOneLevel,
    /// A menu entry with entries of its own nested.
    MenuHasEntries,
    /// The first menu entry nested.
    MenuFirstEntry,
    /// A top-level menu entry moved out.
    MenuAtTop,
    /// A menu move that does not exist.
    UnknownMove,
    /// Another topic has the slug.
    TopicSlugTaken { slug: String },
    /// No keyword of that name.
    KeywordUnknown { typed: String },
    /// A keyword merged into itself.
    KeywordsSame,
    /// Another author has or had the slug.
    AuthorSlugTaken { slug: String },
    /// No edition picked.
    PickEdition,
    /// No account picked.
    PickAccount,
    /// No author to merge into.
    PickMergeTarget,
    /// An author merged into itself.
    PickOtherMergeTarget,
    /// No author picked.
    PickAuthor,
    /// Another agency has the name.
    AgencyNameTaken { name: String },
    /// A job's closing date in the past.
    JobClosed,
    /// A desk form's problem.
    Desk(DeskProblem),
    /// Another desk of the edition has the name.
    DeskNameTaken,

    // Fronts and breaking news.
    /// A front place out of range.
    PickPlace { places: usize },
    /// No story number to pin.
    GiveStoryNumber,
    /// A story pinned before it is published.
    PinUnpublished { id: i64 },
    /// A story of another edition pinned.
    PinOtherEdition { id: i64 },
    /// A static page pinned.
    PinStaticPage,
    /// An empty place unpinned.
    NothingPinned,
    /// A breaking-news bar without an end.
    BreakingNeedsEnd,
    /// A breaking-news bar ending in the past.
    BreakingEndPast,
    /// A breaking-news email with no bar showing.
    NoBarShowing,

    // Stories and translations.
    /// No headline.
    WriteHeadline,
    /// A line over its length.
    KeepUnder { max: usize },
    /// Not an id number.
    NotAnId { typed: String },
    /// Too many picked.
    PickAtMost { max: usize },
    /// A keyword too long.
    KeywordTooLong,
    /// Too many keywords.
    TooManyKeywords { max: usize },
    /// A gallery line without an image id.
    GalleryLine { line: String },
    /// Too many photos in a gallery.
    GalleryTooBig,
    /// A static page given a section.
    StaticNoSection,
    /// A slug the site keeps for itself.
    SlugReserved { slug: String },
    /// No section.
    PickSection,
    /// Extra sections of another edition.
    PickSectionsOfEdition,
    /// A video story without its address.
    VideoAddress,
    /// A body over 4 MB.
    BodyTooLong,
    /// Too many bylines.
    TooManyBylines { max: usize },
    /// Bylines not from the lists.
    PickBylines,
    /// A hero image that does not exist.
    NoImageWithId,
    /// A gallery image that does not exist.
    NoImage { id: i64 },
    /// An image in the text that does not exist.
    BodyImageMissing { id: i64 },
    /// Topics of another edition.
    PickTopicsOfEdition,
    /// A recommended story that does not exist.
    NoStory { id: i64 },
    /// Another story of the section has the slug.
    StorySlugTaken,
    /// A schedule time in the past.
    TimeInPast,
    /// A typed time that is not a date and time.
    DateTimeUnreadable,
    /// A typed time out of range.
    DateOutOfRange,
    /// A local time the clocks skip: `zone` is the zone's name, if it has one.
    TimeSkipped {
        wall: DateTime,
        zone: Option<String>,
        before: String,
        after: String,
    },
    /// A local time the clocks show twice.
    TimeRepeated {
        wall: DateTime,
        zone: Option<String>,
        before: String,
        after: String,
    },
    /// No story with the id given for a translation.
    NoStoryWithId,
    /// A translation of the same edition.
    TranslationSameEdition,
    /// A translation started into the same edition.
    TranslationGoesElsewhere,
    /// No story picked to link.
    PickStoryToLink,

    // Bulk actions.
    /// Nothing checked.
    CheckOneStory,
    /// Too many checked.
    CheckAtMost { max: usize },
    /// A checked story the account may not see.
    NoSuchStoryVisible,
    /// Published already.
    AlreadyPublished,
    /// Not published.
    NotPublished,
    /// Changed by someone meanwhile.
    ChangedOpenIt,
    /// A section of another edition to move into.
    SectionOtherEdition,
    /// In that section already.
    AlreadyInSection,
    /// The role may not do it to a story in this state.
    RoleMayNot {
        role: Role,
        action: BulkVerb,
        state: StoryStatus,
    },
    /// No section to move into.
    ChooseMoveSection,
    /// No action chosen.
    ChooseBulkAction,
    /// A checked value that is not a story id.
    CheckedNotListed,

    // Media.
    /// A focal point off the image.
    FocalNumber,
    /// An empty upload.
    ImageEmpty,
    /// An upload over the limit (sizes as "31.2 MB").
    ImageTooLarge { size: String, limit: String },
    /// Not a JPEG, PNG, WebP or GIF.
    NotAnImage,
    /// Too wide or too tall.
    ImageDimensions {
        width: u32,
        height: u32,
        max_width: u32,
        max_height: u32,
    },
    /// Too many pixels ("90" megapixels).
    ImagePixels {
        width: u32,
        height: u32,
        megapixels: String,
        limit: String,
    },
    /// A damaged file of this format.
    ImageCorrupt { format: String },
    /// An aspect ratio with a zero side.
    ImageAspect { width: u32, height: u32 },
    /// A body over the upload limit.
    FileOverLimit { limit: String },
    /// An upload cut off or malformed.
    UploadInterrupted,
    /// Every upload slot taken.
    UploadsBusy,
    /// No image with that id.
    NoSuchImage,

    // Forms the web layer reads.
    /// A form it could not read: `problem` is the parser's English.
    FormUnreadable { problem: String },
    /// A login form over 8 KB.
    LoginFormTooLarge,
    /// A form over 8 MB.
    FormOver8Mb,
    /// A form over the limit.
    FormTooLarge,
    /// A type-ahead search over 200 characters.
    SearchTooLong,
    /// Story ids that are not numbers.
    IdsWholeNumbers,
    /// More than ten stories asked for.
    AtMostTen,
}

/// What a bulk action does, for [`Refusal::RoleMayNot`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BulkVerb {
    /// Publish.
    Publish,
    /// Unpublish.
    Unpublish,
    /// Move to another section.
    Move,
}

impl Refusal {
    /// The message in the interface `language` ("ar", or anything else for English).
    pub fn words(&self, language: &str) -> String {
        match language.split('-').next() {
            Some("ar") => arabic(self),
            _ => english(self),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&english(self))
    }
}

impl From<String> for Refusal {
    fn from(message: String) -> Refusal {
        Refusal::English(message)
    }
}

impl From<&str> for Refusal {
    fn from(message: &str) -> Refusal {
        Refusal::English(message.to_string())
    }
}

/// A form's messages by field name, in one language, for a page to show beside the fields.
pub type FieldWords = HashMap<&'static str, String>;

/// A form's refusals by field name, each in `language`, for a page to show beside the fields.
pub fn field_words(errors: &HashMap<&'static str, Refusal>, language: &str) -> FieldWords {
    errors
        .iter()
        .map(|(field, refusal)| (*field, refusal.words(language)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TYPED: &str = "typed-x";

    fn wall() -> DateTime {
        "2027-03-28T01:30".parse().expect("a wall time")
    }

    /// One refusal of every code, each typed parameter `TYPED` and each number 47.
    fn every_code() -> Vec<Refusal> {
        use Refusal::*;
        let typed = || TYPED.to_string();
        vec![
            NothingHere,
            RoleForbids,
            FormExpired,
            ChangedMeanwhile,
            TooManyRequests,
            DatabaseDown,
            TooBusy,
            OurFault,
            PasswordTooShort { min: 47 },
            PasswordTooLong { max: 47 },
            PasswordUnchanged,
            NotAnEmail { typed: typed() },
            AccountNameLength,
            EmailTaken { email: typed() },
            PickRole,
            PickLanguage,
            NotYourself,
            UnknownRole,
            BadLogin,
            Locked { minutes: 47 },
            SlugNeedsLetters,
            PickParentSection,
            SectionUnderItself,
            SectionTooDeep { max: 47 },
            SectionSlugReserved { slug: typed() },
            SectionSlugExists {
                slug: typed(),
                path: typed(),
            },
            SectionSlugTaken { slug: typed() },
            PageHoldsSlug {
                headline: typed(),
                slug: typed(),
            },
            PickSectionOfEdition,
            MenuNestOneLevel,
            MenuHasEntries,
            MenuFirstEntry,
            MenuAtTop,
            UnknownMove,
            TopicSlugTaken { slug: typed() },
            KeywordUnknown { typed: typed() },
            KeywordsSame,
            AuthorSlugTaken { slug: typed() },
            PickEdition,
            PickAccount,
            PickMergeTarget,
            PickOtherMergeTarget,
            PickAuthor,
            AgencyNameTaken { name: typed() },
            JobClosed,
            Desk(DeskProblem::NameRequired),
            Desk(DeskProblem::NameTooLong),
            Desk(DeskProblem::BadChoice),
            DeskNameTaken,
            PickPlace { places: 47 },
            GiveStoryNumber,
            PinUnpublished { id: 47 },
            PinOtherEdition { id: 47 },
            PinStaticPage,
            NothingPinned,
            BreakingNeedsEnd,
            BreakingEndPast,
            NoBarShowing,
            WriteHeadline,
            KeepUnder { max: 47 },
            NotAnId { typed: typed() },
            PickAtMost { max: 47 },
            KeywordTooLong,
            TooManyKeywords { max: 47 },
            GalleryLine { line: typed() },
            GalleryTooBig,
            StaticNoSection,
            SlugReserved { slug: typed() },
            PickSection,
            PickSectionsOfEdition,
            VideoAddress,
            BodyTooLong,
            TooManyBylines { max: 47 },
            PickBylines,
            NoImageWithId,
            NoImage { id: 47 },
            BodyImageMissing { id: 47 },
            PickTopicsOfEdition,
            NoStory { id: 47 },
            StorySlugTaken,
            TimeInPast,
            DateTimeUnreadable,
            DateOutOfRange,
            TimeSkipped {
                wall: wall(),
                zone: Some(typed()),
                before: typed(),
                after: typed(),
            },
            TimeRepeated {
                wall: wall(),
                zone: Some(typed()),
                before: typed(),
                after: typed(),
            },
            NoStoryWithId,
            TranslationSameEdition,
            TranslationGoesElsewhere,
            PickStoryToLink,
            CheckOneStory,
            CheckAtMost { max: 47 },
            NoSuchStoryVisible,
            AlreadyPublished,
            NotPublished,
            ChangedOpenIt,
            SectionOtherEdition,
            AlreadyInSection,
            RoleMayNot {
                role: Role::Reporter,
                action: BulkVerb::Publish,
                state: StoryStatus::InReview,
            },
            ChooseMoveSection,
            ChooseBulkAction,
            CheckedNotListed,
            FocalNumber,
            ImageEmpty,
            ImageTooLarge {
                size: typed(),
                limit: typed(),
            },
            NotAnImage,
            ImageDimensions {
                width: 47,
                height: 47,
                max_width: 47,
                max_height: 47,
            },
            ImagePixels {
                width: 47,
                height: 47,
                megapixels: typed(),
                limit: typed(),
            },
            ImageCorrupt { format: typed() },
            ImageAspect {
                width: 47,
                height: 47,
            },
            FileOverLimit { limit: typed() },
            UploadInterrupted,
            UploadsBusy,
            NoSuchImage,
            FormUnreadable { problem: typed() },
            LoginFormTooLarge,
            FormOver8Mb,
            FormTooLarge,
            SearchTooLong,
            IdsWholeNumbers,
            AtMostTen,
        ]
    }

    /// Whether the refusal names something typed or counted, which both languages must show.
    fn has_parameter(refusal: &Refusal) -> bool {
        let debug = format!("{refusal:?}");
        debug.contains(TYPED) || debug.contains("47")
    }

    #[test]
    fn every_code_has_english_and_arabic_words_that_differ() {
        for refusal in every_code() {
            let (english, arabic) = (refusal.words("en"), refusal.words("ar"));

            assert!(!english.trim().is_empty(), "{refusal:?}");
            assert!(!arabic.trim().is_empty(), "{refusal:?}");
            assert_ne!(english, arabic, "{refusal:?} is left in English");
            assert!(
                arabic
                    .chars()
                    .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                "{refusal:?}: {arabic}"
            );
            assert_eq!(refusal.to_string(), english, "Display is the English");
        }
    }

    #[test]
    fn parameters_are_inserted_as_typed_in_both_languages() {
        for refusal in every_code().iter().filter(|r| has_parameter(r)) {
            for language in ["en", "ar"] {
                let words = refusal.words(language);
                let shown = if format!("{refusal:?}").contains(TYPED) {
                    TYPED
                } else {
                    "47"
                };

                assert!(words.contains(shown), "{language} {refusal:?}: {words}");
            }
        }
    }

    #[test]
    fn the_english_wording_is_the_one_the_newsroom_always_showed() {
        let taken = Refusal::TopicSlugTaken {
            slug: "climate".into(),
        };
        let locked = Refusal::Locked { minutes: 15 };
        let refused = Refusal::RoleMayNot {
            role: Role::Contributor,
            action: BulkVerb::Unpublish,
            state: StoryStatus::InReview,
        };

        assert_eq!(
            taken.words("en"),
            "Another topic already has the slug “climate”."
        );
        assert_eq!(
            locked.words("en"),
            "Too many failed attempts. Try again in 15 minutes."
        );
        assert_eq!(
            refused.words("en"),
            "A contributor may not unpublish this story (it is in review)."
        );
        assert_eq!(taken.words("ar-EG"), taken.words("ar"));
    }

    #[test]
    fn arabic_names_the_role_and_state_in_arabic() {
        let refused = Refusal::RoleMayNot {
            role: Role::Contributor,
            action: BulkVerb::Publish,
            state: StoryStatus::Draft,
        };

        let words = refused.words("ar");

        assert!(words.contains("مساهم"), "{words}");
        assert!(words.contains("مسودة"), "{words}");
        assert!(!words.contains("contributor"), "{words}");
    }

    #[test]
    fn several_refusals_are_put_into_words_one_after_another() {
        let both = Refusal::All(vec![Refusal::WriteHeadline, Refusal::PickSection]);

        assert_eq!(both.words("en"), "Write a headline. Pick a section.");
        assert_eq!(both.words("ar"), "اكتب عنوانًا. اختر قسمًا.");
    }

    #[test]
    fn field_errors_are_put_into_the_readers_language() {
        let errors = HashMap::from([("headline", Refusal::WriteHeadline)]);

        assert_eq!(field_words(&errors, "ar")["headline"], "اكتب عنوانًا.");
        assert_eq!(field_words(&errors, "en")["headline"], "Write a headline.");
    }
}
