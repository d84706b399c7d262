//! The media library under `/admin/media`: the list with search and the upload form
//! (`library`), reading an upload's multipart form (`upload_form`), and one image's page
//! with its text, focal point and the stories using it (`edit`).

pub mod edit;
pub mod library;
pub mod upload_form;
