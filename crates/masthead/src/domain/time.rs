//! Showing UTC times in an edition's timezone, as "Jan 12, 2022 - 6:38 pm GMT+3".

use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde::Serialize;

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
}
