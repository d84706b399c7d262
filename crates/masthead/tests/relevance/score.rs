//! nDCG@10 and recall@10 of ranked results against labels, and their means per group as a
//! Markdown table.

use std::collections::{BTreeMap, HashSet};

/// Results that count: the first page a reader sees.
pub const DEPTH: usize = 10;

/// How well one query's results match its labels.
#[derive(Clone, Copy, Debug, Default)]
pub struct Score {
    /// Discounted cumulative gain of the first [`DEPTH`] results (a relevant story at rank
    /// r gains 1/log2(r + 1)), over that of the ideal order (every relevant story first).
    pub ndcg: f64,
    /// Relevant stories among the first [`DEPTH`], over min([`DEPTH`], relevant stories).
    pub recall: f64,
}

impl Score {
    /// The score of `ranked` results (best first) against the `relevant` set.
    pub fn of(ranked: &[String], relevant: &HashSet<String>) -> Score {
        let gain = |rank: usize| 1.0 / ((rank + 2) as f64).log2();
        let found: Vec<usize> = ranked
            .iter()
            .take(DEPTH)
            .enumerate()
            .filter(|(_, key)| relevant.contains(*key))
            .map(|(rank, _)| rank)
            .collect();
        let ideal = relevant.len().min(DEPTH);
        if ideal == 0 {
            return Score::default();
        }
        let dcg = found
            .iter()
            .map(|&rank| gain(rank))
            .fold(0.0, |sum, gain| sum + gain);
        let best: f64 = (0..ideal).map(gain).sum();
        Score {
            ndcg: dcg / best,
            recall: found.len() as f64 / ideal as f64,
        }
    }
}

/// Scores gathered per group, each group's the mean over its queries.
#[derive(Debug, Default)]
pub struct Table {
    groups: BTreeMap<String, Vec<Score>>,
}

/// The groups in the order the table shows them; others follow in name order.
const ORDER: [&str; 11] = [
    "Overall",
    "English",
    "Arabic",
    "topics",
    "broad words",
    "names",
    "Turkish/diacritics",
    "Arabic letter forms",
    "plural/singular",
    "phrases",
    "exclusions",
];

impl Table {
    /// Counts a query's score in each of its groups.
    pub fn add(&mut self, groups: &[&str], score: Score) {
        for group in groups {
            self.groups
                .entry((*group).to_string())
                .or_default()
                .push(score);
        }
    }

    /// A group's query count and mean score.
    pub fn mean(&self, group: &str) -> (usize, Score) {
        let scores = self.groups.get(group).map_or(&[][..], Vec::as_slice);
        let n = scores.len().max(1) as f64;
        let sum = |field: fn(&Score) -> f64| scores.iter().map(field).sum::<f64>() / n;
        (
            scores.len(),
            Score {
                ndcg: sum(|score| score.ndcg),
                recall: sum(|score| score.recall),
            },
        )
    }

    /// The groups, in table order.
    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = ORDER
            .into_iter()
            .filter(|name| self.groups.contains_key(*name))
            .collect();
        names.extend(
            self.groups
                .keys()
                .map(String::as_str)
                .filter(|name| !ORDER.contains(name)),
        );
        names
    }
}

/// One Markdown table of several runs' tables side by side (a column pair per run).
pub fn markdown(runs: &[(&str, &Table)]) -> String {
    let mut out = String::from("| Group | Queries |");
    let mut rule = String::from("|---|---:|");
    for (name, _) in runs {
        out.push_str(&format!(" nDCG@10 {name} | recall@10 {name} |"));
        rule.push_str("---:|---:|");
    }
    out.push('\n');
    out.push_str(&rule);
    out.push('\n');
    let Some((_, first)) = runs.first() else {
        return out;
    };
    for group in first.names() {
        let (count, _) = first.mean(group);
        out.push_str(&format!("| {group} | {count} |"));
        for (_, table) in runs {
            let (_, score) = table.mean(group);
            out.push_str(&format!(" {:.3} | {:.3} |", score.ndcg, score.recall));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(keys: &[&str]) -> Vec<String> {
        keys.iter().map(|key| (*key).to_string()).collect()
    }

    fn set(keys: &[&str]) -> HashSet<String> {
        keys.iter().map(|key| (*key).to_string()).collect()
    }

    #[test]
    fn every_relevant_story_first_scores_one() {
        let score = Score::of(&keys(&["a", "b", "x"]), &set(&["a", "b"]));

        assert_eq!((score.ndcg, score.recall), (1.0, 1.0));
    }

    #[test]
    fn a_relevant_story_lower_down_scores_less_but_counts_for_recall() {
        let score = Score::of(&keys(&["x", "a"]), &set(&["a"]));

        assert!((score.ndcg - 1.0 / 3f64.log2()).abs() < 1e-9, "{score:?}");
        assert_eq!(score.recall, 1.0);
    }

    #[test]
    fn recall_counts_the_first_ten_against_at_most_ten() {
        let relevant: Vec<String> = (0..20).map(|n| n.to_string()).collect();
        let mut ranked: Vec<String> = (0..5).map(|n| n.to_string()).collect();
        ranked.extend((0..5).map(|n| format!("x{n}")));
        ranked.extend((5..10).map(|n| n.to_string()));

        let score = Score::of(&ranked, &relevant.into_iter().collect());

        assert_eq!(score.recall, 0.5);
        assert!((score.ndcg - 0.649).abs() < 0.001, "{score:?}");
    }

    #[test]
    fn nothing_found_scores_zero() {
        let score = Score::of(&[], &set(&["a"]));

        assert_eq!((score.ndcg, score.recall), (0.0, 0.0));
    }
}
