//! Tests for the demo text generator.

use std::collections::HashSet;

use super::*;

const EN_CHILDREN: &[&str] = &[
    "diplomacy",
    "legislation",
    "war-on-terror",
    "eu-affairs",
    "elections",
    "news-analysis",
    "istanbul",
    "education",
    "investigations",
    "minorities",
    "expat-corner",
    "diaspora",
    "mid-east",
    "europe",
    "americas",
    "asia-pacific",
    "africa",
    "syrian-crisis",
    "islamophobia",
    "automotive",
    "economy",
    "energy",
    "finance",
    "tourism",
    "tech",
    "defense",
    "transportation",
    "health",
    "environment",
    "travel",
    "food",
    "fashion",
    "science",
    "religion",
    "history",
    "feature",
    "cinema",
    "music",
    "events",
    "portrait",
    "reviews",
    "performing-arts",
    "football",
    "basketball",
    "motorsports",
    "tennis",
];

fn subjects(lang: Lang) -> Vec<&'static str> {
    edition(lang).subjects.iter().map(String::as_str).collect()
}

/// Every piece of text in an article, joined by newlines.
fn full_text(a: &Article) -> String {
    let mut parts = vec![a.headline.clone(), a.standfirst.clone(), a.dateline.clone()];
    for piece in &a.pieces {
        match piece {
            Piece::Paragraph(spans) => parts.push(spans.iter().map(|s| s.text.as_str()).collect()),
            Piece::Heading(text) => parts.push(text.clone()),
            Piece::Quote { text, cite } => parts.extend([text.clone(), cite.clone()]),
            Piece::List(items) => parts.extend(items.iter().cloned()),
        }
    }
    parts.extend(a.keywords.iter().cloned());
    parts.push(a.caption.clone());
    parts.join("\n")
}

fn body_text(a: &Article) -> String {
    let mut a = a.clone();
    a.headline.clear();
    a.keywords.clear();
    full_text(&a)
}

fn every_article(mut check: impl FnMut(Lang, &str, bool, &Article)) {
    for lang in [Lang::English, Lang::Arabic] {
        for (i, subject) in subjects(lang).into_iter().enumerate() {
            for seed in 0..4u64 {
                let opinion = seed == 3;
                let mut rng = Rng::new(seed * 7919 + i as u64);
                let words = [300, 800, 1500][(seed % 3) as usize];
                let article = write_article(lang, subject, opinion, words, &mut rng);
                check(lang, subject, opinion, &article);
            }
        }
    }
}

#[test]
fn article_length_follows_the_requested_word_count() {
    for lang in [Lang::English, Lang::Arabic] {
        for (i, subject) in subjects(lang).into_iter().enumerate() {
            for words in [300usize, 1500] {
                for seed in 0..6u64 {
                    let mut rng = Rng::new(seed * 1000 + i as u64);
                    let article = write_article(lang, subject, seed == 5, words, &mut rng);
                    let n = count_words(&article.pieces);
                    assert!(
                        n * 100 >= words * 85 && n * 100 <= words * 115,
                        "{lang:?} {subject} asked for {words} words, got {n}"
                    );
                }
            }
        }
    }
}

#[test]
fn same_seed_gives_same_article() {
    for lang in [Lang::English, Lang::Arabic] {
        let a = write_article(lang, "economy", false, 700, &mut Rng::new(42));
        let b = write_article(lang, "economy", false, 700, &mut Rng::new(42));
        let c = write_article(lang, "economy", false, 700, &mut Rng::new(43));
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
        assert_ne!(format!("{a:?}"), format!("{c:?}"));
        let x = photo_caption(lang, "gallery", &mut Rng::new(7));
        assert_eq!(x, photo_caption(lang, "gallery", &mut Rng::new(7)));
    }
}

#[test]
fn arabic_articles_are_written_in_arabic_script() {
    every_article(|lang, subject, _, article| {
        if lang != Lang::Arabic {
            return;
        }
        let text = full_text(article);
        assert!(
            !text.chars().any(|c| c.is_ascii_alphabetic()),
            "Latin letters in Arabic {subject}: {text}"
        );
        let arabic = text
            .chars()
            .filter(|c| ('\u{0600}'..='\u{06FF}').contains(c))
            .count();
        assert!(arabic * 2 > text.chars().filter(|c| !c.is_whitespace()).count());
    });
}

