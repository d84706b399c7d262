//! The only route table.

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, post};

use crate::web::middleware;
use crate::web::newsroom::media::{edit as media_edit, library, picker, upload_form};
use crate::web::newsroom::story::{autosave, bulk, edit, list, preview, revisions, translation};
use crate::web::newsroom::{
    agencies, audit, authors, breaking, contact, dashboard, desks, fronts, guard, jobs, keywords,
    login, menus, news_desk, newsletter_list, newsletters, sections, session, suggest, topics,
    unsaved, users,
};
use crate::web::ops::{health, metrics};
use crate::web::site::{assets, newsletter, public_form, resolve, shortlink};
use crate::web::state::AppState;

/// Every route of the app, with its middleware.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/healthz", get(health::show_health))
        .route("/readyz", get(health::show_readiness))
        .route("/metrics", get(metrics::show_metrics))
        .route("/assets/{file}", get(assets::show_asset))
        .route("/media/{*key}", get(assets::show_media))
        .route("/s/{code}", get(shortlink::follow_shortlink))
        .route("/hooks/email", post(newsletter::bounces::report_bounce))
        .route("/", get(resolve::show_path))
        .nest("/admin", newsroom(state.clone()))
        // Paths belong to editions, whose prefixes live in the database: one catch-all
        // resolves them (GET), and takes each edition's public forms (POST).
        .route(
            "/{*path}",
            get(resolve::show_path).post(public_form::post_form),
        )
        .layer(from_fn_with_state(state.clone(), middleware::render_errors))
        .layer(from_fn(middleware::security_headers))
        .with_state(state)
}

/// Uploads are larger than forms: this route-level limit replaces the newsroom's.
fn upload_limit(state: &AppState) -> DefaultBodyLimit {
    DefaultBodyLimit::max(state.max_upload_bytes + upload_form::UPLOAD_SLACK)
}

/// The newsroom under `/admin`: every route behind the session and CSRF layer.
fn newsroom(state: Arc<AppState>) -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(dashboard::show_dashboard))
        .route("/login", get(login::show_login).post(login::login))
        .route("/logout", post(login::logout))
        .route(
            "/password",
            get(login::show_password).post(login::change_password),
        )
        .route("/language", post(login::change_language))
        .route("/stories", get(list::list_stories).post(edit::create))
        .route("/stories/new", get(edit::new_story))
        .route("/stories/bulk", post(bulk::bulk_stories))
        .route("/stories/{id}", get(edit::edit).post(edit::update))
        .route("/stories/{id}/autosave", post(autosave::autosave))
        .route(
            "/stories/{id}/preview",
            get(preview::show_preview).post(preview::preview_form),
        )
        .route("/stories/{id}/revisions", get(revisions::list_revisions))
        .route("/stories/{id}/restore", post(revisions::restore_revision))
        .route(
            "/stories/{id}/translation",
            get(translation::find_translation).post(translation::link_story),
        )
        .route(
            "/stories/{id}/translation/unlink",
            post(translation::unlink_story),
        )
        .route("/stories/{id}/translate", post(translation::translate))
        .route(
            "/media",
            get(library::list_media)
                .post(library::upload_media)
                .layer(upload_limit(&state)),
        )
        .route(
            "/media/picker",
            get(picker::search_images)
                .post(picker::upload)
                .layer(upload_limit(&state)),
        )
        .route(
            "/media/picker/{id}",
            get(picker::show_image).post(picker::save_image),
        )
        .route(
            "/media/{id}",
            get(media_edit::show_image).post(media_edit::update_media),
        )
        .route("/users", get(users::list_users).post(users::add_user))
        .route("/users/{id}", post(users::change_user))
        .route("/audit", get(audit::show_audit))
        .route(
            "/newsletters",
            get(newsletters::show_newsletters).post(newsletter_list::add_list),
        )
        .route("/newsletters/erase", post(newsletters::erase_subscriber))
        .route(
            "/newsletters/export.csv",
            get(newsletters::export_subscribers),
        )
        .route(
            "/newsletters/{id}",
            get(newsletter_list::show_list).post(newsletter_list::save_list),
        )
        .route(
            "/newsletters/{id}/preview",
            get(newsletter_list::preview_list),
        )
        .route("/newsletters/{id}/test", post(newsletter_list::test_send))
        .route("/newsletters/{id}/send", post(newsletter_list::send_now))
        .route("/jobs", get(jobs::list_jobs).post(jobs::add_job))
        .route("/jobs/{id}", get(jobs::edit_job).post(jobs::change_job))
        .route("/jobs/{id}/status", post(jobs::set_job_status))
        .merge(curation())
        .merge(people())
        .merge(contact_inbox())
        .merge(suggest())
        .merge(news_desks())
        .layer(DefaultBodyLimit::max(session::MAX_FORM))
        .layer(from_fn_with_state(state.clone(), session::newsroom_session))
        .layer(from_fn_with_state(
            state.clone(),
            unsaved::keep_unsaved_form,
        ))
        .layer(from_fn_with_state(state, guard::guard_writes))
}

