//! How models decode straight from a database row (feature `sqlx`, for `store-sql`): the
//! closed sets from their stored form, and times from whole seconds since the epoch.

use jiff::Timestamp;

use crate::{
    Direction, EmploymentType, ImageRole, MenuKind, Role, Schedule, StoryKind, StoryStatus,
};

/// A time as both databases keep it: whole seconds since the epoch. A model's time field
/// decodes through it (`#[sqlx(try_from = "crate::EpochSeconds")]`); a value out of
/// range clamps to the epoch.
#[derive(Clone, Copy, Debug, sqlx::Type)]
#[sqlx(transparent)]
pub struct EpochSeconds(pub i64);

impl From<EpochSeconds> for Timestamp {
    fn from(seconds: EpochSeconds) -> Timestamp {
        Timestamp::from_second(seconds.0).unwrap_or(Timestamp::UNIX_EPOCH)
    }
}

/// As [`EpochSeconds`], for a time that may be missing (NULL).
#[derive(Clone, Copy, Debug, sqlx::Type)]
#[sqlx(transparent)]
pub struct OptionalEpochSeconds(pub Option<i64>);

impl From<OptionalEpochSeconds> for Option<Timestamp> {
    fn from(seconds: OptionalEpochSeconds) -> Option<Timestamp> {
        seconds.0.map(|seconds| EpochSeconds(seconds).into())
    }
}

/// Each closed set decodes from its stored form as `parse` reads it, so a row holding one
/// needs no text field parsed by hand.
macro_rules! decode_stored_form {
    ($($kind:ident),*) => {$(
        impl<DB: sqlx::Database> sqlx::Type<DB> for $kind
        where
            str: sqlx::Type<DB>,
        {
            fn type_info() -> DB::TypeInfo {
                <str as sqlx::Type<DB>>::type_info()
            }

            fn compatible(ty: &DB::TypeInfo) -> bool {
                <str as sqlx::Type<DB>>::compatible(ty)
            }
        }

        impl<'r, DB: sqlx::Database> sqlx::Decode<'r, DB> for $kind
        where
            &'r str: sqlx::Decode<'r, DB>,
        {
            fn decode(value: DB::ValueRef<'r>) -> Result<$kind, sqlx::error::BoxDynError> {
                let stored = <&str as sqlx::Decode<'r, DB>>::decode(value)?;
                $kind::parse(stored).ok_or_else(|| {
                    format!("unknown {} {stored:?} in database", stringify!($kind)).into()
                })
            }
        }
    )*};
}

decode_stored_form!(
    Direction,
    EmploymentType,
    MenuKind,
    StoryKind,
    StoryStatus,
    Role,
    ImageRole,
    Schedule
);