#[test]
fn every_english_subject_yields_text_on_its_theme() {
    let mut headlines = HashSet::new();
    for (i, subject) in EN_CHILDREN.iter().enumerate() {
        let bank = edition(Lang::English)
            .banks
            .iter()
            .find(|b| has(&b.subjects, subject));
        let Some(bank) = bank else {
            panic!("no bank for {subject}");
        };
        let article = write_article(Lang::English, subject, false, 400, &mut Rng::new(i as u64));
        let body = body_text(&article);
        assert!(
            bank.topics.iter().any(|t| body.contains(t.as_str())),
            "{subject} body is off its theme: {body}"
        );
        assert!(
            headlines.insert(article.headline.clone()),
            "{}",
            article.headline
        );
    }
}

#[test]
fn unknown_subjects_fall_back_to_general_news() {
    let article = write_article(
        Lang::English,
        "no-such-section",
        false,
        300,
        &mut Rng::new(1),
    );
    let body = body_text(&article);
    assert!(
        edition(Lang::English)
            .general
            .topics
            .iter()
            .any(|t| body.contains(t.as_str()))
    );
}

#[test]
fn topics_have_ascii_slugs_and_known_subjects() {
    for (lang, at_least) in [(Lang::English, 12), (Lang::Arabic, 8)] {
        let known = subjects(lang);
        let list = topics(lang);
        assert!(list.len() >= at_least);
        let mut slugs = HashSet::new();
        for topic in list {
            assert!(slugs.insert(&topic.slug), "duplicate slug {}", topic.slug);
            assert!(
                !topic.slug.is_empty()
                    && !topic.slug.starts_with('-')
                    && !topic.slug.ends_with('-')
                    && topic
                        .slug
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "bad slug {}",
                topic.slug
            );
            assert!(!topic.name.is_empty() && topic.description.ends_with('.'));
            assert!(!topic.subjects.is_empty());
            for s in &topic.subjects {
                assert!(
                    known.contains(&s.as_str()),
                    "{} lists unknown subject {s}",
                    topic.slug
                );
            }
        }
    }
}

#[test]
fn headlines_and_standfirsts_have_the_requested_lengths() {
    every_article(|lang, subject, _, article| {
        let h = word_count(&article.headline);
        let s = word_count(&article.standfirst);
        assert!(
            (6..=14).contains(&h),
            "{lang:?} {subject}: {}",
            article.headline
        );
        assert!(
            (15..=35).contains(&s),
            "{lang:?} {subject}: {}",
            article.standfirst
        );
    });
}

#[test]
fn opinion_pieces_are_argued_in_the_first_person() {
    let english = [" I ", "I ", " my ", " we ", "We "];
    let arabic = [
        "أعتقد",
        "رأيي",
        "أرى",
        "أنني",
        "لست",
        "أتابع",
        "دعوني",
        "كتبت",
        "أعيش",
    ];
    every_article(|lang, subject, opinion, article| {
        if !opinion && !is_opinion_subject(subject) {
            return;
        }
        let body = body_text(article);
        let marks: &[&str] = if lang == Lang::English {
            &english
        } else {
            &arabic
        };
        assert!(
            marks.iter().any(|m| body.contains(m)),
            "{lang:?} {subject} opinion is not in the first person: {body}"
        );
    });
}

#[test]
fn templates_leave_no_unfilled_slots() {
    every_article(|lang, subject, _, article| {
        let text = full_text(article);
        for bad in ['{', '}', '[', ']', '|', '/'] {
            assert!(
                !text.contains(bad),
                "{lang:?} {subject} has {bad:?}: {text}"
            );
        }
        assert!(
            !text.contains("  "),
            "{lang:?} {subject} has a double space"
        );
    });
}

#[test]
fn keywords_datelines_and_captions_are_well_formed() {
    every_article(|lang, subject, _, article| {
        assert!(
            (3..=6).contains(&article.keywords.len()),
            "{:?}",
            article.keywords
        );
        assert!(!article.dateline.is_empty());
        assert!(article.caption.ends_with('.'));
        assert_eq!(
            article.caption.matches('.').count(),
            1,
            "{}",
            article.caption
        );
        if lang == Lang::English {
            for k in &article.keywords {
                assert_eq!(k, &k.to_lowercase(), "{subject}");
            }
            assert_eq!(article.dateline, article.dateline.to_uppercase());
        }
    });
}

