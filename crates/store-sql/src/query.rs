//! A statement and its arguments as plain values, so that one query runs on either
//! database: each backend binds [`Value`]s in its own way (a list of ids becomes a
//! `bigint[]` on PostgreSQL and a JSON array on SQLite).
//!
//! Placeholders are written `$1`, `$2`, … on both databases.

use std::borrow::Cow;

use jiff::Timestamp;
use store::{StoryId, UserId};

/// One argument of a statement.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// An integer (or a time, as seconds since the epoch), or NULL.
    Int(Option<i64>),
    /// A floating-point number, or NULL.
    Real(Option<f64>),
    /// A text, or NULL.
    Text(Option<String>),
    /// A flag, or NULL.
    Bool(Option<bool>),
    /// A list of integers, matched with [`crate::Dialect::in_list`].
    Ints(Vec<i64>),
    /// A list of texts, matched with [`crate::Dialect::in_list`].
    Texts(Vec<String>),
}

/// A statement and its arguments; build one with [`sql!`](crate::sql).
#[derive(Clone, Debug)]
pub struct Query {
    /// The statement, with `$n` placeholders.
    pub sql: Cow<'static, str>,
    /// The arguments, in placeholder order.
    pub args: Vec<Value>,
}

/// Builds a [`Query`]: `sql!("SELECT … WHERE id = $1", id)`. The statement is a `&'static
/// str` or a `String`; each argument is anything with a `From` conversion to [`Value`].
#[macro_export]
macro_rules! sql {
    ($text:expr $(, $arg:expr)* $(,)?) => {
        $crate::query::Query {
            sql: ::std::borrow::Cow::from($text),
            args: vec![$($crate::query::Value::from($arg)),*],
        }
    };
}

/// One `INSERT INTO {table} ({columns}) VALUES (…), (…)` for all `rows`, each value in the
/// next placeholder, which `placeholder(column, n)` writes (`$n`, or a cast of it); none
/// when there are no rows.
pub fn insert_rows(
    table: &str,
    columns: &str,
    rows: Vec<Vec<Value>>,
    placeholder: impl Fn(usize, usize) -> String,
) -> Option<Query> {
    if rows.is_empty() {
        return None;
    }
    let mut args = Vec::new();
    let mut values = Vec::with_capacity(rows.len());
    for row in rows {
        let mut placeholders = Vec::with_capacity(row.len());
        for (column, value) in row.into_iter().enumerate() {
            args.push(value);
            placeholders.push(placeholder(column, args.len()));
        }
        values.push(format!("({})", placeholders.join(", ")));
    }
    let sql = format!(
        "INSERT INTO {table} ({columns}) VALUES {}",
        values.join(", ")
    );
    Some(Query {
        sql: sql.into(),
        args,
    })
}

/// The plain placeholder `$n`, for [`insert_rows`].
pub fn placeholder(_column: usize, n: usize) -> String {
    format!("${n}")
}

/// `From` conversions into [`Value`]: `type => variant, |binding| expression`.
macro_rules! values {
    ($($from:ty => $variant:ident, |$value:ident| $convert:expr;)*) => {$(
        impl From<$from> for Value {
            fn from($value: $from) -> Value {
                Value::$variant($convert)
            }
        }
    )*};
}

values! {
    i64 => Int, |v| Some(v);
    &i64 => Int, |v| Some(*v);
    Option<i64> => Int, |v| v;
    &Option<i64> => Int, |v| *v;
    i32 => Int, |v| Some(i64::from(v));
    u32 => Int, |v| Some(i64::from(v));
    Option<u32> => Int, |v| v.map(i64::from);
    StoryId => Int, |v| Some(v.0);
    UserId => Int, |v| Some(v.0);
    Timestamp => Int, |v| Some(v.as_second());
    Option<Timestamp> => Int, |v| v.map(|time| time.as_second());
    f64 => Real, |v| Some(v);
    Option<f64> => Real, |v| v;
    bool => Bool, |v| Some(v);
    Option<bool> => Bool, |v| v;
    String => Text, |v| Some(v);
    &String => Text, |v| Some(v.clone());
    &str => Text, |v| Some(v.to_string());
    Option<String> => Text, |v| v;
    &Option<String> => Text, |v| v.clone();
    Option<&str> => Text, |v| v.map(str::to_string);
    Vec<i64> => Ints, |v| v;
    &[i64] => Ints, |v| v.to_vec();
    &Vec<i64> => Ints, |v| v.clone();
    Vec<String> => Texts, |v| v;
    &[String] => Texts, |v| v.to_vec();
    &[&str] => Texts, |v| v.iter().map(|s| s.to_string()).collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_go_in_one_statement() {
        let rows = vec![
            vec![Value::from(7_i64), Value::from(320_u32), Value::from("a")],
            vec![Value::from(7_i64), Value::from(640_u32), Value::from("b")],
        ];

        let insert = insert_rows("renditions", "image_id, width, key", rows, placeholder);

        let insert = insert.expect("an insert");
        assert_eq!(
            insert.sql,
            "INSERT INTO renditions (image_id, width, key) VALUES ($1, $2, $3), ($4, $5, $6)"
        );
        assert_eq!(insert.args.len(), 6);
        assert_eq!(insert.args[4], Value::Int(Some(640)));
        assert_eq!(insert.args[5], Value::Text(Some("b".to_string())));
        assert!(insert_rows("renditions", "key", Vec::new(), placeholder).is_none());
    }
}
