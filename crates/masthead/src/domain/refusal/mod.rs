//! Why the newsroom refused something, as a code with its parameters: services return a
//! [`Refusal`], never a sentence, and the web layer puts it into the words of the account
//! reading it ([`Refusal::words`]; the English in `english`, the Arabic in `arabic`,
//! each an exhaustive match so no code is left without words).
//! Parameters (slugs, names, numbers) are inserted as typed, never translated. `Display`
//! is the English, for the CLI and the logs.

use std::collections::HashMap;
use std::fmt;

use jiff::civil::DateTime;
use store::{Role, StoryStatus};

use crate::domain::news_desk::DeskProblem;

mod arabic;
mod english;
mod named;
#[cfg(test)]
mod tests;

use arabic::arabic;
use english::english;
pub use named::{BulkVerb, Expected, Named};

/// A refusal's code and what its message names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
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

    // One-line fields, links and ids typed in forms.
    /// A required field left empty.
    GiveA { what: Named },
    /// A field over its length.
    AtMostChars { what: Named, max: usize },
    /// An id typed where a number is needed.
    GivenByNumber { what: Named },
    /// An image id not in the media library.
    NoImageFor { id: i64, what: Named },
    /// A link over its length.
    LinkTooLong { max: usize },
    /// A link with spaces or control characters.
    LinkSpaces,
    /// A link that is neither a path here nor an http(s) address.
    LinkShape,
    /// A path where another site's address is needed.
    WebAddress,
    /// Too many profile links.
    TooManyLinks { max: usize },
    /// A contact desk without a valid email.
    DeskEmail,
    /// A contact desk's position out of range.
    DeskPosition,
    /// A job's kind of employment not from the list.
    JobKind,
    /// A job's address to apply at that is not a web address.
    JobApplyUrl { max: usize },
    /// A job's email to apply to that is not one address.
    JobApplyEmail,
    /// A job with no way to apply.
    JobHowToApply,
    /// A job's closing date that is not a date.
    JobClosingDate { typed: String },

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

    // The story list's filters.
    /// A filter given twice.
    FilterTwice { key: String },
    /// A date range that runs backwards.
    FilterBackwards { from: String, to: String },
    /// A filter's value that is not what it should be.
    FilterValue { value: String, expected: Expected },

    // Newsletters.
    /// A list's name missing or too long.
    NewsletterName,
    /// A list's sender name missing or too long.
    NewsletterSender,
    /// A list's description too long.
    NewsletterDescription,
    /// No schedule (daily, weekly, breaking).
    NewsletterSchedule,
    /// A send time that is not HH:MM.
    NewsletterTime,
    /// A list name the edition has.
    NewsletterNameTaken,
    /// No address for a test send.
    NewsletterTestAddress,
    /// A subscriber's address not typed again before erasing.
    EraseConfirm,
    /// A bounce report that is not the JSON the webhook takes.
    BounceShape,

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

/// A form's messages by field name, in one language, for a page to show beside the fields.
pub type FieldWords = HashMap<&'static str, String>;

/// A form's refusals by field name, each in `language`, for a page to show beside the fields.
pub fn field_words(errors: &HashMap<&'static str, Refusal>, language: &str) -> FieldWords {
    errors
        .iter()
        .map(|(field, refusal)| (*field, refusal.words(language)))
        .collect()
}
