//! Generated stories for one edition: news, opinion, galleries and videos spread over
//! two years, with bylines, topics, keywords, photos and recommendations.

use std::collections::{HashMap, HashSet};

use anyhow::Context;
use jiff::{SignedDuration, Timestamp};
use store::files::MediaStore;
use store::slug::slugify;
use store::*;

use crate::archive::{ArchiveArticle, ArchiveLeaf, EditionArchive, pick_topics};
use crate::text::{self, Lang, Piece, Rng};
use crate::{DemoSize, EditionSeed, images, tree};

/// Minutes in the two years the demo's stories are spread over.
const TWO_YEARS_MINUTES: usize = 2 * 365 * 24 * 60;

/// One desk's writers: reporters and columnists.
#[derive(Default)]
struct Desk {
    staff: Vec<i64>,
    columnists: Vec<i64>,
}

/// The demo's writers per edition, and the agencies.
pub struct People {
    english: Desk,
    arabic: Desk,
    agencies: Vec<i64>,
}

async fn create_desk(
    store: &dyn Store,
    seeds: &[(&str, &str, &str, bool)],
) -> anyhow::Result<Desk> {
    let mut desk = Desk::default();
    for (name, title, bio, columnist) in seeds {
        let id = store
            .create_author(&NewAuthor {
                slug: slugify(name, 60),
                name: (*name).to_string(),
                title: (*title).to_string(),
                bio: (*bio).to_string(),
                columnist: *columnist,
                image_id: None,
                edition_id: None,
                links: String::new(),
            })
            .await
            .with_context(|| format!("creating author {name}"))?;
        if *columnist {
            desk.columnists.push(id);
        } else {
            desk.staff.push(id);
        }
    }
    Ok(desk)
}

impl People {
    /// The first English staff writer, whose byline the demo reporter uses.
    pub fn first_staff(&self) -> Option<i64> {
        self.english.staff.first().copied()
    }

    /// Creates the demo's writers and agencies.
    pub async fn create(store: &dyn Store) -> anyhow::Result<People> {
        let mut agencies = Vec::new();
        for agency in tree::AGENCIES {
            agencies.push(store.create_agency(agency).await?);
        }
        Ok(People {
            english: create_desk(store, tree::STAFF).await?,
            arabic: create_desk(store, tree::ARABIC_STAFF).await?,
            agencies,
        })
    }

    /// A byline for a story of this kind in this edition.
    pub(crate) fn byline(&self, lang: Lang, kind: StoryKind, rng: &mut Rng) -> Vec<CreditRef> {
        let desk = match lang {
            Lang::English => &self.english,
            Lang::Arabic => &self.arabic,
        };
        desk.byline(kind, &self.agencies, rng)
    }
}

