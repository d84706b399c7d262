//! The reader search page's form as its address gives it (`?q=…&section=…&page=2`): read
//! leniently, since readers and crawlers type and mangle these addresses. The first of a
//! repeated name wins; a value that makes no sense is left out and noted (the page says so
//! in a line), never refused; names the form does not have are read past. Written back,
//! each search has one address, its fields always in the same order.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use store::StoryKind;

/// What an `application/x-www-form-urlencoded` value keeps unescaped, as browsers send a
/// form: letters, digits and `*-._` (a space is `+`).
const FORM_ESCAPES: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'*')
    .remove(b'-')
    .remove(b'.')
    .remove(b'_');

/// The order of results a reader asked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SearchSort {
    /// Best match first (`relevance`, the default).
    #[default]
    Relevance,
    /// Newest first (`newest`).
    Newest,
}

/// A value of the address that was left out, for the line that says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Ignored {
    /// `section` names no section of the edition.
    Section,
    /// `kind` is not news, opinion, gallery or video.
    Kind,
    /// `author` names no author.
    Author,
    /// `from` or `to` is not a date written YYYY-MM-DD.
    Date,
    /// `from` was after `to`: they were swapped.
    Swapped,
    /// `sort` is not relevance or newest.
    Sort,
    /// `page` is not a page of results (not a number, below 1, past the last).
    Page,
}

/// The search form's fields, as a reader's address gives them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchForm {
    /// What to look for: control and bidi-override characters made spaces, spaces
    /// collapsed, at most [`search::MAX_QUERY_CHARS`] characters.
    pub q: String,
    /// A section of the edition, by its path below the edition (`world/europe`) or its
    /// slug; checked against the edition by the page.
    pub section: Option<String>,
    /// One kind of story.
    pub kind: Option<StoryKind>,
    /// An author, by slug; checked by the page.
    pub author: Option<String>,
    /// Published on or after this day, in the edition's time zone.
    pub from: Option<Date>,
    /// Published on or before this day, in the edition's time zone.
    pub to: Option<Date>,
    /// The order of results.
    pub sort: SearchSort,
    /// The page of results, from 1.
    pub page: u32,
    /// What was left out, in the order of the fields.
    pub ignored: Vec<Ignored>,
}

