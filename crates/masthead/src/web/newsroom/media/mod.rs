//! The media library under `/admin/media`: the list with search and the upload form
//! (`library`), reading an upload's multipart form (`upload_form`), and one image's page
//! with its text, focal point and the stories using it (`edit`).

pub mod edit;
pub mod library;
pub mod upload_form;

use crate::service::media::MediaError;
use crate::web::error::AppError;

impl From<MediaError> for AppError {
    fn from(error: MediaError) -> AppError {
        match error {
            MediaError::Forbidden => AppError::Forbidden,
            MediaError::Store(error) => error.into(),
            MediaError::Internal(error) => AppError::Internal(error),
            // Refusals are shown beside the file field; one reaching here has no form.
            MediaError::Refused(error) => AppError::BadRequest(error.to_string()),
        }
    }
}
