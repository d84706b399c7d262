//! Black-box tests of the richtext crate: what HTML and text become, and back.

mod canonical;
mod helpers;
mod hostile;
#[path = "../fixtures/canonical_inputs.rs"]
mod inputs;
mod link_card;
mod paste;
mod plain_text;
mod properties;
mod round_trip;
