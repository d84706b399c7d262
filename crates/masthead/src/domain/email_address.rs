//! Email addresses readers type: trimmed, lower-cased, and checked for the shape mail
//! servers accept (RFC 5321 limits), without quoted local parts or IP literals.

/// The longest address SMTP carries.
pub const MAX_LENGTH: usize = 254;

/// The address, cleaned and lower-cased, or why it is not one (for the form).
pub fn parse_email(value: &str) -> Result<String, &'static str> {
    let value = value.trim();
    if value.is_empty() {
        return Err("empty");
    }
    if value.len() > MAX_LENGTH {
        return Err("long");
    }
    let Some((local, domain)) = value.rsplit_once('@') else {
        return Err("shape");
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|top| top.chars().all(char::is_alphabetic) && top.chars().count() >= 2);
    if !(local_ok && domain_ok) {
        return Err("shape");
    }
    Ok(value.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_cleaned_or_refused() {
        assert_eq!(
            parse_email("  Reader@Example.COM "),
            Ok("reader@example.com".into())
        );
        assert_eq!(
            parse_email("a.b+news@mail.example.org"),
            Ok("a.b+news@mail.example.org".into())
        );
        assert_eq!(parse_email("قارئ@مثال.موقع"), Ok("قارئ@مثال.موقع".into()));
        for bad in [
            "",
            "reader",
            "reader@",
            "@example.com",
            "reader@localhost",
            "reader@example.c0m",
            "re der@example.com",
            "reader@example.com\r\nBcc: victim@example.com",
            "reader@exa_mple.com",
            "<script>@example.com",
            "'; DROP TABLE subscribers; --@example.com",
            ".reader@example.com",
            "reader@-example.com",
            "reader@[127.0.0.1]",
        ] {
            assert!(parse_email(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            parse_email(&format!("{}@example.com", "a".repeat(65))),
            Err("shape")
        );
        assert_eq!(
            parse_email(&format!("a@{}.com", "b".repeat(260))),
            Err("long")
        );
    }
}
