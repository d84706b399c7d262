//! The demo newsroom: an English and an Arabic edition with the reference site's structure,
//! hundreds of generated stories over two years, people, topics, pages and photos.
//!
//! The app hands it a store, a media store and an [`AccountMaker`]; [`create_sized`] fills them
//! and returns a [`Demo`]. The story text comes from phrase banks in `data/` and a seeded
//! generator, so the same newsroom comes out on every run (bar its dates and passwords).

mod accounts;
mod archive;
mod desks;
mod images;
mod news_desks;
mod newsletters;
mod pages;
mod stories;
mod text;
mod tree;

use std::collections::HashMap;

use anyhow::Context;
use store::files::MediaStore;
use store::*;

pub use accounts::{AccountMaker, DemoAccount, DemoAccounts, NewDemoAccount};
pub use archive::{Archive, ArchiveSink};
use tree::SectionSeed;

/// How much content the demo makes.
#[derive(Clone, Copy, Debug)]
pub struct DemoSize {
    /// Stories per leaf section (a subsection, or a top section without any).
    pub stories_per_section: usize,
    /// Photos per gallery story.
    pub gallery_photos: usize,
    /// Whether photos are only sketched: every rendition drawn 16 pixels wide (its record
    /// still gives the full size). The newsroom is otherwise the same, text, ids and all,
    /// and is made many times faster, for tests that never look at the pictures.
    pub sketched_photos: bool,
}

impl DemoSize {
    /// The full demo: over 400 stories.
    pub const FULL: DemoSize = DemoSize {
        stories_per_section: 7,
        gallery_photos: 8,
        sketched_photos: false,
    };
    /// A small newsroom for tests: every page type, a few stories each.
    pub const SMALL: DemoSize = DemoSize {
        stories_per_section: 2,
        gallery_photos: 3,
        sketched_photos: false,
    };

    /// The same newsroom with its photos only sketched (see
    /// [`DemoSize::sketched_photos`]).
    pub const fn with_sketched_photos(self) -> DemoSize {
        DemoSize {
            sketched_photos: true,
            ..self
        }
    }
}

/// A built edition: its id and its leaf sections with the text subject of each.
struct EditionSeed {
    id: i64,
    lang: text::Lang,
    /// (section id, subject, top section slug).
    leaves: Vec<(i64, &'static str, &'static str)>,
}

/// Creates a demo newsroom of the given size in an empty store.
pub async fn create_sized(
    store: &dyn Store,
    media: &dyn MediaStore,
    accounts: &dyn AccountMaker,
    size: DemoSize,
) -> anyhow::Result<Demo> {
    create_with_archive(store, media, accounts, size, None).await
}

/// Creates a demo newsroom of the given size in an empty store, and then, if asked, an
/// archive of generated stories on top of it.
pub async fn create_with_archive(
    store: &dyn Store,
    media: &dyn MediaStore,
    accounts: &dyn AccountMaker,
    size: DemoSize,
    archive: Option<Archive<'_>>,
) -> anyhow::Result<Demo> {
    store
        .save_settings(&SiteSettings {
            site_name: "The Meridian Herald".to_string(),
            copyright_holder: "Meridian Media Group".to_string(),
            newsletter_pitch: "The day's essential stories from Türkiye, its region and the world, in your inbox every morning.".to_string(),
        })
        .await
        .context("saving settings")?;
    let english = create_edition(store, "en", "English", text::Lang::English, "").await?;
    let arabic = create_edition(store, "ar", "عربي", text::Lang::Arabic, "/ar").await?;
    let english = create_tree(
        store,
        english,
        tree::ENGLISH_TREE,
        tree::ENGLISH_CROSS_LISTINGS,
    )
    .await?;
    let arabic = create_tree(store, arabic, tree::ARABIC_TREE, &[]).await?;
    let people = stories::People::create(store).await?;
    let mut count = 0;
    let mut seeds = Vec::new();
    for edition in [&english, &arabic] {
        let (written, seed) =
            stories::create_stories(store, media, &people, edition, size, archive.is_some())
                .await?;
        count += written;
        seeds.extend(seed);
        create_pages(store, edition).await?;
        newsletters::create_newsletters(store, edition).await?;
        desks::create_desks(store, edition).await?;
    }
    let accounts = accounts::create_accounts(store, accounts, people.first_staff()).await?;
    for edition in [&english, &arabic] {
        news_desks::create_news_desks(store, edition).await?;
    }
    let mut summary = String::new();
    if let Some(archive) = archive {
        let started = std::time::Instant::now();
        let written = archive::write_archive(&people, &seeds, archive).await?;
        let seconds = started.elapsed().as_secs_f64();
        count += written;
        summary = format!(
            " (the archive's {written} in {seconds:.1} s, {:.0} a second)",
            written as f64 / seconds.max(0.001)
        );
    }
    Ok(Demo {
        summary: format!("Created {count} stories in 2 editions{summary}"),
        accounts,
    })
}

