//! Input meant to break or abuse the parser.

use std::time::{Duration, Instant};

use richtext::{body_to_html, parse_body};

use crate::helpers::{link, p, para, text};

#[test]
fn scripts_styles_and_active_content_never_become_text() {
    let cases = [
        ("<script>alert(1)</script>", "script"),
        (
            "<SCRIPT type=module>import('x')</SCRIPT>",
            "upper-case script",
        ),
        ("<style>body{display:none}</style>", "style"),
        ("<iframe src=javascript:alert(1)>inner</iframe>", "iframe"),
        (
            "<object data=x.swf><param name=a value=b>fallback</object>",
            "object",
        ),
        ("<svg onload=alert(1)><text>svg text</text></svg>", "svg"),
        ("<math><mi>x</mi></math>", "math"),
        ("<template><p>later</p></template>", "template"),
        ("<noscript><p>no script</p></noscript>", "noscript"),
        (
            "<textarea>typed</textarea><select><option>opt</select>",
            "form controls",
        ),
        ("<!-- secret comment -->", "comment"),
        (
            "<xml><o:DocumentProperties>meta</o:DocumentProperties></xml>",
            "Word xml",
        ),
        (
            "<p hidden>hidden</p><span style='display:none'>none</span>",
            "hidden",
        ),
    ];

    for (html, reason) in cases {
        let body = parse_body(&format!("<p>before</p>{html}<p>after</p>"));

        assert_eq!(body.0, vec![para("before"), para("after")], "{reason}");
    }
}

#[test]
fn event_handlers_and_script_links_are_dropped_but_words_kept() {
    let body = parse_body(
        "<p><img src=x onerror=alert(1)>Caption <a href=\"javascript:alert(1)\" onclick=\"alert(2)\">x</a> \
         <b onmouseover=alert(3)>bold</b></p>",
    );

    let html = body_to_html(&body);

    assert_eq!(html, "<p>Caption x <strong>bold</strong></p>\n");
    for bad in ["onerror", "onclick", "javascript", "alert"] {
        assert!(!html.contains(bad), "{bad} in {html}");
    }
}

#[test]
fn sql_looking_text_is_kept_verbatim() {
    let sql = "Robert'); DROP TABLE stories;-- \"; SELECT * FROM users WHERE '1'='1";

    let from_text = parse_body(sql);
    let from_html = parse_body(&format!("<p><a href=\"/s?q=';--\">{sql}</a></p>"));

    assert_eq!(from_text.0, vec![para(sql)]);
    assert_eq!(from_html.0, vec![p(vec![link(sql, "/s?q=';--")])]);
}

#[test]
fn a_megabyte_of_text_is_parsed_quickly() {
    let plain = "All work and no play. ".repeat(48_000);
    let html = "<p>Some <b>bold</b> and <a href=\"/x\">a link</a>.</p>\n".repeat(20_000);

    let started = Instant::now();
    let from_plain = parse_body(&plain);
    let from_html = parse_body(&html);
    let elapsed = started.elapsed();

    assert_eq!(from_plain.0, vec![para(plain.trim_end())]);
    assert_eq!(from_html.0.len(), 20_000);
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
}

#[test]
fn deep_nesting_neither_overflows_nor_goes_quadratic() {
    let cases = [
        ("<div>", "</div>"),
        ("<blockquote>", ""),
        ("<ul><li>", ""),
        ("<b><i>", ""),
        ("<span>", "</span>"),
        ("<table><tr><td>", ""),
    ];

    for (open, close) in cases {
        let html = format!("{}deep{}", open.repeat(10_000), close.repeat(10_000));

        let started = Instant::now();
        let body = parse_body(&html);
        let elapsed = started.elapsed();

        assert_eq!(body.word_count(), 1, "{open}");
        assert!(elapsed < Duration::from_secs(2), "{open} took {elapsed:?}");
    }
}

#[test]
fn a_megabyte_of_open_tags_is_still_linear() {
    let html = "<div>".repeat(200_000) + "end";

    let started = Instant::now();
    let body = parse_body(&html);
    let elapsed = started.elapsed();

    assert_eq!(body.0, vec![p(vec![text("end")])]);
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
}