#[test]
fn paragraphs_hold_two_to_five_sentences_and_bodies_vary_in_shape() {
    let (mut headings, mut quotes, mut lists, mut bold, mut italic) = (0, 0, 0, 0, 0);
    every_article(|lang, _, _, article| {
        for piece in &article.pieces {
            match piece {
                Piece::Paragraph(spans) => {
                    let text: String = spans.iter().map(|s| s.text.as_str()).collect();
                    let ends = text.matches(['.', '?', '؟']).count();
                    let note = spans.iter().all(|s| s.italic);
                    assert!(note || (2..=7).contains(&ends), "{lang:?}: {text}");
                    bold += spans.iter().filter(|s| s.bold).count();
                    italic += spans.iter().filter(|s| s.italic).count();
                }
                Piece::Heading(_) => headings += 1,
                Piece::Quote { .. } => quotes += 1,
                Piece::List(items) => {
                    assert!((3..=5).contains(&items.len()));
                    lists += 1;
                }
            }
        }
    });
    assert!(headings > 20 && quotes > 20 && lists > 20 && bold > 20 && italic > 20);
}

#[test]
fn headlines_rarely_repeat_across_an_edition() {
    for lang in [Lang::English, Lang::Arabic] {
        let list = subjects(lang);
        let mut rng = Rng::new(2024);
        let mut seen = HashSet::new();
        for i in 0..450 {
            let subject = list[i % list.len()];
            let article = write_article(lang, subject, false, 300, &mut rng);
            seen.insert(article.headline);
        }
        assert!(
            seen.len() >= 430,
            "{lang:?}: only {} distinct headlines",
            seen.len()
        );
    }
}

#[test]
fn photo_captions_describe_a_scene_in_one_sentence() {
    for lang in [Lang::English, Lang::Arabic] {
        let mut rng = Rng::new(5);
        for subject in subjects(lang) {
            let caption = photo_caption(lang, subject, &mut rng);
            assert!(
                word_count(&caption) >= 5 && caption.ends_with('.'),
                "{caption}"
            );
            assert!(!caption.contains('{'));
        }
    }
}

#[test]
fn rng_stays_in_range() {
    let mut rng = Rng::new(9);
    assert_eq!(rng.below(0), 0);
    for n in 1..50 {
        assert!(rng.below(n) < n);
    }
    assert!(!(0..100).any(|_| rng.chance(0)));
    assert!((0..100).all(|_| rng.chance(100)));
    assert_eq!(*rng.pick(&[7]), 7);
}

#[test]
fn every_article_names_a_recurring_figure_of_its_subject() {
    for lang in [Lang::English, Lang::Arabic] {
        let ed = edition(lang);
        for (i, bank) in ed.banks.iter().enumerate() {
            for subject in &bank.subjects {
                let figures: Vec<&str> = ed
                    .banks
                    .iter()
                    .filter(|b| has(&b.subjects, subject))
                    .filter_map(|b| b.figure.as_ref().map(|f| f.name.as_str()))
                    .collect();
                for opinion in [false, true] {
                    let mut rng = Rng::new(31 * i as u64 + u64::from(opinion));
                    let article = write_article(lang, subject, opinion, 400, &mut rng);
                    let body = body_text(&article);

                    assert!(
                        figures.iter().any(|name| body.contains(name)),
                        "{lang:?} {subject} names none of {figures:?}: {body}"
                    );
                }
            }
        }
    }
}

#[test]
fn every_word_a_topic_is_about_names_a_subject_of_its_edition() {
    for lang in [Lang::English, Lang::Arabic] {
        let ed = edition(lang);
        for topic in topics(lang) {
            assert!(!topic.about.is_empty(), "{lang:?} {}", topic.slug);
            for word in &topic.about {
                let named = ed
                    .banks
                    .iter()
                    .chain([&ed.general])
                    .flat_map(|bank| &bank.topics)
                    .any(|subject| TopicSeed::is_about_word(word, subject));
                assert!(named, "{lang:?} {}: {word} names no subject", topic.slug);
            }
            let fits = ed
                .banks
                .iter()
                .filter(|bank| bank.subjects.iter().any(|s| topic.subjects.contains(s)))
                .flat_map(|bank| &bank.topics)
                .any(|subject| topic.is_about(subject));
            assert!(
                fits,
                "{lang:?} {} is about none of its sections' subjects",
                topic.slug
            );
        }
    }
}

#[test]
fn an_article_names_its_subject_in_its_headline() {
    every_article(|lang, subject, _, article| {
        let named = headline_form(&article.subject).to_lowercase();

        assert!(
            article.headline.to_lowercase().contains(&named),
            "{lang:?} {subject}: {} / {}",
            article.headline,
            article.subject
        );
    });
}