/// What the demo made: a summary line and the newsroom accounts.
#[derive(Debug)]
pub struct Demo {
    /// One line for the console.
    pub summary: String,
    /// One account per role.
    pub accounts: DemoAccounts,
}

async fn create_edition(
    store: &dyn Store,
    code: &str,
    name: &str,
    lang: text::Lang,
    prefix: &str,
) -> anyhow::Result<EditionSeed> {
    let rtl = lang == text::Lang::Arabic;
    let id = store
        .create_edition(&NewEdition {
            code: code.to_string(),
            name: name.to_string(),
            language: code.to_string(),
            direction: if rtl { Direction::Rtl } else { Direction::Ltr },
            timezone: "Europe/Istanbul".to_string(),
            path_prefix: prefix.to_string(),
        })
        .await
        .with_context(|| format!("creating edition {code}"))?;
    Ok(EditionSeed {
        id,
        lang,
        leaves: Vec::new(),
    })
}

/// Creates sections and the header and footer menus built from them.
async fn create_tree(
    store: &dyn Store,
    mut edition: EditionSeed,
    seeds: &'static [SectionSeed],
    cross: &[(&str, [&str; 2])],
) -> anyhow::Result<EditionSeed> {
    let arabic = edition.lang == text::Lang::Arabic;
    let mut ids: HashMap<(&str, &str), i64> = HashMap::new();
    let menu = |menu, parent_id, position, section_id| NewMenuItem {
        edition_id: edition.id,
        menu,
        parent_id,
        position,
        section_id: Some(section_id),
        label: None,
        url: None,
    };
    let mut items = Vec::new();
    for (position, (slug, name, children)) in seeds.iter().enumerate() {
        let top = store
            .create_section(&NewSection {
                edition_id: edition.id,
                parent_id: None,
                slug: (*slug).to_string(),
                name: (*name).to_string(),
                description: section_description(name, arabic),
                position: position as i64,
            })
            .await
            .with_context(|| format!("creating section {slug}"))?;
        ids.insert((slug, ""), top);
        let mut kids = Vec::new();
        for (child_position, (child_slug, child_name)) in children.iter().enumerate() {
            let child = store
                .create_section(&NewSection {
                    edition_id: edition.id,
                    parent_id: Some(top),
                    slug: (*child_slug).to_string(),
                    name: (*child_name).to_string(),
                    description: section_description(child_name, arabic),
                    position: child_position as i64,
                })
                .await
                .with_context(|| format!("creating section {slug}/{child_slug}"))?;
            ids.insert((slug, child_slug), child);
            kids.push(child);
            // Arabic sections are few; their stories take the top section's subject.
            let subject = if arabic { *slug } else { *child_slug };
            edition.leaves.push((child, subject, slug));
        }
        if children.is_empty() || arabic {
            edition.leaves.push((top, slug, slug));
        }
        items.push((top, kids, *slug));
    }
    for kind in [MenuKind::Header, MenuKind::Footer] {
        for (position, (top, kids, slug)) in items.iter().enumerate() {
            let parent = store
                .create_menu_item(&menu(kind, None, position as i64, *top))
                .await?;
            let mut children = kids.clone();
            for (shown_under, [parent_slug, child_slug]) in cross {
                if shown_under == slug
                    && let Some(id) = ids.get(&(*parent_slug, *child_slug))
                {
                    children.push(*id);
                }
            }
            for (child_position, child) in children.iter().enumerate() {
                store
                    .create_menu_item(&menu(kind, Some(parent), child_position as i64, *child))
                    .await?;
            }
        }
    }
    Ok(edition)
}

