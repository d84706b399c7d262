//! Showing UTC times in an edition's timezone, as "Jan 12, 2022 - 6:38 pm GMT+3", and
//! reading the local times the newsroom types into UTC, refusing the ones a daylight-saving
//! change skips or repeats.

use jiff::Timestamp;
use jiff::civil::DateTime;
use jiff::tz::{AmbiguousOffset, TimeZone};
use serde::Serialize;

use crate::domain::refusal::Refusal;

/// A time ready for a `<time>` element: machine-readable UTC and the reader's wording.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DisplayTime {
    /// RFC 3339 in UTC, for the `datetime` attribute and metadata.
    pub iso: String,
    /// Date and time in the edition's timezone and language.
    pub text: String,
    /// Date only, for teasers.
    pub date: String,
}

const EN_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const AR_MONTHS: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

/// "GMT+3", "GMT-4:30" or "GMT" for an offset in seconds.
fn gmt_offset(seconds: i32) -> String {
    if seconds == 0 {
        return "GMT".to_string();
    }
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    match minutes % 60 {
        0 => format!("GMT{sign}{}", minutes / 60),
        rest => format!("GMT{sign}{}:{rest:02}", minutes / 60),
    }
}

/// Formats `time` in `zone` for readers of `language` ("en" or "ar").
pub fn display_time(time: Timestamp, zone: &TimeZone, language: &str) -> DisplayTime {
    let local = time.to_zoned_datetime(zone.clone());
    let month = usize::try_from(local.month() - 1).unwrap_or(0);
    let hour = local.hour();
    let hour12 = match hour % 12 {
        0 => 12,
        other => other,
    };
    let offset = gmt_offset(local.offset().seconds());
    let (date, text) = if language == "ar" {
        let noon = if hour < 12 { "ص" } else { "م" };
        let date = format!("{} {} {}", local.day(), AR_MONTHS[month], local.year());
        let text = format!("{date} - {hour12}:{:02} {noon} {offset}", local.minute());
        (date, text)
    } else {
        let noon = if hour < 12 { "am" } else { "pm" };
        let date = format!("{} {}, {}", EN_MONTHS[month], local.day(), local.year());
        let text = format!("{date} - {hour12}:{:02} {noon} {offset}", local.minute());
        (date, text)
    };
    DisplayTime {
        iso: time.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
        text,
        date,
    }
}

/// Formats `time` for the newsroom in the edition's `zone`, the zone named, in the
/// interface `language` of the account reading it ("ar" or anything else for English).
pub fn newsroom_time(time: Timestamp, zone: &TimeZone, language: &str) -> DisplayTime {
    display_time(time, zone, language)
}

/// A local wall time as a refusal names it, in `language` ("ar" or anything else for
/// English): "28 Mar 2027, 01:30".
pub fn wall_time(wall: DateTime, language: &str) -> String {
    let month = usize::try_from(wall.month() - 1).unwrap_or(0);
    let months = if language == "ar" {
        AR_MONTHS
    } else {
        EN_MONTHS
    };
    let comma = if language == "ar" { '،' } else { ',' };
    format!(
        "{} {} {}{comma} {:02}:{:02}",
        wall.day(),
        months[month],
        wall.year(),
        wall.hour(),
        wall.minute()
    )
}

