//! The media library under `/admin/media`: the list with search and the upload form
//! (`library`), reading an upload's multipart form (`upload_form`), and one image's page
//! with its text, focal point and the stories using it (`edit`); the story editor's picker
//! searches, uploads and edits through JSON (`picker`).

pub mod edit;
pub mod library;
pub mod picker;
pub mod upload_form;