impl SearchForm {
    /// Reads the form from an address's decoded `name=value` pairs; pages past
    /// `last_page` are refused (the page then shows the first).
    pub fn read(pairs: &[(String, String)], last_page: u32) -> SearchForm {
        let first = |name: &str| {
            pairs
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.trim())
                .filter(|value| !value.is_empty())
        };
        let mut form = SearchForm {
            q: pairs
                .iter()
                .find(|(key, _)| key == "q")
                .map(|(_, value)| clean_query(value))
                .unwrap_or_default(),
            section: first("section").map(str::to_lowercase),
            author: first("author").map(str::to_lowercase),
            page: 1,
            ..SearchForm::default()
        };
        if let Some(kind) = first("kind") {
            form.kind = read_kind(kind);
            form.note_if(form.kind.is_none(), Ignored::Kind);
        }
        let from = first("from").map(read_date);
        let to = first("to").map(read_date);
        form.note_if(
            matches!(from, Some(None)) || matches!(to, Some(None)),
            Ignored::Date,
        );
        (form.from, form.to) = (from.flatten(), to.flatten());
        if let (Some(from), Some(to)) = (form.from, form.to)
            && from > to
        {
            (form.from, form.to) = (Some(to), Some(from));
            form.ignored.push(Ignored::Swapped);
        }
        match first("sort") {
            None | Some("relevance") => {}
            Some("newest") => form.sort = SearchSort::Newest,
            Some(_) => form.ignored.push(Ignored::Sort),
        }
        if let Some(page) = first("page") {
            match page.parse::<u32>() {
                Ok(page) if (1..=last_page).contains(&page) => form.page = page,
                _ => form.ignored.push(Ignored::Page),
            }
        }
        form
    }

    fn note_if(&mut self, condition: bool, what: Ignored) {
        if condition {
            self.ignored.push(what);
        }
    }

    /// Whether any filter is on (section, kind, author or dates).
    pub fn has_filters(&self) -> bool {
        self.section.is_some()
            || self.kind.is_some()
            || self.author.is_some()
            || self.from.is_some()
            || self.to.is_some()
    }

    /// The same search without its filters, from its first page.
    pub fn without_filters(&self) -> SearchForm {
        SearchForm {
            q: self.q.clone(),
            sort: self.sort,
            page: 1,
            ..SearchForm::default()
        }
    }

    /// The same search for other words, from its first page.
    pub fn with_q(&self, q: &str) -> SearchForm {
        SearchForm {
            q: q.to_string(),
            page: 1,
            ignored: Vec::new(),
            ..self.clone()
        }
    }

    /// The start of `from` in `zone`: stories published at or after it.
    pub fn from_time(&self, zone: &TimeZone) -> Option<Timestamp> {
        start_of(self.from?, zone)
    }

    /// The start of the day after `to` in `zone`: stories published before it.
    pub fn until_time(&self, zone: &TimeZone) -> Option<Timestamp> {
        start_of(self.to?.tomorrow().ok()?, zone)
    }

    /// The address of this search's `page` on the search page at `path`: the fields that
    /// are set, in the form's order, the first page without a number.
    pub fn url(&self, path: &str, page: u32) -> String {
        let kind = self.kind.map(StoryKind::as_str);
        let from = self.from.map(|date| date.to_string());
        let to = self.to.map(|date| date.to_string());
        let sort = (self.sort == SearchSort::Newest).then_some("newest");
        let page = (page > 1).then(|| page.to_string());
        let fields = [
            ("q", Some(self.q.as_str()).filter(|q| !q.is_empty())),
            ("section", self.section.as_deref()),
            ("kind", kind),
            ("author", self.author.as_deref()),
            ("from", from.as_deref()),
            ("to", to.as_deref()),
            ("sort", sort),
            ("page", page.as_deref()),
        ];
        let query: Vec<String> = fields
            .iter()
            .filter_map(|(name, value)| Some(format!("{name}={}", form_encode(value.as_ref()?))))
            .collect();
        if query.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{}", query.join("&"))
        }
    }
}

