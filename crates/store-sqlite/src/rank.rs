//! `masthead_rank(search_fts)`: how well a story matches a search, for ranking the pool of
//! a best-first tier. It is FTS5's `bm25` without its first pass: `bm25` begins each
//! search by counting, for every phrase of the query, the stories that hold it (the
//! inverse document frequency), a walk through every match in the index that doubled the
//! cost of ranking a pool (a common word's 60,000 matches, or a phrase's positions
//! worked out again). Within a tier every story holds every part of the query, so each
//! phrase here counts the same: the weighted number of times the story says it (a
//! headline ten times a body, as in [`crate::fts`]), saturating, and scaled by the
//! story's length against the average as `bm25` does (k1 = 1.2, b = 0.75).
//!
//! FTS5 auxiliary functions are registered on each connection through the `fts5_api`
//! pointer that `SELECT fts5(?1)` hands back (SQLite's documented way); this is the one
//! place the store talks to SQLite's C interface.

use std::ffi::{CStr, c_int, c_void};
use std::ptr;

use libsqlite3_sys as ffi;

/// The function's name in SQL.
pub const NAME: &CStr = c"masthead_rank";
const K1: f64 = 1.2;
const B: f64 = 0.75;
/// Queries have at most a few parts, each one or two phrases (stems, words as written).
const MOST_PHRASES: usize = 64;

/// Registers `masthead_rank` on a connection.
///
/// # Safety
/// `db` must be an open connection that no other thread uses during the call.
pub unsafe fn register(db: *mut ffi::sqlite3) -> Result<(), String> {
    // SAFETY: `db` is open and ours for the call; every pointer passed lives across it.
    unsafe {
        let api = fts5_api(db)?;
        let create = (*api)
            .xCreateFunction
            .ok_or("FTS5 cannot register functions")?;
        let status = create(api, NAME.as_ptr(), ptr::null_mut(), Some(rank), None);
        if status != ffi::SQLITE_OK {
            return Err(format!("registering {NAME:?}: SQLite error {status}"));
        }
    }
    Ok(())
}

/// The connection's FTS5 interface.
unsafe fn fts5_api(db: *mut ffi::sqlite3) -> Result<*mut ffi::fts5_api, String> {
    let mut statement = ptr::null_mut();
    let mut api: *mut ffi::fts5_api = ptr::null_mut();
    // SAFETY: as `register`'s; the statement is finalised before `api` is read.
    let status = unsafe {
        let sql = c"SELECT fts5(?1)";
        let prepared =
            ffi::sqlite3_prepare_v2(db, sql.as_ptr(), -1, &mut statement, ptr::null_mut());
        if prepared == ffi::SQLITE_OK {
            ffi::sqlite3_bind_pointer(
                statement,
                1,
                (&raw mut api).cast::<c_void>(),
                c"fts5_api_ptr".as_ptr(),
                None,
            );
            ffi::sqlite3_step(statement);
        }
        ffi::sqlite3_finalize(statement);
        prepared
    };
    if status != ffi::SQLITE_OK || api.is_null() {
        return Err(format!("this SQLite has no FTS5 (error {status})"));
    }
    Ok(api)
}

/// The function SQLite calls for each row.
unsafe extern "C" fn rank(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    context: *mut ffi::sqlite3_context,
    _count: c_int,
    _values: *mut *mut ffi::sqlite3_value,
) {
    // SAFETY: SQLite passes a valid interface and context for the row being ranked.
    unsafe {
        match score(&*api, fts) {
            Ok(score) => ffi::sqlite3_result_double(context, score),
            Err(status) => ffi::sqlite3_result_error_code(context, status),
        }
    }
}

/// The status of an FTS5 call as a result.
fn ok(status: c_int) -> Result<(), c_int> {
    if status == ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(status)
    }
}

/// The average story length in tokens, worked out once for a search and kept as the
/// function's data for it: FTS5 reads its totals from the index on every call that asks
/// for them, and each of a pool's 1,001 rows asked twice (7% of a search's time).
unsafe fn average_length(
    api: &ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
) -> Result<f64, c_int> {
    let missing = ffi::SQLITE_MISUSE;
    // SAFETY: the calls FTS5 offers auxiliary functions, on the context it gave; the data
    // kept is a boxed f64, freed by `free_average` when the search ends (or at once if
    // FTS5 cannot keep it).
    unsafe {
        let kept = api.xGetAuxdata.ok_or(missing)?(fts, 0).cast::<f64>();
        if !kept.is_null() {
            return Ok(*kept);
        }
        let (mut rows, mut tokens) = (0i64, 0i64);
        ok(api.xRowCount.ok_or(missing)?(fts, &mut rows))?;
        ok(api.xColumnTotalSize.ok_or(missing)?(fts, -1, &mut tokens))?;
        let average = tokens as f64 / rows.max(1) as f64;
        let data = Box::into_raw(Box::new(average)).cast::<c_void>();
        ok(api.xSetAuxdata.ok_or(missing)?(
            fts,
            data,
            Some(free_average),
        ))?;
        Ok(average)
    }
}

