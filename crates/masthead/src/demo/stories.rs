//! Generated stories for one edition: news, opinion, galleries and videos spread over
//! two years, with bylines, topics, keywords, photos and recommendations.

use std::collections::{HashMap, HashSet};

use anyhow::Context;
use jiff::{SignedDuration, Timestamp};
use store::*;

use crate::demo::text::{self, Lang, Piece, Rng};
use crate::demo::{DemoSize, EditionSeed, images, tree};
use crate::domain::slug::slugify;
use crate::media::MediaStore;

/// Minutes in the two years the demo's stories are spread over.
const TWO_YEARS_MINUTES: usize = 2 * 365 * 24 * 60;

/// The demo's staff, columnists and agencies.
pub struct People {
    staff: Vec<i64>,
    columnists: Vec<i64>,
    agencies: Vec<i64>,
}

impl People {
    /// Creates the demo's people.
    pub async fn create(store: &dyn Store) -> anyhow::Result<People> {
        let mut people = People {
            staff: Vec::new(),
            columnists: Vec::new(),
            agencies: Vec::new(),
        };
        for (name, title, bio, columnist) in tree::STAFF {
            let id = store
                .create_author(&NewAuthor {
                    slug: slugify(name, 60),
                    name: (*name).to_string(),
                    title: (*title).to_string(),
                    bio: (*bio).to_string(),
                    columnist: *columnist,
                    image_id: None,
                })
                .await
                .with_context(|| format!("creating author {name}"))?;
            if *columnist {
                people.columnists.push(id);
            } else {
                people.staff.push(id);
            }
        }
        for agency in tree::AGENCIES {
            people.agencies.push(store.create_agency(agency).await?);
        }
        Ok(people)
    }

    fn byline(&self, kind: StoryKind, rng: &mut Rng) -> Vec<CreditRef> {
        match kind {
            StoryKind::Opinion => vec![CreditRef::Author(
                *rng.pick(&self.columnists),
                CreditRole::By,
            )],
            _ if rng.chance(35) => {
                vec![CreditRef::Agency(*rng.pick(&self.agencies), CreditRole::By)]
            }
            _ => {
                let mut credits = vec![CreditRef::Author(*rng.pick(&self.staff), CreditRole::By)];
                if rng.chance(20) {
                    let second = *rng.pick(&self.staff);
                    if credits
                        .iter()
                        .all(|c| *c != CreditRef::Author(second, CreditRole::By))
                    {
                        credits.push(CreditRef::Author(second, CreditRole::ReportedBy));
                    }
                }
                if kind == StoryKind::Gallery || rng.chance(10) {
                    credits.push(CreditRef::Author(
                        *rng.pick(&self.staff),
                        CreditRole::PhotosBy,
                    ));
                }
                credits
            }
        }
    }
}

fn kind_for(subject: &str, top: &str) -> StoryKind {
    match (subject, top) {
        ("gallery", _) => StoryKind::Gallery,
        ("tv", _) => StoryKind::Video,
        (_, "opinion") => StoryKind::Opinion,
        _ => StoryKind::News,
    }
}

fn body_of(pieces: Vec<Piece>) -> Vec<Block> {
    pieces
        .into_iter()
        .map(|piece| match piece {
            Piece::Paragraph(spans) => Block::Paragraph {
                inlines: spans
                    .into_iter()
                    .map(|span| Inline {
                        text: span.text,
                        bold: span.bold,
                        italic: span.italic,
                        link: None,
                    })
                    .collect(),
            },
            Piece::Heading(text) => Block::Heading { level: 2, text },
            Piece::Quote { text, cite } => Block::Quote {
                text,
                cite: Some(cite),
            },
            Piece::List(items) => Block::List {
                ordered: false,
                items: items
                    .into_iter()
                    .map(|item| vec![Inline::plain(item)])
                    .collect(),
            },
        })
        .collect()
}

/// Creates the edition's topics; returns topic ids by subject.
async fn create_topics(
    store: &dyn Store,
    edition: &EditionSeed,
) -> anyhow::Result<HashMap<&'static str, Vec<i64>>> {
    let mut by_subject: HashMap<&'static str, Vec<i64>> = HashMap::new();
    for seed in text::topics(edition.lang) {
        let id = store
            .create_topic(&NewTopic {
                edition_id: edition.id,
                slug: seed.slug.to_string(),
                name: seed.name.to_string(),
                description: seed.description.to_string(),
            })
            .await
            .with_context(|| format!("creating topic {}", seed.slug))?;
        for subject in seed.subjects {
            by_subject.entry(subject).or_default().push(id);
        }
    }
    Ok(by_subject)
}

