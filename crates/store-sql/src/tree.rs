//! The section tree as paths: what a rename or move changes, worked out on the rows of
//! one edition that a backend has read (and locked) inside its transaction.

use std::collections::HashMap;

use store::Section;

/// Every section's path below the edition ("/world/europe"); a section caught in a loop
/// of parents gets none.
pub fn section_paths(sections: &[Section]) -> HashMap<i64, String> {
    let by_id: HashMap<i64, &Section> = sections.iter().map(|s| (s.id, s)).collect();
    let mut paths = HashMap::new();
    for section in sections {
        let mut slugs = Vec::new();
        let mut next = Some(section);
        while let Some(current) = next {
            if slugs.len() > sections.len() {
                slugs.clear();
                break;
            }
            slugs.push(current.slug.as_str());
            next = current
                .parent_id
                .and_then(|parent| by_id.get(&parent).copied());
        }
        if !slugs.is_empty() {
            slugs.reverse();
            paths.insert(section.id, format!("/{}", slugs.join("/")));
        }
    }
    paths
}

/// A section and everything below it.
pub fn subtree(sections: &[Section], root: i64) -> Vec<i64> {
    let mut ids = vec![root];
    let mut index = 0;
    while index < ids.len() && ids.len() <= sections.len() {
        let parent = ids[index];
        ids.extend(
            sections
                .iter()
                .filter(|s| s.parent_id == Some(parent))
                .map(|s| s.id),
        );
        index += 1;
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(id: i64, parent_id: Option<i64>, slug: &str) -> Section {
        Section {
            id,
            edition_id: 1,
            parent_id,
            slug: slug.into(),
            name: slug.into(),
            description: String::new(),
            position: 0,
        }
    }

    #[test]
    fn paths_follow_parents_and_loops_have_none() {
        let tree = [
            section(1, None, "world"),
            section(2, Some(1), "europe"),
            section(3, Some(4), "a"),
            section(4, Some(3), "b"),
        ];

        let paths = section_paths(&tree);

        assert_eq!(paths[&2], "/world/europe");
        assert!(!paths.contains_key(&3));
        assert_eq!(subtree(&tree, 1), [1, 2]);
    }
}
