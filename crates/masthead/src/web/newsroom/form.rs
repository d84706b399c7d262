//! `Form`: a typed urlencoded form whose refusal (a field sent twice, a value of the wrong
//! shape, a body too large) is the newsroom's own `400` page naming the problem, instead of
//! the framework's plain-text answer.

use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;

use crate::domain::refusal::Refusal;
use crate::web::error::AppError;

/// A form read into `T`; every field may be sent at most once.
#[derive(Debug)]
pub struct Form<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Form<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Form<T>, AppError> {
        match axum::Form::<T>::from_request(request, state).await {
            Ok(axum::Form(value)) => Ok(Form(value)),
            Err(rejection) => {
                let text = rejection.body_text();
                let problem = text.rsplit_once(": ").map_or(text.as_str(), |(_, p)| p);
                Err(AppError::BadRequest(Refusal::FormUnreadable {
                    problem: problem.to_string(),
                }))
            }
        }
    }
}
