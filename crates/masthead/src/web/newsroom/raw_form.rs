//! `RawForm`: a urlencoded form as its ordered `name=value` pairs, for forms with
//! repeated names (multi-selects) that typed extractors cannot take.

use axum::body::to_bytes;
use axum::extract::{FromRequest, Request};

use crate::domain::refusal::Refusal;
use crate::web::error::AppError;
use crate::web::newsroom::session::{MAX_FORM, url_pairs};

/// A form's pairs, in the order sent.
#[derive(Debug)]
pub struct RawForm(pub Vec<(String, String)>);

impl RawForm {
    /// The first value of a field.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

impl<S: Send + Sync> FromRequest<S> for RawForm {
    type Rejection = AppError;

    async fn from_request(request: Request, _: &S) -> Result<RawForm, AppError> {
        let bytes = to_bytes(request.into_body(), MAX_FORM)
            .await
            .map_err(|_| AppError::BadRequest(Refusal::FormOver8Mb))?;
        Ok(RawForm(url_pairs(&bytes).collect()))
    }
}