impl Desk {
    fn byline(&self, kind: StoryKind, agencies: &[i64], rng: &mut Rng) -> Vec<CreditRef> {
        match kind {
            StoryKind::Opinion => vec![CreditRef::Author(
                *rng.pick(&self.columnists),
                CreditRole::By,
            )],
            _ if rng.chance(35) => {
                vec![CreditRef::Agency(*rng.pick(agencies), CreditRole::By)]
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

pub(crate) fn kind_for(subject: &str, top: &str) -> StoryKind {
    match (subject, top) {
        ("gallery", _) => StoryKind::Gallery,
        ("tv", _) => StoryKind::Video,
        (_, "opinion") => StoryKind::Opinion,
        _ => StoryKind::News,
    }
}

pub(crate) fn body_of(pieces: Vec<Piece>) -> Vec<Block> {
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

/// The edition's topics that fit each subject (section slug), with their seeds.
type TopicsBySubject = HashMap<&'static str, Vec<(i64, &'static text::TopicSeed)>>;

/// Creates the edition's topics; returns them by the subjects they fit.
async fn create_topics(
    store: &dyn Store,
    edition: &EditionSeed,
) -> anyhow::Result<TopicsBySubject> {
    let mut by_subject: TopicsBySubject = HashMap::new();
    for seed in text::topics(edition.lang) {
        let id = store
            .create_topic(&NewTopic {
                edition_id: edition.id,
                slug: seed.slug.clone(),
                name: seed.name.clone(),
                description: seed.description.clone(),
            })
            .await
            .with_context(|| format!("creating topic {}", seed.slug))?;
        for subject in &seed.subjects {
            by_subject
                .entry(subject.as_str())
                .or_default()
                .push((id, seed));
        }
    }
    Ok(by_subject)
}

/// The state of one edition's story generation.
struct Writer<'a> {
    store: &'a dyn Store,
    media: &'a dyn MediaStore,
    people: &'a People,
    edition: &'a EditionSeed,
    size: DemoSize,
    rng: Rng,
    topics: TopicsBySubject,
    now: Timestamp,
    slugs: HashSet<(i64, String)>,
    by_section: HashMap<i64, Vec<i64>>,
    /// Every photo drawn so far, for the archive to reuse.
    photos: Vec<i64>,
}

/// Creates the stories of one edition; returns how many, and with `archive` what an
/// archive of the edition is made from.
pub async fn create_stories(
    store: &dyn Store,
    media: &dyn MediaStore,
    people: &People,
    edition: &EditionSeed,
    size: DemoSize,
    archive: bool,
) -> anyhow::Result<(usize, Option<EditionArchive>)> {
    let mut writer = Writer {
        store,
        media,
        people,
        edition,
        size,
        rng: Rng::new(0x6d61_7374 + edition.id as u64),
        topics: create_topics(store, edition).await?,
        now: Timestamp::now(),
        slugs: HashSet::new(),
        by_section: HashMap::new(),
        photos: Vec::new(),
    };
    let mut count = 0;
    for &(section_id, subject, top) in &edition.leaves {
        let kind = kind_for(subject, top);
        let wanted = match kind {
            StoryKind::Gallery => size.stories_per_section.max(6),
            StoryKind::Video => size.stories_per_section.max(4),
            _ => size.stories_per_section,
        };
        for _ in 0..wanted {
            let id = writer.write(section_id, subject, kind).await?;
            if count == 0 {
                // An old URL, as if the first story had moved: it answers 301.
                store
                    .create_redirect(edition.id, "/news/an-earlier-address", id)
                    .await?;
            }
            count += 1;
        }
    }
    let archive = match archive {
        true => Some(writer.archive_seed().await?),
        false => None,
    };
    Ok((count, archive))
}

impl Writer<'_> {
    /// Articles written per leaf section for the archive to draw its bodies from.
    const ARCHIVE_ARTICLES_PER_SECTION: usize = 8;

    /// The leaf sections with their topics, a pool of bodies with their keywords, and
    /// the photos drawn so far: what an archive of this edition reuses.
    async fn archive_seed(mut self) -> anyhow::Result<EditionArchive> {
        let lang = self.edition.lang;
        let mut leaves = Vec::new();
        for &(section_id, subject, top) in &self.edition.leaves {
            let kind = kind_for(subject, top);
            let mut articles = Vec::new();
            for _ in 0..Self::ARCHIVE_ARTICLES_PER_SECTION {
                let words = 355 + self.rng.below(946);
                let opinion = kind == StoryKind::Opinion;
                let article = text::write_article(lang, subject, opinion, words, &mut self.rng);
                articles.push(ArchiveArticle {
                    keyword_ids: self.keywords(&article.keywords).await?,
                    dateline: (!opinion).then_some(article.dateline),
                    body: Body(body_of(article.pieces)),
                });
            }
            leaves.push(ArchiveLeaf {
                section_id,
                subject,
                kind,
                topic_ids: self
                    .topics
                    .get(subject)
                    .map(|fitting| fitting.iter().map(|(id, _)| *id).collect())
                    .unwrap_or_default(),
                articles,
            });
        }
        Ok(EditionArchive {
            edition_id: self.edition.id,
            lang,
            leaves,
            photos: self.photos,
        })
    }

    /// Writes and stores one story; returns its id.
    async fn write(
        &mut self,
        section_id: i64,
        subject: &str,
        kind: StoryKind,
    ) -> anyhow::Result<i64> {
        let lang = self.edition.lang;
        // The generator lands within 15% of the target: 355..=1300 keeps every story
        // between 300 and 1,500 words.
        let words = 355 + self.rng.below(946);
        let opinion = kind == StoryKind::Opinion;
        let article = text::write_article(lang, subject, opinion, words, &mut self.rng);
        let mut slug = slugify(&article.headline, 80);
        while !self.slugs.insert((section_id, slug.clone())) {
            slug = format!("{slug}-{}", self.rng.below(1000));
        }
        let earlier = self
            .by_section
            .get(&section_id)
            .cloned()
            .unwrap_or_default();
        let mut body = body_of(article.pieces);
        if let Some(related) = earlier.last().filter(|_| body.len() > 4) {
            body.insert(3, Block::Related { story_id: *related });
        }
        let with_image =
            matches!(kind, StoryKind::Gallery | StoryKind::Video) || self.rng.chance(85);
        let hero_image_id = match with_image {
            true => Some(self.photo(article.caption.clone()).await?),
            false => None,
        };
        let mut gallery = Vec::new();
        if kind == StoryKind::Gallery {
            for _ in 0..self.size.gallery_photos {
                let caption = text::photo_caption(lang, subject, &mut self.rng);
                let image_id = self.photo(caption.clone()).await?;
                gallery.push(GalleryItem { image_id, caption });
            }
        }
        let (published_at, updated_at) = self.times();
        let story = NewStory {
            edition_id: self.edition.id,
            updated_at,
            status: StoryStatus::Published,
            published_at: Some(published_at),
            owner_id: None,
            fields: StoryFields {
                kind,
                headline: article.headline,
                standfirst: Some(article.standfirst),
                slug,
                section_id: Some(section_id),
                secondary_section_ids: Vec::new(),
                body: Body(body),
                credits: self.people.byline(lang, kind, &mut self.rng),
                dateline: (!opinion).then_some(article.dateline),
                hero_image_id,
                topic_ids: self.pick_topics(subject, &article.subject),
                keyword_ids: self.keywords(&article.keywords).await?,
                recommended_ids: match self.rng.chance(30) {
                    true => earlier.iter().rev().take(2).copied().collect(),
                    false => Vec::new(),
                },
                gallery,
                video_url: (kind == StoryKind::Video)
                    .then(|| "https://www.youtube.com/watch?v=aqz-KE-bpKQ".to_string()),
                seo_title: None,
                seo_description: None,
            },
        };
        let id = self
            .store
            .create_story(&story)
            .await
            .context("creating a demo story")?;
        self.by_section.entry(section_id).or_default().push(id);
        Ok(id)
    }

    /// Draws and stores a photo with this caption (also its alt text).
    async fn photo(&mut self, caption: String) -> anyhow::Result<i64> {
        let credit = match self.edition.lang {
            Lang::Arabic => "صورة: ميريديان هيرالد",
            Lang::English => "Meridian Herald Photo",
        };
        let alt = caption.clone();
        let id = images::make_image(
            self.store,
            self.media,
            &mut self.rng,
            caption,
            credit.to_string(),
            alt,
            self.size.sketched_photos,
        )
        .await?;
        self.photos.push(id);
        Ok(id)
    }

    /// Ids of the keywords, created as needed.
    async fn keywords(&self, keywords: &[String]) -> anyhow::Result<Vec<i64>> {
        let mut ids = Vec::new();
        for keyword in keywords {
            let id = self
                .store
                .ensure_keyword(self.edition.id, &slugify(keyword, 60), keyword)
                .await?;
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        Ok(ids)
    }

    /// Up to two of the topics that fit a section's subject and are about the story's.
    fn pick_topics(&mut self, subject: &str, about: &str) -> Vec<i64> {
        let fitting: Vec<i64> = self
            .topics
            .get(subject)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter(|(_, seed)| seed.is_about(about))
            .map(|(id, _)| *id)
            .collect();
        pick_topics(&fitting, &mut self.rng)
    }

    /// A publication time in the last two years, and an update time a quarter of the time.
    fn times(&mut self) -> (Timestamp, Timestamp) {
        let ago = SignedDuration::from_mins((30 + self.rng.below(TWO_YEARS_MINUTES)) as i64);
        let published = self.now.checked_sub(ago).unwrap_or(self.now);
        if !self.rng.chance(25) {
            return (published, published);
        }
        let later = SignedDuration::from_mins(20 + self.rng.below(300) as i64);
        let updated = published
            .checked_add(later)
            .unwrap_or(published)
            .min(self.now);
        (published, updated)
    }
}
