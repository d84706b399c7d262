//! Rebuilds the crate when a migration is added or changed: `sqlx::migrate!` embeds the
//! migrations folder when the crate compiles, and cargo does not watch that folder itself.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
