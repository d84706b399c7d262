//! Link cards: any https page as a card with an optional title; hostile addresses and
//! titles never get through.

use richtext::{body_to_html, link_card_host, parse_body};
use store::{Block, Body};

fn card(url: &str, title: Option<&str>) -> Block {
    Block::LinkCard {
        url: url.into(),
        title: title.map(String::from),
    }
}

#[test]
fn a_link_card_survives_a_round_trip_with_and_without_a_title() {
    let body = Body(vec![
        card(
            "https://example.org/report?id=1&x=2",
            Some("The \"annual\" report <2026>"),
        ),
        card("https://example.org", None),
    ]);

    let html = body_to_html(&body);

    assert_eq!(
        html,
        "<div data-link-card=\"https://example.org/report?id=1&amp;x=2\" data-title=\"The &quot;annual&quot; report &lt;2026&gt;\"></div>\n\
         <div data-link-card=\"https://example.org\"></div>\n"
    );
    assert_eq!(parse_body(&html), body);
}

#[test]
fn a_title_is_one_plain_line_and_a_blank_one_is_none() {
    let cases = [
        (
            "<div data-link-card=\"https://a.example/\" data-title=\"  two\n\tlines \"></div>",
            Some("two lines"),
        ),
        (
            "<div data-link-card=\"https://a.example/\" data-title=\"   \"></div>",
            None,
        ),
        (
            "<div data-link-card=\"https://a.example/\" data-title=\"a\u{7}b\"></div>",
            Some("a b"),
        ),
        (
            "<div data-link-card=\"https://a.example/\">ignored placeholder</div>",
            None,
        ),
    ];

    for (html, title) in cases {
        assert_eq!(
            parse_body(html).0,
            vec![card("https://a.example/", title)],
            "{html}"
        );
    }
}

#[test]
fn hostile_addresses_never_become_cards() {
    let cases = [
        ("javascript:alert(1)", "script scheme"),
        (
            "JAVASCRIPT://example.org/%0aalert(1)",
            "script scheme dressed as a host",
        ),
        ("data:text/html,<script>alert(1)</script>", "data URL"),
        ("http://example.org/", "plain http"),
        ("https://exa mple.org/", "space"),
        ("https://example.org/\"onmouseover=\"x", "quote"),
        ("https://user@example.org/", "user info"),
        ("https://example.org:8443/", "port"),
        ("https:///path", "no host"),
        ("https://localhost/", "no dot in the host"),
        ("//example.org/", "protocol-relative"),
    ];

    for (url, reason) in cases {
        assert_eq!(link_card_host(url), None, "{reason}");
        let html = format!(
            "<div data-link-card=\"{}\"></div>",
            url.replace('"', "&quot;")
        );
        let blocks = parse_body(&html).0;
        assert!(
            !blocks
                .iter()
                .any(|block| matches!(block, Block::LinkCard { .. })),
            "{reason}: {blocks:?}"
        );
    }
}

#[test]
fn a_card_inside_another_block_is_its_address_as_text() {
    let body =
        parse_body("<ul><li>see <div data-link-card=\"https://a.example/x\"></div></li></ul>");

    assert!(
        !body
            .0
            .iter()
            .any(|block| matches!(block, Block::LinkCard { .. })),
        "{body:?}"
    );
}

#[test]
fn the_host_is_lowercased_for_the_reader() {
    assert_eq!(
        link_card_host("https://News.Example.ORG/a").as_deref(),
        Some("news.example.org")
    );
}
