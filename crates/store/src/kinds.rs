//! The closed sets of the domain: text direction, menus, story kinds, workflow states,
//! employment types and byline roles, each with its stored form.

use serde::{Deserialize, Serialize};

/// Reading direction of an edition's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right (English, Turkish).
    Ltr,
    /// Right to left (Arabic).
    Rtl,
}

impl Direction {
    /// The value of the HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }

    /// Parses the stored form.
    pub fn parse(value: &str) -> Option<Direction> {
        match value {
            "ltr" => Some(Direction::Ltr),
            "rtl" => Some(Direction::Rtl),
            _ => None,
        }
    }
}

/// Which menu a menu item belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MenuKind {
    /// The header menu: desktop mega-menu and mobile drawer.
    Header,
    /// The footer's section menu.
    Footer,
    /// The footer's service links (jobs, about us, RSS...).
    Service,
}

impl MenuKind {
    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            MenuKind::Header => "header",
            MenuKind::Footer => "footer",
            MenuKind::Service => "service",
        }
    }

    /// Parses the stored form.
    pub fn parse(value: &str) -> Option<MenuKind> {
        match value {
            "header" => Some(MenuKind::Header),
            "footer" => Some(MenuKind::Footer),
            "service" => Some(MenuKind::Service),
            _ => None,
        }
    }
}

/// What kind of story this is; it decides the page layout and labelling.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StoryKind {
    /// A news report.
    #[default]
    News,
    /// A column, op-ed, reader's letter or editorial: labelled as opinion.
    Opinion,
    /// A photo gallery: many images, each captioned.
    Gallery,
    /// A video story.
    Video,
    /// A static page (About us, Privacy...), outside the section tree.
    Page,
}

impl StoryKind {
    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            StoryKind::News => "news",
            StoryKind::Opinion => "opinion",
            StoryKind::Gallery => "gallery",
            StoryKind::Video => "video",
            StoryKind::Page => "page",
        }
    }

    /// Parses the stored form.
    pub fn parse(value: &str) -> Option<StoryKind> {
        match value {
            "news" => Some(StoryKind::News),
            "opinion" => Some(StoryKind::Opinion),
            "gallery" => Some(StoryKind::Gallery),
            "video" => Some(StoryKind::Video),
            "page" => Some(StoryKind::Page),
            _ => None,
        }
    }
}

/// The kind of employment a job listing offers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmploymentType {
    /// Full-time staff.
    #[default]
    FullTime,
    /// Part-time staff.
    PartTime,
    /// A contract or freelance engagement.
    Contract,
    /// A fixed-term post.
    Temporary,
    /// An internship.
    Internship,
}

impl EmploymentType {
    /// Every kind, in the order forms offer them.
    pub const ALL: [EmploymentType; 5] = [
        EmploymentType::FullTime,
        EmploymentType::PartTime,
        EmploymentType::Contract,
        EmploymentType::Temporary,
        EmploymentType::Internship,
    ];

    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            EmploymentType::FullTime => "full_time",
            EmploymentType::PartTime => "part_time",
            EmploymentType::Contract => "contract",
            EmploymentType::Temporary => "temporary",
            EmploymentType::Internship => "internship",
        }
    }

    /// Parses the stored form.
    pub fn parse(value: &str) -> Option<EmploymentType> {
        EmploymentType::ALL
            .into_iter()
            .find(|kind| kind.as_str() == value)
    }

    /// schema.org's `employmentType` value (Google's job-posting vocabulary).
    pub fn schema_org(self) -> &'static str {
        match self {
            EmploymentType::FullTime => "FULL_TIME",
            EmploymentType::PartTime => "PART_TIME",
            EmploymentType::Contract => "CONTRACTOR",
            EmploymentType::Temporary => "TEMPORARY",
            EmploymentType::Internship => "INTERN",
        }
    }
}

/// Where a story is in its workflow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StoryStatus {
    /// Being written.
    Draft,
    /// Submitted for an editor.
    InReview,
    /// Will publish at its publish time.
    Scheduled,
    /// Visible to readers.
    Published,
    /// Taken down: readers get a 404 until it is published again.
    Unpublished,
}

impl StoryStatus {
    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            StoryStatus::Draft => "draft",
            StoryStatus::InReview => "in_review",
            StoryStatus::Scheduled => "scheduled",
            StoryStatus::Published => "published",
            StoryStatus::Unpublished => "unpublished",
        }
    }

    /// Parses the stored form.
    pub fn parse(value: &str) -> Option<StoryStatus> {
        match value {
            "draft" => Some(StoryStatus::Draft),
            "in_review" => Some(StoryStatus::InReview),
            "scheduled" => Some(StoryStatus::Scheduled),
            "published" => Some(StoryStatus::Published),
            "unpublished" => Some(StoryStatus::Unpublished),
            _ => None,
        }
    }
}

/// The role of one credit in a byline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CreditRole {
    /// "by".
    By,
    /// "reported by".
    ReportedBy,
    /// "photos by".
    PhotosBy,
    /// "translated by".
    TranslatedBy,
}

impl CreditRole {
    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            CreditRole::By => "by",
            CreditRole::ReportedBy => "reported_by",
            CreditRole::PhotosBy => "photos_by",
            CreditRole::TranslatedBy => "translated_by",
        }
    }

    /// Parses the stored form.
    pub fn parse(value: &str) -> Option<CreditRole> {
        match value {
            "by" => Some(CreditRole::By),
            "reported_by" => Some(CreditRole::ReportedBy),
            "photos_by" => Some(CreditRole::PhotosBy),
            "translated_by" => Some(CreditRole::TranslatedBy),
            _ => None,
        }
    }
}
