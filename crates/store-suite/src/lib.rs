//! The storage test-suite lives in `tests/suite`: each test is one `async fn(&dyn Store)`,
//! run once on a fresh SQLite file and once on a fresh PostgreSQL database.
