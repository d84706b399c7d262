//! Job listings as the newsroom types them: a form's fields cleaned and checked, the
//! closing date read as the last day applications are taken in the edition's timezone,
//! how to apply (a web address, an email address or both), and the description's
//! paragraphs.

use crate::domain::refusal::{Named, Refusal};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};
use store::{EmploymentType, JobFields};

use crate::domain::email_address::parse_email;
use crate::domain::link::{MAX_LINK, parse_web_address};
use crate::domain::text::{clean_line, one_line};

/// The longest title and place.
pub const MAX_LINE: usize = 200;
/// The longest description.
pub const MAX_DESCRIPTION: usize = 10_000;

/// A job listing form as typed.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct JobInput {
    /// Position title.
    pub title: String,
    /// Place of work.
    pub location: String,
    /// Stored form of the employment type (`full_time`...).
    pub employment_type: String,
    /// Last day to apply, `YYYY-MM-DD`; empty for none.
    pub closes_on: String,
    /// What the job is; blank lines part paragraphs.
    pub description: String,
    /// Where to apply online; empty for nowhere.
    pub apply_url: String,
    /// The address to apply to by email; empty for none.
    pub apply_email: String,
}

impl JobInput {
    /// The form filled with a listing's fields, for editing it.
    pub fn from_fields(fields: &JobFields, zone: &TimeZone) -> JobInput {
        JobInput {
            title: fields.title.clone(),
            location: fields.location.clone(),
            employment_type: fields.employment_type.as_str().to_string(),
            closes_on: fields
                .closes_at
                .map(|closes| closing_day(closes, zone).to_string())
                .unwrap_or_default(),
            description: fields.description.clone(),
            apply_url: fields.apply_url.clone(),
            apply_email: fields.apply_email.clone(),
        }
    }
}

/// The listing a form describes, or the first thing wrong with it.
pub fn check_job(input: &JobInput, zone: &TimeZone) -> Result<JobFields, Refusal> {
    let title = one_line(&input.title, Named::Title, MAX_LINE, false)?;
    let location = one_line(&input.location, Named::PlaceOfWork, MAX_LINE, false)?;
    let employment_type =
        EmploymentType::parse(input.employment_type.trim()).ok_or(Refusal::JobKind)?;
    let closes_at = match input.closes_on.trim() {
        "" => None,
        typed => Some(closing_time(typed, zone)?),
    };
    let description = clean_description(&input.description)?;
    let (apply_url, apply_email) = check_apply(&input.apply_url, &input.apply_email)?;
    Ok(JobFields {
        title,
        location,
        description,
        employment_type,
        closes_at,
        apply_url,
        apply_email,
    })
}

/// How to apply: an http(s) address, an email address or both, each empty when not given;
/// at least one is needed, or readers could not apply at all.
fn check_apply(url: &str, email: &str) -> Result<(String, String), Refusal> {
    let url = match url.trim() {
        "" => String::new(),
        typed => parse_web_address(typed).map_err(|_| Refusal::JobApplyUrl { max: MAX_LINK })?,
    };
    let email = match email.trim() {
        "" => String::new(),
        typed => parse_email(typed).map_err(|_| Refusal::JobApplyEmail)?,
    };
    if url.is_empty() && email.is_empty() {
        return Err(Refusal::JobHowToApply);
    }
    Ok((url, email))
}

/// The moment a listing whose last day is `typed` closes: the next midnight there.
fn closing_time(typed: &str, zone: &TimeZone) -> Result<Timestamp, Refusal> {
    let refused = || Refusal::JobClosingDate {
        typed: clean_line(typed),
    };
    if typed.len() > 10 {
        return Err(refused());
    }
    let day: Date = typed.parse().map_err(|_| refused())?;
    day.tomorrow()
        .and_then(|next| next.to_zoned_datetime(zone.clone()))
        .map(|midnight| midnight.timestamp())
        .map_err(|_| refused())
}

/// The last day a listing closing at `closes_at` takes applications, in `zone`.
pub fn closing_day(closes_at: Timestamp, zone: &TimeZone) -> Date {
    let last_moment = closes_at - jiff::SignedDuration::from_secs(1);
    last_moment.to_zoned_datetime(zone.clone()).date()
}