fn section_description(name: &str, arabic: bool) -> String {
    if arabic {
        format!("آخر أخبار {name} وتحليلاتها من ميريديان هيرالد.")
    } else {
        format!("The latest {name} news, analysis and features from The Meridian Herald.")
    }
}

/// Creates the static pages, their footer links and the job listings.
async fn create_pages(store: &dyn Store, edition: &EditionSeed) -> anyhow::Result<()> {
    let arabic = edition.lang == text::Lang::Arabic;
    let (seeds, jobs) = if arabic {
        (pages::ARABIC_PAGES, pages::ARABIC_JOBS)
    } else {
        (pages::ENGLISH_PAGES, pages::ENGLISH_JOBS)
    };
    let prefix = if arabic { "/ar" } else { "" };
    let now = jiff::Timestamp::now();
    for (position, (slug, title, paragraphs)) in seeds.iter().enumerate() {
        if !paragraphs.is_empty() {
            create_page(store, edition, slug, title, paragraphs, now).await?;
        }
        store
            .create_menu_item(&NewMenuItem {
                edition_id: edition.id,
                menu: MenuKind::Service,
                parent_id: None,
                position: position as i64,
                section_id: None,
                label: Some((*title).to_string()),
                url: Some(format!("{prefix}/{slug}")),
            })
            .await?;
    }
    for (age, (title, location, employment_type, description, closing)) in jobs.iter().enumerate() {
        let days = |days: i64| jiff::SignedDuration::from_hours(24 * days);
        let posted_at = now.checked_sub(days(3 * age as i64 + 1)).unwrap_or(now);
        let job = NewJobListing {
            edition_id: edition.id,
            posted_at,
            fields: JobFields {
                title: (*title).to_string(),
                location: (*location).to_string(),
                description: (*description).to_string(),
                employment_type: *employment_type,
                closes_at: now.checked_add(days(*closing)).ok(),
                apply_url: String::new(),
                apply_email: "jobs@meridian.example".to_string(),
            },
        };
        store.create_job_listing(&job, None).await?;
    }
    Ok(())
}

/// Creates one published static page.
async fn create_page(
    store: &dyn Store,
    edition: &EditionSeed,
    slug: &str,
    title: &str,
    paragraphs: &[&str],
    now: jiff::Timestamp,
) -> anyhow::Result<()> {
    let body = Body(
        paragraphs
            .iter()
            .map(|text| Block::Paragraph {
                inlines: vec![Inline::plain(*text)],
            })
            .collect(),
    );
    store
        .create_story(&NewStory {
            edition_id: edition.id,
            status: StoryStatus::Published,
            published_at: Some(now),
            updated_at: now,
            owner_id: None,
            fields: StoryFields {
                kind: StoryKind::Page,
                headline: title.to_string(),
                standfirst: None,
                slug: slug.to_string(),
                section_id: None,
                secondary_section_ids: Vec::new(),
                body,
                credits: Vec::new(),
                dateline: None,
                hero_image_id: None,
                topic_ids: Vec::new(),
                keyword_ids: Vec::new(),
                recommended_ids: Vec::new(),
                gallery: Vec::new(),
                video_url: None,
                seo_title: None,
                seo_description: None,
            },
        })
        .await
        .with_context(|| format!("creating page {slug}"))?;
    Ok(())
}
