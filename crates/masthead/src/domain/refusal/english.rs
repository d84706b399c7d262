//! The English words of each [`Refusal`]: the wording the newsroom has always shown.

use crate::domain::i18n_newsroom_desks::DESKS_ENGLISH;
use crate::domain::news_desk::DeskProblem;
use crate::domain::refusal::{BulkVerb, Expected, Named, Refusal};
use crate::domain::time::wall_time;

/// The refusal in English.
pub(crate) fn english(refusal: &Refusal) -> String {
    use Refusal::*;
    let text: &str = match refusal {
        All(refusals) => return refusals.iter().map(english).collect::<Vec<_>>().join(" "),

        NothingHere => "There is nothing here.",
        RoleForbids => "Your role does not allow this.",
        FormExpired => "This form has expired. Go back, reload the page and send it again.",
        ChangedMeanwhile => "Someone changed this meanwhile. Reload and try again.",
        TooManyRequests => "Too many requests. Wait a little and try again.",
        DatabaseDown => "The database is not answering. Nothing was changed; try again shortly.",
        TooBusy => "Too many people are doing this at once. Try again in a moment.",
        OurFault => "Something went wrong on our side. Nothing was changed.",

        PasswordTooShort { min } => return format!("Use at least {min} characters."),
        PasswordTooLong { max } => return format!("Use at most {max} bytes."),
        PasswordUnchanged => "Choose a password different from the current one.",
        NotAnEmail { typed } => return format!("{typed:?} is not an email address"),
        AccountNameLength => "a name must have 1 to 200 characters",
        EmailTaken { email } => return format!("{email} already has an account"),
        PickRole => "Pick a role.",
        PickLanguage => "Pick English or Arabic.",
        NotYourself => "You cannot change your own role or disable yourself.",
        UnknownRole => "Unknown role.",
        BadLogin => "The email or password is not right.",
        Locked { minutes } => {
            return format!("Too many failed attempts. Try again in {minutes} minutes.");
        }

        GiveA { what } => return format!("Give a {}.", noun(*what)),
        AtMostChars { what, max } => {
            return format!("A {} has at most {max} characters.", noun(*what));
        }
        GivenByNumber { what } => return format!("The {} is given by its number.", noun(*what)),
        NoImageFor { id, what } => {
            return format!(
                "There is no image {id} in the media library for the {}.",
                noun(*what)
            );
        }
        LinkTooLong { max } => return format!("A link has at most {max} characters."),
        LinkSpaces => "A link has no spaces or control characters.",
        LinkShape => "Give a path on this site (/world) or a web address (https://…).",
        WebAddress => "Give a web address (https://…).",
        TooManyLinks { max } => return format!("An author has at most {max} links."),
        DeskEmail => "Give the desk's email address (name@example.org).",
        DeskPosition => "A position is a whole number from 0 to 1000.",
        JobKind => "Pick the kind of employment from the list.",
        JobApplyUrl { max } => {
            return format!(
                "Give the address to apply at as a web address (https://…) of at most {max} \
                 characters, with no spaces."
            );
        }
        JobApplyEmail => {
            "Give the email address to apply to as name@example.org: one address, no spaces or \
             names."
        }
        JobHowToApply => "Say how to apply: a web address, an email address or both.",
        JobClosingDate { typed } => {
            return format!("Give the closing date as YYYY-MM-DD (not “{typed}”).");
        }

        SlugNeedsLetters => "A slug needs letters or digits.",
        PickParentSection => "Pick a parent section of this edition.",
        SectionUnderItself => "A section cannot move under itself or one of its own subsections.",
        SectionTooDeep { max } => return format!("Sections nest at most {max} levels deep."),
        SectionSlugReserved { slug } => {
            return format!(
                "“{slug}” is used by the site itself (/{slug}/…): pick another slug for a top \
                 section."
            );
        }
        SectionSlugExists { slug, path } => {
            return format!("“{slug}” is taken: {path} already exists there.");
        }
        SectionSlugTaken { slug } => return format!("“{slug}” is taken by another section there."),
        PageHoldsSlug { headline, slug } => {
            return format!("The page “{headline}” lives at /{slug}: pick another slug.");
        }
        PickSectionOfEdition => "Pick a section of this edition.",
        MenuNestOneLevel => "Entries nest one level only.",
        MenuHasEntries => "This entry has entries of its own: entries nest one level only.",
        MenuFirstEntry => "The first entry has nothing above it to nest under.",
        MenuAtTop => "This entry is already at the top level.",
        UnknownMove => "Unknown move.",
        TopicSlugTaken { slug } => return format!("Another topic already has the slug “{slug}”."),
        KeywordUnknown { typed } => {
            return format!("There is no keyword “{typed}” in this edition.");
        }
        KeywordsSame => "Pick two different keywords to merge.",
        AuthorSlugTaken { slug } => {
            return format!("Another author has or had the slug “{slug}”.");
        }
        PickEdition => "Pick an edition from the list.",
        PickAccount => "Pick an account from the list.",
        PickMergeTarget => "Pick the author to merge into.",
        PickOtherMergeTarget => "Pick another author to merge into.",
        PickAuthor => "Pick an author from the list.",
        AgencyNameTaken { name } => return format!("Another agency is called “{name}”."),
        JobClosed => "The closing date has passed: give a later one, or none.",
        Desk(DeskProblem::NameRequired) => DESKS_ENGLISH.name_required,
        Desk(DeskProblem::NameTooLong) => DESKS_ENGLISH.name_too_long,
        Desk(DeskProblem::BadChoice) => DESKS_ENGLISH.bad_choice,
        DeskNameTaken => DESKS_ENGLISH.name_taken,

        PickPlace { places } => return format!("Pick a place from 1 to {places}."),
        GiveStoryNumber => "Give the story's number (its id, as in /admin/stories/12).",
        PinUnpublished { id } => {
            return format!("Story {id} is not published: only published stories can be pinned.");
        }
        PinOtherEdition { id } => return format!("Story {id} belongs to another edition."),
        PinStaticPage => "Static pages cannot be pinned.",
        NothingPinned => "Nothing is pinned there.",
        BreakingNeedsEnd => "Give the date and time the bar stops showing.",
        BreakingEndPast => "The bar's end must be in the future.",
        NoBarShowing => "No breaking-news bar is showing: set it first, then email it.",

        WriteHeadline => "Write a headline.",
        KeepUnder { max } => return format!("Keep this under {max} characters."),
        NotAnId { typed } => return format!("{typed:?} is not an id number."),
        PickAtMost { max } => return format!("Pick at most {max}."),
        KeywordTooLong => "Keep each keyword under 80 characters.",
        TooManyKeywords { max } => return format!("Use at most {max} keywords."),
        GalleryLine { line } => return format!("“{line}” does not start with an image id."),
        GalleryTooBig => "A gallery holds at most 200 photos.",
        StaticNoSection => "A static page has no section.",
        SlugReserved { slug } => return format!("“{slug}” is used by the site itself."),
        PickSection => "Pick a section.",
        PickSectionsOfEdition => "Pick sections of this edition.",
        VideoAddress => "Give the video's web address (https://…).",
        BodyTooLong => "The text is longer than 4 MB; split it.",
        TooManyBylines { max } => return format!("A story takes at most {max} bylines."),
        PickBylines => "Pick bylines from the lists.",
        NoImageWithId => "There is no image with this id.",
        NoImage { id } => return format!("There is no image {id}."),
        BodyImageMissing { id } => {
            return format!("The text shows image {id}, which does not exist.");
        }
        PickTopicsOfEdition => "Pick topics of this edition.",
        NoStory { id } => return format!("There is no story {id}."),
        StorySlugTaken => "Another story in this section already has this slug.",
        TimeInPast => "Pick a time in the future.",
        DateTimeUnreadable => "Give a date and time as YYYY-MM-DD HH:MM.",
        DateOutOfRange => "That date is out of range.",
        TimeSkipped {
            wall,
            zone,
            before,
            after,
        } => {
            return format!(
                "{} does not exist in {}: the clocks go from {before} to {after} then. Choose \
                 a time outside the change.",
                wall_time(*wall, "en"),
                zone.as_deref().unwrap_or("the edition's zone")
            );
        }
        TimeRepeated {
            wall,
            zone,
            before,
            after,
        } => {
            return format!(
                "{} happens twice in {} (once at {before}, once at {after}) as the clocks go \
                 back. Choose a time outside the change.",
                wall_time(*wall, "en"),
                zone.as_deref().unwrap_or("the edition's zone")
            );
        }
        NoStoryWithId => "There is no story with this id.",
        TranslationSameEdition => "A translation must be a story of another edition.",
        TranslationGoesElsewhere => "A translation goes into another edition.",
        PickStoryToLink => "Pick a story to link.",

        CheckOneStory => "Check at least one story.",
        CheckAtMost { max } => return format!("Check at most {max} stories at a time."),
        NoSuchStoryVisible => "There is no such story among those you may see.",
        AlreadyPublished => "It is published already.",
        NotPublished => "It is not published.",
        ChangedOpenIt => "Someone changed it meanwhile: open it and try again.",
        SectionOtherEdition => "That section belongs to another edition.",
        AlreadyInSection => "It is in that section already.",
        RoleMayNot {
            role,
            action,
            state,
        } => {
            let verb = match action {
                BulkVerb::Publish => "publish",
                BulkVerb::Unpublish => "unpublish",
                BulkVerb::Move => "move",
            };
            let (role, state) = (role.as_str(), state.as_str().replace('_', " "));
            return format!("A {role} may not {verb} this story (it is {state}).");
        }
        ChooseMoveSection => "Choose the section to move them to.",
        ChooseBulkAction => "Choose what to do: publish, unpublish or move to a section.",
        CheckedNotListed => "A checked story is not one of the list's.",

        FocalNumber => "Enter a number from 0 to 1.",
        ImageEmpty => "The file is empty.",
        ImageTooLarge { size, limit } => {
            return format!("The file is {size}; the limit is {limit}.");
        }
        NotAnImage => "This file is not a JPEG, PNG, WebP or GIF image.",
        ImageDimensions {
            width,
            height,
            max_width,
            max_height,
        } => {
            return format!(
                "The image is {width} × {height} pixels; the limit is {max_width} × \
                 {max_height} pixels."
            );
        }
        ImagePixels {
            width,
            height,
            megapixels,
            limit,
        } => {
            return format!(
                "The image is {width} × {height} pixels ({megapixels} megapixels); the limit \
                 is {limit} megapixels."
            );
        }
        ImageCorrupt { format } => {
            return format!("This {format} file is damaged or incomplete and cannot be read.");
        }
        ImageAspect { width, height } => {
            return format!("The aspect ratio {width}:{height} is not valid.");
        }
        FileOverLimit { limit } => return format!("The file is larger than the limit of {limit}."),
        UploadInterrupted => {
            "The upload was interrupted or malformed. Choose the file and send it again."
        }
        UploadsBusy => {
            "Too many images are being uploaded right now. Send yours again in a few seconds."
        }
        NoSuchImage => "There is no such image.",

        FilterTwice { key } => return format!("The filter “{key}” was given twice."),
        FilterBackwards { from, to } => {
            return format!("The dates run backwards: {from} is after {to}.");
        }
        FilterValue { value, expected } => {
            let expected = match expected {
                Expected::Known => "a value this list knows",
                Expected::State => "a state",
                Expected::Section => "a section",
                Expected::Author => "an author",
                Expected::Desk => "a desk",
                Expected::Date => "a date (YYYY-MM-DD)",
                Expected::Page => "a page number",
            };
            return format!("“{value}” is not {expected}.");
        }
        NewsletterName => "The name is required (at most 120 characters).",
        NewsletterSender => "The sender's name is required (at most 120 characters).",
        NewsletterDescription => "The description is at most 500 characters.",
        NewsletterSchedule => "Choose daily, weekly or breaking.",
        NewsletterTime => "The time is HH:MM, for example 07:00.",
        NewsletterNameTaken => "The edition has a list of that name already: choose another name.",
        NewsletterTestAddress => "Type the address to send the test to.",
        EraseConfirm => "Type the subscriber's address again to erase them.",
        BounceShape => "Send {\"email\": …, \"kind\": \"bounce\" or \"complaint\"}.",

        FormUnreadable { problem } => return format!("The form could not be read: {problem}."),
        LoginFormTooLarge => "The login form is larger than 8 KB.",
        FormOver8Mb => "The form is larger than 8 MB.",
        FormTooLarge => "The form is too large.",
        SearchTooLong => "The search is too long: type at most 200 characters.",
        IdsWholeNumbers => "Story ids are whole numbers.",
        AtMostTen => "Ask for at most ten stories.",
    };
    text.to_string()
}

/// The English name of a field or thing, as a refusal's sentence takes it.
fn noun(what: Named) -> &'static str {
    match what {
        Named::Name => "name",
        Named::Description => "description",
        Named::Slug => "slug",
        Named::Keyword => "keyword",
        Named::Text => "text",
        Named::Link => "link",
        Named::ShortName => "short name",
        Named::RoleLine => "role line",
        Named::Bio => "bio",
        Named::DeskName => "desk name",
        Named::Title => "title",
        Named::PlaceOfWork => "place of work",
        Named::Label => "label",
        Named::Logo => "logo",
        Named::Photo => "photo",
        Named::Edition => "edition",
        Named::Account => "account",
        Named::Author => "author",
    }
}