/// What a reader typed, fit to search and to show again: control, bidi-override and other
/// invisible format characters become spaces, runs of spaces one, the ends trimmed, and
/// at most [`search::MAX_QUERY_CHARS`] characters kept.
pub fn clean_query(typed: &str) -> String {
    let cut = match typed.char_indices().nth(search::MAX_QUERY_CHARS) {
        Some((end, _)) => &typed[..end],
        None => typed,
    };
    let spaced: String = cut
        .chars()
        .map(|ch| if is_invisible(ch) { ' ' } else { ch })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Control characters, and the bidi embeddings, overrides, isolates and marks that could
/// make the query display as something else.
fn is_invisible(ch: char) -> bool {
    ch.is_control()
        || matches!(ch, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn read_kind(value: &str) -> Option<StoryKind> {
    StoryKind::parse(&value.to_lowercase()).filter(|kind| *kind != StoryKind::Page)
}

/// A date written exactly YYYY-MM-DD (as `<input type="date">` sends it).
fn read_date(value: &str) -> Option<Date> {
    let shaped = value.len() == 10
        && value.bytes().enumerate().all(|(index, byte)| match index {
            4 | 7 => byte == b'-',
            _ => byte.is_ascii_digit(),
        });
    shaped.then(|| value.parse().ok()).flatten()
}

fn start_of(date: Date, zone: &TimeZone) -> Option<Timestamp> {
    date.to_zoned_datetime(zone.clone())
        .ok()
        .map(|zoned| zoned.timestamp())
}

fn form_encode(value: &str) -> String {
    utf8_percent_encode(value, FORM_ESCAPES)
        .to_string()
        .replace("%20", "+")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(query: &str) -> SearchForm {
        let pairs: Vec<(String, String)> = query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                (name.to_string(), value.to_string())
            })
            .collect();
        SearchForm::read(&pairs, 50)
    }

    #[test]
    fn a_full_search_reads_back_to_the_same_address() {
        let form = read(
            "q=nato summit&section=world/europe&kind=opinion&author=selin-aydemir\
             &from=2024-01-01&to=2024-01-31&sort=newest&page=3",
        );

        assert_eq!(form.q, "nato summit");
        assert_eq!(form.kind, Some(StoryKind::Opinion));
        assert_eq!(form.sort, SearchSort::Newest);
        assert!(form.ignored.is_empty());
        assert_eq!(
            form.url("/search", 3),
            "/search?q=nato+summit&section=world%2Feurope&kind=opinion&author=selin-aydemir\
             &from=2024-01-01&to=2024-01-31&sort=newest&page=3"
        );
        assert_eq!(form.url("/ar/search", 1).matches("page").count(), 0);
    }

    #[test]
    fn bad_values_are_left_out_and_noted() {
        let cases = [
            ("kind=page", Ignored::Kind, "static pages are not searched"),
            ("kind=poem", Ignored::Kind, "no such kind"),
            ("from=2024-13-01", Ignored::Date, "no such month"),
            (
                "to=31/01/2024",
                Ignored::Date,
                "another way of writing dates",
            ),
            ("from=20240101", Ignored::Date, "the basic ISO form"),
            ("sort=oldest", Ignored::Sort, "no such order"),
            ("page=0", Ignored::Page, "pages count from one"),
            ("page=-1", Ignored::Page, "negative"),
            ("page=abc", Ignored::Page, "not a number"),
            ("page=51", Ignored::Page, "past what the count allows"),
            ("page=99999999999", Ignored::Page, "too large for a number"),
        ];

        for (query, ignored, reason) in cases {
            let form = read(query);
            assert_eq!(form.ignored, [ignored], "{reason}");
            assert_eq!(form.url("/search", form.page), "/search", "{reason}");
        }
    }

    #[test]
    fn the_first_of_a_repeated_name_wins_and_empty_values_are_unset() {
        let form = read("q=first&q=second&kind=&kind=video&sort=&page=2&page=9");

        assert_eq!(form.q, "first");
        assert_eq!(form.kind, None, "the first kind is empty: no filter");
        assert_eq!(form.page, 2);
        assert!(form.ignored.is_empty());
    }

    #[test]
    fn dates_the_wrong_way_round_are_swapped_and_cover_whole_days_in_the_zone() {
        let zone = TimeZone::get("Europe/Istanbul").expect("zone");

        let form = read("from=2024-02-10&to=2024-02-01");

        assert_eq!(form.ignored, [Ignored::Swapped]);
        assert_eq!(
            form.from_time(&zone)
                .map(|time| time.to_string())
                .as_deref(),
            Some("2024-01-31T21:00:00Z")
        );
        assert_eq!(
            form.until_time(&zone)
                .map(|time| time.to_string())
                .as_deref(),
            Some("2024-02-10T21:00:00Z"),
            "the last day is included"
        );
    }

    #[test]
    fn what_was_typed_loses_invisible_characters_and_keeps_its_words() {
        let cases = [
            ("  two   words ", "two words", "spaces collapse"),
            ("a\u{0}b\tc", "a b c", "control characters separate"),
            ("\u{202E}evil\u{202C}", "evil", "bidi overrides go"),
            (
                "Erdoğan \"Türkiye\"",
                "Erdoğan \"Türkiye\"",
                "kept as typed",
            ),
        ];
        for (typed, cleaned, reason) in cases {
            assert_eq!(clean_query(typed), cleaned, "{reason}");
        }
        let long = "word ".repeat(2000);
        assert!(clean_query(&long).chars().count() <= search::MAX_QUERY_CHARS);
    }

    #[test]
    fn filters_can_be_removed_and_the_words_changed() {
        let form = read("q=nato&kind=video&from=2024-01-01&sort=newest&page=4");

        assert!(form.has_filters());
        assert_eq!(
            form.without_filters().url("/search", 1),
            "/search?q=nato&sort=newest"
        );
        assert_eq!(
            form.with_q("nate").url("/search", 1),
            "/search?q=nate&kind=video&from=2024-01-01&sort=newest"
        );
    }
}