/// Frees what `average_length` kept.
unsafe extern "C" fn free_average(data: *mut c_void) {
    // SAFETY: FTS5 hands back the pointer `average_length` made from a Box, once.
    drop(unsafe { Box::from_raw(data.cast::<f64>()) });
}

/// The row's score, higher for a better match.
unsafe fn score(api: &ffi::Fts5ExtensionApi, fts: *mut ffi::Fts5Context) -> Result<f64, c_int> {
    let missing = ffi::SQLITE_MISUSE;
    // SAFETY: as `average_length`'s.
    let average = unsafe { average_length(api, fts) }?;
    let (mut length, mut instances) = (0 as c_int, 0 as c_int);
    // SAFETY: the calls FTS5 offers auxiliary functions, on the context it gave.
    unsafe {
        ok(api.xColumnSize.ok_or(missing)?(fts, -1, &mut length))?;
        ok(api.xInstCount.ok_or(missing)?(fts, &mut instances))?;
    }
    let inst = api.xInst.ok_or(missing)?;
    let mut frequency = [0f64; MOST_PHRASES];
    for index in 0..instances {
        let (mut phrase, mut column, mut offset) = (0 as c_int, 0 as c_int, 0 as c_int);
        // SAFETY: as above, with an instance FTS5 counted.
        ok(unsafe { inst(fts, index, &mut phrase, &mut column, &mut offset) })?;
        let weight = usize::try_from(column)
            .ok()
            .and_then(|column| crate::fts::WEIGHTS.get(column))
            .copied()
            .unwrap_or(1.0);
        if let Some(slot) = usize::try_from(phrase)
            .ok()
            .and_then(|phrase| frequency.get_mut(phrase))
        {
            *slot += weight;
        }
    }
    let scale = K1 * (1.0 - B + B * f64::from(length) / average.max(1.0));
    Ok(frequency
        .iter()
        .filter(|&&frequency| frequency > 0.0)
        .map(|frequency| frequency * (K1 + 1.0) / (frequency + scale))
        .sum())
}

#[cfg(test)]
mod tests {
    use sqlx::{Connection, SqliteConnection};

    use super::{B, K1};

    /// The score of a story that says the searched word in both headline columns (weight
    /// 10 each) and holds `length` tokens, in an index whose stories average `average`.
    fn expected(length: f64, average: f64) -> f64 {
        let frequency = 20.0;
        let scale = K1 * (1.0 - B + B * length / average);
        frequency * (K1 + 1.0) / (frequency + scale)
    }

    async fn add(connection: &mut SqliteConnection, id: i64, headline: &str, body: &str) {
        sqlx::query(
            "INSERT INTO search_fts (rowid, headline_stems, headline_words, standfirst_stems, \
             standfirst_words, labels_stems, labels_words, body_stems, body_words) \
             VALUES (?1, ?2, ?2, '', '', '', '', ?3, ?3)",
        )
        .bind(id)
        .bind(headline)
        .bind(body)
        .execute(&mut *connection)
        .await
        .expect("insert");
    }

    async fn scores(connection: &mut SqliteConnection) -> Vec<(i64, f64)> {
        sqlx::query_as(
            "SELECT rowid, masthead_rank(search_fts) FROM search_fts \
             WHERE search_fts MATCH 'tide' ORDER BY rowid",
        )
        .fetch_all(&mut *connection)
        .await
        .expect("rank")
    }

    fn close_to(actual: &[(i64, f64)], expected: &[(i64, f64)]) -> bool {
        actual.len() == expected.len()
            && actual
                .iter()
                .zip(expected)
                .all(|(a, e)| a.0 == e.0 && (a.1 - e.1).abs() < 1e-9)
    }

    /// The average length is kept for one search only: the next search sees the index as
    /// it is then.
    #[tokio::test]
    async fn each_search_ranks_by_the_average_story_length_of_the_index_as_it_is() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("rank.db");
        crate::open(&path).await.expect("open").close().await;
        let url = format!("sqlite://{}", path.display());
        let mut connection = SqliteConnection::connect(&url).await.expect("connect");
        {
            let mut handle = connection.lock_handle().await.expect("handle");
            // SAFETY: the handle is locked for this call alone.
            unsafe { super::register(handle.as_raw_handle().as_ptr()) }.expect("register");
        }
        // Lengths 2 + 8 and 2 tokens: an average of 6.
        add(&mut connection, 1, "tide", "a b c d").await;
        add(&mut connection, 2, "tide", "").await;
        let first = scores(&mut connection).await;
        let wanted = [(1, expected(10.0, 6.0)), (2, expected(2.0, 6.0))];
        assert!(close_to(&first, &wanted), "{first:?} against {wanted:?}");

        // A long story without the word: 72 tokens over three stories, 24 on average.
        let long = vec!["w"; 30].join(" ");
        add(&mut connection, 3, "", &long).await;
        let second = scores(&mut connection).await;
        let wanted = [(1, expected(10.0, 24.0)), (2, expected(2.0, 24.0))];
        assert!(close_to(&second, &wanted), "{second:?} against {wanted:?}");
        connection.close().await.expect("close");
    }
}
