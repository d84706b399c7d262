//! The things a refusal names: form fields and what a bulk action does.

/// The field or thing a refusal names ("Give a name.").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    /// A name.
    Name,
    /// A description.
    Description,
    /// A slug.
    Slug,
    /// A keyword.
    Keyword,
    /// The breaking-news bar's text.
    Text,
    /// A link.
    Link,
    /// An agency's short name.
    ShortName,
    /// An author's role line.
    RoleLine,
    /// An author's bio.
    Bio,
    /// A contact desk's name.
    DeskName,
    /// A job's title.
    Title,
    /// A job's place of work.
    PlaceOfWork,
    /// A menu entry's label.
    Label,
    /// An agency's logo.
    Logo,
    /// An author's photo.
    Photo,
    /// An edition.
    Edition,
    /// An account.
    Account,
    /// An author.
    Author,
}

/// What a story list filter's value should have been.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// Any value the list knows (the value was far too long).
    Known,
    /// A story state.
    State,
    /// A section id.
    Section,
    /// An account id.
    Author,
    /// A desk.
    Desk,
    /// A day as YYYY-MM-DD.
    Date,
    /// A page number.
    Page,
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
