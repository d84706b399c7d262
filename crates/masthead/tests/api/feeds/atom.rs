//! The rules of RFC 4287's RELAX NG schema (appendix B) and its prose, as checks on a
//! parsed Atom document: what each element must hold once, at most once, or at all.

use super::xml::Element;

/// The Atom namespace.
pub const ATOM: &str = "http://www.w3.org/2005/Atom";

/// Every way a document breaks the Atom rules; empty when it keeps them.
pub fn problems(feed: &Element) -> Vec<String> {
    let mut found = Vec::new();
    if (feed.namespace.as_str(), feed.name.as_str()) != (ATOM, "feed") {
        return vec![format!(
            "the root is {}:{}, not atom:feed",
            feed.namespace, feed.name
        )];
    }
    let entries: Vec<&Element> = feed.all(ATOM, "entry").collect();
    // atomFeed: exactly one id, title, updated; at most one of the rest.
    exactly_one(feed, "feed", &["id", "title", "updated"], &mut found);
    at_most_one(
        feed,
        "feed",
        &["subtitle", "rights", "icon", "logo", "generator"],
        &mut found,
    );
    common(feed, "feed", &mut found);
    // "atom:feed elements MUST contain one or more atom:author elements, unless all of the
    // atom:feed element's child atom:entry elements contain at least one atom:author".
    if feed.all(ATOM, "author").next().is_none()
        && entries
            .iter()
            .any(|entry| entry.all(ATOM, "author").next().is_none())
    {
        found.push("no author on the feed nor on every entry".to_string());
    }
    let mut ids = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        let place = format!("entry {index}");
        exactly_one(entry, &place, &["id", "title", "updated"], &mut found);
        at_most_one(
            entry,
            &place,
            &["published", "summary", "content", "rights", "source"],
            &mut found,
        );
        common(entry, &place, &mut found);
        for published in entry.all(ATOM, "published") {
            date(published, &place, &mut found);
        }
        let content = entry.all(ATOM, "content").next();
        // Without content, an entry needs an alternate link.
        let alternate = entry
            .all(ATOM, "link")
            .any(|link| link.attr("rel").unwrap_or("alternate") == "alternate");
        if content.is_none() && !alternate {
            found.push(format!("{place}: no content and no alternate link"));
        }
        if let Some(content) = content {
            let kind = content.attr("type").unwrap_or("text");
            if content.attr("src").is_some() && entry.all(ATOM, "summary").next().is_none() {
                found.push(format!("{place}: content by reference needs a summary"));
            }
            if matches!(kind, "text" | "html") && !content.children.is_empty() {
                found.push(format!("{place}: {kind} content holds elements"));
            }
        }
        for summary in entry.all(ATOM, "summary") {
            text_construct(summary, &place, &mut found);
        }
        ids.extend(entry.all(ATOM, "id").map(|id| id.text.trim().to_string()));
    }
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    if unique.len() != ids.len() {
        found.push("two entries share an id".to_string());
    }
    found
}

/// What feeds and entries share: ids are IRIs, dates RFC 3339, text constructs, person
/// constructs, links and categories.
fn common(element: &Element, place: &str, found: &mut Vec<String>) {
    for id in element.all(ATOM, "id") {
        let iri = id.text.trim();
        let scheme = iri
            .split_once(':')
            .map(|(scheme, _)| scheme)
            .unwrap_or_default();
        if scheme.is_empty()
            || !scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        {
            found.push(format!("{place}: id {iri:?} is not an absolute IRI"));
        }
    }
    for updated in element.all(ATOM, "updated") {
        date(updated, place, found);
    }
    for name in ["title", "subtitle", "rights"] {
        for text in element.all(ATOM, name) {
            text_construct(text, place, found);
        }
    }
    for name in ["author", "contributor"] {
        for person in element.all(ATOM, name) {
            let place = format!("{place} {name}");
            exactly_one(person, &place, &["name"], found);
            at_most_one(person, &place, &["uri", "email"], found);
        }
    }
    for link in element.all(ATOM, "link") {
        if link.attr("href").is_none_or(str::is_empty) {
            found.push(format!("{place}: a link without href"));
        }
    }
    let mut alternates: Vec<(&str, &str)> = element
        .all(ATOM, "link")
        .filter(|link| link.attr("rel").unwrap_or("alternate") == "alternate")
        .map(|link| {
            (
                link.attr("type").unwrap_or(""),
                link.attr("hreflang").unwrap_or(""),
            )
        })
        .collect();
    let count = alternates.len();
    alternates.sort();
    alternates.dedup();
    if alternates.len() != count {
        found.push(format!(
            "{place}: two alternate links of one type and language"
        ));
    }
    for category in element.all(ATOM, "category") {
        if category.attr("term").is_none_or(str::is_empty) {
            found.push(format!("{place}: a category without term"));
        }
    }
}

/// `type` is text, html or xhtml; text and html hold no elements.
fn text_construct(element: &Element, place: &str, found: &mut Vec<String>) {
    let kind = element.attr("type").unwrap_or("text");
    if !matches!(kind, "text" | "html" | "xhtml") {
        found.push(format!("{place}: {} of type {kind}", element.name));
    } else if kind != "xhtml" && !element.children.is_empty() {
        found.push(format!("{place}: {} holds elements", element.name));
    }
}

/// An RFC 3339 date-time (section 3.3): `YYYY-MM-DDTHH:MM:SS`, optional fraction, then
/// `Z` or an offset; `T` and `Z` in upper case.
fn date(element: &Element, place: &str, found: &mut Vec<String>) {
    let text = element.text.trim();
    if !is_rfc3339(text) {
        found.push(format!(
            "{place}: {} {text:?} is not an RFC 3339 date",
            element.name
        ));
    }
}

/// Whether a text is an RFC 3339 `date-time`.
pub fn is_rfc3339(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|part| part.iter().all(u8::is_ascii_digit))
    };
    let shape = digits(0..4)
        && bytes.get(4) == Some(&b'-')
        && digits(5..7)
        && bytes.get(7) == Some(&b'-')
        && digits(8..10)
        && bytes.get(10) == Some(&b'T')
        && digits(11..13)
        && bytes.get(13) == Some(&b':')
        && digits(14..16)
        && bytes.get(16) == Some(&b':')
        && digits(17..19);
    if !shape {
        return false;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let length = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if length == 0 {
            return false;
        }
        rest = &fraction[length..];
    }
    rest == "Z"
        || (rest.len() == 6
            && (rest.starts_with('+') || rest.starts_with('-'))
            && rest.as_bytes()[3] == b':'
            && rest[1..3]
                .bytes()
                .chain(rest[4..].bytes())
                .all(|b| b.is_ascii_digit()))
}

fn exactly_one(element: &Element, place: &str, names: &[&str], found: &mut Vec<String>) {
    for name in names {
        let count = element.all(ATOM, name).count();
        if count != 1 {
            found.push(format!("{place}: {count} {name} elements, not one"));
        }
    }
}

fn at_most_one(element: &Element, place: &str, names: &[&str], found: &mut Vec<String>) {
    for name in names {
        let count = element.all(ATOM, name).count();
        if count > 1 {
            found.push(format!("{place}: {count} {name} elements, at most one"));
        }
    }
}
