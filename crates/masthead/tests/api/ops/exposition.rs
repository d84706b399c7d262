//! A strict reader of the Prometheus text format (0.0.4), so the tests check the
//! exposition line by line rather than trusting the encoder.

use std::collections::HashMap;

/// A series' labels, in order.
type Labels = Vec<(String, String)>;

/// One sample line: `name{label="value",...} value`.
#[derive(Debug)]
pub struct Sample {
    pub name: String,
    pub labels: Labels,
    pub value: f64,
}

impl Sample {
    /// A label's value.
    pub fn label(&self, key: &str) -> Option<&str> {
        self.labels
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value.as_str())
    }
}

/// A parsed exposition: each family's type, and every sample in order.
#[derive(Debug, Default)]
pub struct Exposition {
    pub types: HashMap<String, String>,
    pub samples: Vec<Sample>,
}

fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic() || first == '_' || first == ':')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':')
}

/// The family a sample belongs to: histograms' `_bucket`, `_sum` and `_count` samples
/// belong to the histogram.
fn family_of<'a>(name: &'a str, types: &HashMap<String, String>) -> Option<&'a str> {
    if types.contains_key(name) {
        return Some(name);
    }
    ["_bucket", "_sum", "_count"].iter().find_map(|suffix| {
        let family = name.strip_suffix(suffix)?;
        (types.get(family).map(String::as_str) == Some("histogram")).then_some(family)
    })
}

/// Reads `{a="1",b="x\"y"}`; panics on anything malformed.
fn labels(text: &str, line: &str) -> Labels {
    let mut labels = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let (key, after) = rest
            .split_once("=\"")
            .unwrap_or_else(|| panic!("label without =\" in {line:?}"));
        assert!(is_name(key), "label name {key:?} in {line:?}");
        let mut value = String::new();
        let mut chars = after.char_indices();
        let end = loop {
            match chars.next() {
                Some((_, '\\')) => match chars.next() {
                    Some((_, 'n')) => value.push('\n'),
                    Some((_, c @ ('\\' | '"'))) => value.push(c),
                    other => panic!("bad escape {other:?} in {line:?}"),
                },
                Some((at, '"')) => break at,
                Some((_, c)) => value.push(c),
                None => panic!("unterminated label value in {line:?}"),
            }
        };
        labels.push((key.to_string(), value));
        rest = &after[end + 1..];
        rest = rest.strip_prefix(',').unwrap_or(rest);
        assert!(!rest.starts_with(','), "empty label in {line:?}");
    }
    labels
}

/// Parses an exposition, checking HELP/TYPE lines precede each family's samples, names
/// and labels are well formed and values are numbers.
pub fn parse(text: &str) -> Exposition {
    let mut exposition = Exposition::default();
    let mut helped = Vec::new();
    assert!(text.ends_with('\n'), "the exposition ends with a newline");
    for line in text.lines() {
        if let Some(help) = line.strip_prefix("# HELP ") {
            let (name, _) = help.split_once(' ').expect("HELP name and text");
            assert!(is_name(name), "HELP name {name:?}");
            helped.push(name.to_string());
        } else if let Some(kind) = line.strip_prefix("# TYPE ") {
            let (name, kind) = kind.split_once(' ').expect("TYPE name and type");
            assert!(
                ["counter", "gauge", "histogram", "summary", "untyped"].contains(&kind),
                "type {kind:?}"
            );
            assert!(
                helped.contains(&name.to_string()),
                "HELP before TYPE {name}"
            );
            let before = exposition.types.insert(name.to_string(), kind.to_string());
            assert!(before.is_none(), "one TYPE line per family: {name}");
        } else {
            assert!(!line.starts_with('#'), "unknown comment {line:?}");
            let (series, value) = line.rsplit_once(' ').expect("series and value");
            let value: f64 = match value {
                "+Inf" => f64::INFINITY,
                "-Inf" => f64::NEG_INFINITY,
                number => number
                    .parse()
                    .unwrap_or_else(|_| panic!("value {number:?} in {line:?}")),
            };
            let (name, labels) = match series.split_once('{') {
                Some((name, rest)) => {
                    let inner = rest.strip_suffix('}').expect("closing brace");
                    (name, labels(inner, line))
                }
                None => (series, Vec::new()),
            };
            assert!(is_name(name), "metric name {name:?}");
            assert!(
                family_of(name, &exposition.types).is_some(),
                "a TYPE line precedes {name}"
            );
            exposition.samples.push(Sample {
                name: name.to_string(),
                labels,
                value,
            });
        }
    }
    exposition
}

impl Exposition {
    /// Samples of one metric name.
    pub fn named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Sample> + 'a {
        self.samples
            .iter()
            .filter(move |sample| sample.name == name)
    }

    /// The one value of a metric name with these labels.
    pub fn value(&self, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
        self.named(name)
            .find(|sample| {
                labels
                    .iter()
                    .all(|(key, value)| sample.label(key) == Some(value))
            })
            .map(|sample| sample.value)
    }

    /// Checks a histogram's series: buckets with increasing `le`, cumulative counts,
    /// the last at `+Inf` and equal to `_count`.
    pub fn check_histogram(&self, family: &str) {
        assert_eq!(
            self.types.get(family).map(String::as_str),
            Some("histogram")
        );
        let bucket = format!("{family}_bucket");
        let mut series: HashMap<Labels, Vec<(f64, f64)>> = HashMap::new();
        for sample in self.named(&bucket) {
            let le = sample.label("le").expect("bucket has le");
            let le = if le == "+Inf" {
                f64::INFINITY
            } else {
                le.parse().expect("le is a number")
            };
            let others: Vec<_> = sample
                .labels
                .iter()
                .filter(|(key, _)| key != "le")
                .cloned()
                .collect();
            series.entry(others).or_default().push((le, sample.value));
        }
        assert!(!series.is_empty(), "{family} has buckets");
        for (others, buckets) in series {
            for pair in buckets.windows(2) {
                assert!(pair[0].0 < pair[1].0, "le increases in {family}{others:?}");
                assert!(
                    pair[0].1 <= pair[1].1,
                    "buckets are cumulative in {family}{others:?}"
                );
            }
            let (last_le, last_count) = *buckets.last().expect("buckets");
            assert_eq!(last_le, f64::INFINITY, "the last bucket is +Inf");
            let labels: Vec<(&str, &str)> = others
                .iter()
                .map(|(key, value)| (key.as_str(), value.as_str()))
                .collect();
            let count = self
                .value(&format!("{family}_count"), &labels)
                .expect("a _count series");
            assert_eq!(count, last_count, "+Inf bucket equals _count");
        }
    }
}