/// Reads a `datetime-local` value ("2026-12-05T14:30") typed in `zone` as a moment.
///
/// A time the clocks skip (spring forward) or show twice (fall back) is refused with a
/// refusal naming the change, never moved silently.
pub fn local_moment(typed: &str, zone: &TimeZone) -> Result<Timestamp, Refusal> {
    let typed = typed.trim();
    let wall: DateTime = typed.parse().map_err(|_| Refusal::DateTimeUnreadable)?;
    let zone_name = zone.iana_name().map(str::to_string);
    let ambiguous = zone.to_ambiguous_timestamp(wall);
    match ambiguous.offset() {
        AmbiguousOffset::Unambiguous { .. } => {
            ambiguous.unambiguous().map_err(|_| Refusal::DateOutOfRange)
        }
        AmbiguousOffset::Gap { before, after } => Err(Refusal::TimeSkipped {
            wall,
            zone: zone_name,
            before: gmt_offset(before.seconds()),
            after: gmt_offset(after.seconds()),
        }),
        AmbiguousOffset::Fold { before, after } => Err(Refusal::TimeRepeated {
            wall,
            zone: zone_name,
            before: gmt_offset(before.seconds()),
            after: gmt_offset(after.seconds()),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn istanbul() -> TimeZone {
        TimeZone::get("Europe/Istanbul").expect("bundled tzdb has Istanbul")
    }

    #[test]
    fn english_time_reads_like_the_reference_page() {
        let time: Timestamp = "2022-01-12T15:38:00Z".parse().expect("valid");

        let shown = display_time(time, &istanbul(), "en");

        assert_eq!(shown.text, "Jan 12, 2022 - 6:38 pm GMT+3");
        assert_eq!(shown.iso, "2022-01-12T15:38:00Z");
        assert_eq!(shown.date, "Jan 12, 2022");
    }

    #[test]
    fn arabic_time_uses_arabic_month_names() {
        let time: Timestamp = "2022-01-12T06:05:00Z".parse().expect("valid");

        let shown = display_time(time, &istanbul(), "ar");

        assert_eq!(shown.text, "12 يناير 2022 - 9:05 ص GMT+3");
    }

    #[test]
    fn midnight_and_half_hour_offsets_are_written_out() {
        let time: Timestamp = "2022-06-01T18:30:00Z".parse().expect("valid");
        let india = TimeZone::get("Asia/Kolkata").expect("bundled");

        let shown = display_time(time, &india, "en");

        assert_eq!(shown.text, "Jun 2, 2022 - 12:00 am GMT+5:30");
    }

    fn london() -> TimeZone {
        TimeZone::get("Europe/London").expect("bundled")
    }

    #[test]
    fn local_times_are_read_in_the_zone_summer_and_winter() {
        let summer = local_moment("2027-07-01T09:00", &london()).expect("exists");
        let winter = local_moment("2027-01-15T09:00", &london()).expect("exists");
        let istanbul = local_moment("2027-01-15T09:00", &istanbul()).expect("exists");

        assert_eq!(summer.to_string(), "2027-07-01T08:00:00Z");
        assert_eq!(winter.to_string(), "2027-01-15T09:00:00Z");
        assert_eq!(istanbul.to_string(), "2027-01-15T06:00:00Z");
    }

    #[test]
    fn skipped_and_repeated_local_times_are_refused_with_a_reason() {
        let skipped = local_moment("2027-03-28T01:30", &london()).expect_err("skipped");
        let repeated = local_moment("2027-10-31T01:30", &london()).expect_err("twice");
        let unreadable = local_moment("tomorrow", &london()).expect_err("unreadable");
        let (skipped, repeated) = (skipped.to_string(), repeated.to_string());
        let unreadable = unreadable.to_string();

        assert!(
            skipped.contains("28 Mar 2027, 01:30 does not exist in Europe/London"),
            "{skipped}"
        );
        assert!(repeated.contains("happens twice"), "{repeated}");
        assert!(unreadable.contains("YYYY-MM-DD"), "{unreadable}");
    }

    #[test]
    fn a_skipped_time_is_named_in_arabic_with_an_arabic_month() {
        let skipped = local_moment("2027-03-28T01:30", &london()).expect_err("skipped");

        let words = skipped.words("ar");

        assert!(words.contains("28 مارس 2027، 01:30"), "{words}");
        assert!(words.contains("Europe/London"), "{words}");
        assert!(words.contains("GMT+1"), "{words}");
    }

    #[test]
    fn newsroom_times_name_the_zone_in_summer_and_winter() {
        let summer: Timestamp = "2027-07-01T08:00:00Z".parse().expect("valid");
        let winter: Timestamp = "2027-01-15T09:00:00Z".parse().expect("valid");

        assert_eq!(
            newsroom_time(summer, &london(), "en").text,
            "Jul 1, 2027 - 9:00 am GMT+1"
        );
        assert_eq!(
            newsroom_time(winter, &london(), "en").text,
            "Jan 15, 2027 - 9:00 am GMT"
        );
    }
}