/// The editor's type-ahead answers (JSON, behind the same session layer).
fn suggest() -> Router<Arc<AppState>> {
    Router::new()
        .route("/suggest/sections", get(suggest::suggest_sections))
        .route("/suggest/topics", get(suggest::suggest_topics))
        .route("/suggest/keywords", get(suggest::suggest_keywords))
        .route("/suggest/bylines", get(suggest::suggest_bylines))
        .route("/suggest/stories", get(suggest::suggest_stories))
}

/// The newsroom's pages for authors and agencies (behind the same session and CSRF layer,
/// added by `newsroom`).
/// Readers' contact messages and the desks they go to.
fn contact_inbox() -> Router<Arc<AppState>> {
    Router::new()
        .route("/contact", get(contact::show_inbox))
        .route("/contact/{id}", get(contact::show_message))
        .route("/contact/{id}/handled", post(contact::change_handled))
        .route("/contact/{id}/erase", post(contact::erase_contact_message))
        .route(
            "/contact/desks",
            get(desks::list_desks).post(desks::add_desk),
        )
        .route("/contact/desks/{id}", post(desks::change_desk))
        .route("/contact/desks/{id}/remove", post(desks::delete_desk))
}

/// The newsroom desks, for administrators.
fn news_desks() -> Router<Arc<AppState>> {
    use news_desk::*;
    Router::new()
        .route("/newsdesks", get(list_news_desks).post(add_news_desk))
        .route("/newsdesks/{id}", get(show_news_desk))
        .route("/newsdesks/{id}/name", post(rename_news_desk))
        .route("/newsdesks/{id}/sections", post(set_news_desk_sections))
        .route("/newsdesks/{id}/members", post(set_news_desk_members))
        .route(
            "/newsdesks/{id}/delete",
            get(confirm_delete_news_desk).post(delete_news_desk),
        )
}

fn people() -> Router<Arc<AppState>> {
    Router::new()
        .route(
            "/authors",
            get(authors::list_authors).post(authors::add_author),
        )
        .route(
            "/authors/{id}",
            get(authors::edit_author).post(authors::change_author),
        )
        .route("/authors/{id}/merge", post(authors::merge_author))
        .route(
            "/agencies",
            get(agencies::list_agencies).post(agencies::add_agency),
        )
        .route("/agencies/{id}", post(agencies::change_agency))
}

/// The newsroom's curation pages: sections, menus, topics, keywords, fronts and the
/// breaking-news bar (behind the same session and CSRF layer, added by `newsroom`).
fn curation() -> Router<Arc<AppState>> {
    Router::new()
        .route(
            "/sections",
            get(sections::list_sections).post(sections::add_section),
        )
        .route(
            "/sections/{id}",
            get(sections::edit_section).post(sections::change_section),
        )
        .route("/sections/{id}/move", post(sections::reorder_section))
        .route("/menus", get(menus::list_menus).post(menus::add_menu_item))
        .route("/menus/{id}/move", post(menus::move_menu_item))
        .route("/menus/{id}/remove", post(menus::remove_menu_item))
        .route("/topics", get(topics::list_topics).post(topics::add_topic))
        .route("/topics/{id}", post(topics::change_topic))
        .route("/keywords", get(keywords::list_keywords))
        .route("/keywords/merge", post(keywords::merge_keyword))
        .route("/fronts", get(fronts::show_fronts))
        .route("/fronts/pin", post(fronts::pin))
        .route("/fronts/unpin", post(fronts::unpin))
        .route("/fronts/move", post(fronts::move_pinned))
        .route(
            "/breaking",
            get(breaking::show_breaking).post(breaking::set_bar),
        )
        .route("/breaking/clear", post(breaking::clear_bar))
        .route("/breaking/email", post(breaking::email_bar))
}