/// A description with each line cleaned, runs of blank lines made one, and its length
/// checked.
fn clean_description(typed: &str) -> Result<String, Refusal> {
    let too_long = Refusal::AtMostChars {
        what: Named::Description,
        max: MAX_DESCRIPTION,
    };
    if typed.len() > MAX_DESCRIPTION * 8 {
        return Err(too_long);
    }
    let text = paragraphs(&typed.replace("\r\n", "\n")).join("\n\n");
    if text.is_empty() {
        return Err(Refusal::GiveA {
            what: Named::Description,
        });
    }
    if text.chars().count() > MAX_DESCRIPTION {
        return Err(too_long);
    }
    Ok(text)
}

/// A description's paragraphs: its lines cleaned, blank lines parting them.
pub fn paragraphs(description: &str) -> Vec<String> {
    description
        .split("\n\n")
        .map(|paragraph| {
            paragraph
                .lines()
                .map(clean_line)
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .filter(|paragraph| !paragraph.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(closes_on: &str, description: &str) -> JobInput {
        JobInput {
            title: " Night\u{202E} editor ".into(),
            location: "Istanbul".into(),
            employment_type: "part_time".into(),
            closes_on: closes_on.into(),
            description: description.into(),
            apply_url: "https://example.org/jobs/night-editor".into(),
            apply_email: String::new(),
        }
    }

    #[test]
    fn a_listing_closes_at_the_end_of_its_last_day_where_the_edition_is() {
        let zone = TimeZone::get("Europe/Istanbul").expect("zone");
        let fields = check_job(&typed("2027-03-31", "Edit."), &zone).expect("accepted");

        let closes = fields.closes_at.expect("closing time");

        assert_eq!(closes.to_string(), "2027-03-31T21:00:00Z");
        assert_eq!(closing_day(closes, &zone).to_string(), "2027-03-31");
        assert_eq!(fields.title, "Night editor");
        assert_eq!(fields.employment_type, EmploymentType::PartTime);
    }

    #[test]
    fn bad_forms_say_what_is_wrong() {
        let zone = TimeZone::UTC;
        for (closes_on, description, expected) in [
            ("31/03/2027", "Edit.", "YYYY-MM-DD"),
            ("2027-02-30", "Edit.", "YYYY-MM-DD"),
            ("9999-12-31", "Edit.", "YYYY-MM-DD"),
            ("", " \n\u{7}\n ", "Give a description."),
            ("", &"x".repeat(1 << 20), "at most"),
        ] {
            let refused = check_job(&typed(closes_on, description), &zone)
                .expect_err(closes_on)
                .to_string();
            assert!(refused.contains(expected), "{refused}");
        }
        let unknown = JobInput {
            employment_type: "slave".into(),
            ..typed("", "Edit.")
        };
        assert!(check_job(&unknown, &zone).is_err());
    }

    #[test]
    fn a_listing_says_how_to_apply_with_web_and_email_addresses_only() {
        let zone = TimeZone::UTC;
        let with = |url: &str, email: &str| JobInput {
            apply_url: url.into(),
            apply_email: email.into(),
            ..typed("", "Edit.")
        };
        let fields = check_job(&with(" ", " Jobs@Example.ORG "), &zone).expect("by email");
        assert_eq!(
            (fields.apply_url.as_str(), fields.apply_email.as_str()),
            ("", "jobs@example.org")
        );
        for (url, email, expected, reason) in [
            ("", "", "Say how to apply", "neither"),
            ("javascript:alert(1)", "", "web address", "a script link"),
            ("/jobs/apply", "", "web address", "a path on this site"),
            ("//evil.example/x", "", "web address", "protocol-relative"),
            ("https://example.org/a b", "", "no spaces", "a space"),
            (
                "mailto:jobs@example.org",
                "",
                "web address",
                "another scheme",
            ),
            (
                &format!("https://example.org/{}", "a".repeat(600)),
                "",
                "at most",
                "huge",
            ),
            (
                "",
                "jobs@example.org, boss@example.org",
                "one address",
                "two addresses",
            ),
            ("", "Jobs <jobs@example.org>", "one address", "a name"),
            (
                "",
                "jobs@example.org\r\nBcc: x@example.org",
                "one address",
                "header injection",
            ),
            ("", "<script>@example.org", "one address", "markup"),
        ] {
            let refused = check_job(&with(url, email), &zone)
                .expect_err(reason)
                .to_string();
            assert!(refused.contains(expected), "{reason}: {refused}");
        }
    }

    #[test]
    fn descriptions_keep_their_paragraphs() {
        let text = clean_description("One\r\nline two\r\n\r\n\r\n\r\nTwo\u{0}\n\n").expect("ok");

        assert_eq!(text, "One\nline two\n\nTwo");
        assert_eq!(paragraphs(&text), ["One\nline two", "Two"]);
    }
}
