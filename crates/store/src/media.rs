//! The newsroom's media library: uploaded images with their originals, searching them,
//! editing their text and focal point, and where stories use them.

use jiff::Timestamp;
use serde::Serialize;

use crate::kinds::StoryStatus;
use crate::model::Image;
use crate::write::NewImage;

/// An uploaded image to record: the image with its renditions, and its original.
#[derive(Clone, Debug)]
pub struct NewUpload {
    /// The image and its renditions, whose files are already in the media store.
    pub image: NewImage,
    /// Key of the metadata-stripped original in the media store.
    pub original_key: String,
    /// The newsroom account that uploaded it.
    pub uploaded_by: i64,
}

/// An image as the media library shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct LibraryImage {
    /// The image with its renditions.
    pub image: Image,
    /// Key of the stored original; none for images made before uploads (the demo's).
    pub original_key: Option<String>,
    /// Who uploaded it, if it was uploaded.
    pub uploaded_by: Option<i64>,
    /// When it was recorded.
    pub created_at: Timestamp,
}

/// Which images of the library to list.
#[derive(Clone, Debug, Default)]
pub struct MediaQuery {
    /// Words the caption, credit or alt text contains.
    pub search: Option<String>,
    /// Most images to return.
    pub limit: u32,
    /// Images to skip, newest first.
    pub offset: u32,
}

/// New text and focal point for an image.
#[derive(Clone, Debug)]
pub struct ImageChanges {
    /// The image.
    pub id: i64,
    /// Caption.
    pub caption: String,
    /// Credit.
    pub credit: String,
    /// Alt text.
    pub alt: String,
    /// Focal point from the left, 0..=1.
    pub focal_x: f32,
    /// Focal point from the top, 0..=1.
    pub focal_y: f32,
}

/// How a story uses an image.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImageRole {
    /// The story's lead image.
    Hero,
    /// A photo of its gallery.
    Gallery,
    /// An image block in its body.
    Body,
}

impl ImageRole {
    /// Parses the stored name.
    pub fn parse(name: &str) -> Option<ImageRole> {
        match name {
            "hero" => Some(ImageRole::Hero),
            "gallery" => Some(ImageRole::Gallery),
            "body" => Some(ImageRole::Body),
            _ => None,
        }
    }
}

/// One story that uses an image, and how.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct ImageUse {
    /// The story.
    pub story_id: i64,
    /// Its headline.
    pub headline: String,
    /// Who owns it (reporters see headlines of their own unpublished stories only).
    pub owner_id: Option<i64>,
    /// Its workflow state.
    pub status: StoryStatus,
    /// How it uses the image.
    pub role: ImageRole,
}

/// Whose profile shows an image.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileKind {
    /// An author, whose portrait it is.
    Author,
    /// A wire agency, whose logo it is.
    Agency,
}

/// An author or agency whose profile shows an image.
#[derive(Clone, Debug, PartialEq)]
pub struct ProfileImageUse {
    /// Author or agency.
    pub kind: ProfileKind,
    /// The author's or agency's id.
    pub id: i64,
    /// Their name.
    pub name: String,
}
