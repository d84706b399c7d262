//! The phrase banks: the TOML files in the crate's `data/` folder, built into the binary
//! and parsed once per language, the first time that language writes.
//!
//! Every file may hold any part of an edition; an edition is its files merged in order.
//! Bank order matters (a seeded pick between banks takes them in file order), so banks
//! are kept as listed.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use anyhow::Context;
use serde::Deserialize;

use super::{Lang, TopicSeed};

/// The English edition's files, in the order their banks are merged.
const ENGLISH_FILES: &[(&str, &str)] = &[
    ("en.toml", include_str!("../../data/en.toml")),
    ("en_news.toml", include_str!("../../data/en_news.toml")),
    ("en_life.toml", include_str!("../../data/en_life.toml")),
    ("en_arts.toml", include_str!("../../data/en_arts.toml")),
];

/// The Arabic edition's files.
const ARABIC_FILES: &[(&str, &str)] = &[
    ("ar.toml", include_str!("../../data/ar.toml")),
    ("ar_banks.toml", include_str!("../../data/ar_banks.toml")),
];

static ENGLISH: LazyLock<Edition> = LazyLock::new(|| built_in(ENGLISH_FILES));
static ARABIC: LazyLock<Edition> = LazyLock::new(|| built_in(ARABIC_FILES));

/// The edition that writes in `lang`.
pub(super) fn edition(lang: Lang) -> &'static Edition {
    match lang {
        Lang::English => &ENGLISH,
        Lang::Arabic => &ARABIC,
    }
}

/// Parses files that are part of the binary: a failure is a mistake in the data, which
/// the crate's tests catch, not something a run can recover from.
fn built_in(files: &[(&str, &str)]) -> Edition {
    match Edition::parse(files) {
        Ok(edition) => edition,
        Err(error) => panic!("the demo's phrase banks: {error:#}"),
    }
}

/// The phrase bank of one subject; every field holds alternatives.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(super) struct Bank {
    /// Section slugs the bank writes for.
    pub(super) subjects: Vec<String>,
    /// Noun phrases the story can be about (singular, with their article).
    pub(super) topics: Vec<String>,
    /// People or bodies who act and speak in the story.
    pub(super) actors: Vec<String>,
    /// Clauses that state a fact; they read after "that" and at a sentence start.
    pub(super) facts: Vec<String>,
    /// Keywords for the article (lowercase in English).
    pub(super) keywords: Vec<String>,
    /// Photo scenes, starting with a capital, without a final stop.
    pub(super) scenes: Vec<String>,
    /// Places for the dateline; empty means the edition's default cities.
    pub(super) places: Vec<String>,
    /// Extra headline templates specific to the subject.
    pub(super) headlines: Vec<String>,
    /// The person the subject's stories keep coming back to: every article written from
    /// the bank names them, so that a name recurs as it does in a real newsroom's
    /// archive (and searching for it finds the subject's stories).
    pub(super) figure: Option<Figure>,
}

/// A named person who recurs across a subject's stories.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Figure {
    /// Full name as the text writes it, diacritics and all.
    pub(super) name: String,
    /// Who they are, read after the name and a comma ("the deputy foreign minister").
    pub(super) role: String,
    /// Whether Arabic verbs about them take the feminine form.
    #[serde(default)]
    pub(super) female: bool,
}

/// Everything one language edition needs to write.
#[derive(Debug)]
pub(super) struct Edition {
    /// Named template lists: slot name and alternatives. A name prefixed with a register
    /// (`sport:concern`) replaces the plain entry for banks in that register.
    lexicon: HashMap<String, Vec<String>>,
    /// Registers with their own vocabulary, and the subjects written in each.
    pub(super) registers: BTreeMap<String, Vec<String>>,
    /// The subject banks, in file order.
    pub(super) banks: Vec<Bank>,
    /// The bank for general news, used for unknown subjects.
    pub(super) general: Bank,
    /// Section groups: parent slug and its child slugs.
    pub(super) groups: HashMap<String, Vec<String>>,
    /// Every subject slug the edition knows.
    pub(super) subjects: Vec<String>,
    /// The curated topics.
    pub(super) topics: Vec<TopicSeed>,
    /// A keyword added to opinion pieces.
    pub(super) opinion_keyword: String,
}

/// One data file: any parts of an edition.
#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct DataFile {
    opinion_keyword: Option<String>,
    subjects: Vec<String>,
    groups: HashMap<String, Vec<String>>,
    registers: BTreeMap<String, Vec<String>>,
    lexicon: HashMap<String, Vec<String>>,
    general: Option<Bank>,
    banks: Vec<Bank>,
    topics: Vec<TopicSeed>,
}

