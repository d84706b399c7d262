//! Every refusal code has words in both languages, its parameters in each.

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
        FilterTwice { key: typed() },
        FilterBackwards {
            from: typed(),
            to: typed(),
        },
        FilterValue {
            value: typed(),
            expected: Expected::Date,
        },
        NewsletterName,
        NewsletterSender,
        NewsletterDescription,
        NewsletterSchedule,
        NewsletterTime,
        NewsletterNameTaken,
        NewsletterTestAddress,
        EraseConfirm,
        BounceShape,
        GiveA {
            what: Named::PlaceOfWork,
        },
        AtMostChars {
            what: Named::Keyword,
            max: 47,
        },
        GivenByNumber { what: Named::Logo },
        NoImageFor {
            id: 47,
            what: Named::Photo,
        },
        LinkTooLong { max: 47 },
        LinkSpaces,
        LinkShape,
        WebAddress,
        TooManyLinks { max: 47 },
        DeskEmail,
        DeskPosition,
        JobKind,
        JobApplyUrl { max: 47 },
        JobApplyEmail,
        JobHowToApply,
        JobClosingDate { typed: typed() },
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