/// Creates the stories of one edition; returns how many.
pub async fn create_stories(
    store: &dyn Store,
    media: &dyn MediaStore,
    people: &People,
    edition: &EditionSeed,
    size: DemoSize,
) -> anyhow::Result<usize> {
    let mut rng = Rng::new(0x6d61_7374 + edition.id as u64);
    let topics = create_topics(store, edition).await?;
    let now = Timestamp::now();
    let mut slugs: HashSet<(i64, String)> = HashSet::new();
    let mut by_section: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut count = 0;
    let credit = if edition.lang == Lang::Arabic {
        "صورة: ميريديان هيرالد"
    } else {
        "Meridian Herald Photo"
    };
    for &(section_id, subject, top) in &edition.leaves {
        let kind = kind_for(subject, top);
        let wanted = match kind {
            StoryKind::Gallery => size.stories_per_section.max(6),
            StoryKind::Video => size.stories_per_section.max(4),
            _ => size.stories_per_section,
        };
        for _ in 0..wanted {
            let words = 300 + rng.below(1100);
            let article = text::write_article(
                edition.lang,
                subject,
                kind == StoryKind::Opinion,
                words,
                &mut rng,
            );
            let mut slug = slugify(&article.headline, 80);
            while !slugs.insert((section_id, slug.clone())) {
                slug = format!("{slug}-{}", rng.below(1000));
            }
            let earlier = by_section.get(&section_id).cloned().unwrap_or_default();
            let mut body = body_of(article.pieces);
            if let Some(related) = earlier.last().filter(|_| body.len() > 4) {
                body.insert(3, Block::Related { story_id: *related });
            }
            let with_image =
                matches!(kind, StoryKind::Gallery | StoryKind::Video) || rng.chance(85);
            let hero_image_id = if with_image {
                let alt = article.caption.clone();
                Some(
                    images::make_image(
                        store,
                        media,
                        &mut rng,
                        article.caption.clone(),
                        credit.to_string(),
                        alt,
                    )
                    .await?,
                )
            } else {
                None
            };
            let mut gallery = Vec::new();
            if kind == StoryKind::Gallery {
                for _ in 0..size.gallery_photos {
                    let caption = text::photo_caption(edition.lang, subject, &mut rng);
                    let image_id = images::make_image(
                        store,
                        media,
                        &mut rng,
                        caption.clone(),
                        credit.to_string(),
                        caption.clone(),
                    )
                    .await?;
                    gallery.push(GalleryItem { image_id, caption });
                }
            }
            let mut keyword_ids = Vec::new();
            for keyword in &article.keywords {
                keyword_ids.push(
                    store
                        .ensure_keyword(edition.id, &slugify(keyword, 60), keyword)
                        .await?,
                );
            }
            keyword_ids.dedup();
            let mut topic_ids: Vec<i64> = topics.get(subject).cloned().unwrap_or_default();
            if topic_ids.len() > 2 {
                let first = rng.below(topic_ids.len() - 1);
                topic_ids = topic_ids[first..first + 2].to_vec();
            }
            let published_at = now
                .checked_sub(SignedDuration::from_mins(
                    (30 + rng.below(TWO_YEARS_MINUTES)) as i64,
                ))
                .unwrap_or(now);
            let updated_at = if rng.chance(25) {
                published_at
                    .checked_add(SignedDuration::from_mins(20 + rng.below(300) as i64))
                    .unwrap_or(published_at)
                    .min(now)
            } else {
                published_at
            };
            let recommended_ids = if rng.chance(30) {
                earlier.iter().rev().take(2).copied().collect()
            } else {
                Vec::new()
            };
            let id = store
                .create_story(&NewStory {
                    edition_id: edition.id,
                    kind,
                    status: StoryStatus::Published,
                    headline: article.headline,
                    standfirst: Some(article.standfirst),
                    slug,
                    section_id: Some(section_id),
                    secondary_section_ids: Vec::new(),
                    body: Body(body),
                    credits: people.byline(kind, &mut rng),
                    dateline: (kind != StoryKind::Opinion).then_some(article.dateline),
                    published_at: Some(published_at),
                    updated_at,
                    hero_image_id,
                    topic_ids,
                    keyword_ids,
                    recommended_ids,
                    gallery,
                    video_url: (kind == StoryKind::Video)
                        .then(|| "https://www.youtube.com/watch?v=aqz-KE-bpKQ".to_string()),
                    seo_title: None,
                    seo_description: None,
                })
                .await
                .context("creating a demo story")?;
            if count == 0 {
                // An old URL, as if the first story had moved: it answers 301.
                store
                    .create_redirect(edition.id, "/news/an-earlier-address", id)
                    .await?;
            }
            by_section.entry(section_id).or_default().push(id);
            count += 1;
        }
    }
    Ok(count)
}