impl Edition {
    /// Parses and merges an edition's files (name and text), in order. A name defined
    /// twice (a lexicon entry, group or register) is an error, as is a missing general
    /// bank or opinion keyword.
    pub(super) fn parse(files: &[(&str, &str)]) -> anyhow::Result<Edition> {
        let mut merged = DataFile::default();
        for (name, text) in files {
            let file: DataFile = toml::from_str(text).with_context(|| format!("parsing {name}"))?;
            merge(&mut merged, file).with_context(|| format!("merging {name}"))?;
        }
        Ok(Edition {
            lexicon: merged.lexicon,
            registers: merged.registers,
            banks: merged.banks,
            general: merged.general.context("no [general] bank")?,
            groups: merged.groups,
            subjects: merged.subjects,
            topics: merged.topics,
            opinion_keyword: merged.opinion_keyword.context("no opinion_keyword")?,
        })
    }

    /// The lexicon entry `name`.
    pub(super) fn lookup(&'static self, name: &str) -> Option<&'static [String]> {
        self.lexicon.get(name).map(Vec::as_slice)
    }
}

fn merge(into: &mut DataFile, file: DataFile) -> anyhow::Result<()> {
    if let Some(keyword) = file.opinion_keyword {
        anyhow::ensure!(into.opinion_keyword.is_none(), "a second opinion_keyword");
        into.opinion_keyword = Some(keyword);
    }
    if let Some(general) = file.general {
        anyhow::ensure!(into.general.is_none(), "a second [general] bank");
        into.general = Some(general);
    }
    insert_new(&mut into.lexicon, file.lexicon, "lexicon entry")?;
    insert_new(&mut into.groups, file.groups, "group")?;
    for (name, subjects) in file.registers {
        anyhow::ensure!(!into.registers.contains_key(&name), "register {name} twice");
        into.registers.insert(name, subjects);
    }
    into.subjects.extend(file.subjects);
    into.banks.extend(file.banks);
    into.topics.extend(file.topics);
    Ok(())
}

fn insert_new(
    into: &mut HashMap<String, Vec<String>>,
    from: HashMap<String, Vec<String>>,
    what: &str,
) -> anyhow::Result<()> {
    for (name, alternatives) in from {
        anyhow::ensure!(!into.contains_key(&name), "{what} {name} twice");
        into.insert(name, alternatives);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_editions_parse_from_their_files() {
        for files in [ENGLISH_FILES, ARABIC_FILES] {
            let edition = Edition::parse(files).expect("the built-in banks parse");

            assert!(!edition.banks.is_empty() && !edition.subjects.is_empty());
        }
    }

    #[test]
    fn no_list_in_the_banks_is_empty_or_holds_an_empty_alternative() {
        for lang in [Lang::English, Lang::Arabic] {
            let ed = edition(lang);
            let banks = ed.banks.iter().chain([&ed.general]);
            let lists = banks
                .flat_map(|b| [&b.subjects, &b.topics, &b.actors, &b.facts, &b.scenes])
                .chain(ed.lexicon.values());

            for list in lists {
                assert!(!list.is_empty(), "{lang:?}: an empty list");
                assert!(list.iter().all(|a| !a.is_empty()), "{lang:?}: {list:?}");
            }
        }
    }

    #[test]
    fn every_subject_bank_has_a_figure_of_its_own() {
        for lang in [Lang::English, Lang::Arabic] {
            let mut names = std::collections::HashSet::new();
            for bank in &edition(lang).banks {
                let figure = bank.figure.as_ref();
                let figure = figure.unwrap_or_else(|| panic!("{lang:?}: {:?}", bank.subjects));

                assert!(!figure.role.is_empty(), "{lang:?}: {}", figure.name);
                assert!(
                    names.insert(&figure.name),
                    "{lang:?}: {} twice",
                    figure.name
                );
            }
        }
    }

    #[test]
    fn a_subject_belongs_to_one_register_at_most() {
        for lang in [Lang::English, Lang::Arabic] {
            let mut seen = std::collections::HashSet::new();
            for subject in edition(lang).registers.values().flatten() {
                assert!(seen.insert(subject), "{lang:?}: {subject} in two registers");
            }
        }
    }

    #[test]
    fn banks_and_groups_name_known_subjects() {
        for lang in [Lang::English, Lang::Arabic] {
            let ed = edition(lang);
            let named = ed.banks.iter().flat_map(|b| &b.subjects);
            let grouped = ed.groups.iter().flat_map(|(p, c)| c.iter().chain([p]));

            for subject in named.chain(grouped) {
                assert!(ed.subjects.contains(subject), "{lang:?}: {subject}");
            }
        }
    }

    #[test]
    fn an_entry_defined_in_two_files_is_refused() {
        let general = "opinion_keyword = \"x\"\n[general]\ntopics = [\"a\"]\n";
        let once = ("a.toml", "[lexicon]\nday = [\"today\"]\n");
        let again = ("b.toml", "[lexicon]\nday = [\"yesterday\"]\n");

        let result = Edition::parse(&[("g.toml", general), once, again]);

        let error = format!("{:#}", result.expect_err("a duplicate"));
        assert!(error.contains("b.toml") && error.contains("day"), "{error}");
    }
}
