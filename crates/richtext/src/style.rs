//! The few inline-style declarations that carry meaning in pasted HTML.
//!
//! Google Docs marks bold and italic only with `font-weight` and `font-style`, and wraps
//! everything in a `<b style="font-weight:normal">` that is not bold; Word marks list
//! paragraphs and their bullets with `mso-list`. Everything else in `style` is dropped.

/// What an element's `style` attribute says that matters here.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Style {
    /// `Some(true)` for bold weights, `Some(false)` for normal ones.
    pub(crate) bold: Option<bool>,
    /// `Some(true)` for italic or oblique, `Some(false)` for normal.
    pub(crate) italic: Option<bool>,
    /// Not shown: `display:none`, `visibility:hidden` or Word's `mso-hide:all`.
    pub(crate) hidden: bool,
    /// Word's list id (`l0` in `mso-list:l0 level1 lfo1`) on a list paragraph.
    pub(crate) word_list: Option<String>,
    /// Word's `mso-list:Ignore` on the bullet or number it writes before an item.
    pub(crate) word_marker: bool,
}

impl Style {
    /// Reads a `style` attribute's declarations; unknown ones are ignored.
    pub(crate) fn parse(style: &str) -> Style {
        let mut parsed = Style::default();
        for declaration in style.split(';') {
            let Some((name, value)) = declaration.split_once(':') else {
                continue;
            };
            let name = name.trim().to_ascii_lowercase();
            let value = value.trim().trim_end_matches("!important").trim();
            let value = value.to_ascii_lowercase();
            match name.as_str() {
                "font-weight" => parsed.bold = weight(&value).or(parsed.bold),
                "font-style" => {
                    parsed.italic = match value.as_str() {
                        "normal" => Some(false),
                        v if v == "italic" || v.starts_with("oblique") => Some(true),
                        _ => parsed.italic,
                    }
                }
                "display" if value == "none" => parsed.hidden = true,
                "visibility" if value == "hidden" => parsed.hidden = true,
                "mso-hide" if value == "all" => parsed.hidden = true,
                "mso-list" => match value.split_whitespace().next() {
                    Some("ignore") => parsed.word_marker = true,
                    Some("none") | None => {}
                    Some(list) => parsed.word_list = Some(list.to_string()),
                },
                _ => {}
            }
        }
        parsed
    }
}

fn weight(value: &str) -> Option<bool> {
    match value {
        "bold" | "bolder" => Some(true),
        "normal" | "lighter" => Some(false),
        number => number.parse::<u16>().ok().map(|weight| weight >= 600),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn google_docs_weights_and_styles_are_read() {
        let wrapper = Style::parse("font-weight:normal;");
        let bold = Style::parse("font-size:11pt;font-weight:700;font-style:normal;");
        let italic = Style::parse("font-weight:400; font-style: italic");

        assert_eq!(wrapper.bold, Some(false));
        assert_eq!((bold.bold, bold.italic), (Some(true), Some(false)));
        assert_eq!((italic.bold, italic.italic), (Some(false), Some(true)));
    }

    #[test]
    fn word_properties_are_not_mistaken_for_css_ones() {
        let style = Style::parse("mso-bidi-font-weight:normal;mso-bidi-font-style:normal");

        assert_eq!(style, Style::default());
    }

    #[test]
    fn word_list_paragraphs_and_markers_are_recognised() {
        let item = Style::parse("margin-left:.5in;text-indent:-.25in;mso-list:l1 level1 lfo2");
        let marker = Style::parse("mso-list:Ignore");
        let heading = Style::parse("mso-list:none");

        assert_eq!(item.word_list.as_deref(), Some("l1"));
        assert!(marker.word_marker);
        assert_eq!(heading, Style::default());
    }

    #[test]
    fn hidden_content_is_noticed() {
        for style in [
            "display: none",
            "visibility:hidden",
            "mso-hide:all",
            "DISPLAY:NONE",
        ] {
            assert!(Style::parse(style).hidden, "{style}");
        }
    }
}
