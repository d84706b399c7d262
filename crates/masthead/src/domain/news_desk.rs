//! The rules of newsroom desks: what a desk's name may be, the ids a desk form sends, and
//! what an account's desks decide (the sections its review queue shows, and where its
//! new stories start).

use store::NewsDesk;

/// Longest desk name, in characters.
pub const MAX_NAME: usize = 80;

/// Why a desk form was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeskProblem {
    /// No name (or only spaces).
    NameRequired,
    /// A name over [`MAX_NAME`] characters.
    NameTooLong,
    /// An id that is not a number.
    BadChoice,
}

/// A desk's name: trimmed, its inner runs of spaces (and control characters) made one
/// space, between 1 and [`MAX_NAME`] characters.
pub fn desk_name(input: &str) -> Result<String, DeskProblem> {
    let name = input
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    match name.chars().count() {
        0 => Err(DeskProblem::NameRequired),
        count if count > MAX_NAME => Err(DeskProblem::NameTooLong),
        _ => Ok(name),
    }
}

/// The ids of a form's ticked boxes (`values`); any that is not a positive number
/// refuses them all.
pub fn desk_ids<'a>(values: impl IntoIterator<Item = &'a str>) -> Result<Vec<i64>, DeskProblem> {
    values
        .into_iter()
        .map(|value| {
            value
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|id| *id > 0)
                .ok_or(DeskProblem::BadChoice)
        })
        .collect()
}

/// The sections an account's review queue keeps to: its desks' sections, or `None` (every
/// story it may review) when it is on no desk.
pub fn review_sections(desks: &[NewsDesk]) -> Option<Vec<i64>> {
    if desks.is_empty() {
        return None;
    }
    let mut sections: Vec<i64> = desks
        .iter()
        .flat_map(|desk| desk.section_ids.iter().copied())
        .collect();
    sections.sort_unstable();
    sections.dedup();
    Some(sections)
}

/// Where a new story in an edition starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartingSection {
    /// The first section (in menu order) of the account's first desk there with one.
    Desk(i64),
    /// The edition's first section in menu order (the account has no desk there).
    First(i64),
}

impl StartingSection {
    /// The section's id.
    pub fn id(self) -> i64 {
        match self {
            StartingSection::Desk(id) | StartingSection::First(id) => id,
        }
    }
}

/// Where an account's new story in an edition starts: its desk's first section there, else
/// `first` (the edition's first section in menu order), else nowhere (a static page).
pub fn starting_section(
    desks: &[NewsDesk],
    edition_id: i64,
    first: Option<i64>,
) -> Option<StartingSection> {
    desks
        .iter()
        .filter(|desk| desk.edition_id == edition_id)
        .find_map(|desk| desk.section_ids.first().copied())
        .map(StartingSection::Desk)
        .or(first.map(StartingSection::First))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn desk(edition_id: i64, section_ids: Vec<i64>) -> NewsDesk {
        NewsDesk {
            id: 1,
            edition_id,
            name: "Desk".into(),
            section_ids,
            member_ids: vec![7],
        }
    }

    #[test]
    fn names_are_trimmed_one_line_and_limited() {
        assert_eq!(desk_name("  Sport \n\t desk "), Ok("Sport desk".into()));
        assert_eq!(desk_name("الديسك العربي"), Ok("الديسك العربي".into()));
        assert_eq!(desk_name(" \u{0} "), Err(DeskProblem::NameRequired));
        assert_eq!(desk_name(&"x".repeat(81)), Err(DeskProblem::NameTooLong));
        assert_eq!(desk_name(&"ع".repeat(80)).map(|n| n.len()), Ok(160));
    }

    #[test]
    fn ids_must_all_be_positive_numbers() {
        assert_eq!(desk_ids(["3", " 4 "]), Ok(vec![3, 4]));
        for bad in ["", "0", "-1", "1 OR 1=1", "../2", "99999999999999999999"] {
            assert_eq!(desk_ids([bad]), Err(DeskProblem::BadChoice), "{bad:?}");
        }
    }

    #[test]
    fn an_account_on_no_desk_reviews_everything_and_one_on_desks_their_sections() {
        assert_eq!(review_sections(&[]), None);
        let desks = [desk(1, vec![5, 3]), desk(2, vec![3, 9])];
        assert_eq!(review_sections(&desks), Some(vec![3, 5, 9]));
        assert_eq!(review_sections(&[desk(1, vec![])]), Some(vec![]));
    }

    #[test]
    fn a_new_story_starts_on_the_desk_of_its_edition_else_in_the_first_section() {
        let desks = [desk(2, vec![20]), desk(1, vec![]), desk(1, vec![12, 11])];
        assert_eq!(
            starting_section(&desks, 1, Some(10)),
            Some(StartingSection::Desk(12))
        );
        assert_eq!(
            starting_section(&desks, 3, Some(30)),
            Some(StartingSection::First(30))
        );
        assert_eq!(starting_section(&[], 3, None), None);
    }
}
