//! Writes a body as canonical editor HTML.

use std::fmt::Write;

use store::{Block, Body, Inline};

use crate::url::{embed_provider, link_card_host, safe_link};

/// Writes the canonical HTML for a body, one block per line.
pub(crate) fn write_body(body: &Body, image_src: &dyn Fn(i64) -> Option<String>) -> String {
    let mut html = String::new();
    for block in &body.0 {
        write_block(&mut html, block, image_src);
        html.push('\n');
    }
    html
}

fn write_block(html: &mut String, block: &Block, image_src: &dyn Fn(i64) -> Option<String>) {
    match block {
        Block::Paragraph { inlines } => {
            html.push_str("<p>");
            write_runs(html, inlines);
            html.push_str("</p>");
        }
        Block::Heading { level, text } => {
            let tag = if *level <= 2 { "h2" } else { "h3" };
            let _ = write!(html, "<{tag}>{}</{tag}>", escape_text(text));
        }
        Block::Quote { text, cite } => {
            let _ = write!(html, "<blockquote><p>{}</p>", escape_text(text));
            if let Some(cite) = cite {
                let _ = write!(html, "<cite>{}</cite>", escape_text(cite));
            }
            html.push_str("</blockquote>");
        }
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            let _ = writeln!(html, "<{tag}>");
            for item in items {
                html.push_str("<li>");
                write_runs(html, item);
                html.push_str("</li>\n");
            }
            let _ = write!(html, "</{tag}>");
        }
        Block::Image { image_id, caption } => {
            let _ = write!(html, "<figure data-image-id=\"{image_id}\">");
            if let Some(src) = image_src(*image_id) {
                let _ = write!(html, "<img src=\"{}\" alt=\"\">", escape_attr(&src));
            }
            let caption = caption.as_deref().unwrap_or_default();
            let _ = write!(
                html,
                "<figcaption>{}</figcaption></figure>",
                escape_text(caption)
            );
        }
        Block::Embed { url } if embed_provider(url).is_some() => {
            let _ = write!(html, "<div data-embed=\"{}\"></div>", escape_attr(url));
        }
        // An embed the editor would not accept is kept as its URL, which the writer can see.
        Block::Embed { url } => {
            let _ = write!(html, "<p>{}</p>", escape_text(url));
        }
        Block::LinkCard { url, title } if link_card_host(url).is_some() => {
            let _ = write!(html, "<div data-link-card=\"{}\"", escape_attr(url));
            if let Some(title) = title {
                let _ = write!(html, " data-title=\"{}\"", escape_attr(title));
            }
            html.push_str("></div>");
        }
        Block::LinkCard { url, .. } => {
            let _ = write!(html, "<p>{}</p>", escape_text(url));
        }
        Block::Related { story_id } => {
            let _ = write!(html, "<div data-related=\"{story_id}\"></div>");
        }
    }
}

/// Writes runs as `<a href><strong><em>text</em></strong></a>`, outermost first.
fn write_runs(html: &mut String, runs: &[Inline]) {
    for run in runs {
        let link = run.link.as_deref().and_then(safe_link);
        if let Some(href) = &link {
            let _ = write!(html, "<a href=\"{}\">", escape_attr(href));
        }
        if run.bold {
            html.push_str("<strong>");
        }
        if run.italic {
            html.push_str("<em>");
        }
        html.push_str(&escape_text(&run.text));
        if run.italic {
            html.push_str("</em>");
        }
        if run.bold {
            html.push_str("</strong>");
        }
        if link.is_some() {
            html.push_str("</a>");
        }
    }
}

fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '\u{a0}' => escaped.push_str("&nbsp;"),
            _ => escaped.push(ch),
        }
    }
    escaped
}

fn escape_attr(value: &str) -> String {
    escape_text(value).replace('"', "&quot;")
}
