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

/// The row's score, higher for a better match.
unsafe fn score(api: &ffi::Fts5ExtensionApi, fts: *mut ffi::Fts5Context) -> Result<f64, c_int> {
    let missing = ffi::SQLITE_MISUSE;
    let ok = |status: c_int| {
        if status == ffi::SQLITE_OK {
            Ok(())
        } else {
            Err(status)
        }
    };
    let (mut rows, mut tokens, mut length, mut instances) = (0i64, 0i64, 0 as c_int, 0 as c_int);
    // SAFETY: the calls FTS5 offers auxiliary functions, on the context it gave.
    unsafe {
        ok(api.xRowCount.ok_or(missing)?(fts, &mut rows))?;
        ok(api.xColumnTotalSize.ok_or(missing)?(fts, -1, &mut tokens))?;
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
    let average = tokens as f64 / rows.max(1) as f64;
    let scale = K1 * (1.0 - B + B * f64::from(length) / average.max(1.0));
    Ok(frequency
        .iter()
        .filter(|&&frequency| frequency > 0.0)
        .map(|frequency| frequency * (K1 + 1.0) / (frequency + scale))
        .sum())
}
